// Builds four kinds of bundle: the extension host entry (node/cjs, tiny, loads no SDK), one chunk per
// AWS SDK client that the entry requires at first use, one chunk per service's details builder that the
// entry requires at the first panel, and the webview UI (browser/iife).
import * as esbuild from 'esbuild';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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

/** Each service's details builder, `src/<service>/<name>Details.ts`: a chunk of its own, dist/details/<name>Details.js. */
const detailChunks = Object.fromEntries(
  readdirSync('src', { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((dir) =>
      readdirSync(`src/${dir.name}`)
        .filter((file) => /^[a-z]+Details\.ts$/.test(file))
        .map((file) => [file.slice(0, -3), `src/${dir.name}/${file}`]),
    ),
);

/**
 * `require('./<name>Details')` (see lazyDetails) stays a runtime require of the built chunk. A static import
 * of a details builder would put it back into the entry, so the build refuses it (type imports are erased).
 */
const detailChunksExternal = {
  name: 'detail-chunks-external',
  setup(build) {
    build.onResolve({ filter: /^\.\/[a-z]+Details$/ }, (args) => {
      const name = args.path.slice(2);
      if (!(name in detailChunks)) {
        return undefined;
      }
      if (args.kind !== 'require-call') {
        return { errors: [{ text: `${name} is a lazily loaded details chunk: require it through lazyDetails, never import it` }] };
      }
      return { path: `./details/${name}.js`, external: true };
    });
  },
};

const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'warning',
  legalComments: 'none',
};

const configs = [
  {
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    plugins: [sdkChunksExternal('./sdk/'), detailChunksExternal],
  },
  {
    ...common,
    entryPoints: detailChunks,
    outdir: 'dist/details',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    plugins: [sdkChunksExternal('../sdk/')],
  },
  {
    ...common,
    entryPoints: {
      core: 'src/aws/sdk/core.ts',
      dynamodb: 'src/aws/sdk/dynamodb.ts',
      rds: 'src/aws/sdk/rds.ts',
      lambda: 'src/aws/sdk/lambda.ts',
      sts: 'src/aws/sdk/sts.ts',
    },
    outdir: 'dist/sdk',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
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

/** What ships in the VSIX (the test bundle below does not): its packages are listed in the notices. */
const shipped = configs.length;

if (tests) {
  configs.push({
    ...common,
    minify: false,
    sourcemap: 'inline',
    entryPoints: ['test/integration/index.ts'],
    outfile: 'out/test/integration/index.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'mocha'],
  });
}

if (production) {
  // A release must not pick up source maps or chunks left by a development build.
  rmSync('dist', { recursive: true, force: true });
}

if (watch) {
  for (const config of configs) {
    const ctx = await esbuild.context(config);
    await ctx.watch();
  }
  console.log('[esbuild] watching');
} else {
  const results = await Promise.all(configs.map((config) => esbuild.build({ ...config, metafile: true })));
  // The licence notices of exactly the third-party code in dist/ (the VSIX ships them; test/package checks it).
  const metafiles = results.slice(0, shipped).map((r) => r.metafile);
  writeNotices(metafiles, 'dist/THIRD_PARTY_NOTICES.txt', 'AWS History Explorer');
  // What went into dist/, for test/package to check the notices against.
  mkdirSync('out', { recursive: true });
  writeFileSync('out/shipped-inputs.json', JSON.stringify(metafiles.flatMap((m) => Object.keys(m.inputs))));
}
