/**
 * The details panel of one durable execution: GetDurableExecution plus its history, paged inside the
 * panel (first page on open, then load more / load all with progress). No VS Code import: the document
 * builder and the source are unit-tested.
 */
import * as l10n from '@vscode/l10n';
import type { ClientFactory } from '../aws/clientFactory';
import type { Connection } from '../aws/session';
import { describeError } from '../aws/errors';
import { defaultHistoryLoadAllLimit } from '../aws/settingRules';
import type { DetailSource } from '../webview/detailSource';
import type { Block, Field, PanelDocument } from '../shared/protocol';
import { bothTimes, formatNumber, humanDuration, isoTime } from '../shared/format';
import type { CliCommand } from '../actions/cliCommand';
import { getExecutionCli } from './cli';
import { getHistoryPage } from './actionApi';
import { getExecution, toExecution, type Execution, type GetDurableExecutionResponse } from './api';
import { parseArnOfKind } from '../aws/arn';
import { durableStatus, durationSeconds, executionDuration, statusText } from './executionFormat';
import { HistoryState, eventColumns, type EventRow, type HistoryStop, type TruncatedPayloads } from './historyState';
import { callbackActionIds, operationTreeNodes, statusCounts, timelineItems, timelineLaneCap } from './operationsView';
import type { TableBlock, TimelineItem, TreeBlockNode } from '../shared/protocol';
import { pendingCallbacks, type OperationsTree } from './operationsTree';
import { formatPayload, formatText, wholePayload, type PayloadView } from './payload';

/** Invocation rows in the table; all of them are in the event list. */
export const invocationRowCap = 100;
/** "Load all" asks for the API's largest page. */
export const loadAllPageSize = 1000;
/** Progress documents during "Load all" are sent at most this often. */
const progressIntervalMs = 250;

export const historyBlockId = 'history';
export const stopActionId = 'stop';

export type CallbackActionKind = 'success' | 'failure' | 'heartbeat';
const callbackActionKinds = new Map<string, CallbackActionKind>([
  [callbackActionIds.success, 'success'],
  [callbackActionIds.failure, 'failure'],
  [callbackActionIds.heartbeat, 'heartbeat'],
]);

/** GetDurableExecution with its payloads formatted once (a 6 MB input is not re-printed per render). */
export interface PreparedExecution {
  readonly execution: GetDurableExecutionResponse;
  readonly input: PayloadView | undefined;
  readonly result: PayloadView | undefined;
  readonly errorData: PayloadView | undefined;
  readonly stackTrace: PayloadView | undefined;
}

export function prepareExecution(execution: GetDurableExecutionResponse): PreparedExecution {
  return {
    execution,
    input: formatPayload(execution.InputPayload),
    result: formatPayload(execution.Result),
    errorData: formatPayload(execution.Error?.ErrorData),
    stackTrace: execution.Error?.StackTrace?.length ? formatText(execution.Error.StackTrace.join('\n')) : undefined,
  };
}

export interface HistoryView {
  readonly tree: OperationsTree;
  readonly rows: readonly EventRow[];
  readonly complete: boolean;
  readonly loading: boolean;
  readonly error: string | undefined;
  readonly truncated: TruncatedPayloads;
  readonly stopped?: HistoryStop | undefined;
}

/**
 * What is derived from the events (operation tree, timeline items, invocation rows), kept while the events
 * do not change: the panel then posts none of it again (an auto-refresh tick, a "Load all" progress step).
 */
export interface DerivedHistory {
  readonly nodes: readonly TreeBlockNode[];
  readonly timeline: readonly TimelineItem[];
  readonly invocations: TableBlock['rows'];
}

/** `executionStatus`: a RUNNING execution's pending callbacks get their answer buttons. */
export function deriveHistory(history: HistoryView, timelineEnd: number, executionStatus?: string): DerivedHistory {
  const tree = history.tree;
  const pending = new Set(pendingCallbacks(tree, executionStatus).map((p) => p.callbackId));
  return {
    nodes: operationTreeNodes(tree.roots(), pending),
    timeline: timelineItems(tree, timelineEnd),
    invocations: tree.invocations
      .slice(0, invocationRowCap)
      .map((inv, i) => [
        formatNumber(i + 1),
        inv.requestId ?? '—',
        inv.start !== undefined ? isoTime(new Date(inv.start)) : '—',
        inv.start !== undefined && inv.end !== undefined ? humanDuration(inv.end - inv.start) : '—',
        inv.error ?? '',
      ]),
  };
}

function pagerText(h: HistoryView, loadAllLimit: number): string {
  const events = formatNumber(h.rows.length);
  const ops = formatNumber(h.tree.operationCount);
  if (h.loading) {
    return l10n.t('Loading history… {0} events, {1} operations so far', events, ops);
  }
  if (h.error) {
    return l10n.t('{0} events loaded. Could not load more: {1}', events, h.error);
  }
  switch (h.stopped) {
    case 'cycle':
      return l10n.t('{0} events loaded ({1} operations). AWS returned a history marker it had returned before, so paging stopped here.', events, ops);
    case 'cap':
      return l10n.t(
        '{0} events loaded ({1} operations). "Load all" stops at {2} events (awsHistory.lambda.historyLoadAllLimit); "Load more" goes on page by page.',
        events,
        ops,
        formatNumber(loadAllLimit),
      );
    case 'expired':
      return l10n.t('{0} events loaded ({1} operations). The history marker expired (markers last 24 hours): reload to page again.', events, ops);
    case undefined:
      break;
  }
  return h.complete
    ? l10n.t('All {0} events loaded ({1} operations)', events, ops)
    : l10n.t('{0} events loaded ({1} operations); more are available', events, ops);
}

function time(date: Date | undefined): string | undefined {
  return date ? bothTimes(date) : undefined;
}

function codeBlock(id: string, title: string, view: PayloadView, copyId: string, truncatedByAws: boolean): Block {
  const notices = [truncatedByAws ? l10n.t('AWS truncated this payload (the history marks it Truncated).') : '', view.truncatedNotice ?? ''].filter(Boolean);
  return {
    kind: 'code',
    id,
    title,
    text: view.text,
    language: view.language,
    truncatedNotice: notices.length > 0 ? notices.join(' ') : undefined,
    canOpenWhole: view.truncatedNotice !== undefined,
    copyId,
  };
}

/** The whole document of one execution. Pure: tested with complete and partial executions and histories. */
export function executionDocument(
  prepared: PreparedExecution,
  history: HistoryView,
  now = Date.now(),
  derived?: DerivedHistory,
  loadAllLimit = defaultHistoryLoadAllLimit,
): PanelDocument {
  const d = prepared.execution;
  const status = statusText(d.Status);
  const tone = durableStatus(d.Status).tone;
  const parts = d.DurableExecutionArn ? parseArnOfKind(d.DurableExecutionArn, 'lambdaDurableExecution') : undefined;
  const config = d.DurableConfig;
  const duration = executionDuration(d, now);
  const execution: Field[] = [
    { label: l10n.t('Status'), value: status, badge: tone },
    { label: l10n.t('Name'), value: d.DurableExecutionName, copyId: 'name' },
    { label: l10n.t('Execution ARN'), value: d.DurableExecutionArn, copyId: 'executionArn', mono: true },
    { label: l10n.t('Function ARN'), value: d.FunctionArn, copyId: 'functionArn', mono: true },
    { label: l10n.t('Version'), value: d.Version ?? parts?.qualifier },
    { label: l10n.t('Started'), value: time(d.StartTimestamp) },
    { label: l10n.t('Ended'), value: time(d.EndTimestamp), note: d.EndTimestamp ? undefined : d.Status === 'RUNNING' ? l10n.t('still running') : undefined },
    { label: l10n.t('Duration'), value: duration || undefined },
    { label: l10n.t('Trace header'), value: d.TraceHeader?.XAmznTraceId, copyId: d.TraceHeader?.XAmznTraceId ? 'traceHeader' : undefined, mono: true },
  ];
  const durable: Field[] = [
    {
      label: l10n.t('Retention'),
      value: config?.RetentionPeriodInDays === undefined ? undefined : l10n.t('{0} days', formatNumber(config.RetentionPeriodInDays)),
    },
    {
      label: l10n.t('Execution timeout'),
      value: durationSeconds(config?.ExecutionTimeout),
      note: config?.ExecutionTimeout === undefined ? undefined : l10n.t('{0} s', formatNumber(config.ExecutionTimeout)),
    },
    {
      label: l10n.t('KMS key'),
      value: config ? (config.KMSKeyArn ?? l10n.t('AWS owned key')) : undefined,
      copyId: config?.KMSKeyArn ? 'kmsKeyArn' : undefined,
      mono: Boolean(config?.KMSKeyArn),
    },
  ];
  const blocks: Block[] = [
    { kind: 'fields', id: 'execution', title: l10n.t('Execution'), fields: execution },
    { kind: 'fields', id: 'durableConfig', title: l10n.t('Durable configuration'), fields: durable },
  ];
  if (d.ExecutionDataIncluded === false) {
    blocks.push({ kind: 'notice', id: 'dataNotIncluded', tone: 'warn', text: l10n.t('AWS did not include the input, result and error of this execution.') });
  }
  blocks.push(
    prepared.input
      ? codeBlock('input', l10n.t('Input payload'), prepared.input, 'input', history.truncated.input)
      : { kind: 'notice', id: 'input', tone: 'info', text: l10n.t('No input payload.') },
  );
  if (prepared.result) {
    blocks.push(codeBlock('result', l10n.t('Result'), prepared.result, 'result', history.truncated.result));
  }
  const error = d.Error;
  if (error) {
    blocks.push({
      kind: 'fields',
      id: 'error',
      title: l10n.t('Error'),
      fields: [
        { label: l10n.t('Type'), value: error.ErrorType, badge: 'error' },
        { label: l10n.t('Message'), value: error.ErrorMessage, copyId: error.ErrorMessage ? 'errorMessage' : undefined },
      ],
    });
    if (prepared.errorData) {
      blocks.push(codeBlock('errorData', l10n.t('Error data'), prepared.errorData, 'errorData', history.truncated.error));
    }
    if (prepared.stackTrace) {
      blocks.push(codeBlock('stackTrace', l10n.t('Stack trace'), prepared.stackTrace, 'stackTrace', false));
    }
  }

  blocks.push({
    kind: 'pager',
    id: historyBlockId,
    text: pagerText(history, loadAllLimit),
    canLoadMore: !history.complete && !history.loading && history.stopped !== 'expired',
    loading: history.loading,
  });
  if (history.stopped === 'expired') {
    blocks.push({
      kind: 'notice',
      id: 'historyExpired',
      tone: 'warn',
      text: 'The history marker expired: AWS keeps history markers for 24 hours. Reload to read the history again from the start.',
      reload: true,
    });
  }

  const tree = history.tree;
  const ops = tree.operations;
  const validTime = (date: Date | undefined): number | undefined => {
    const ms = date?.getTime();
    return ms === undefined || Number.isNaN(ms) ? undefined : ms;
  };
  const start = validTime(d.StartTimestamp) ?? tree.span.start;
  const end = validTime(d.EndTimestamp) ?? (d.Status === 'RUNNING' ? Math.max(now, tree.span.end ?? now) : (tree.span.end ?? now));
  const safeEnd = Math.max(end, (start ?? end) + 1);
  const made = derived ?? deriveHistory(history, safeEnd, d.Status);
  blocks.push({
    kind: 'tree',
    id: 'operations',
    title: history.complete ? l10n.t('Operations ({0})', formatNumber(ops.length)) : l10n.t('Operations ({0} so far)', formatNumber(ops.length)),
    nodes: made.nodes,
    emptyText: history.rows.length === 0 ? l10n.t('No history events loaded.') : l10n.t('No operations in the loaded events.'),
  });

  if (start !== undefined && ops.length > 0) {
    const items = made.timeline;
    const shown = Math.min(ops.length, timelineLaneCap);
    blocks.push({
      kind: 'timeline',
      id: 'timeline',
      title: l10n.t('Timeline'),
      start,
      end: safeEnd,
      items,
      summary:
        l10n.t(
          '{0} operations over {1}: {2}; {3} invocations',
          formatNumber(ops.length),
          humanDuration(safeEnd - start),
          statusCounts(ops),
          formatNumber(tree.invocations.length),
        ) + (shown < ops.length ? '; ' + l10n.t('the first {0} operations are drawn', formatNumber(shown)) : ''),
    });
    if (shown < ops.length) {
      blocks.push({
        kind: 'notice',
        id: 'timelineCapped',
        tone: 'info',
        text: l10n.t(
          'The timeline draws the first {0} of {1} operations; the tree above and the event list below have all of them.',
          formatNumber(shown),
          formatNumber(ops.length),
        ),
      });
    }
  }

  if (tree.invocations.length > 0) {
    blocks.push({
      kind: 'table',
      id: 'invocations',
      title:
        tree.invocations.length > invocationRowCap
          ? l10n.t('Invocations (first {0} of {1})', formatNumber(invocationRowCap), formatNumber(tree.invocations.length))
          : l10n.t('Invocations ({0})', formatNumber(tree.invocations.length)),
      columns: ['#', l10n.t('Request id'), l10n.t('Started (UTC)'), l10n.t('Duration'), l10n.t('Error')],
      rows: made.invocations,
      emptyText: l10n.t('No invocations in the loaded events.'),
    });
  }

  blocks.push({
    kind: 'list',
    id: 'events',
    title: history.complete
      ? l10n.t('History events ({0})', formatNumber(history.rows.length))
      : l10n.t('History events ({0} loaded)', formatNumber(history.rows.length)),
    columns: eventColumns(),
    rows: history.rows.slice(),
    emptyText: l10n.t('No history events loaded.'),
  });

  return {
    title: d.DurableExecutionName ?? parts?.executionName ?? l10n.t('Durable execution'),
    subtitle: l10n.t('Lambda durable execution of {0}', parts?.functionName ?? d.FunctionArn ?? l10n.t('a function')),
    status: { text: status, tone },
    actions: d.Status === 'RUNNING' ? [{ id: stopActionId, label: l10n.t('Stop execution') }] : [],
    targetActions: pendingCallbacks(tree, d.Status).length > 0 ? Object.values(callbackActionIds) : undefined,
    blocks,
  };
}

export interface ExecutionDetailOptions {
  /** History page size for the first page and "Load more". */
  historyPageSize(): number;
  /** The auto-refresh interval setting in ms (0 = off); applied only while the execution runs. */
  autoRefreshMs(): number;
  /** Stop Execution… (reason, confirmation, StopDurableExecution, the tree row); nothing is sent when cancelled. */
  stop(execution: Execution): Promise<void>;
  /** Send Callback Success/Failure/Heartbeat for a callback this execution waits on (prompts and confirmation included). */
  answerCallback(kind: CallbackActionKind, execution: Execution, callbackId: string): Promise<void>;
  /** Tells the tree a fresher status was seen, and which callbacks the execution waits on (when the history says). */
  onExecutionLoaded?(execution: Execution, pendingCallbackIds?: readonly string[]): void;
  /** The profile named in error messages. */
  profile?(): string;
  /** `awsHistory.lambda.historyLoadAllLimit`: events "Load all" stops at. */
  loadAllLimit?(): number;
  /** The connection the execution was listed from (default: the session's). */
  connection?: Connection;
}

export class ExecutionDetailSource implements DetailSource {
  readonly viewType = 'awsHistory.executionDetails';
  private prepared: PreparedExecution | undefined;
  private history: HistoryState;
  /** Derived blocks of `history` at `version`, reused while the events are unchanged or a "Load all" runs. */
  private derived: { history: HistoryState; version: number; value: DerivedHistory } | undefined;
  private freezeDerived = false;

  constructor(
    private readonly clients: ClientFactory,
    /** The execution ARN: one panel per execution. */
    readonly key: string,
    private readonly name: string,
    private readonly options: ExecutionDetailOptions,
  ) {
    this.history = this.newHistory();
  }

  title(): string {
    return this.prepared?.execution.DurableExecutionName ?? this.name;
  }

  cli(): { command: CliCommand; client: 'lambda'; connection: Connection | undefined } {
    return { command: getExecutionCli(this.key), client: 'lambda', connection: this.options.connection };
  }

  get status(): string | undefined {
    return this.prepared?.execution.Status;
  }

  /** The events loaded so far, for tests and the benchmark. */
  get historyState(): HistoryState {
    return this.history;
  }

  /**
   * GetDurableExecution and the first history page. A refresh reloads as many events as were loaded
   * before (a running execution's last page has no marker to continue from). A history that cannot be
   * read (e.g. no lambda:GetDurableExecutionHistory permission) still leaves the execution on screen.
   */
  async load(signal: AbortSignal): Promise<PanelDocument> {
    const target = this.history.eventCount;
    const [execution, history] = await Promise.all([
      getExecution(this.clients, this.key, true, signal, this.options.connection),
      this.freshHistory(target, signal).catch((error: unknown) => {
        const info = this.describeHistoryError(error, false);
        if (info.kind === 'cancelled') {
          throw error;
        }
        const failed = this.newHistory();
        failed.error = info.message;
        return failed;
      }),
    ]);
    this.prepared = prepareExecution(execution);
    this.history = history;
    this.options.onExecutionLoaded?.(toExecution(execution), history.complete ? this.pendingCallbackIds() : undefined);
    return this.document();
  }

  document(now = Date.now()): PanelDocument {
    if (!this.prepared) {
      throw new Error(l10n.t('The execution has not been loaded yet.'));
    }
    const history = this.history;
    const cached = this.derived;
    const reuse = cached !== undefined && cached.history === history && (cached.version === history.version || this.freezeDerived);
    const doc = executionDocument(this.prepared, history, now, reuse ? cached.value : undefined, this.loadAllLimit());
    if (!reuse) {
      const tree = doc.blocks.find((b) => b.kind === 'tree');
      const timeline = doc.blocks.find((b) => b.kind === 'timeline');
      const invocations = doc.blocks.find((b) => b.kind === 'table' && b.id === 'invocations');
      this.derived = {
        history,
        version: history.version,
        value: {
          nodes: tree?.kind === 'tree' ? tree.nodes : [],
          timeline: timeline?.kind === 'timeline' ? timeline.items : [],
          invocations: invocations?.kind === 'table' ? invocations.rows : [],
        },
      };
    }
    return doc;
  }

  /**
   * An auto-refresh tick of a RUNNING execution: GetDurableExecution without payloads and, when the history
   * was read to its end, its last page again for the events after the last one loaded. Two requests whatever
   * the history's size; a status that is no longer RUNNING loads everything once (result, error, last events).
   */
  async poll(signal: AbortSignal): Promise<PanelDocument> {
    const prepared = this.prepared;
    const history = this.history;
    if (!prepared || history.loading || prepared.execution.Status !== 'RUNNING') {
      return this.load(signal);
    }
    const [summary] = await Promise.all([
      getExecution(this.clients, this.key, false, signal, this.options.connection),
      history.readTail(loadAllPageSize, signal),
    ]);
    if (summary.Status !== 'RUNNING') {
      return this.load(signal);
    }
    if (history !== this.history || prepared !== this.prepared) {
      return this.document(); // a load replaced both meanwhile
    }
    const kept = prepared.execution;
    this.prepared = {
      ...prepared,
      // The payloads were not asked for: keep the ones on screen, and the flag that says they were included.
      execution: {
        ...kept,
        ...summary,
        InputPayload: kept.InputPayload,
        Result: kept.Result,
        Error: kept.Error,
        ExecutionDataIncluded: kept.ExecutionDataIncluded,
      },
    };
    this.options.onExecutionLoaded?.(toExecution(summary), history.complete ? this.pendingCallbackIds() : undefined);
    return this.document();
  }

  async onLoadMore(blockId: string, all: boolean, signal: AbortSignal, progress: (doc: PanelDocument) => void): Promise<void> {
    const history = this.history;
    if (blockId !== historyBlockId || history.complete || history.loading) {
      // The page disabled its pager on click: give it back the real state.
      if (this.prepared) {
        progress(this.document());
      }
      return;
    }
    history.loading = true;
    history.error = undefined;
    if (history.stopped === 'cap') {
      history.stopped = undefined;
    }
    // While "Load all" runs, progress posts only the new rows and the pager: the tree, timeline and
    // invocations are rebuilt once at the end (posting them per step made "Load all" cost quadratic bytes).
    this.freezeDerived = all;
    progress(this.document());
    let lastProgress = Date.now();
    const limit = this.loadAllLimit();
    try {
      if (all) {
        // At the cap already, "Load all" still reads one event so the click is never a no-op.
        await history.upTo(Math.max(1, limit - history.eventCount), loadAllPageSize, signal, () => {
          if (history === this.history && Date.now() - lastProgress >= progressIntervalMs) {
            progress(this.document());
            lastProgress = Date.now();
          }
        });
        if (!history.complete && history.eventCount >= limit) {
          history.stopped = 'cap';
        }
      } else {
        await history.next(this.pageSize(), signal);
      }
      if (history !== this.history) {
        return; // A refresh replaced the history meanwhile; it renders itself.
      }
    } catch (error) {
      const info = this.describeHistoryError(error, history.marker !== undefined);
      if (info.kind === 'cancelled') {
        return;
      }
      if (info.kind === 'staleToken') {
        history.stopped = 'expired';
      } else {
        history.error = info.message;
      }
    } finally {
      history.loading = false;
      this.freezeDerived = false;
    }
    if (history === this.history) {
      progress(this.document());
    }
  }

  wholeText(blockId: string): string | undefined {
    const p = this.prepared;
    switch (blockId) {
      case 'input':
        return p?.input && wholePayload(p.input);
      case 'result':
        return p?.result && wholePayload(p.result);
      case 'errorData':
        return p?.errorData && wholePayload(p.errorData);
      case 'stackTrace':
        return p?.stackTrace?.raw;
      default:
        return undefined;
    }
  }

  autoRefreshMs(): number {
    return this.prepared?.execution.Status === 'RUNNING' ? this.options.autoRefreshMs() : 0;
  }

  async onAction(actionId: string, target?: string): Promise<void> {
    const execution = this.prepared?.execution;
    if (!execution || execution.Status !== 'RUNNING') {
      return;
    }
    if (target === undefined) {
      if (actionId === stopActionId) {
        await this.options.stop(toExecution(execution));
      }
      return;
    }
    // The target came from the page: only a callback this execution waits on (per the loaded history) is answered.
    const kind = callbackActionKinds.get(actionId);
    const pending = pendingCallbacks(this.history.tree, execution.Status).some((p) => p.callbackId === target);
    if (kind && pending) {
      await this.options.answerCallback(kind, toExecution(execution), target);
    }
  }

  /** Callback ids this execution waits on, per the loaded history. */
  pendingCallbackIds(): string[] {
    return pendingCallbacks(this.history.tree, this.prepared?.execution.Status).map((p) => p.callbackId);
  }

  private describeHistoryError(error: unknown, withToken: boolean): ReturnType<typeof describeError> {
    return describeError(error, { action: 'lambda:GetDurableExecutionHistory', profile: this.options.profile?.() ?? 'current', withToken });
  }

  private pageSize(): number {
    return Math.min(1000, Math.max(1, Math.floor(this.options.historyPageSize())));
  }

  private loadAllLimit(): number {
    return this.options.loadAllLimit?.() ?? defaultHistoryLoadAllLimit;
  }

  private newHistory(): HistoryState {
    return new HistoryState(
      (marker, pageSize, signal) => getHistoryPage(this.clients, this.key, marker, pageSize, signal, this.options.connection),
      this.pageSize(),
    );
  }

  /** The first page, then as many more (at the largest page size) as the history had before a refresh. */
  private async freshHistory(target: number, signal: AbortSignal): Promise<HistoryState> {
    const history = this.newHistory();
    await history.next(this.pageSize(), signal);
    if (history.eventCount < target) {
      await history.upTo(target - history.eventCount, loadAllPageSize, signal);
    }
    return history;
  }
}
