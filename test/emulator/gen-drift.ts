/**
 * `model-drift` (large data set): a short history shaped like the real durable execution SDK's (hex operation
 * ids, `Error: {}` on successful invocations, `RetryDetails: {}`, payloads without `Truncated`) that also holds
 * what the service model does not know yet: an operation type (`FetchStarted`/`FetchSucceeded`), a SubType, an
 * unknown phase of a known kind (`ContextPaused`) and an event whose timestamp is out of range.
 */
import { historyEvent } from './gen-history';
import type { ExecutionDetail, ExecutionRecord, HistoryEvent } from './model';
import { Rng } from './prng';

/** Epoch ms far beyond what a JavaScript Date holds: the SDK turns it into an invalid Date. */
export const OUT_OF_RANGE_MS = 1e20;

export const DRIFT_UNKNOWN_TYPES = ['FetchStarted', 'FetchSucceeded', 'ContextPaused'] as const;

export function driftExecutionDetail(exec: ExecutionRecord): ExecutionDetail {
  const rng = new Rng(exec.seed);
  return {
    inputPayload: JSON.stringify({ report: 'q3', region: 'us-east-1' }),
    result: JSON.stringify({ ok: true, rows: 1204 }),
    traceId: `Root=1-${Math.floor(exec.startMs / 1000).toString(16)}-${rng.hex(24)};Sampled=1`,
  };
}

export function driftHistory(exec: ExecutionRecord): HistoryEvent[] {
  const rng = new Rng((exec.seed ^ 0x2f6b) >>> 0);
  const detail = driftExecutionDetail(exec);
  const step = rng.hex(16);
  const fetch = rng.hex(16);
  const future = rng.hex(16);
  const context = rng.hex(16);
  const at = (i: number): number => exec.startMs + i * 1000;
  const invocation = (i: number) => ({ StartTimestamp: exec.startMs, EndTimestamp: at(i), Error: {}, RequestId: rng.uuid() });
  return [
    historyEvent({ type: 'ExecutionStarted', id: exec.id, name: exec.name }, 1, at(0), { Input: { Payload: detail.inputPayload }, ExecutionTimeout: 900 }),
    historyEvent({ type: 'StepStarted', subType: 'Step', id: step, name: 'validate' }, 2, at(1), {}),
    historyEvent({ type: 'StepSucceeded', subType: 'Step', id: step, name: 'validate' }, 3, at(2), { Result: { Payload: '{"valid":true}' }, RetryDetails: {} }),
    historyEvent({ type: 'InvocationCompleted' }, 4, at(3), invocation(3)),
    historyEvent({ type: 'FetchStarted', subType: 'Fetch', id: fetch, name: 'download-report' }, 5, at(4), { Url: 'https://example.com/report.csv' }),
    historyEvent({ type: 'FetchSucceeded', subType: 'Fetch', id: fetch, name: 'download-report' }, 6, at(5), { Bytes: 1204 }),
    historyEvent({ type: 'StepStarted', subType: 'FutureStep', id: future, name: 'bad-clock' }, 7, OUT_OF_RANGE_MS, {}),
    historyEvent({ type: 'StepSucceeded', subType: 'FutureStep', id: future, name: 'bad-clock' }, 8, at(7), { Result: { Payload: '1' }, RetryDetails: {} }),
    historyEvent({ type: 'ContextStarted', subType: 'RunInChildContext', id: context, name: 'child' }, 9, at(8), {}),
    historyEvent({ type: 'ContextPaused', subType: 'RunInChildContext', id: context, name: 'child' }, 10, at(9), {}),
    historyEvent({ type: 'InvocationCompleted' }, 11, at(10), invocation(10)),
    historyEvent({ type: 'ExecutionSucceeded', id: exec.id, name: exec.name }, 12, at(11), { Result: { Payload: detail.result } }),
  ];
}
