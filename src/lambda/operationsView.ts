/** The operations tree block and the Gantt timeline of an execution, from its OperationsTree. Pure. */
import * as l10n from '@vscode/l10n';
import type { TimelineItem, TreeBlockNode } from '../shared/protocol';
import { formatNumber, humanDuration, utcTime } from '../shared/format';
import { durableStatus } from './executionFormat';
import { attemptCount, operationDuration, operationKindLabel, type Operation, type OperationNode, type OperationsTree } from './operationsTree';

/** Timeline lanes drawn; the panel says how many operations were left out. */
export const timelineLaneCap = 250;

function attemptOutcome(outcome: 'running' | 'succeeded' | 'failed'): string {
  return outcome === 'running' ? l10n.t('running') : outcome === 'succeeded' ? l10n.t('succeeded') : l10n.t('failed');
}

function operationLabel(op: Operation): string {
  return op.name ?? op.id;
}

export function operationDetail(op: Operation): string {
  const attempts = attemptCount(op);
  const duration = operationDuration(op);
  return [
    operationKindLabel(op),
    op.unknownEvent ? l10n.t('{0} (last event {1})', op.status, op.unknownEvent) : op.status,
    attempts > 1 ? l10n.t('{0} attempts', formatNumber(attempts)) : '',
    duration !== undefined ? humanDuration(duration) : op.status === 'STARTED' || op.status === 'PENDING' ? l10n.t('not finished') : '',
    op.error ? [op.error.type, op.error.message].filter(Boolean).join(': ') : '',
    op.kind === 'WAIT' && op.scheduledEnd !== undefined ? `due ${new Date(op.scheduledEnd).toISOString()}` : '',
    // Whoever answers the callback needs its id (the CLI and the SDK take it).
    op.callbackId !== undefined ? `callback id ${op.callbackId}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

export function operationTreeNodes(nodes: readonly OperationNode[]): TreeBlockNode[] {
  return nodes.map((node) => ({
    id: `op-${node.operation.id}`,
    label: operationLabel(node.operation),
    detail: operationDetail(node.operation),
    tone: durableStatus(node.operation.status).tone,
    children: operationTreeNodes(node.children),
  }));
}

/** Counts operations in a tree block (tests compare it with the history). */
export function countTreeNodes(nodes: readonly TreeBlockNode[]): number {
  return nodes.reduce((sum, node) => sum + 1 + countTreeNodes(node.children), 0);
}

/** Lane names must be unique: a Map's iterations all run a step with the same name. */
function laneNames(ops: readonly Operation[]): string[] {
  const total = new Map<string, number>();
  for (const op of ops) {
    const name = operationLabel(op);
    total.set(name, (total.get(name) ?? 0) + 1);
  }
  const seen = new Map<string, number>();
  return ops.map((op) => {
    const name = operationLabel(op);
    if ((total.get(name) ?? 0) < 2) {
      return name;
    }
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return `${name} #${n}`;
  });
}

/**
 * The Gantt picture: a bar per operation (a bar per attempt for steps, with the retry delay as an
 * arrow to the next attempt), waits in their own tone, and each invocation of the function as a mark.
 */
export function timelineItems(tree: OperationsTree, endOfTime: number, laneCap = timelineLaneCap): TimelineItem[] {
  const ops = tree.operations.slice(0, laneCap);
  const lanes = laneNames(ops);
  const items: TimelineItem[] = [];
  ops.forEach((op, index) => {
    const lane = lanes[index];
    const start = op.start;
    if (start === undefined) {
      return;
    }
    const failed = op.status === 'FAILED' || op.status === 'TIMED_OUT';
    if (op.kind === 'STEP' && op.attempts.length > 0) {
      const count = attemptCount(op);
      op.attempts.forEach((attempt, k) => {
        const from = attempt.start ?? start;
        const to = attempt.end ?? endOfTime;
        items.push({
          id: `${op.id}#${k + 1}`,
          lane,
          shape: 'bar',
          from,
          to: Math.max(from, to),
          ...(attempt.end === undefined ? { open: true } : {}),
          tone: attempt.outcome === 'succeeded' ? 'ok' : attempt.outcome === 'failed' ? 'error' : 'progress',
          highlighted: failed,
          title:
            l10n.t('{0}: attempt {1} of {2}, {3}', lane, formatNumber(k + 1), formatNumber(count), attemptOutcome(attempt.outcome)) +
            (attempt.end !== undefined ? `, ${humanDuration(attempt.end - from)}` : ''),
        });
        const next = op.attempts[k + 1];
        if (attempt.end !== undefined && (next?.start !== undefined || attempt.retryDelaySeconds !== undefined)) {
          const retryAt = next?.start ?? attempt.end + (attempt.retryDelaySeconds ?? 0) * 1000;
          items.push({
            id: `${op.id}#retry${k + 1}`,
            lane,
            shape: 'arrow',
            from: attempt.end,
            to: retryAt,
            tone: 'warn',
            title: l10n.t('{0}: retry after {1}', lane, humanDuration(Math.max(0, retryAt - attempt.end))),
          });
        }
      });
      return;
    }
    const end = op.end ?? (op.kind === 'WAIT' && op.scheduledEnd !== undefined ? Math.min(op.scheduledEnd, endOfTime) : endOfTime);
    const tone = op.kind === 'WAIT' && op.status !== 'CANCELLED' ? 'info' : durableStatus(op.status).tone;
    const scheduled = op.kind === 'WAIT' && op.scheduledEnd !== undefined ? `, ${l10n.t('due {0}', utcTime(op.scheduledEnd))}` : '';
    items.push({
      id: op.id,
      lane,
      shape: 'bar',
      from: start,
      to: Math.max(start, end),
      ...(op.end === undefined && !(op.kind === 'WAIT' && op.scheduledEnd !== undefined) ? { open: true } : {}),
      tone,
      highlighted: failed,
      title: `${lane} (${operationKindLabel(op)}): ${op.status}${op.end !== undefined ? `, ${humanDuration(op.end - start)}` : ''}${scheduled}`,
    });
  });
  tree.invocations.forEach((invocation, index) => {
    const at = invocation.start ?? invocation.end;
    if (at === undefined) {
      return;
    }
    const to = invocation.end ?? at;
    items.push({
      id: `invocation-${index + 1}`,
      lane: l10n.t('Invocations'),
      shape: 'mark',
      from: at,
      to,
      tone: invocation.error ? 'error' : 'ok',
      title:
        (invocation.requestId
          ? l10n.t('Invocation {0} (request {1}): {2}', formatNumber(index + 1), invocation.requestId, humanDuration(to - at))
          : l10n.t('Invocation {0}: {1}', formatNumber(index + 1), humanDuration(to - at))) + (invocation.error ? `, ${invocation.error}` : ''),
    });
  });
  return items;
}

export function statusCounts(ops: readonly Operation[]): string {
  const counts = new Map<string, number>();
  for (const op of ops) {
    counts.set(op.status, (counts.get(op.status) ?? 0) + 1);
  }
  return [...counts].map(([status, n]) => `${formatNumber(n)} ${status.toLowerCase()}`).join(', ');
}
