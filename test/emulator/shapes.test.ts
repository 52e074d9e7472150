/**
 * The generated histories (the 20,000-execution and 10,000-event data sets are generated: running real
 * functions for them would be too slow) may only contain shapes real runs of AWS's durable SDK produce:
 * every sample function is run with the local runner, and each generated event's type, SubType and field
 * presence must match an event of a real run.
 *
 * Field presence means the identity fields (Id, Name, ParentId, SubType) and the details' keys one level
 * down (`Result.Payload`, `RetryDetails.CurrentAttempt`). What is inside an error payload is not compared:
 * every ErrorObject field is optional in the model, and the JS SDK never fills StackTrace while other
 * runtimes do. The hostile data set and the `model-drift` execution are deliberately not realistic and are left out.
 */
import * as assert from 'node:assert/strict';
import { SAMPLE_FUNCTIONS } from '../durable/functions/catalog';
import { buildDataset, buildHistory, regionData } from './data';
import type { DurableRuntime } from './durable';
import type { HistoryEvent } from './model';
import { NOW, useEmulator } from './helpers';

const IDENTITY = ['Id', 'Name', 'ParentId', 'SubType'] as const;

function detailPaths(details: Record<string, unknown>): string[] {
  const paths: string[] = [];
  for (const [key, value] of Object.entries(details)) {
    paths.push(key);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const inner of Object.keys(value)) {
        paths.push(`${key}.${inner}`);
      }
    }
  }
  return paths.sort();
}

function identity(event: HistoryEvent): string {
  return IDENTITY.filter((k) => event[k] !== undefined).join(',');
}

function signature(event: HistoryEvent): string {
  return `${identity(event)} | ${detailPaths(event.details).join(',')}`;
}

const typeKey = (event: HistoryEvent) => `${event.EventType}/${event.SubType ?? '-'}`;

/** Outcomes the service decides (a cancelled wait, a callback or chained invoke that timed out or was stopped), which a local run cannot produce. */
const SERVICE_OUTCOMES = new Set(['WaitCancelled', 'CallbackTimedOut', 'ChainedInvokeTimedOut', 'ChainedInvokeStopped']);

function collect(events: Iterable<HistoryEvent>): Map<string, Set<string>> {
  const shapes = new Map<string, Set<string>>();
  for (const event of events) {
    const set = shapes.get(typeKey(event)) ?? new Set<string>();
    set.add(signature(event));
    shapes.set(typeKey(event), set);
  }
  return shapes;
}

async function untilFinished(runtime: DurableRuntime, arn: string): Promise<void> {
  await runtime.until(arn, (e) => e.status !== 'RUNNING');
}

describe('emulator: generated histories have the shapes of real SDK runs', function () {
  this.timeout(60_000);
  const h = useEmulator('demo', { durable: { timeScale: 600 } });
  let real = new Map<string, Set<string>>();

  before(async function () {
    this.timeout(60_000);
    const runtime = h.emulator.durable!;
    const started = [];
    for (const sample of SAMPLE_FUNCTIONS) {
      started.push(await runtime.start(sample.name, `shape-${sample.name}`, JSON.stringify(sample.sampleInput)));
    }
    // More outcomes: a rejected approval, an order whose chained payment is declined, one with an item no courier takes.
    const rejected = await runtime.start('order-processor', 'shape-rejected', JSON.stringify(SAMPLE_FUNCTIONS[0].sampleInput));
    const declined = await runtime.start(
      'order-processor',
      'shape-declined',
      JSON.stringify({ orderId: 'ord-big', customer: 'c@example.com', items: [{ sku: 'SKU-300', qty: 60, unitPrice: 99 }] }),
    );
    const oversized = await runtime.start(
      'order-processor',
      'shape-oversized',
      JSON.stringify({
        orderId: 'ord-999',
        customer: 'c@example.com',
        items: [
          { sku: 'SKU-100', qty: 1, unitPrice: 5 },
          { sku: 'SKU-950', qty: 1, unitPrice: 5 },
        ],
      }),
    );
    for (const order of [started[0], declined, oversized]) {
      const waiting = await runtime.until(order.arn, (e) => runtime.pendingCallbacks(e).length > 0);
      await runtime.callback(runtime.pendingCallbacks(waiting)[0], 'succeed', { result: '{"approved":true}' });
    }
    const waiting = await runtime.until(rejected.arn, (e) => runtime.pendingCallbacks(e).length > 0);
    await runtime.callback(runtime.pendingCallbacks(waiting)[0], 'fail', { error: { ErrorType: 'Rejected', ErrorMessage: 'no' } });
    const exportRun = started.find((e) => e.functionName === 'data-export')!;
    await runtime.until(exportRun.arn, (e) => e.events.some((ev) => ev.EventType === 'WaitStarted'));
    await runtime.stop(exportRun.arn, { ErrorType: 'Stopped', ErrorMessage: 'stopped' });
    for (const e of [...started, rejected, declined, oversized]) {
      await untilFinished(runtime, e.arn);
    }
    real = collect(runtime.all().flatMap((e) => e.events));
  });

  it('real runs cover every construct: all SubTypes and the outcomes a local run can have', () => {
    const subTypes = new Set([...real.keys()].map((k) => k.split('/')[1]));
    for (const s of [
      'Step',
      'Wait',
      'WaitForCallback',
      'Callback',
      'RunInChildContext',
      'Map',
      'MapIteration',
      'Parallel',
      'ParallelBranch',
      'WaitForCondition',
      'ChainedInvoke',
    ]) {
      assert.ok(subTypes.has(s), `a real run produced SubType ${s}`);
    }
    const types = new Set([...real.keys()].map((k) => k.split('/')[0]));
    for (const t of [
      'ExecutionSucceeded',
      'ExecutionFailed',
      'ExecutionTimedOut',
      'ExecutionStopped',
      'StepFailed',
      'CallbackFailed',
      'ContextFailed',
      'ChainedInvokeFailed',
      'InvocationCompleted',
    ]) {
      assert.ok(types.has(t), `a real run produced ${t}`);
    }
  });

  it('every generated event (demo, eu, huge history, a slice of the 20,000) matches the shape of a real event', () => {
    const large = buildDataset({ dataset: 'large', now: NOW });
    const us = regionData(large, 'us-east-1');
    const big = us.executions.filter((e) => e.functionName === 'big-function');
    const executions = [
      // `model-drift` holds, on purpose, types the model does not know yet (the panel must render them anyway).
      ...us.executions.filter((e) => e.functionName !== 'big-function' && e.workflow !== 'drift'),
      ...regionData(large, 'eu-west-1').executions,
      // Every status of the big list appears within its newest and oldest few hundred.
      ...big.slice(0, 300),
      ...big.slice(-300),
    ];
    const generated = collect(executions.flatMap((e) => buildHistory(e)));
    const problems: string[] = [];
    for (const [key, signatures] of generated) {
      const [type, subType] = key.split('/');
      if (SERVICE_OUTCOMES.has(type)) {
        // Compared with the same operation's Started event from a real run; its details are `{Error}` like every failure.
        const family = type.replace(/(Cancelled|TimedOut|Stopped)$/, 'Started');
        const started = [...(real.get(`${family}/${subType}`) ?? [])].map((s) => s.split(' | ')[0]);
        for (const sig of signatures) {
          const [ids, details] = sig.split(' | ');
          if (!started.includes(ids) || details !== 'Error,Error.Payload') {
            problems.push(`${key}: ${sig} (real ${family}: ${started.join(' ; ') || 'none'})`);
          }
        }
        continue;
      }
      const seen = real.get(key);
      if (!seen) {
        problems.push(`${key}: no real run produced this type and SubType`);
        continue;
      }
      for (const sig of signatures) {
        if (!seen.has(sig)) {
          problems.push(`${key}: ${sig} (real: ${[...seen].join(' ; ')})`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });
});
