// Builds what the benchmark measures without touching the checkout's dist/ (other runs may be using it):
// a copy of the extension's sources in a temp folder, its `--production` build, the VSIX that
// `vsce package --no-dependencies` makes of it, and the bench bundle that runs inside the extension host.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { makeTempDir, removeDir, repoRoot, run } from '../test/harness/util';

/** What a release build is made of (.vscodeignore then whitelists what the VSIX keeps). */
const stagedEntries = [
  'package.json',
  '.vscodeignore',
  'README.md',
  'CHANGELOG.md',
  'LICENSE',
  'media',
  'src',
  'esbuild.mjs',
  'scripts',
  'tsconfig.json',
  'tsconfig.base.json',
];

export interface StagedBuild {
  /** The extension folder (extensionDevelopmentPath): production dist/ + manifest + media. */
  dir: string;
  vsix: string;
  /** The bench entry for extensionTestsPath. */
  benchEntry: string;
  dispose(): void;
}

/** `source`: the checkout whose extension is built (default: this one; another one compares a change). */
export async function stageBuild(log: (line: string) => void, source = repoRoot): Promise<StagedBuild> {
  const dir = makeTempDir('ahe-bench-build');
  try {
    for (const entry of stagedEntries) {
      const from = path.join(source, entry);
      if (fs.existsSync(from)) {
        fs.cpSync(from, path.join(dir, entry), { recursive: true });
      }
    }
    fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    let t0 = Date.now();
    await run(process.execPath, ['esbuild.mjs', '--production'], { cwd: dir });
    log(`[bench] production build in ${Date.now() - t0} ms`);
    t0 = Date.now();
    const vsix = path.join(dir, 'aws-history-explorer.vsix');
    const vsce = path.join(repoRoot, 'node_modules', '.bin', 'vsce');
    await run(vsce, ['package', '--no-dependencies', '-o', vsix], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
    log(`[bench] vsce package in ${Date.now() - t0} ms`);
    const benchEntry = await buildBenchBundle(path.join(dir, 'out', 'bench'));
    return { dir, vsix, benchEntry, dispose: () => removeDir(dir) };
  } catch (error) {
    removeDir(dir);
    throw error;
  }
}

/**
 * The in-host entry, plus the raw SDK as a separate file that the entry requires only when the first-page
 * ratio starts (so the SDK is not in the module cache while activation is checked).
 */
async function buildBenchBundle(outdir: string): Promise<string> {
  const common: esbuild.BuildOptions = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    logLevel: 'warning',
    legalComments: 'none',
  };
  await Promise.all([
    esbuild.build({ ...common, entryPoints: { index: path.join(repoRoot, 'bench', 'inHost', 'index.ts') }, outdir, sourcemap: 'inline' }),
    esbuild.build({ ...common, entryPoints: { rawSdk: path.join(repoRoot, 'bench', 'inHost', 'rawSdk.ts') }, outdir, minify: true }),
  ]);
  return path.join(outdir, 'index.js');
}
