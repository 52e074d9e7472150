import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import { Command, extensionId, type ServiceKey } from '../../src/constants';
import { backupFilterSpec } from '../../src/dynamodb/filters';
import { FilterStore } from '../../src/filters/filterStore';
import type { PagedTreeProvider } from '../../src/tree/pagedTreeProvider';
import type { TreeNode } from '../../src/tree/treeNode';
import { api, emulator, expand, hideViews, isError, itemRows, provider } from './helpers';
import { settledChildren, startHostileEmulator, WindowStubs, type HostileEmulator } from './securityKit';

/*
 * Issue 11: data never becomes markup, and commands trust nothing they are given. Tooltips of every row
 * kind (built eagerly or resolved on hover) against the hostile data set; every command of package.json
 * with wrong-typed, unknown-key and look-alike arguments.
 */

/** Line terminators, C1 and bidi controls: none may reach a hover's Markdown source from data. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const unsafe = /[\r\u0085\u2028\u2029\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** The tooltip VS Code shows: set with the TreeItem, or resolved when the pointer rests on the row. */
function hoverOf(p: PagedTreeProvider, node: TreeNode): vscode.MarkdownString | string | undefined {
  const item = p.resolveTreeItem(p.getTreeItem(node), node);
  return item.tooltip;
}

describe('Untrusted data and arguments (issue 11)', function () {
  this.timeout(120_000);

  describe('tooltips of the hostile data set', () => {
    let hostile: HostileEmulator;
    const md = new MarkdownIt({ html: false, linkify: true });

    before(async () => {
      await hideViews();
      hostile = await startHostileEmulator();
    });

    after(async () => {
      await hostile?.close();
      for (const service of ['dynamodb', 'rds', 'lambda'] as const) {
        (await provider(service)).refresh();
      }
    });

    /** Every row of a view, one level of children included (backtracks, executions). */
    async function allRows(p: PagedTreeProvider): Promise<TreeNode[]> {
      p.refresh();
      const roots = itemRows(await settledChildren(p));
      const children: TreeNode[] = [];
      for (const root of roots) {
        if (root.getTreeItem().collapsibleState === vscode.TreeItemCollapsibleState.Collapsed) {
          children.push(...itemRows(await settledChildren(p, root)));
        }
      }
      return [...roots, ...children];
    }

    it('every row kind: each value is one code span on one line; nothing renders but paragraphs, bold and code', async () => {
      const kinds = new Map<string, number>();
      for (const service of ['dynamodb', 'rds', 'lambda'] as ServiceKey[]) {
        const p = await provider(service);
        for (const node of await allRows(p)) {
          const tooltip = hoverOf(p, node);
          assert.ok(tooltip instanceof vscode.MarkdownString, `${node.id}: a Markdown tooltip`);
          assert.ok(!tooltip.isTrusted && !tooltip.supportHtml && !tooltip.supportThemeIcons, 'untrusted, no HTML, no icons');
          const source = tooltip.value;
          assert.doesNotMatch(source, unsafe, `${node.id}: no line terminator or control from data in the Markdown`);
          const html = md.render(source);
          const tags = [...new Set(Array.from(html.matchAll(/<\/?([a-z0-9]+)/g), (m) => m[1]))];
          assert.deepEqual(
            tags.filter((t) => !['p', 'strong', 'code', 'br'].includes(t)),
            [],
            `${node.id}: ${html.slice(0, 300)}`,
          );
          const valueLines = source.split('\n').filter((line) => line.includes('`'));
          assert.equal((html.match(/<code>/g) ?? []).length, valueLines.length, `${node.id}: one span per value, none split or joined`);
          const kind = node.getTreeItem().contextValue ?? '';
          kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
        }
      }
      // Backups, clusters, backtracks (lazy), functions (eager) and executions (lazy) were all checked.
      for (const kind of ['dynamodb:backup', 'rds:cluster', 'rds:backtrack', 'lambda:function', 'lambda:execution']) {
        assert.ok(
          [...kinds.keys()].some((k) => k.includes(kind)),
          `${kind} rows were checked: ${[...kinds.keys()].join(', ')}`,
        );
      }
      // The hostile values really were there: a function description full of markup breakers.
      const lambda = await provider('lambda');
      const fn = itemRows(await settledChildren(lambda)).find((n) => (hoverOf(lambda, n) as vscode.MarkdownString).value.includes('$(alert)'));
      assert.ok(fn, 'a tooltip shows $(alert) as text');
      const text = (hoverOf(lambda, fn) as vscode.MarkdownString).value;
      assert.ok(text.includes('[x](command:workbench.action.terminal.new)') && text.includes('<U+009B>'), text.slice(0, 400));
      assert.equal((await hostile.control.callbacks()).count, 0, 'nothing called back');
    });

    it('an error row carrying links, controls and line terminators shows one plain line', async () => {
      await hostile.control.fault({ operation: 'ListBackups', kind: 'hostileMessage' });
      const p = await provider('dynamodb');
      p.refresh();
      const error = (await expand(p)).find(isError);
      assert.ok(error, 'an error row');
      const item = error.getTreeItem();
      const labelText = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
      assert.ok(labelText.includes('[x](command:workbench.action.terminal.new)'), labelText);
      assert.doesNotMatch(labelText, unsafe);
      assert.ok(!labelText.includes('second line'), 'only the first line of the message');
      const tooltip = item.tooltip;
      assert.ok(typeof tooltip === 'string', 'a plain-text tooltip');
      for (const line of tooltip.split('\n')) {
        assert.doesNotMatch(line, unsafe);
      }
    });
  });

  describe('every command with arguments it does not take', () => {
    const commands = (
      vscode.extensions.getExtension(extensionId)?.packageJSON as { contributes: { commands: { command: string }[] } }
    ).contributes.commands.map((c) => c.command);
    /** An object shaped like a row, a list and filters at once: commands check the class, not the shape. */
    const lookAlike = {
      id: 'us-east-1|fake',
      item: { BackupArn: 'arn:aws:dynamodb:us-east-1:123456789012:table/T/backup/1', DurableExecutionArn: 'arn:x', Status: 'RUNNING' },
      update: () => undefined,
      arn: 'arn:aws:dynamodb:us-east-1:123456789012:table/T',
      running: true,
      consoleUrl: () => new URL('https://evil.invalid/'),
      showDetails: () => undefined,
      list: { loadMore: () => undefined, retry: () => undefined, reset: () => undefined, nextToken: 'tok' },
      error: { kind: 'staleToken' },
      getTreeItem: () => new vscode.TreeItem('fake'),
    };
    const badArguments: readonly (readonly unknown[])[] = [[42], [{ unknownKey: true }], [lookAlike], [undefined, 42, 'extra'], [[42]]];

    before(async () => {
      await hideViews();
    });

    it('package.json declares the commands this suite walks through', () => {
      assert.ok(commands.length >= 28, `${commands.length} commands`);
      for (const id of Object.values(Command)) {
        assert.ok(commands.includes(id), `${id} is declared`);
      }
    });

    for (const [i, args] of badArguments.entries()) {
      it(`argument set ${i + 1}: every command refuses with a message, and sends nothing`, async () => {
        const stubs = new WindowStubs();
        try {
          await emulator().clearRequests();
          for (const id of commands) {
            const shownBefore = stubs.messages('error').length;
            await vscode.commands.executeCommand(id, ...args);
            const shown = stubs.messages('error').slice(shownBefore);
            assert.equal(shown.length, 1, `${id}(${JSON.stringify(args)}) is refused with one message: ${JSON.stringify(stubs.messages())}`);
            assert.match(shown[0], /^(Command awsHistory\.[\w.]+ not run: |Filter not applied: )/, `${id}: ${shown[0]}`);
          }
          assert.deepEqual(
            (await emulator().requests()).map((r) => r.operation),
            [],
            'no request was sent',
          );
        } finally {
          stubs.restore();
        }
      });
    }

    it('a filter argument with a wrong type is refused and never stored: { after: 42 } (DynamoDB)', async () => {
      const stubs = new WindowStubs();
      try {
        await emulator().clearRequests();
        const { views } = (await api()).feature;
        const before = views.get('dynamodb').filters.describe();
        assert.equal(await vscode.commands.executeCommand(Command.dynamodbFilter, { after: 42 }), false);
        assert.equal(stubs.messages('error').at(-1), 'Filter not applied: "after" is not a date.');
        assert.equal(await vscode.commands.executeCommand(Command.lambdaFilter, { status: ['RUNNING'] }), false);
        assert.match(stubs.messages('error').at(-1) ?? '', /^Filter not applied: Unknown filter "status"/);
        assert.equal(views.get('dynamodb').filters.describe(), before);
        assert.deepEqual(await emulator().requests(), []);
      } finally {
        stubs.restore();
      }
    });

    it('saved filter state that breaks the rules is dropped with a warning, and the view still loads (the activation crash)', async () => {
      const { feature } = await api();
      const state = feature.extension.workspaceState;
      const stubs = new WindowStubs();
      try {
        await state.update('awsHistory.filters.dynamodb', { after: 42, table: ['x'] });
        // What activation does with saved state: a new store reads it.
        const store = new FilterStore(state, 'dynamodb', backupFilterSpec());
        assert.deepEqual(store.current, {}, 'the invalid state is not used');
        assert.equal(store.describe(), '');
        assert.match(stubs.messages('warning').at(-1) ?? '', /saved dynamodb filters were not valid and have been cleared/);
        assert.equal(state.get('awsHistory.filters.dynamodb'), undefined, 'and it is removed');
        store.dispose();
      } finally {
        stubs.restore();
        await state.update('awsHistory.filters.dynamodb', undefined);
      }
    });

    it('keybinding arguments: Load Up to N { "count": N } and Resume from Token { "token": "…" } are checked by the same rules', async () => {
      const stubs = new WindowStubs();
      try {
        await vscode.commands.executeCommand(Command.loadUpTo, { count: '500' });
        assert.match(stubs.messages('error').at(-1) ?? '', /^Command awsHistory\.loadUpTo not run: argument 1 must be/);
        await vscode.commands.executeCommand(Command.resumeFromToken, { token: 7 });
        assert.match(stubs.messages('error').at(-1) ?? '', /^Command awsHistory\.resumeFromToken not run: argument 1 must be/);
        // Valid shapes reach the list picker (answered with Escape here: nothing is loaded).
        const picks: string[] = [];
        stubs.replace('showQuickPick', (items: readonly { label: string }[]) => {
          picks.push(...items.map((i) => i.label));
          return Promise.resolve(undefined);
        });
        await vscode.commands.executeCommand(Command.loadUpTo, { count: 500 });
        await vscode.commands.executeCommand(Command.resumeFromToken, { token: 'abc' });
        assert.ok(picks.length > 0, 'the list picker opened for both');
      } finally {
        stubs.restore();
      }
    });
  });
});
