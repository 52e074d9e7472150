// Builds four kinds of bundle: the extension host entry (node/cjs, loads no SDK), one chunk per AWS SDK
// client that the entry requires at first use, the lazy chunks (details builders, action handlers, the
// panel host: code needed only when the user first opens or runs it) and the webview UI (browser/iife).
import * as esbuild from 'esbuild';
import { mkdirSync, readdirSync, rmSync, watch as watchFiles, writeFileSync } from 'node:fs';
import { basename, relative, sep } from 'node:path';
import { clearTimeout, setTimeout } from 'node:timers';
import { writeNotices } from './scripts/thirdPartyNotices.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');

/** Keeps `./sdk/<name>` imports as runtime requires of the separately built chunk (`dir` from the bundle). */
const sdkChunksExternal = (dir) => ({
  name: 'sdk-chunks-external',
  setup(build) {
    build.onResolve({ filter: /^(\.\.?\/)+(aws\/)?sdk\/[a-z]+$/ }, (args) => ({
      path: `${dir}${args.path.split('/').pop()}.js`,
      external: true,
    }));
  },
});

/** Every `src/<folder>/<name>.lazy.ts`: a chunk of its own, dist/lazy/<name>.js (names are unique across folders). */
const lazyFiles = readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.lazy.ts'));
const lazyChunks = Object.fromEntries(lazyFiles.map((file) => [basename(file, '.lazy.ts'), `src/${file.split(sep).join('/')}`]));
if (Object.keys(lazyChunks).length !== lazyFiles.length) {
  throw new Error('two lazy chunks share a file name: dist/lazy/ needs unique names');
}

/**
 * `require('./<name>.lazy')` (see src/util/lazy.ts) stays a runtime require of the built chunk (`dir` from
 * the bundle). A static import would put the chunk's code back into the importer, so the build refuses it
 * (type imports are erased).
 */
const lazyChunksExternal = (dir) => ({
  name: 'lazy-chunks-external',
  setup(build) {
    build.onResolve({ filter: /\.lazy$/ }, (args) => {
      const name = basename(args.path, '.lazy');
      if (!(name in lazyChunks)) {
        return undefined;
      }
      if (args.kind !== 'require-call') {
        return { errors: [{ text: `${name}.lazy is a lazy chunk: require it through lazy(), never import it` }] };
      }
      return { path: `${dir}${name}.js`, external: true };
    });
  },
});

/** The main bundle's export that hands its modules to the lazy chunks. */
const hostModulesExport = 'hostModules';
const skip = Symbol('resolving');

/**
 * A lazy chunk runs inside the loaded extension, so it takes every module the main bundle already holds from
 * there (`require('../extension.js')` returns the loaded host from Node's cache): one copy of each module
 * means one `instanceof` class, one log channel, one set of test hooks, one l10n bundle. `used` collects the
 * modules (paths from the repository root) that the main bundle must export for that. The main bundle hands
 * out module namespaces, so a chunk takes named and namespace imports from them (no `default`: src has none).
 */
const hostModulesShared = (inMain, used) => ({
  name: 'host-modules-shared',
  setup(build) {
    build.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData === skip || args.kind === 'entry-point' || args.namespace !== 'file') {
        return undefined;
      }
      const { kind, importer, resolveDir } = args;
      const resolved = await build.resolve(args.path, { kind, importer, resolveDir, pluginData: skip });
      const key = resolved.errors.length === 0 && !resolved.external ? relative('.', resolved.path).split(sep).join('/') : '';
      if (!inMain.has(key)) {
        return undefined;
      }
      used.add(key);
      return { path: key, namespace: 'host' };
    });
    build.onResolve({ filter: /^\.\.\/extension\.js$/, namespace: 'host' }, (args) => ({ path: args.path, external: true }));
    build.onLoad({ filter: /.*/, namespace: 'host' }, (args) => ({
      contents: `module.exports = require('../extension.js').${hostModulesExport}[${JSON.stringify(args.path)}];`,
      loader: 'js',
    }));
  },
});

const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'warning',
  legalComments: 'none',
  metafile: true,
};
const node = { ...common, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] };

/** The entry; `shared`: the modules it exports to the lazy chunks (none in the first pass, which only lists its modules). */
const mainConfig = (shared) => ({
  ...node,
  stdin: {
    contents: [
      `export * from './src/extension';`,
      ...shared.map((key, i) => `import * as m${i} from './${key}';`),
      `export const ${hostModulesExport} = {${shared.map((key, i) => `${JSON.stringify(key)}: m${i}`).join(', ')}};`,
    ].join('\n'),
    resolveDir: '.',
    sourcefile: 'extension-entry.js',
    loader: 'js',
  },
  outfile: 'dist/extension.js',
  plugins: [sdkChunksExternal('./sdk/'), lazyChunksExternal('./lazy/')],
});

const otherConfigs = [
  {
    ...node,
    entryPoints: {
      core: 'src/aws/sdk/core.ts',
      dynamodb: 'src/aws/sdk/dynamodb.ts',
      rds: 'src/aws/sdk/rds.ts',
      lambda: 'src/aws/sdk/lambda.ts',
      sts: 'src/aws/sdk/sts.ts',
    },
    outdir: 'dist/sdk',
    minify: true,
    sourcemap: false,
  },
  {
    ...common,
    entryPoints: { panel: 'src/webview-app/main.ts' },
    outdir: 'dist/webview',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    loader: { '.css': 'css' },
  },
];

/** Everything in dist/: the main bundle, the lazy chunks, the SDK chunks and the webview; returns their metafiles. */
async function buildShipped() {
  const first = await esbuild.build({ ...mainConfig([]), write: false });
  const inMain = new Set(Object.keys(first.metafile.inputs));
  const used = new Set();
  const [lazy, ...others] = await Promise.all([
    esbuild.build({
      ...node,
      entryPoints: lazyChunks,
      outdir: 'dist/lazy',
      plugins: [sdkChunksExternal('../sdk/'), lazyChunksExternal('./'), hostModulesShared(inMain, used)],
    }),
    ...otherConfigs.map((config) => esbuild.build(config)),
  ]);
  const main = await esbuild.build(mainConfig([...used].sort()));
  // Virtual modules (`host:…`, the generated entry) are no files: only real inputs go to the notices.
  return [main, lazy, ...others].map(({ metafile }) => ({
    ...metafile,
    inputs: Object.fromEntries(Object.entries(metafile.inputs).filter(([input]) => !input.includes(':') && input !== 'extension-entry.js')),
  }));
}

const testsConfig = {
  ...node,
  minify: false,
  sourcemap: 'inline',
  entryPoints: ['test/integration/index.ts'],
  outfile: 'out/test/integration/index.js',
  external: ['vscode', 'mocha'],
};

if (production) {
  // A release must not pick up source maps or chunks left by a development build.
  rmSync('dist', { recursive: true, force: true });
}

async function buildAll() {
  const [metafiles] = await Promise.all([buildShipped(), tests ? esbuild.build(testsConfig) : undefined]);
  // The licence notices of exactly the third-party code in dist/ (the VSIX ships them; test/package checks it).
  writeNotices(metafiles, 'dist/THIRD_PARTY_NOTICES.txt', 'AWS History Explorer');
  // What went into dist/, for test/package to check the notices against.
  mkdirSync('out', { recursive: true });
  writeFileSync('out/shipped-inputs.json', JSON.stringify(metafiles.flatMap((m) => Object.keys(m.inputs))));
}

await buildAll();
if (watch) {
  // The main bundle's exports depend on what the lazy chunks import, so every change rebuilds all of it.
  let timer;
  watchFiles('src', { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(
      () =>
        buildAll().then(
          () => console.log('[esbuild] rebuilt'),
          (error) => console.error(error.message),
        ),
      100,
    );
  });
  console.log('[esbuild] watching');
}
