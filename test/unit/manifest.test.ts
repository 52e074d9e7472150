import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command, ViewId } from '../../src/constants';

/*
 * Issue 16: package.json and the code name the same commands and views. Every contributed command is a
 * constant in src/constants.ts and is registered through registerCommand (src/commands/registerCommand.ts)
 * exactly once; every registered command is contributed; every view shows the same welcome texts.
 */
interface Manifest {
  contributes: {
    commands: { command: string }[];
    menus: Record<string, { command: string }[]>;
    views: Record<string, { id: string }[]>;
    viewsWelcome: { view: string; when: string; contents: string }[];
  };
}

const root = path.join(__dirname, '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;
const nls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

const sources = sourceFiles(path.join(root, 'src')).map((file) => ({ file: path.relative(root, file), text: fs.readFileSync(file, 'utf8') }));
const commandIds = Object.values(Command) as string[];
const commandByKey = Command as Readonly<Record<string, string>>;

/**
 * The commands the code registers: the first `Command.key` in the arguments of a call to registerCommand
 * or a wrapper named register…Command (e.g. registerCopyCommand), and each `[Command.key]:` of a
 * registerLazyCommands call. Registering by a computed id would hide a command from this check, so the
 * code does not.
 */
function registeredCommands(): string[] {
  const keys: string[] = [];
  for (const { text } of sources) {
    keys.push(...[...text.matchAll(/\bregister\w*Command\(([^;]*?)\bCommand\.(\w+)/g)].map((m) => m[2]));
    for (const call of text.matchAll(/\bregisterLazyCommands\(([^;]*?)\}\);/g)) {
      keys.push(...[...call[1].matchAll(/\[Command\.(\w+)\]:/g)].map((m) => m[1]));
    }
  }
  return keys.map((key) => {
    const id = commandByKey[key];
    assert.ok(id, `Command.${key} is a constant`);
    return id;
  });
}

describe('package.json and the code agree', () => {
  it('declares exactly the commands src/constants.ts names, each once', () => {
    const declared = manifest.contributes.commands.map((c) => c.command);
    assert.equal(new Set(declared).size, declared.length, 'no command is declared twice');
    assert.deepEqual([...declared].sort(), [...commandIds].sort());
  });

  it('registers every declared command exactly once, and nothing undeclared', () => {
    const registered = registeredCommands();
    const twice = registered.filter((id, i) => registered.indexOf(id) !== i);
    assert.deepEqual(twice, [], 'registered more than once');
    assert.deepEqual([...registered].sort(), manifest.contributes.commands.map((c) => c.command).sort());
  });

  it('registers commands only through the one wrapper', () => {
    const direct = sources.filter(({ file, text }) => file !== path.join('src', 'commands', 'registerCommand.ts') && /commands\.registerCommand\b/.test(text));
    assert.deepEqual(
      direct.map((s) => s.file),
      [],
    );
  });

  it('puts only declared commands in menus', () => {
    for (const [menu, entries] of Object.entries(manifest.contributes.menus)) {
      for (const entry of entries) {
        assert.ok(commandIds.includes(entry.command), `${menu}: ${entry.command} is declared`);
      }
    }
  });

  it('contributes exactly the views src/constants.ts names', () => {
    const views = Object.values(manifest.contributes.views)
      .flat()
      .map((v) => v.id);
    assert.deepEqual([...views].sort(), [...Object.values(ViewId)].sort());
  });

  it('shows the same welcome texts in every view (VS Code wants one entry per view; the text is one NLS key)', () => {
    const welcome = manifest.contributes.viewsWelcome;
    const entriesOf = (view: string): string[] =>
      welcome
        .filter((w) => w.view === view)
        .map((w) => `${w.when} => ${w.contents}`)
        .sort();
    const first = entriesOf(ViewId.dynamodb);
    assert.ok(first.length > 0);
    for (const view of Object.values(ViewId)) {
      assert.deepEqual(entriesOf(view), first, `${view} has the same welcome entries as ${ViewId.dynamodb}`);
    }
    assert.deepEqual(
      welcome.filter((w) => !(Object.values(ViewId) as string[]).includes(w.view)),
      [],
      'no welcome entry names an unknown view',
    );
    for (const w of welcome) {
      const key = /^%([\w.-]+)%$/.exec(w.contents)?.[1];
      assert.ok(key && nls[key], `${w.view} ${w.when}: the text is written once, in package.nls.json`);
    }
  });
});
