import * as assert from 'node:assert/strict';
import { DescribeBackupCommand, ListBackupsCommand } from '@aws-sdk/client-dynamodb';
import {
  GetDurableExecutionCommand,
  GetDurableExecutionHistoryCommand,
  ListDurableExecutionsByFunctionCommand,
  ListFunctionsCommand,
} from '@aws-sdk/client-lambda';
import { DescribeDBClusterBacktracksCommand, DescribeDBClustersCommand } from '@aws-sdk/client-rds';
import { buildDataset, buildExecutionDetail, buildHistory, regionData } from './data';
import {
  attacks,
  DEFAULT_CALLBACK_BASE,
  hostileCallbackBase,
  HOSTILE_CLUSTER,
  HOSTILE_FUNCTION,
  hostileText,
  LONG_TEXT_LENGTH,
  longText,
  ODD_TEXT,
  SIX_MB,
  sixMegabyteJson,
} from './gen-hostile';
import { NOW, useEmulator } from './helpers';

const base = hostileCallbackBase();

/** AWS's own patterns for the fields the data set keeps valid (aws-apis.md). */
const awsPatterns = {
  tableOrBackupName: /^[a-zA-Z0-9_.-]{3,255}$/,
  clusterIdentifier: /^[a-zA-Z](?!.*--)[a-zA-Z0-9-]{0,62}$/,
  functionName: /^[a-zA-Z0-9-_]{1,64}$/,
  executionName: /^[a-zA-Z0-9-_]{1,64}$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
};

describe('emulator: hostile data set', function () {
  this.timeout(60_000);
  const h = useEmulator('hostile');
  const us = () => regionData(h.data, 'us-east-1');

  it('aims every executable payload at the emulator callback counter', () => {
    assert.equal(hostileCallbackBase({}), DEFAULT_CALLBACK_BASE);
    assert.equal(hostileCallbackBase({ EMULATOR_URL: 'http://127.0.0.1:1234/' }), 'http://127.0.0.1:1234');
    const lines = attacks(base, 'tag');
    assert.ok(lines.length >= 12);
    for (const line of lines) {
      assert.ok(line.includes(`${base}/__callback/tag-`) || line.startsWith('[run a command]'), line);
    }
    const text = hostileText(base, 'x');
    for (const needle of ['<script>', '<img src=x onerror=', '"><svg onload=', 'javascript:', '{{', '${', '](command:', '\u202E', '🔥', '\n']) {
      assert.ok(text.includes(needle), `hostile text holds ${JSON.stringify(needle)}`);
    }
    assert.equal(longText(base, 'x').length, LONG_TEXT_LENGTH);
  });

  it('keeps the fields AWS validates valid, so the data could exist in a real account', () => {
    const data = us();
    for (const b of data.backups) {
      assert.match(b.backupName, awsPatterns.tableOrBackupName);
      assert.match(b.tableName, awsPatterns.tableOrBackupName);
    }
    assert.ok(data.backups.some((b) => b.backupName === '__proto__'));
    assert.ok(data.backups.some((b) => b.backupName.length === 255));
    for (const c of data.clusters) {
      assert.match(c.identifier, awsPatterns.clusterIdentifier);
    }
    assert.ok(data.clusters.some((c) => c.identifier.length === 63));
    for (const b of data.backtracks) {
      assert.match(b.backtrackIdentifier, awsPatterns.uuid);
    }
    for (const f of data.functions) {
      assert.match(f.name, awsPatterns.functionName);
      assert.ok(f.description.length <= 256, 'Description is 0–256 characters');
    }
    for (const e of data.executions) {
      assert.match(e.name, awsPatterns.executionName);
      for (const event of buildHistory(e)) {
        assert.ok((event.Name ?? 'x').length >= 1 && (event.Name ?? 'x').length <= 256, 'event Name is 1–256 characters');
        assert.ok((event.SubType ?? 'x').length <= 32, 'SubType is 1–32 characters');
      }
    }
    for (const t of data.tables) {
      for (const k of [...t.keySchema, ...t.globalSecondaryIndexes.flatMap((g) => g.KeySchema)]) {
        assert.ok(k.AttributeName.length >= 1 && k.AttributeName.length <= 255, 'AttributeName is 1–255 characters');
      }
    }
  });

  it('is deterministic', () => {
    assert.deepEqual(buildDataset({ dataset: 'hostile', now: NOW }), h.data);
    const exec = us().executions[0];
    assert.deepEqual(buildHistory(exec), buildHistory(exec));
  });

  it('DynamoDB: hostile attribute names and KMS key text arrive byte for byte through the SDK', async () => {
    const client = h.dynamodb();
    const list = await client.send(new ListBackupsCommand({ BackupType: 'ALL' }));
    assert.deepEqual(
      list.BackupSummaries?.map((b) => b.BackupName).sort(),
      us()
        .backups.map((b) => b.backupName)
        .sort(),
    );
    const backup = us().backups[0];
    const table = us().tables.find((t) => t.name === backup.tableName)!;
    const out = await client.send(new DescribeBackupCommand({ BackupArn: backup.backupArn }));
    const d = out.BackupDescription!;
    assert.deepEqual(d.SourceTableDetails?.KeySchema, table.keySchema);
    assert.equal(d.SourceTableFeatureDetails?.SSEDescription?.KMSMasterKeyArn, table.sse?.KMSMasterKeyArn);
    assert.equal(d.SourceTableFeatureDetails?.TimeToLiveDescription?.AttributeName, table.ttl?.AttributeName);
    assert.deepEqual(
      d.SourceTableFeatureDetails?.LocalSecondaryIndexes?.[0]?.Projection?.NonKeyAttributes,
      table.localSecondaryIndexes[0].Projection.NonKeyAttributes,
    );
  });

  it('RDS: hostile EngineVersion, Status and backtrack statuses survive the XML protocol', async () => {
    const client = h.rds();
    const clusters = await client.send(new DescribeDBClustersCommand({}));
    const cluster = clusters.DBClusters?.find((c) => c.DBClusterIdentifier === HOSTILE_CLUSTER);
    const record = us().clusters.find((c) => c.identifier === HOSTILE_CLUSTER)!;
    // XML turns a CR LF pair and a lone CR into LF (XML 1.0 §2.11); everything else is exact.
    const xmlText = (s: string) => s.replace(/\r\n?/g, '\n');
    assert.equal(cluster?.EngineVersion, xmlText(record.engineVersion));
    assert.equal(cluster?.Status, record.status);
    assert.equal(cluster?.MasterUsername, record.masterUsername);
    const backtracks = await client.send(new DescribeDBClusterBacktracksCommand({ DBClusterIdentifier: HOSTILE_CLUSTER }));
    assert.deepEqual(
      backtracks.DBClusterBacktracks?.map((b) => b.Status),
      us().backtracks.map((b) => xmlText(b.status)),
    );
  });

  it('Lambda: function descriptions, payloads, errors, trace headers and event names arrive intact', async () => {
    const client = h.lambda();
    const functions = await client.send(new ListFunctionsCommand({}));
    for (const f of us().functions) {
      assert.equal(functions.Functions?.find((x) => x.FunctionName === f.name)?.Description, f.description);
    }
    const list = await client.send(new ListDurableExecutionsByFunctionCommand({ FunctionName: HOSTILE_FUNCTION }));
    assert.equal(list.DurableExecutions?.length, us().executions.length);
    const failed = us().executions.find((e) => e.name === 'hostile-failed')!;
    const expected = buildExecutionDetail(failed);
    const got = await client.send(new GetDurableExecutionCommand({ DurableExecutionArn: failed.arn }));
    assert.equal(got.InputPayload, expected.inputPayload);
    assert.deepEqual(got.Error, expected.error);
    assert.equal(got.TraceHeader?.XAmznTraceId, expected.traceId);
    const history = await client.send(new GetDurableExecutionHistoryCommand({ DurableExecutionArn: failed.arn, IncludeExecutionData: true }));
    assert.deepEqual(
      history.Events?.map((e) => e.Name),
      buildHistory(failed).map((e) => e.Name),
    );
    assert.deepEqual(
      history.Events?.map((e) => e.SubType),
      buildHistory(failed).map((e) => e.SubType),
    );
  });

  it('serves a 6 MB input payload of exactly the largest size Lambda accepts', async () => {
    const json = sixMegabyteJson(base);
    assert.equal(json.length, SIX_MB);
    assert.doesNotThrow(() => JSON.parse(json));
    const six = us().executions.find((e) => e.name === 'hostile-6mb')!;
    const got = await h.lambda().send(new GetDurableExecutionCommand({ DurableExecutionArn: six.arn }));
    assert.equal(got.InputPayload?.length, SIX_MB);
    assert.equal(got.InputPayload, json);
  });

  it('counts no callbacks when the data is only read, and counts a payload that does call', async () => {
    await h.control.reset();
    assert.equal((await h.control.callbacks()).count, 0);
    // What an executed payload would do: proves the counter works, so a zero elsewhere means something.
    await fetch(`${h.emulator.url}/__callback/self-test`);
    const hits = await h.control.callbacks();
    assert.equal(hits.count, 1);
    assert.equal(hits.hits[0]?.path, '/__callback/self-test');
  });

  it('covers odd text: bidi overrides, emoji, newlines and 5,000-character strings', () => {
    const all =
      JSON.stringify(us()) +
      us()
        .executions.map((e) => JSON.stringify(buildExecutionDetail(e)).slice(0, 200_000))
        .join('');
    for (const odd of ODD_TEXT) {
      assert.ok(all.includes(JSON.stringify(odd).slice(1, -1)), odd);
    }
  });
});
