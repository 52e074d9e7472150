import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Command, type ServiceKey } from '../../src/constants';
import type { PagedTreeProvider } from '../../src/tree/pagedTreeProvider';
import type { TreeNode } from '../../src/tree/treeNode';
import type { DetailPanel } from '../../src/webview/panelShell.lazy';
import type { Block, PanelDocument } from '../../src/shared/protocol';
import { buildExecutionDetail, buildHistory, type RegionData } from '../emulator/data';
import {
  HOSTILE_BACKUP_NAMES,
  HOSTILE_CLUSTER,
  HOSTILE_EXECUTIONS,
  HOSTILE_FUNCTION,
  hostileCallbackBase,
  PLAIN_HOSTILE_FUNCTION,
  SIX_MB,
  sixMegabyteJson,
} from '../emulator/gen-hostile';
import { api, click, description, emulator, expand, hideViews, itemRows, label, provider, waitFor } from './helpers';
import { contextOf, setSetting, settledChildren, startHostileEmulator, tooltipOf, WindowStubs, type HostileEmulator } from './securityKit';

/*
 * Details panels against hostile input: the CSP of every panel kind, validation of what a page sends
 * back, every tree and panel with the `hostile` data set (nothing runs, everything shows literally), and a
 * 6 MB input payload.
 */

type PanelInternals = { panel: vscode.WebviewPanel; onMessage(raw: unknown): void };
/** The webview panel behind a DetailPanel (private: read for its options only). */
const webviewPanel = (panel: DetailPanel): vscode.WebviewPanel => (panel as unknown as PanelInternals).panel;
/** Delivers `raw` exactly as the page's `postMessage` would reach the host. */
const fromPage = (panel: DetailPanel, raw: unknown): void => (panel as unknown as PanelInternals).onMessage(raw);

interface Csp {
  readonly directives: Map<string, string[]>;
  readonly nonce: string;
}

function readCsp(html: string): Csp {
  const metas = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/gi)];
  assert.equal(metas.length, 1, 'exactly one CSP meta tag');
  const directives = new Map<string, string[]>();
  for (const part of metas[0][1].split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) {
      assert.ok(!directives.has(name), `directive ${name} appears once`);
      directives.set(name.toLowerCase(), sources);
    }
  }
  const script = directives.get('script-src') ?? [];
  const nonce = /^'nonce-([A-Za-z0-9+/=]+)'$/.exec(script[0] ?? '')?.[1] ?? '';
  return { directives, nonce };
}

function block<K extends Block['kind']>(doc: PanelDocument, id: string, kind: K): Extract<Block, { kind: K }> {
  const found = doc.blocks.find((b) => b.id === id);
  assert.ok(found && found.kind === kind, `the document has a ${kind} block "${id}"`);
  return found as Extract<Block, { kind: K }>;
}

/** Waits for the document to be on screen: posted, then painted by the page (a fresh paint). */
async function painted(panel: DetailPanel, before: number | undefined): Promise<PanelDocument> {
  const doc = await panel.waitForRender();
  await waitFor('the page to paint the document', () => (panel.lastPaintMs !== undefined && panel.lastPaintMs !== before ? true : undefined));
  return doc;
}

async function openFrom(row: TreeNode, key: string): Promise<{ panel: DetailPanel; doc: PanelDocument }> {
  const { panels } = (await api()).feature;
  const before = panels.get(key)?.lastPaintMs;
  await click(row);
  const panel = await waitFor('the panel', () => panels.get(key));
  return { panel, doc: await painted(panel, before) };
}

/** Markdown tooltips must escape data and never trust it (no command links, no HTML). */
function assertSafeTooltip(node: TreeNode): void {
  const tooltip = node.getTreeItem().tooltip;
  if (tooltip === undefined || typeof tooltip === 'string') {
    return; // a plain-string tooltip is shown as text
  }
  assert.ok(!tooltip.isTrusted, `${label(node)}: the tooltip is not trusted`);
  assert.ok(!tooltip.supportHtml, `${label(node)}: the tooltip renders no HTML`);
  assert.ok(!tooltip.supportThemeIcons, `${label(node)}: the tooltip renders no $(icons) from data`);
  // Data must sit where Markdown shows text exactly: inside code spans. Outside them, only our own field names.
  // (`&nbsp;` is how MarkdownString.appendText writes the spaces of our own title.)
  const outside = tooltip.value.replace(/(`+)[\s\S]*?\1/g, '').replace(/&nbsp;/g, ' ');
  for (const [what, pattern] of [
    ['a Markdown link', /\]\(/],
    ['a Markdown image', /!\[/],
    ['a URL (autolinked)', /\b(https?|command|javascript):/i],
    ['HTML (its escapes would show)', /</],
    ['an entity (it would be decoded)', /&/],
  ] as const) {
    assert.ok(!pattern.test(outside), `${label(node)}: ${what} from data outside a code span:\n${outside.slice(0, 400)}`);
  }
}

const xmlText = (s: string): string => s.replace(/\r\n?/g, '\n');

describe('Details panels: CSP and page messages (issue 8)', function () {
  this.timeout(120_000);
  let views: Record<ServiceKey, PagedTreeProvider>;
  const opened: DetailPanel[] = [];

  before(async () => {
    views = { dynamodb: await provider('dynamodb'), rds: await provider('rds'), lambda: await provider('lambda') };
    await hideViews();
    await setSetting('pageSize', 25);
    await emulator().reset();
    for (const view of (await api()).feature.views.all()) {
      await view.filters.clear();
      view.provider.refresh();
    }
    // One panel of each kind: backup, backtrack, execution (a running one: it has the Stop action).
    const [backup] = itemRows(await expand(views.dynamodb));
    opened.push((await openFrom(backup, (backup as unknown as { arn: string }).arn)).panel);
    assert.equal(await vscode.commands.executeCommand<boolean>(Command.rdsFilter, { cluster: 'orders-aurora' }), true);
    const [cluster] = itemRows(await expand(views.rds));
    const [backtrack] = itemRows(await expand(views.rds, cluster));
    await click(backtrack);
    const { panels } = (await api()).feature;
    const backtrackPanel = await waitFor('the backtrack panel', () => panels.all().find((p) => p.key.includes(':cluster:orders-aurora/')));
    await painted(backtrackPanel, undefined);
    opened.push(backtrackPanel);
    assert.equal(await vscode.commands.executeCommand<boolean>(Command.lambdaFilter, { function: 'order-workflow', statuses: ['RUNNING'] }), true);
    const [fn] = itemRows(await expand(views.lambda));
    const running = itemRows(await expand(views.lambda, fn)).slice(0, 2);
    for (const row of running) {
      opened.push((await openFrom(row, (row as unknown as { arn: string }).arn)).panel);
    }
  });

  after(async () => {
    for (const panel of opened) {
      panel.dispose();
    }
    await emulator().reset();
    await setSetting('pageSize', undefined);
    for (const view of (await api()).feature.views.all()) {
      await view.filters.clear();
      view.provider.refresh();
    }
  });

  it("every panel's CSP is default-src 'none' with nonce-only scripts from the extension's own bundle", async () => {
    const extensionRoot = (await api()).feature.extension.extensionUri;
    const nonces = new Set<string>();
    for (const panel of opened) {
      const html = panel.webviewHtml;
      const { directives, nonce } = readCsp(html);
      assert.deepEqual(directives.get('default-src'), ["'none'"], `${panel.key}: default-src 'none'`);
      assert.deepEqual(directives.get('script-src'), [`'nonce-${nonce}'`], 'scripts by nonce only');
      assert.deepEqual(directives.get('base-uri'), ["'none'"], 'no <base> can redirect relative URLs');
      assert.deepEqual(directives.get('form-action'), ["'none'"], 'no form can submit anywhere');
      assert.equal(directives.get('img-src'), undefined, 'no images: panels use none, default-src refuses them');
      assert.equal(directives.get('font-src'), undefined, 'no fonts: panels use the theme fonts');
      assert.ok(Buffer.from(nonce, 'base64').length >= 16, 'the nonce has at least 128 bits');
      nonces.add(nonce);
      for (const [name, sources] of directives) {
        for (const forbidden of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'wasm-unsafe-eval'", "'strict-dynamic'", '*', 'http:', 'https:']) {
          assert.ok(!sources.includes(forbidden), `${name} does not allow ${forbidden}`);
        }
      }
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      assert.ok(scripts.length >= 1);
      for (const [, attributes, body] of scripts) {
        assert.equal(body.trim(), '', 'no inline script');
        assert.match(attributes, new RegExp(`nonce="${nonce.replace(/[+/=]/g, (c) => `\\${c}`)}"`), 'the script carries the nonce');
        const src = /src="([^"]+)"/.exec(attributes)?.[1] ?? '';
        assert.ok(
          src.endsWith('/dist/webview/panel.js') && decodeURIComponent(src).includes(extensionRoot.path),
          `the script is the extension's own bundle: ${src}`,
        );
      }
      assert.ok(!/\son[a-z]+\s*=/i.test(html), 'no inline event handlers');
      const options = webviewPanel(panel).webview.options;
      assert.ok(!options.enableCommandUris, 'command URIs are disabled');
      assert.equal(options.enableForms, false, 'forms are disabled');
      const roots = options.localResourceRoots ?? [];
      assert.ok(roots.length > 0, 'localResourceRoots is set (the default would be the whole workspace)');
      for (const root of roots) {
        assert.ok(
          root.path === `${extensionRoot.path}/dist/webview` || root.path === `${extensionRoot.path}/media`,
          `a local resource root inside the extension: ${root.toString()}`,
        );
      }
    }
    assert.equal(nonces.size, opened.length, 'every panel has its own nonce');
  });

  it("ignores page messages that are not well-formed, and acts only on the panel's own item", async () => {
    const [backupPanel, , runningA, runningB] = opened;
    const stubs = new WindowStubs();
    // Stop asks for an optional reason (none given here), then the one confirmation, answered yes.
    stubs.replace('showInputBox', () => Promise.resolve(''));
    const { hooks } = await api();
    const confirmations: string[] = [];
    hooks.answerConfirmation = (request) => Promise.resolve(void confirmations.push(request.title)).then(() => true);
    try {
      await emulator().clearRequests();
      await vscode.env.clipboard.writeText('clipboard before');
      const editorsBefore = vscode.window.visibleTextEditors.length;
      const junk: unknown[] = [
        null,
        42,
        'refresh',
        [],
        { type: 'evil' },
        { type: '__proto__' },
        { type: 'action' },
        { type: 'action', actionId: 42 },
        { type: 'action', actionId: 'x'.repeat(257) },
        { type: 'action', actionId: 'delete' },
        { type: 'copy', copyId: '__proto__' },
        { type: 'copy', copyId: 'constructor' },
        { type: 'copy', copyId: { toString: () => 'backupArn' } },
        { type: 'openWhole', blockId: '../../../etc/passwd' },
        { type: 'loadMore', blockId: 'events' },
        { type: 'loadAll', blockId: 'timeline', extra: 'x'.repeat(100_000) },
        { type: 'painted', ms: 'soon' },
        JSON.parse('{"type":"copy","copyId":"backupArn","__proto__":{"copyId":"x"}}') as unknown,
      ];
      for (const panel of opened) {
        for (const message of junk.slice(0, -1)) {
          fromPage(panel, message);
        }
      }
      // A well-formed copy of the panel's own field is the only thing that does something.
      fromPage(backupPanel, junk.at(-1));
      await waitFor('the copy', async () => ((await vscode.env.clipboard.readText()) === backupPanel.key ? true : undefined));
      // Stop on panel A may carry B's ARN: the host ignores it and stops A, the panel's own execution.
      const b = runningB.key;
      fromPage(runningA, { type: 'action', actionId: 'stop', arn: b, DurableExecutionArn: b, key: b });
      await waitFor('the stop request', async () => ((await emulator().requests({ operation: 'StopDurableExecution' })).length > 0 ? true : undefined));
      await waitFor('panel A to show STOPPED', () => (runningA.lastDocument?.status?.text === 'STOPPED' ? true : undefined));
      const stops = await emulator().requests({ operation: 'StopDurableExecution' });
      assert.deepEqual(
        stops.map((r) => r.pathParams?.['DurableExecutionArn']),
        [runningA.key],
        "only the panel's own execution is stopped",
      );
      assert.equal(confirmations.length, 1, 'the one Stop asked for confirmation');
      // Stop on a finished execution (no Stop action in its document) does nothing.
      fromPage(runningA, { type: 'action', actionId: 'stop' });
      fromPage(backupPanel, { type: 'action', actionId: 'stop' });
      const other = (await emulator().requests()).filter(
        (r) => !['StopDurableExecution', 'GetDurableExecution', 'GetDurableExecutionHistory', 'GetCallerIdentity'].includes(r.operation),
      );
      assert.deepEqual(
        other.map((r) => r.operation),
        [],
        'junk messages sent no request',
      );
      assert.equal((await emulator().requests({ operation: 'StopDurableExecution' })).length, 1, 'no second stop');
      assert.equal(vscode.window.visibleTextEditors.length, editorsBefore, 'no editor was opened');
      assert.deepEqual(stubs.messages('error'), []);
    } finally {
      hooks.answerConfirmation = undefined;
      stubs.restore();
      await emulator().reset();
    }
  });
});

describe('Hostile data set in every tree and panel (issue 8)', function () {
  this.timeout(240_000);
  let hostile: HostileEmulator;
  let data: RegionData;
  let views: Record<ServiceKey, PagedTreeProvider>;
  let stubs: WindowStubs;

  before(async () => {
    views = { dynamodb: await provider('dynamodb'), rds: await provider('rds'), lambda: await provider('lambda') };
    await hideViews();
    for (const view of (await api()).feature.views.all()) {
      await view.filters.clear();
    }
    await emulator().reset();
    hostile = await startHostileEmulator();
    data = hostile.data;
    stubs = new WindowStubs();
  });

  after(async () => {
    stubs.restore();
    await vscode.commands.executeCommand(Command.lambdaShowDurableFunctions);
    await hostile.close();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const view of (await api()).feature.views.all()) {
      await view.filters.clear();
      view.provider.refresh();
    }
  });

  afterEach(async () => {
    // Every test ends with the proof: no payload called back, from the trees or any panel.
    assert.equal((await emulator().callbacks()).count, 0, `callbacks: ${JSON.stringify((await emulator().callbacks()).hits.slice(0, 5))}`);
    assert.equal((await hostile.control.callbacks()).count, 0);
    assert.deepEqual(stubs.shown, [], 'no notification');
  });

  it('DynamoDB: rows show the names literally, tooltips stay untrusted text, panels show every hostile field as text', async () => {
    views.dynamodb.refresh();
    const rows = itemRows(await expand(views.dynamodb));
    assert.deepEqual(rows.map((r) => label(r)).sort(), [...HOSTILE_BACKUP_NAMES].sort());
    rows.forEach(assertSafeTooltip);
    for (const row of rows) {
      const arn = (row as unknown as { arn: string }).arn;
      const backup = data.backups.find((b) => b.backupArn === arn)!;
      const table = data.tables.find((t) => t.name === backup.tableName)!;
      const { panel, doc } = await openFrom(row, arn);
      assert.equal(doc.title, backup.backupName);
      const fields = block(doc, 'table', 'fields').fields;
      assert.equal(fields.find((f) => f.label === 'Key schema')?.value, table.keySchema.map((k) => `${k.AttributeName} (${k.KeyType})`).join(', '));
      const features = block(doc, 'features', 'fields').fields;
      assert.equal(features.find((f) => f.label === 'KMS key ARN')?.value, table.sse?.KMSMasterKeyArn);
      assert.equal(features.find((f) => f.label === 'Time to live')?.value, `ENABLED on ${table.ttl?.AttributeName}`);
      const indexes = JSON.stringify(block(doc, 'indexes', 'table').rows);
      for (const attribute of table.localSecondaryIndexes[0].Projection.NonKeyAttributes ?? []) {
        assert.ok(indexes.includes(JSON.stringify(attribute).slice(1, -1)), 'non-key attributes show as given');
      }
      panel.dispose();
    }
  });

  it('Aurora: hostile engine versions and statuses show as text in rows, tooltips and backtrack panels', async () => {
    views.rds.refresh();
    const clusters = itemRows(await expand(views.rds));
    const main = clusters.find((c) => label(c) === HOSTILE_CLUSTER)!;
    const record = data.clusters.find((c) => c.identifier === HOSTILE_CLUSTER)!;
    assert.ok(description(main).includes(xmlText(record.engineVersion)), 'the engine version shows as sent');
    clusters.forEach(assertSafeTooltip);
    const backtracks = itemRows(await expand(views.rds, main));
    assert.equal(backtracks.length, data.backtracks.length);
    backtracks.forEach(assertSafeTooltip);
    for (const row of backtracks) {
      const id = (row as unknown as { backtrackId: string }).backtrackId;
      const sent = data.backtracks.find((b) => b.backtrackIdentifier === id);
      assert.ok(sent, 'a backtrack of the data set');
      const status = xmlText(sent.status);
      assert.ok(description(row).startsWith(status), `the row starts with the status as sent: ${description(row).slice(0, 60)}`);
      const { panel, doc } = await openFrom(row, `${record.arn}/${id}`);
      assert.ok(JSON.stringify(doc).includes(JSON.stringify(status).slice(1, -1)), 'the panel shows the status as sent');
      panel.dispose();
    }
  });

  it('Lambda: functions, executions and every execution panel (payloads, errors, trace, history) show hostile text literally', async () => {
    await vscode.commands.executeCommand(Command.lambdaShowAllFunctions);
    const functions = itemRows(await expand(views.lambda));
    assert.deepEqual(functions.map((r) => label(r)).sort(), [HOSTILE_FUNCTION, PLAIN_HOSTILE_FUNCTION].sort());
    functions.forEach(assertSafeTooltip);
    const fnRecord = data.functions.find((f) => f.name === HOSTILE_FUNCTION)!;
    const fnRow = functions.find((f) => label(f) === HOSTILE_FUNCTION)!;
    assert.ok(tooltipOf(fnRow).length > 0 && fnRecord.description.length > 0);
    const rows = itemRows(await expand(views.lambda, fnRow));
    assert.deepEqual(rows.map((r) => label(r)).sort(), HOSTILE_EXECUTIONS.map((e) => e.name).sort());
    rows.forEach(assertSafeTooltip);
    for (const row of rows.filter((r) => label(r) !== 'hostile-6mb')) {
      const exec = data.executions.find((e) => e.name === label(row))!;
      const expected = buildExecutionDetail(exec);
      const history = buildHistory(exec);
      const { panel, doc } = await openFrom(row, exec.arn);
      const input = block(doc, 'input', 'code');
      if (input.language === 'json') {
        assert.deepEqual(JSON.parse(input.text), JSON.parse(expected.inputPayload), 'the input payload, every string intact');
      } else {
        assert.equal(input.text, expected.inputPayload);
      }
      assert.equal(block(doc, 'execution', 'fields').fields.find((f) => f.label === 'Trace header')?.value, expected.traceId);
      if (expected.error) {
        const error = block(doc, 'error', 'fields').fields;
        assert.equal(error.find((f) => f.label === 'Message')?.value, expected.error.ErrorMessage);
        assert.equal(error.find((f) => f.label === 'Type')?.value, expected.error.ErrorType);
        assert.equal(block(doc, 'stackTrace', 'code').text, expected.error.StackTrace?.join('\n'));
        assert.deepEqual(JSON.parse(block(doc, 'errorData', 'code').text), JSON.parse(expected.error.ErrorData ?? 'null'));
      }
      if (expected.result) {
        assert.deepEqual(JSON.parse(block(doc, 'result', 'code').text), JSON.parse(expected.result));
      }
      const events = block(doc, 'events', 'list').rows;
      assert.deepEqual(
        events.map((e) => e.cells[3]),
        history.map((e) => e.Name ?? ''),
        'event names as sent',
      );
      assert.deepEqual(
        events.map((e) => e.cells[4]),
        history.map((e) => e.SubType ?? ''),
        'sub-types as sent',
      );
      panel.dispose();
    }
  });

  // How long the host is blocked is measured by `npm run bench` (panelLongestBlock), not asserted here.
  it('a 6 MB input payload shows truncated, and opens whole as a read-only JSON document', async () => {
    await vscode.commands.executeCommand(Command.lambdaShowDurableFunctions);
    const [fnRow] = itemRows(await expand(views.lambda));
    const row = itemRows(await expand(views.lambda, fnRow)).find((r) => label(r) === 'hostile-6mb');
    assert.ok(row);
    const exec = data.executions.find((e) => e.name === 'hostile-6mb')!;
    const { panel, doc } = await openFrom(row, exec.arn);
    const input = block(doc, 'input', 'code');
    assert.ok(input.text.length <= 100_000, `the panel shows at most 100,000 characters (${input.text.length})`);
    assert.match(input.truncatedNotice ?? '', /Showing the first/);
    assert.equal(input.canOpenWhole, true);
    assert.ok(JSON.stringify(doc).length < 1_000_000, 'the posted document stays small');

    // Opening it is VS Code's work more than ours (the built-in JSON language client syncs a 6 MB document
    // to its server from this same host); what the extension adds is one unformatted string, checked below.
    fromPage(panel, { type: 'openWhole', blockId: 'input' });
    const editor = await waitFor('the whole document', () => vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'aws-history-json'));
    const text = editor.document.getText();
    assert.equal(editor.document.languageId, 'json');
    assert.equal(text.length, SIX_MB, 'the whole payload, as AWS sent it (not re-formatted: that alone would stall the host)');
    assert.deepEqual(JSON.parse(text), JSON.parse(sixMegabyteJson(hostileCallbackBase())), 'exactly the payload AWS sent');
    assert.equal(vscode.workspace.fs.isWritableFileSystem(editor.document.uri.scheme), undefined, 'read-only: no file system can write it back');
    panel.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it("a 255-character table name taken from a row is a valid filter and lists that table's backups", async () => {
    // The table filter from a backup row: a 255-character table name is a valid filter and lists its backups.
    views.dynamodb.refresh();
    const rows = itemRows(await expand(views.dynamodb));
    const longRow = rows.find((r) => description(r).startsWith('t'.repeat(255)));
    assert.ok(longRow);
    await vscode.commands.executeCommand(Command.dynamodbShowTableBackups, longRow);
    await hideViews();
    const filtered = itemRows(await settledChildren(views.dynamodb));
    assert.ok(filtered.length > 0 && filtered.every((r) => description(r).startsWith('t'.repeat(255))));
    assert.ok(filtered.every((r) => contextOf(r).startsWith('awsHistory:dynamodb:backup')));
  });
});
