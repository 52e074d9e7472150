import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Command } from '../../src/constants';
import type { PagedTreeProvider } from '../../src/tree/pagedTreeProvider';
import type { TreeNode } from '../../src/tree/treeNode';
import { api, click, emulator, expand, hideViews, isError, isLoadMore, itemRows, lastRow, provider, waitFor, withConfirmation, confirmYes } from './helpers';
import { assertNoTextIn, enableDebugLog, logFile, readText, resetLogLevel, rowText, setSetting, settledChildren, WindowStubs } from './securityKit';

/*
 * Issue 11: a profile whose `credential_process` fails. Its command line carries a sentinel argument and
 * its output (stdout and stderr) a sentinel text; neither may reach an error row, a panel, a notification
 * or the log. The process succeeds until the test creates a flag file, so the views first list (the setup
 * check passes) and then fail on the next request, where the error surfaces.
 */
const sentinelArgument = 'SENTINEL-ARGUMENT-cp-7XQ2';
const sentinelOutput = 'SENTINEL-OUTPUT-cp-9KD4';
const profile = 'cp-sentinel';

/**
 * The helper the profile runs (argv: flag file, expiry file). Its credentials expire after a second and
 * it writes when; once they have, the SDK must run it again for the next request, as for any real
 * short-lived helper. (Before that, the SDK refreshes in the background and keeps the old ones on failure.)
 */
const helperSource = `
const fs = require('node:fs');
if (fs.existsSync(process.argv[2])) {
  process.stdout.write('${sentinelOutput} stdout');
  process.stderr.write('${sentinelOutput} stderr');
  process.exit(3);
}
const expiration = Date.now() + 1000;
fs.writeFileSync(process.argv[3], String(expiration));
process.stdout.write(JSON.stringify({
  Version: 1,
  AccessKeyId: 'AKIDEXAMPLE0000000001',
  SecretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYDUMMYKEY01',
  Expiration: new Date(expiration).toISOString(),
}));
`;

describe('credential_process failures show no command line or output (issue 11)', function () {
  this.timeout(120_000);
  const shown: string[] = [];
  let dir = '';
  let flag = '';
  let expiry = '';
  let savedConfigFile: string | undefined;
  let stubs: WindowStubs;
  let dynamodb: PagedTreeProvider;
  let lambda: PagedTreeProvider;
  let fileOfLog = '';

  before(async () => {
    dynamodb = await provider('dynamodb');
    lambda = await provider('lambda');
    await hideViews();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ahe-credential-process-'));
    flag = path.join(dir, 'fail');
    expiry = path.join(dir, 'expiration');
    const helper = path.join(dir, 'helper.js');
    fs.writeFileSync(helper, helperSource);
    savedConfigFile = process.env.AWS_CONFIG_FILE;
    assert.ok(savedConfigFile, 'the harness wrote an AWS config file');
    // In Electron the host's executable runs scripts only as Node with this variable.
    const command = `ELECTRON_RUN_AS_NODE=1 ${JSON.stringify(process.execPath)} ${JSON.stringify(helper)} ${JSON.stringify(flag)} ${JSON.stringify(expiry)} --token ${sentinelArgument}`;
    const config = path.join(dir, 'config');
    fs.writeFileSync(config, `${fs.readFileSync(savedConfigFile, 'utf8')}\n[profile ${profile}]\nregion = us-east-1\ncredential_process = ${command}\n`);
    // A new path: the SDK caches the shared files by path for the life of the process.
    process.env.AWS_CONFIG_FILE = config;
    await enableDebugLog();
    fileOfLog = await logFile();
    await emulator().reset();
    await setSetting('pageSize', 10);
    await setSetting('profile', profile);
    await waitFor('the views to use the profile', async () => (await api()).feature.session.current.profile === profile || undefined);
    stubs = new WindowStubs();
  });

  after(async () => {
    stubs.restore();
    fs.rmSync(flag, { force: true });
    await setSetting('profile', undefined);
    await setSetting('pageSize', undefined);
    process.env.AWS_CONFIG_FILE = savedConfigFile;
    (await api()).feature.clients.reset();
    dynamodb.refresh();
    lambda.refresh();
    await resetLogLevel();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists with the helper, then shows a fixed message in rows, panels, notifications and the log when it fails', async () => {
    dynamodb.refresh();
    const rows = await settledChildren(dynamodb);
    assert.ok(itemRows(rows).length > 0, 'the helper’s credentials list the backups');
    const [fn] = itemRows(await settledChildren(lambda));
    const running = itemRows(await expand(lambda, fn))[0] as TreeNode & { arn: string };
    const backup = itemRows(rows)[0] as TreeNode & { arn: string };
    const { panels } = (await api()).feature;
    await click(backup);
    const panel = await waitFor('the backup panel', () => panels.get(backup.arn));
    await panel.waitForRender();

    fs.writeFileSync(flag, '');
    // From here on the helper fails; the credentials it gave last must have expired for that to show.
    const expiration = Number(readText(expiry));
    await waitFor('the last credentials to expire', () => Date.now() > expiration || undefined);
    const expected = `The credential_process of profile "${profile}" exited with an error.`;

    // A list: the next page's request needs credentials.
    const loadMore = lastRow(rows);
    assert.ok(isLoadMore(loadMore), 'the list has a next page');
    await loadMore.list.loadMore();
    const error = (await loadMore.list.getChildren()).find(isError);
    assert.ok(error, 'the failed page is an error row');
    assert.ok(rowText(error).includes(expected), `the row says what failed: ${rowText(error)}`);
    shown.push(rowText(error));

    // The view itself: the setup check finds no credentials and the welcome shows.
    assert.deepEqual(await expand(dynamodb), [], 'the view shows its "no credentials" welcome');

    // A details panel.
    await panel.refresh();
    const outcome = await panel.waitForRender(10_000).then(
      () => 'rendered',
      (e: Error) => e.message,
    );
    assert.equal(outcome, expected, 'the panel shows the same fixed message');
    shown.push(outcome, panel.webviewHtml, JSON.stringify(panel.lastDocument ?? {}));

    // A command: its failure is a notification and an error line in the log.
    await withConfirmation(confirmYes, () => vscode.commands.executeCommand(Command.lambdaStopExecution, running, {}));
    const message = await waitFor('the error notification', () => stubs.messages('error')[0]);
    // Commands report through the one error wrapper, which does not know the profile's name.
    assert.match(message, /^The credential_process of profile "[^"]+" exited with an error\./, 'the notification says what failed');
    shown.push(...stubs.messages());

    const log = await waitFor('the error line in the log', () => {
      const text = readText(fileOfLog);
      return text.includes('CredentialError: The credential_process of profile') ? text : undefined;
    });
    assertNoTextIn(log, [sentinelArgument, sentinelOutput, 'Command failed', 'helper.js'], 'the output log');
    assertNoTextIn(shown.join('\n'), [sentinelArgument, sentinelOutput, 'Command failed', 'helper.js'], 'rows, the panel or notifications');
    assert.equal((await emulator().requests({ operation: 'StopDurableExecution' })).length, 0, 'nothing was stopped without credentials');
  });
});
