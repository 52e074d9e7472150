import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { HttpRequest } from '@smithy/types';
import { describeError } from '../../src/aws/errors';
import { Command, type ServiceKey } from '../../src/constants';
import type { PagedTreeProvider } from '../../src/tree/pagedTreeProvider';
import type { ListLoadMoreRow as LoadMoreRow } from '../../src/tree/pagedChildren';
import type { TreeNode } from '../../src/tree/treeNode';
import type { DetailPanel } from '../../src/webview/panelShell.lazy';
import { api, click, emulator, expand, hideViews, isError, itemRows, lastRow, provider, waitFor, withConfirmation, confirmYes } from './helpers';
import { filesBelow } from '../harness/util';
import { assertNoTextIn, enableDebugLog, logFile, readText, resetLogLevel, rowText, setSetting, WindowStubs } from './securityKit';

/*
 * Runs the extension with sentinel credentials (a session token included, as SSO and assumed roles have)
 * and searches everything it writes or shows for them: the output log, error rows and messages, webview
 * HTML and documents, persisted state and the files VS Code keeps, and the test run's own artifacts.
 */

const sentinel = {
  accessKeyId: 'AKIASENTINEL7QX2Z9KD',
  secretAccessKey: 'sentinelSecret/Q9w+Zr7uT2xY5vB8nM1kL4jH6gF3dS0aP',
  sessionToken: `IQoJb3JpZ2luX2VjSENTINEL/SESSION+TOKEN=${'Zm9vYmFy'.repeat(40)}`,
} as const;
const credentialVariables = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE'] as const;

/** Header names and markers that must never reach the log. */
const headerMarkers = [
  'authorization',
  'x-amz-date',
  'x-amz-security-token',
  'x-amz-content-sha256',
  'Signature=',
  'Credential=',
  'AWS4-HMAC-SHA256',
  'amz-sdk-invocation-id',
  'user-agent',
];

/** Files under `dir` (text and binary alike; SQLite keeps strings as they are), as latin1 text. */
function filesUnder(dir: string, maxBytes = 64 * 1024 * 1024): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  for (const file of filesBelow(dir)) {
    try {
      if (fs.statSync(file).size <= maxBytes) {
        out.push({ file, text: fs.readFileSync(file).toString('latin1') });
      }
    } catch {
      // Rotated or deleted while walking.
    }
  }
  return out;
}

describe('Secrets never leak (issue 8)', function () {
  this.timeout(180_000);
  const saved = new Map<string, string | undefined>();
  const signatures = new Set<string>();
  const shownTexts: string[] = [];
  const panelTexts: string[] = [];
  let stubs: WindowStubs;
  let views: Record<ServiceKey, PagedTreeProvider>;

  before(async () => {
    const { clients } = (await api()).feature;
    views = { dynamodb: await provider('dynamodb'), rds: await provider('rds'), lambda: await provider('lambda') };
    await hideViews();
    await setSetting('profile', undefined);
    await setSetting('pageSize', 25);
    for (const name of credentialVariables) {
      saved.set(name, process.env[name]);
    }
    // No profile named anywhere: the SDK's chain takes the environment first, as it would on a CI runner.
    delete process.env.AWS_PROFILE;
    process.env.AWS_ACCESS_KEY_ID = sentinel.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = sentinel.secretAccessKey;
    process.env.AWS_SESSION_TOKEN = sentinel.sessionToken;
    clients.reset();
    for (const service of ['dynamodb', 'rds', 'lambda'] as const) {
      const { client } = await clients.get(service);
      // Reads the signed request the SDK is about to send, so the search also covers real signatures.
      client.middlewareStack.add(
        (next) => async (args) => {
          const headers = (args.request as HttpRequest).headers;
          const signature = /Signature=([0-9a-f]{64})/.exec(headers['authorization'] ?? '')?.[1];
          assert.equal(headers['x-amz-security-token'], sentinel.sessionToken, 'the sentinel session token is in use');
          assert.ok(headers['authorization']?.includes(`Credential=${sentinel.accessKeyId}/`), 'the sentinel key is in use');
          if (signature) {
            signatures.add(signature);
          }
          return next(args);
        },
        { step: 'deserialize', name: 'testSentinelSignatureCapture' },
      );
    }
    await enableDebugLog();
    await emulator().reset();
    stubs = new WindowStubs();
  });

  after(async () => {
    stubs.restore();
    for (const [name, value] of saved) {
      if (value === undefined) {
        delete process.env[name];
      } else {
        process.env[name] = value;
      }
    }
    (await api()).feature.clients.reset();
    await emulator().reset();
    await setSetting('pageSize', undefined);
    for (const view of (await api()).feature.views.all()) {
      await view.filters.clear();
      view.provider.refresh();
    }
    await resetLogLevel();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  async function openPanel(row: TreeNode, key: string): Promise<DetailPanel> {
    const { panels } = (await api()).feature;
    await click(row);
    const panel = await waitFor('the panel', () => panels.get(key));
    await panel.waitForRender();
    return panel;
  }

  function remember(panel: DetailPanel): void {
    panelTexts.push(panel.webviewHtml, JSON.stringify(panel.lastDocument ?? {}));
  }

  it('uses the sentinel credentials for every request: lists, pages, panels', async () => {
    for (const service of ['dynamodb', 'rds', 'lambda'] as const) {
      views[service].refresh();
      const rows = await expand(views[service]);
      assert.ok(itemRows(rows).length > 0, `${service} lists with the sentinel credentials`);
    }
    await (lastRow(await expand(views.dynamodb)) as LoadMoreRow).list.loadMore();

    const backup = itemRows(await expand(views.dynamodb))[0] as TreeNode & { arn: string };
    remember(await openPanel(backup, backup.arn));

    assert.equal(await vscode.commands.executeCommand<boolean>(Command.rdsFilter, { cluster: 'orders-aurora' }), true);
    const [cluster] = itemRows(await expand(views.rds));
    const backtrack = itemRows(await expand(views.rds, cluster))[0];
    const { panels } = (await api()).feature;
    await click(backtrack);
    const backtrackPanel = await waitFor('the backtrack panel', () => panels.all().find((p) => p.key.includes(':cluster:orders-aurora/')));
    await backtrackPanel.refresh();
    await backtrackPanel.waitForRender();
    remember(backtrackPanel);

    assert.equal(await vscode.commands.executeCommand<boolean>(Command.lambdaFilter, { function: 'order-workflow', statuses: ['RUNNING'] }), true);
    const [fn] = itemRows(await expand(views.lambda));
    const execution = itemRows(await expand(views.lambda, fn))[0] as TreeNode & { arn: string };
    const executionPanel = await openPanel(execution, execution.arn);
    remember(executionPanel);
    assert.ok(signatures.size >= 6, `signed requests were captured (${signatures.size})`);
  });

  it('keeps them out of error rows, panel errors and messages, whatever AWS answers', async () => {
    const faults = ['accessDenied', 'expiredToken', 'invalidCredentials', 'serverError', 'malformed', 'throttle'] as const;
    for (const kind of faults) {
      await emulator().reset();
      await emulator().fault({ operation: 'ListBackups', kind, count: -1 });
      views.dynamodb.refresh();
      const row = (await expand(views.dynamodb)).find(isError);
      assert.ok(row, `${kind} gives an error row`);
      shownTexts.push(rowText(row));
    }
    await emulator().reset();
    const { panels } = (await api()).feature;
    for (const panel of panels.all()) {
      await emulator().fault({ operation: '*', kind: 'invalidCredentials', count: -1 });
      await panel.refresh();
      const outcome = await panel.waitForRender(10_000).then(
        () => 'rendered',
        (error: Error) => error.message,
      );
      shownTexts.push(outcome);
      remember(panel);
      await emulator().reset();
    }
    // A command that fails reports through a notification and the log's error line.
    await emulator().fault({ operation: 'StopDurableExecution', kind: 'accessDenied', count: -1 });
    const [fn] = itemRows(await expand(views.lambda));
    const running = itemRows(await expand(views.lambda, fn))[0];
    await withConfirmation(confirmYes, () => vscode.commands.executeCommand(Command.lambdaStopExecution, running, {}));
    await waitFor('the error message', () => stubs.messages('error').length > 0 || undefined);
    shownTexts.push(...stubs.messages());
    await emulator().reset();
    // What a real service may echo back: SignatureDoesNotMatch carries the canonical request, token included.
    const echoed = describeError(
      {
        name: 'SignatureDoesNotMatch',
        message: `The request signature we calculated does not match the signature you provided.\n\nThe Canonical String for this request should have been\n'POST\n/\n\nx-amz-security-token:${sentinel.sessionToken}\n'\n\nThe String-to-Sign should have been 'AWS4-HMAC-SHA256 Credential=${sentinel.accessKeyId}/20260101/us-east-1/dynamodb/aws4_request'`,
        $metadata: { httpStatusCode: 403 },
      },
      { action: 'dynamodb:ListBackups', profile: 'default' },
    );
    assert.equal(echoed.kind, 'credentials');
    shownTexts.push(echoed.message, echoed.hint);
    assertNoTextIn(shownTexts.join('\n'), Object.values(sentinel), 'error rows, panel errors or messages');
    assertNoTextIn(shownTexts.join('\n'), [...signatures], 'error rows, panel errors or messages (signatures)');
  });

  it('logs each request as operation, status, duration and request id at debug level, and nothing from headers', async () => {
    const file = await logFile();
    const served = (await emulator().requests()).length;
    assert.ok(served >= 0);
    views.dynamodb.refresh();
    await expand(views.dynamodb);
    const [answered] = (await emulator().requests({ operation: 'ListBackups' })).filter((r) => r.status === 200 && !r.fault).slice(-1);
    assert.ok(answered, 'a ListBackups was answered');
    const text = await waitFor('the request line', () => (readText(file).includes(answered.requestId) ? readText(file) : undefined));
    const requestLines = text.split('\n').filter((l) => /\[debug\] (dynamodb|rds|lambda):/.test(l));
    assert.ok(requestLines.length >= 10, `request lines are logged (${requestLines.length})`);
    for (const line of requestLines) {
      assert.match(
        line,
        /^\S+ \S+ \[debug\] (dynamodb|rds|lambda):[A-Za-z]+ (failed [A-Za-z]+ )?(\d{3}|\?) \d+ ms request-id=[\w-]+( attempts=\d+)?$/,
        `a request line holds operation, status, duration and request id only: ${line}`,
      );
    }
    assert.ok(requestLines.some((l) => l.includes(`dynamodb:ListBackups 200`) && l.includes(`request-id=${answered.requestId}`)));
    assert.ok(
      requestLines.some((l) => /failed AccessDeniedException 400/.test(l)),
      'failures are logged with their error name and status',
    );
    const lower = text.toLowerCase();
    for (const marker of headerMarkers) {
      assert.ok(!lower.includes(marker.toLowerCase()), `the log holds nothing from headers ("${marker}")`);
    }
    assertNoTextIn(text, [...Object.values(sentinel), ...signatures], 'the output log');
  });

  it('finds no sentinel in webview HTML, documents, persisted state, VS Code files or test artifacts', async () => {
    const feature = (await api()).feature;
    const context = feature.extension;
    for (const panel of feature.panels.all()) {
      remember(panel);
    }
    const needles = [...Object.values(sentinel), encodeURIComponent(sentinel.sessionToken), ...signatures];
    assertNoTextIn(panelTexts.join('\n'), needles, 'webview HTML or panel documents');

    const state = [context.workspaceState, context.globalState]
      .flatMap((memento) => memento.keys().map((key) => `${key}=${JSON.stringify(memento.get(key))}`))
      .join('\n');
    assertNoTextIn(state, needles, 'workspaceState or globalState');

    // <user data>/User/globalStorage/<extension id> → <user data>: settings, state databases, every log.
    const userData = path.resolve(context.globalStorageUri.fsPath, '..', '..', '..');
    const files = [...filesUnder(userData), ...filesUnder(context.logUri.fsPath)];
    assert.ok(
      files.some((f) => f.file.endsWith('AWS History Explorer.log')),
      'the search covers the output log file',
    );
    // code-server keeps workspaceState/globalState in the browser (IndexedDB): the Memento API above reads them.
    assert.ok(
      files.some((f) => f.file.endsWith(path.join('User', 'settings.json'))),
      'the search covers the user settings',
    );
    for (const { file, text } of files) {
      assertNoTextIn(text, needles, path.relative(userData, file));
    }

    const artifacts = [...filesUnder(path.join(context.extensionUri.fsPath, '.test-artifacts'))];
    const results = process.env.AWS_HISTORY_RESULTS;
    for (const file of results ? [results, `${results}.progress`] : []) {
      artifacts.push({ file, text: readText(file) });
    }
    for (const { file, text } of artifacts) {
      assertNoTextIn(text, needles, `test artifact ${path.basename(file)}`);
    }
    assertNoTextIn(JSON.stringify(await emulator().requests()), needles, "the emulator's request log");
  });
});
