import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Command } from '../../src/constants';
import { backupExportColumns } from '../../src/dynamodb/cli';
import { startingToken } from '../../src/export/cliList';
import type { ItemNode, TreeNode } from '../../src/tree/treeNode';
import { buildDataset, regionData, type RegionData } from '../emulator/data';
import { HOSTILE_BACKUP_NAMES } from '../emulator/gen-hostile';
import { api, clickLoadMore, emulator, expand, hideViews, itemRows, label, provider, waitFor } from './helpers';
import { startHostileEmulator } from './securityKit';
import { parseCsv } from '../csvReader';

const iso = (ms: number | undefined): string => (ms === undefined ? '' : new Date(ms).toISOString());

describe('Export and Copy as AWS CLI Command', () => {
  let dir: string;
  let files = 0;
  let truth: RegionData;
  /** The emulator's clock origin: the data set's relative times are based on it. */
  let now: number;

  const nextFile = (ext: string): string => path.join(dir, `export-${++files}.${ext}`);

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ahe-export-'));
    now = (await emulator().info()).now;
    truth = regionData(buildDataset({ dataset: 'large', now }), 'us-east-1');
  });

  beforeEach(async () => {
    await hideViews();
    const { feature } = await api();
    for (const view of feature.views.all()) {
      await view.filters.clear();
    }
    await emulator().reset();
    feature.views.refreshAll();
  });

  afterEach(async () => {
    const { hooks } = await api();
    hooks.exportFile = undefined;
    hooks.keepPartialExport = undefined;
    hooks.onExportProgress = undefined;
  });

  after(async () => {
    const { feature } = await api();
    for (const view of feature.views.all()) {
      await view.filters.clear();
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Runs Export… on `target` into a new file; returns the file and what the command returned. */
  async function exportTo(
    target: unknown,
    options: { scope: 'loaded' | 'all'; format: 'csv' | 'json' },
  ): Promise<{ file: string; written: number | undefined }> {
    const file = nextFile(options.format);
    (await api()).hooks.exportFile = () => Promise.resolve(vscode.Uri.file(file));
    const written = await vscode.commands.executeCommand<number | undefined>(Command.exportList, target, options);
    return { file, written };
  }

  it('CSV of a filtered list, all pages: exactly the backups the emulator holds for that filter, API field names as header', async function () {
    this.timeout(120_000);
    const { feature } = await api();
    const after = now - 200 * 86_400_000;
    const before = now - 100 * 86_400_000;
    await feature.views.get('dynamodb').filters.set({ table: 'BigTable', after: new Date(after).toISOString(), before: new Date(before).toISOString() });
    const p = await provider('dynamodb');
    await expand(p); // one page loaded: "all pages" must still list every page
    await emulator().clearRequests();
    const { file, written } = await exportTo(p.root, { scope: 'all', format: 'csv' });
    const expected = truth.backups.filter((b) => b.tableName === 'BigTable' && b.type === 'USER' && b.createdMs >= after && b.createdMs < before);
    assert.ok(expected.length > 250, 'the filter spans several pages');
    assert.equal(written, expected.length);
    const [header, ...rows] = parseCsv(fs.readFileSync(file, 'utf8'));
    assert.deepEqual(header, [...backupExportColumns]);
    const column = (name: (typeof backupExportColumns)[number]): number => header.indexOf(name);
    assert.deepEqual(
      rows.map((r) => [
        r[column('BackupArn')],
        r[column('BackupName')],
        r[column('BackupCreationDateTime')],
        r[column('BackupStatus')],
        r[column('BackupSizeBytes')],
      ]),
      expected.map((b) => [b.backupArn, b.backupName, iso(b.createdMs), b.status, b.sizeBytes === undefined ? '' : String(b.sizeBytes)]),
    );
    const requests = (await emulator().requests()).filter((r) => r.operation === 'ListBackups');
    assert.ok(
      requests.every((r) => r.params.TableName === 'BigTable' && r.params.Limit === 100),
      "every page with the filter and the API's largest page",
    );
    assert.equal(fs.readdirSync(dir).filter((f) => f.endsWith('.part')).length, 0, 'no temporary file is left');
  });

  it("JSON of a function's executions with a status filter: the summaries as the API returned them, every page", async function () {
    this.timeout(120_000);
    const { feature } = await api();
    await feature.views.get('lambda').filters.set({ function: 'big-function', statuses: ['FAILED'] });
    const p = await provider('lambda');
    const [fn] = itemRows(await expand(p));
    assert.equal(label(fn), 'big-function');
    const { file, written } = await exportTo(fn, { scope: 'all', format: 'json' });
    const expected = truth.executions.filter((e) => e.functionName === 'big-function' && e.status === 'FAILED');
    const exported = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>[];
    assert.equal(written, expected.length);
    const byArn = (a: { arn: string }, b: { arn: string }): number => (a.arn < b.arn ? -1 : 1);
    assert.deepEqual(
      exported.map((e) => ({ arn: e.DurableExecutionArn as string, name: e.DurableExecutionName, status: e.Status, start: e.StartTimestamp })).sort(byArn),
      expected.map((e) => ({ arn: e.arn, name: e.name, status: 'FAILED', start: iso(e.startMs) })).sort(byArn),
    );
  });

  it('the loaded items only: the rows the list shows, no request', async () => {
    const { feature } = await api();
    await feature.views.get('rds').filters.set({ cluster: 'big-backtracks' });
    const p = await provider('rds');
    const [cluster] = itemRows(await expand(p));
    await expand(p, cluster);
    const rows = itemRows(await clickLoadMore(p, cluster));
    await emulator().clearRequests();
    const { file, written } = await exportTo(cluster, { scope: 'loaded', format: 'csv' });
    assert.equal(written, rows.length);
    const [header, ...lines] = parseCsv(fs.readFileSync(file, 'utf8'));
    const ids = rows.map((r) => (r as ItemNode<{ BacktrackIdentifier?: string }>).item.BacktrackIdentifier);
    assert.deepEqual(
      lines.map((l) => l[header.indexOf('BacktrackIdentifier')]),
      ids,
    );
    assert.equal((await emulator().requests()).length, 0);
  });

  it('a cancelled export leaves no file when the user deletes it, and a valid partial file when they keep it', async function () {
    this.timeout(120_000);
    const { feature, hooks } = await api();
    await feature.views.get('dynamodb').filters.set({ table: 'BigTable' });
    const p = await provider('dynamodb');
    hooks.onExportProgress = (written, cancel) => {
      if (written >= 200) {
        cancel();
      }
    };
    let asked = -1;
    hooks.keepPartialExport = (written) => {
      asked = written;
      return Promise.resolve(false);
    };
    const deleted = await exportTo(p.root, { scope: 'all', format: 'csv' });
    assert.equal(deleted.written, undefined);
    assert.equal(asked, 200, 'asked after the 2 pages written');
    assert.ok(!fs.existsSync(deleted.file), 'no file');
    assert.deepEqual(
      fs.readdirSync(dir).filter((f) => f.includes(path.basename(deleted.file))),
      [],
      'no temporary file either',
    );

    hooks.keepPartialExport = () => Promise.resolve(true);
    const kept = await exportTo(p.root, { scope: 'all', format: 'json' });
    assert.equal(kept.written, 200);
    const items = JSON.parse(fs.readFileSync(kept.file, 'utf8')) as unknown[];
    assert.equal(items.length, 200, 'the kept JSON is a complete array of what was written');
  });

  it('hostile values from AWS are quoted safely: never a formula, never a broken row', async function () {
    this.timeout(120_000);
    const hostile = await startHostileEmulator();
    try {
      const p = await provider('dynamodb');
      const { feature } = await api();
      await feature.views.get('dynamodb').filters.set({ backupType: 'ALL' });
      p.refresh();
      const { file } = await exportTo(p.root, { scope: 'all', format: 'csv' });
      const [header, ...rows] = parseCsv(fs.readFileSync(file, 'utf8'));
      assert.ok(
        rows.every((r) => r.length === header.length),
        "every row has the header's columns",
      );
      const names = rows.map((r) => r[header.indexOf('BackupName')]);
      for (const name of HOSTILE_BACKUP_NAMES) {
        assert.ok(names.includes(/^[=+\-@]/.test(name) ? `'${name}` : name), `backup ${name.slice(0, 20)} is exported`);
      }
      for (const row of rows) {
        for (const cell of row) {
          assert.ok(!/^[=+\-@\t\r]/.test(cell), `no cell starts a formula: ${cell.slice(0, 30)}`);
        }
      }
    } finally {
      await hostile.close();
      (await provider('dynamodb')).refresh();
    }
  });

  describe('Copy as AWS CLI Command', () => {
    async function where(): Promise<string> {
      const connection = (await api()).feature.session.current;
      return `--region ${connection.region ?? ''}${connection.profileExplicit ? ` --profile ${connection.profile}` : ''}`;
    }

    async function copied(...args: unknown[]): Promise<string> {
      await vscode.env.clipboard.writeText('');
      const returned = await vscode.commands.executeCommand<string | undefined>(Command.copyAsCliCommand, ...args);
      const text = await vscode.env.clipboard.readText();
      assert.equal(returned, text);
      return text;
    }

    it("a view's list with its filters, and part-way with --starting-token of the next page", async () => {
      const { feature } = await api();
      await feature.views.get('dynamodb').filters.set({ table: 'BigTable', backupType: 'ALL' });
      const p = await provider('dynamodb');
      assert.equal(await copied(p.root), `aws dynamodb list-backups --table-name BigTable --backup-type ALL ${await where()}`);
      await expand(p);
      const next = p.root.nextToken;
      assert.ok(next);
      assert.equal(
        await copied(p.root, { from: 'next' }),
        `aws dynamodb list-backups --table-name BigTable --backup-type ALL --starting-token ${startingToken('ExclusiveStartBackupArn', next)} ${await where()}`,
      );
      assert.equal(await copied(p.root, { from: 'start' }), `aws dynamodb list-backups --table-name BigTable --backup-type ALL ${await where()}`);
    });

    it("a cluster's backtracks and a function's executions, from their rows", async () => {
      const { feature } = await api();
      await feature.views.get('rds').filters.set({ cluster: 'orders-aurora', statuses: ['completed'] });
      const [cluster] = itemRows(await expand(await provider('rds')));
      assert.equal(
        await copied(cluster, [cluster]),
        `aws rds describe-db-cluster-backtracks --db-cluster-identifier orders-aurora --filters '[{"Name":"db-cluster-backtrack-status","Values":["completed"]}]' ${await where()}`,
      );
      await feature.views.get('lambda').filters.set({ function: 'order-workflow', statuses: ['RUNNING', 'FAILED'] });
      const [fn] = itemRows(await expand(await provider('lambda')));
      assert.equal(
        await copied(fn),
        `aws lambda list-durable-executions-by-function --function-name order-workflow --statuses '["RUNNING","FAILED"]' ${await where()}`,
      );
    });

    it('a details panel: the describe/get command of its item', async function () {
      this.timeout(60_000);
      const { feature } = await api();
      const open = async (node: TreeNode, key: string): Promise<void> => {
        await (node as ItemNode<unknown>).showDetails?.();
        await waitFor('the panel to be the active editor', () => feature.panels.activePanel()?.key === key || undefined);
      };
      const backups = itemRows(await expand(await provider('dynamodb'))) as ItemNode<unknown>[];
      const backup = backups[0];
      await open(backup, backup.arn ?? '');
      assert.equal(await copied(), `aws dynamodb describe-backup --backup-arn ${backup.arn ?? ''} ${await where()}`);

      await feature.views.get('rds').filters.set({ cluster: 'orders-aurora' });
      const rds = await provider('rds');
      const [cluster] = itemRows(await expand(rds));
      const [backtrack] = itemRows(await expand(rds, cluster)) as ItemNode<{ BacktrackIdentifier?: string }>[];
      const backtrackId = backtrack.item.BacktrackIdentifier ?? '';
      await open(backtrack, `${(cluster as ItemNode<unknown>).arn ?? ''}/${backtrackId}`);
      assert.equal(
        await copied(),
        `aws rds describe-db-cluster-backtracks --db-cluster-identifier orders-aurora --backtrack-identifier ${backtrackId} ${await where()}`,
      );

      await feature.views.get('lambda').filters.set({ function: 'order-workflow' });
      const lambda = await provider('lambda');
      const [fn] = itemRows(await expand(lambda));
      const [execution] = itemRows(await expand(lambda, fn)) as ItemNode<unknown>[];
      await open(execution, execution.arn ?? '');
      const text = await copied();
      assert.ok(text.startsWith('aws lambda get-durable-execution --durable-execution-arn '), text);
      assert.ok(text.includes(execution.arn ?? '?') || text.includes(`'${execution.arn ?? '?'}'`), text);
      assert.ok(text.endsWith(await where()), text);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });
  });
});
