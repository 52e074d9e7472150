import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Builds the release VSIX exactly as `npm run package` does and checks what users would install. */
describe('VSIX package', function () {
  this.timeout(180_000);
  const out = join(mkdtempSync(join(tmpdir(), 'vsix-')), 'aws-history-explorer.vsix');
  let entries: string[] = [];
  let output = '';

  before(() => {
    execFileSync('node', ['esbuild.mjs', '--production'], { stdio: 'inherit' });
    output = execFileSync('npx', ['vsce', 'package', '--no-dependencies', '-o', out], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    entries = execFileSync('python3', ['-c', 'import sys,zipfile;print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', out], { encoding: 'utf8' })
      .trim()
      .split('\n');
  });

  it('packages without warnings', () => {
    assert.doesNotMatch(output, /WARNING/i);
  });

  it('holds only the bundles, media, docs and manifest', () => {
    const allowed = [
      /^extension\/dist\/extension\.js$/,
      /^extension\/dist\/sdk\/(core|dynamodb|rds|lambda)\.js$/,
      /^extension\/dist\/webview\/panel\.(js|css)$/,
      /^extension\/media\/[\w-]+\.(svg|png)$/,
      /^extension\/(readme\.md|changelog\.md|LICENSE\.txt|package\.json|package\.nls\.json)$/i,
      /^extension\/l10n\/bundle\.l10n(\.[\w-]+)?\.json$/,
      /^extension\.vsixmanifest$/,
      /^\[Content_Types\]\.xml$/,
    ];
    const unexpected = entries.filter((e) => !allowed.some((re) => re.test(e)));
    assert.deepEqual(unexpected, [], 'no sources, tests, maps or node_modules');
    for (const required of ['extension/dist/extension.js', 'extension/dist/webview/panel.js', 'extension/package.json', 'extension/package.nls.json', 'extension/l10n/bundle.l10n.json']) {
      assert.ok(entries.includes(required), `${required} is packaged`);
    }
  });

  it('is under 1.5 MB', () => {
    const size = statSync(out).size;
    console.log(`      VSIX size: ${(size / 1024).toFixed(0)} KB`);
    assert.ok(size < 1.5 * 1024 * 1024, `VSIX is ${size} bytes`);
  });
});
