import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
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
      /^extension\/dist\/THIRD_PARTY_NOTICES\.txt$/,
      /^extension\/media\/[\w-]+\.(svg|png)$/,
      /^extension\/(readme\.md|changelog\.md|LICENSE\.txt|package\.json)$/i,
      /^extension\.vsixmanifest$/,
      /^\[Content_Types\]\.xml$/,
    ];
    const unexpected = entries.filter((e) => !allowed.some((re) => re.test(e)));
    assert.deepEqual(unexpected, [], 'no sources, tests, maps or node_modules');
    for (const required of ['extension/dist/extension.js', 'extension/dist/webview/panel.js', 'extension/package.json', 'extension/dist/THIRD_PARTY_NOTICES.txt']) {
      assert.ok(entries.includes(required), `${required} is packaged`);
    }
  });

  it('ships the licence notices of every third-party package it bundles', () => {
    const notices = execFileSync('python3', ['-c', 'import sys,zipfile;sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())', out, 'extension/dist/THIRD_PARTY_NOTICES.txt'], {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    });
    // Every module esbuild put into dist/ that comes from node_modules names its (innermost) package.
    const inputs = JSON.parse(readFileSync('out/shipped-inputs.json', 'utf8')) as string[];
    // Greedy: the last node_modules/ segment, i.e. the innermost package.
    const dirs = new Set(inputs.flatMap((input) => /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1] ?? []));
    assert.ok(dirs.size > 10, `the SDK bundles many packages (${dirs.size})`);
    for (const dir of dirs) {
      const { name, version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; version: string };
      assert.ok(notices.includes(`- ${name} ${version} (`), `${name} ${version} is listed`);
      assert.match(notices, new RegExp(`Licence of: [^\n]*${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} ${version.replace(/\./g, '\\.')}`), `${name}'s licence text is included`);
    }
    assert.match(notices, /Apache License\s+Version 2\.0, January 2004/, 'the AWS SDK licence (Apache-2.0) is included');
  });

  it('is under 1.5 MB', () => {
    const size = statSync(out).size;
    console.log(`      VSIX size: ${(size / 1024).toFixed(0)} KB`);
    assert.ok(size < 1.5 * 1024 * 1024, `VSIX is ${size} bytes`);
  });
});
