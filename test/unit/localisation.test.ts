import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { getL10nJson } from '@vscode/l10n-dev';
import { hasWords, programFor, scanProgram, type Finding } from './userStrings';

const root = resolve(__dirname, '../..');
const tsconfig = join(root, 'tsconfig.json');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

const show = (findings: readonly Finding[]): string => findings.map((f) => `${f.file.replace(`${root}/`, '')}:${f.line} (${f.where}): ${f.text}`).join('\n');

describe('localisation', function () {
  this.timeout(60_000);
  const srcFiles = sourceFiles(join(root, 'src'));

  describe('package.json strings come from package.nls.json', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
    const nls = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
    /** Manifest properties VS Code or a marketplace shows to people. */
    const shown = new Set([
      'title',
      'shortTitle',
      'category',
      'name',
      'label',
      'description',
      'markdownDescription',
      'contents',
      'patternErrorMessage',
      'enumDescriptions',
      'markdownEnumDescriptions',
      'deprecationMessage',
      'markdownDeprecationMessage',
      'enumItemLabels',
      'altText',
    ]);
    const visible: { path: string; value: unknown }[] = [];
    const walk = (value: unknown, path: string): void => {
      if (Array.isArray(value)) {
        value.forEach((v, i) => walk(v, `${path}[${i}]`));
      } else if (typeof value === 'object' && value !== null) {
        for (const [key, v] of Object.entries(value)) {
          // `properties.x.properties`: the object schema of a setting (types only, nothing shown).
          if (shown.has(key) && (typeof v === 'string' || Array.isArray(v))) {
            visible.push({ path: `${path}.${key}`, value: v });
          } else {
            walk(v, `${path}.${key}`);
          }
        }
      }
    };
    walk(pkg.contributes, 'contributes');
    walk(pkg.capabilities, 'capabilities');
    visible.push({ path: 'displayName', value: pkg.displayName }, { path: 'description', value: pkg.description });

    it('has no literal title, name, description or other shown text', () => {
      const literal = visible.flatMap(({ path, value }) =>
        (Array.isArray(value) ? value : [value]).filter((v) => typeof v !== 'string' || !/^%[\w.-]+%$/.test(v)).map((v) => `${path}: ${JSON.stringify(v)}`),
      );
      assert.ok(visible.length > 50, `found the manifest's shown strings (${visible.length})`);
      assert.deepEqual(literal, []);
    });

    it('resolves every %key% and uses every key of package.nls.json', () => {
      const used = new Set([...JSON.stringify(pkg).matchAll(/"%([\w.-]+)%"/g)].map((m) => m[1]));
      assert.deepEqual(
        [...used].filter((key) => typeof nls[key] !== 'string' || nls[key].trim() === ''),
        [],
        'keys without text',
      );
      assert.deepEqual(
        Object.keys(nls).filter((key) => !used.has(key)),
        [],
        'unused keys',
      );
    });

    it('points VS Code at the l10n folder', () => {
      assert.equal(pkg.l10n, './l10n');
    });
  });

  describe('code strings go through l10n.t', () => {
    it('tells words from codicons, punctuation and AWS constants', () => {
      for (const text of ['Copied', '$(check) Copied', 'not valid', 'Load more…']) {
        assert.ok(hasWords(text), text);
      }
      for (const text of ['$(check) ', ' · ', '—', '$LATEST', 'AWS_BACKUP', 'USER', '', '#', '{0} ({1})', ': ']) {
        assert.ok(!hasWords(text), text);
      }
    });

    it('finds a literal in each place a user reads it (fixture)', () => {
      const dir = mkdtempSync(join(tmpdir(), 'l10n-scan-'));
      const file = join(dir, 'fixture.ts');
      writeFileSync(
        file,
        `import * as vscode from 'vscode';
import * as l10n from '@vscode/l10n';
const rule = 'Enter a number.';
export async function f(name: string): Promise<void> {
  void vscode.window.showErrorMessage(\`Nothing loaded: \${name}\`);
  void vscode.window.showWarningMessage(vscode.l10n.t('Fine {0}', name), 'Retry');
  void vscode.window.showInformationMessage(rule);
  vscode.window.setStatusBarMessage('$(check) Copied', 1000);
  await vscode.window.showQuickPick([{ label: '$(add) New item' }, ...[name].map((n) => ({ label: n, description: 'typed' }))], { title: vscode.l10n.t('Pick'), placeHolder: 'Pick one' });
  await vscode.window.showInputBox({ prompt: name ? 'A name' : vscode.l10n.t('Another') });
  const qp = vscode.window.createQuickPick();
  qp.placeholder = 'Type here';
  qp.items = [{ label: vscode.l10n.t('Good'), detail: 'Bad detail' }];
  const item = new vscode.TreeItem('Load more…');
  item.description = [name, 'loaded'].join(' ');
  item.tooltip = vscode.l10n.t(\`not a literal\`);
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Loading' }, () => Promise.resolve());
  void vscode.window.showErrorMessage(vscode.l10n.t('{0} · {1}', name, '$LATEST'));
}
export const early = l10n.t('Too early');
export const placeholders = (n: number): string => vscode.l10n.t('{0} of {1}', n);
`,
      );
      const findings = scanProgram(programFor([file], tsconfig), [file]);
      assert.deepEqual(
        findings.map((f) => `${f.line} ${f.where}`),
        [
          '5 showErrorMessage message',
          '6 showWarningMessage item',
          '3 showInformationMessage message',
          '8 setStatusBarMessage',
          '9 showQuickPick item label',
          '9 showQuickPick item description',
          '9 showQuickPick placeHolder',
          '10 showInputBox prompt',
          '12 QuickPick.placeholder',
          '13 QuickPick item detail',
          '14 TreeItem label',
          '15 TreeItem.description',
          '16 l10n.t message that is not a string literal (the bundle exporter cannot see it)',
          '17 withProgress title',
          '20 @vscode/l10n call when the module loads (before the bundle is configured)',
          '21 l10n.t placeholders {0}… do not match its 1 argument(s)',
        ],
        show(findings),
      );
    });

    it('src/ passes no user-visible literal to messages, pickers, input boxes, progress or tree rows', () => {
      const findings = scanProgram(programFor(srcFiles, tsconfig), srcFiles);
      assert.deepEqual(findings, [], `wrap these in vscode.l10n.t (or l10n.t of @vscode/l10n):\n${show(findings)}`);
    });
  });

  it('l10n/bundle.l10n.json is the export of src/ (run `npm run l10n`)', async () => {
    const exported = await getL10nJson(srcFiles.map((file) => ({ contents: readFileSync(file, 'utf8'), extension: '.ts' })));
    const committed = JSON.parse(readFileSync(join(root, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, unknown>;
    const keys = (o: object): string[] => Object.keys(o).sort();
    assert.deepEqual(keys(committed), keys(exported), 'the committed bundle lists exactly the strings in the code');
    assert.deepEqual(committed, exported);
  });
});
