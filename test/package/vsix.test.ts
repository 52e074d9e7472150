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

  it('holds exactly the bundles, the two images the manifest names, the docs and the manifest (what `vsce ls` lists)', () => {
    const shipped = [
      '[Content_Types].xml',
      'extension.vsixmanifest',
      'extension/changelog.md',
      'extension/dist/extension.js',
      'extension/dist/lazy/arnOpening.js',
      'extension/dist/lazy/backtrackActions.js',
      'extension/dist/lazy/backtrackDetails.js',
      'extension/dist/lazy/backupActions.js',
      'extension/dist/lazy/backupDetails.js',
      'extension/dist/lazy/confirmation.js',
      'extension/dist/lazy/connectionActions.js',
      'extension/dist/lazy/errorText.js',
      'extension/dist/lazy/executionActions.js',
      'extension/dist/lazy/executionDetails.js',
      'extension/dist/lazy/exportFile.js',
      'extension/dist/lazy/panelShell.js',
      'extension/dist/lazy/treeActions.js',
      'extension/dist/sdk/core.js',
      'extension/dist/sdk/dynamodb.js',
      'extension/dist/sdk/lambda.js',
      'extension/dist/sdk/rds.js',
      'extension/dist/sdk/sts.js',
      'extension/dist/THIRD_PARTY_NOTICES.txt',
      'extension/dist/webview/panel.css',
      'extension/dist/webview/panel.js',
      'extension/LICENSE.txt',
      'extension/media/activity-bar.svg',
      'extension/media/icon.png',
      'extension/package.json',
      'extension/package.nls.json',
      'extension/l10n/bundle.l10n.json',
      'extension/readme.md',
    ];
    const lower = (list: string[]): string[] => list.map((e) => e.toLowerCase()).sort();
    assert.deepEqual(lower(entries), lower(shipped), 'no sources, tests, maps, screenshots, icon source or node_modules');
  });

  it('has what Marketplace and Open VSX show: icon 128×128 PNG, banner, categories, keywords, links', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as Record<string, unknown> & {
      icon: string;
      galleryBanner: { color: string; theme: string };
      categories: string[];
      keywords: string[];
      repository: { url: string };
      bugs: { url: string };
      homepage: string;
      engines: Record<string, string>;
    };
    const png = readFileSync(manifest.icon);
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG', 'the icon is a PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128], 'the icon is 128×128');
    assert.ok(entries.includes(`extension/${manifest.icon}`), 'the icon is packaged');
    assert.match(manifest.galleryBanner.color, /^#[0-9a-f]{6}$/i);
    assert.ok(['dark', 'light'].includes(manifest.galleryBanner.theme));
    assert.ok(manifest.categories.length > 0 && manifest.categories.length <= 3);
    assert.ok(manifest.keywords.length >= 5 && manifest.keywords.length <= 30, 'vsce allows at most 30 keywords');
    for (const url of [manifest.repository.url, manifest.bugs.url, manifest.homepage]) {
      assert.match(url, /^https:\/\//);
    }
    assert.ok(manifest.engines.vscode && manifest.engines.node, 'engines.vscode and engines.node are declared');
  });

  it('ships the licence notices of every third-party package it bundles', () => {
    const notices = execFileSync(
      'python3',
      ['-c', 'import sys,zipfile;sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())', out, 'extension/dist/THIRD_PARTY_NOTICES.txt'],
      {
        encoding: 'utf8',
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    // Every module esbuild put into dist/ that comes from node_modules names its (innermost) package.
    const inputs = JSON.parse(readFileSync('out/shipped-inputs.json', 'utf8')) as string[];
    // Greedy: the last node_modules/ segment, i.e. the innermost package.
    const dirs = new Set(inputs.flatMap((input) => /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1] ?? []));
    assert.ok(dirs.size > 10, `the SDK bundles many packages (${dirs.size})`);
    for (const dir of dirs) {
      const { name, version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; version: string };
      assert.ok(notices.includes(`- ${name} ${version} (`), `${name} ${version} is listed`);
      assert.match(
        notices,
        new RegExp(`Licence of: [^\n]*${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} ${version.replace(/\./g, '\\.')}`),
        `${name}'s licence text is included`,
      );
    }
    assert.match(notices, /Apache License\s+Version 2\.0, January 2004/, 'the AWS SDK licence (Apache-2.0) is included');
  });

  it('keeps what runs only at first use out of the main bundle: ≤ 150 KB, each lazy chunk taking the host modules from it', () => {
    const main = statSync('dist/extension.js').size;
    console.log(`      main bundle: ${(main / 1024).toFixed(1)} KB`);
    assert.ok(main <= 150 * 1024, `dist/extension.js is ${main} bytes`);
    for (const chunk of entries.filter((e) => e.startsWith('extension/dist/lazy/'))) {
      const text = readFileSync(chunk.replace(/^extension\//, ''), 'utf8');
      assert.match(text, /require\("\.\.\/extension\.js"\)\.hostModules\[/, `${chunk} takes its shared modules from the loaded extension`);
    }
  });

  it('is under 1.5 MB', () => {
    const size = statSync(out).size;
    console.log(`      VSIX size: ${(size / 1024).toFixed(0)} KB`);
    assert.ok(size < 1.5 * 1024 * 1024, `VSIX is ${size} bytes`);
  });
});
