// Builds the release bundle and packages the VSIX exactly as `npm run package` does, but in a staged copy
// of the extension's sources: `esbuild.mjs --production` wipes `dist/` first, and in a checkout shared by
// several people (or while `npm test` runs other suites) the real `dist/` must stay as it is.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeTempDir, repoRoot, run } from '../harness/util';

/**
 * Top-level entries not copied: build output, dependencies (linked instead), git and test-only trees.
 * Everything else is, so a file the build or .vscodeignore starts to use later is there without a change here.
 */
const notStaged = new Set(['.git', 'node_modules', 'dist', 'out', 'test', 'bench', '.test-artifacts', '.cache']);

export interface PackagedVsix {
  file: string;
  ms: number;
}

/**
 * `node esbuild.mjs --production` + `vsce package --no-dependencies` in a temp copy (node_modules linked,
 * not copied). The temp dir is removed by the harness's exit hook; only the .vsix inside it is used.
 */
export async function packageVsix(): Promise<PackagedVsix> {
  const started = Date.now();
  const stage = makeTempDir('ahe-ui-vsix');
  for (const entry of fs.readdirSync(repoRoot)) {
    if (!notStaged.has(entry) && !entry.endsWith('.vsix')) {
      fs.cpSync(path.join(repoRoot, entry), path.join(stage, entry), { recursive: true });
    }
  }
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(stage, 'node_modules'), 'dir');
  await run(process.execPath, ['esbuild.mjs', '--production'], { cwd: stage });
  const file = path.join(stage, 'aws-history-explorer.vsix');
  // vsce prints the whole file tree; only its warnings and errors matter here.
  await run('npx', ['vsce', 'package', '--no-dependencies', '-o', file], { cwd: stage, stdio: ['ignore', 'ignore', 'inherit'] });
  if (!fs.existsSync(file)) {
    throw new Error(`vsce did not write ${file}`);
  }
  return { file, ms: Date.now() - started };
}
