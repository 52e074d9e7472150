// Build step shared by the integration runners: dist/ (the extension) plus the test bundle.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot, run } from './util';

/** The bundled test entry (test/integration/index.ts and every suite it requires). */
export const testBundle = path.join(repoRoot, 'out', 'test', 'integration', 'index.js');
const integrationDir = path.join(repoRoot, 'test', 'integration');

export async function buildForTests(): Promise<void> {
  await run(process.execPath, ['esbuild.mjs', '--tests'], { cwd: repoRoot });
  if (!fs.existsSync(testBundle)) {
    throw new Error(`the build did not produce ${testBundle}`);
  }
}

/**
 * `*.test.ts` files under test/integration that index.ts does not `require()`: the suite list is explicit
 * (see index.ts for why), so a forgotten line would silently drop a whole suite.
 */
export function unlistedSuites(): string[] {
  const index = fs.readFileSync(path.join(integrationDir, 'index.ts'), 'utf8');
  const listed = new Set([...index.matchAll(/^\s*require\(['"]\.\/([^'"]+?)(?:\.ts)?['"]\)/gm)].map((m) => m[1]));
  const files = fs.readdirSync(integrationDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.test.ts'));
  return files.map((f) => f.replace(/\\/g, '/').replace(/\.ts$/, '')).filter((name) => !listed.has(name));
}
