// Build step shared by the integration runners: dist/ (the extension) plus the test bundle.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot, run } from './util';

/** The bundled test entry (test/integration/index.ts and every suite it requires). */
export const testBundle = path.join(repoRoot, 'out', 'test', 'integration', 'index.js');

export async function buildForTests(): Promise<void> {
  await run(process.execPath, ['esbuild.mjs', '--tests'], { cwd: repoRoot });
  if (!fs.existsSync(testBundle)) throw new Error(`the build did not produce ${testBundle}`);
}
