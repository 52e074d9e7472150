/**
 * The details panel of one durable execution: GetDurableExecution plus its history, paged inside the
 * panel (first page on open, then load more / load all with progress). No VS Code import: the document
 * builder and the source are unit-tested.
 */
import * as l10n from '@vscode/l10n';
import type { ClientFactory } from '../aws/clientFactory';
import { describeError } from '../aws/errors';
import type { DetailSource } from '../webview/detailPanel';
import type { Block, Field, PanelDocument } from '../webview/protocol';
import { bothTimes, formatNumber, humanDuration, utcTime } from '../util/format';
import { getExecution, getHistoryPage, toExecution, type Execution, type GetDurableExecutionResponse } from './api';
import { durationSeconds, executionDuration, executionStatusTone, parseExecutionArn, statusText } from './executionFormat';
import { HistoryState, eventColumns, type EventRow, type TruncatedPayloads } from './historyState';
import { operationTreeNodes, statusCounts, timelineItems, timelineLaneCap } from './operationsView';
import type { OperationsTree } from './operationsTree';
import { formatPayload, formatText, wholePayload, type PayloadView } from './payload';

/** Invocation rows in the table; all of them are in the event list. */
export const invocationRowCap = 100;
/** "Load all" asks for the API's largest page. */
export const loadAllPageSize = 1000;
/** Progress documents during "Load all" are sent at most this often. */
const progressIntervalMs = 250;

export const historyBlockId = 'history';
export const stopActionId = 'stop';

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
}

function pagerText(h: HistoryView): string {
  const events = formatNumber(h.rows.length);
  const ops = formatNumber(h.tree.operationCount);
  if (h.loading) {
    return l10n.t('Loading history… {0} events, {1} operations so far', events, ops);
  }
  if (h.error) {
    return l10n.t('{0} events loaded. Could not load more: {1}', events, h.error);
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
export function executionDocument(prepared: PreparedExecution, history: HistoryView, now = Date.now()): PanelDocument {
  const d = prepared.execution;
  const status = statusText(d.Status);
  const tone = executionStatusTone(d.Status);
  const parts = d.DurableExecutionArn ? parseExecutionArn(d.DurableExecutionArn) : undefined;
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
    { label: l10n.t('Retention'), value: config?.RetentionPeriodInDays === undefined ? undefined : l10n.t('{0} days', formatNumber(config.RetentionPeriodInDays)) },
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

  blocks.push({ kind: 'pager', id: historyBlockId, text: pagerText(history), canLoadMore: !history.complete && !history.loading, loading: history.loading });

  const tree = history.tree;
  const ops = tree.operations;
  blocks.push({
    kind: 'tree',
    id: 'operations',
    title: history.complete ? l10n.t('Operations ({0})', formatNumber(ops.length)) : l10n.t('Operations ({0} so far)', formatNumber(ops.length)),
    nodes: operationTreeNodes(tree.roots()),
    emptyText: history.rows.length === 0 ? l10n.t('No history events loaded.') : l10n.t('No operations in the loaded events.'),
  });

  const start = d.StartTimestamp?.getTime() ?? tree.span.start;
  const end = d.EndTimestamp?.getTime() ?? (d.Status === 'RUNNING' ? Math.max(now, tree.span.end ?? now) : (tree.span.end ?? now));
  if (start !== undefined && ops.length > 0) {
    const safeEnd = Math.max(end, start + 1);
    const items = timelineItems(tree, safeEnd);
    const shown = Math.min(ops.length, timelineLaneCap);
    blocks.push({
      kind: 'timeline',
      id: 'timeline',
      title: l10n.t('Timeline'),
      start,
      end: safeEnd,
      items,
      summary:
        l10n.t('{0} operations over {1}: {2}; {3} invocations', formatNumber(ops.length), humanDuration(safeEnd - start), statusCounts(ops), formatNumber(tree.invocations.length)) +
        (shown < ops.length ? '; ' + l10n.t('the first {0} operations are drawn', formatNumber(shown)) : ''),
    });
    if (shown < ops.length) {
      blocks.push({
        kind: 'notice',
        id: 'timelineCapped',
        tone: 'info',
        text: l10n.t('The timeline draws the first {0} of {1} operations; the tree above and the event list below have all of them.', formatNumber(shown), formatNumber(ops.length)),
      });
    }
  }

  if (tree.invocations.length > 0) {
    const shownInvocations = tree.invocations.slice(0, invocationRowCap);
    blocks.push({
      kind: 'table',
      id: 'invocations',
      title:
        tree.invocations.length > invocationRowCap
          ? l10n.t('Invocations (first {0} of {1})', formatNumber(invocationRowCap), formatNumber(tree.invocations.length))
          : l10n.t('Invocations ({0})', formatNumber(tree.invocations.length)),
      columns: ['#', l10n.t('Request id'), l10n.t('Started (UTC)'), l10n.t('Duration'), l10n.t('Error')],
      rows: shownInvocations.map((inv, i) => [
        formatNumber(i + 1),
        inv.requestId ?? '—',
        inv.start !== undefined ? utcTime(inv.start) : '—',
        inv.start !== undefined && inv.end !== undefined ? humanDuration(inv.end - inv.start) : '—',
        inv.error ?? '',
      ]),
      emptyText: l10n.t('No invocations in the loaded events.'),
    });
  }

  blocks.push({
    kind: 'list',
    id: 'events',
    title: history.complete ? l10n.t('History events ({0})', formatNumber(history.rows.length)) : l10n.t('History events ({0} loaded)', formatNumber(history.rows.length)),
    columns: eventColumns(),
    rows: history.rows.slice(),
    emptyText: l10n.t('No history events loaded.'),
  });

  return {
    title: d.DurableExecutionName ?? parts?.executionName ?? l10n.t('Durable execution'),
    subtitle: l10n.t('Lambda durable execution of {0}', parts?.functionName ?? d.FunctionArn ?? l10n.t('a function')),
    status: { text: status, tone },
    actions: d.Status === 'RUNNING' ? [{ id: stopActionId, label: l10n.t('Stop execution') }] : [],
    blocks,
  };
}

export interface ExecutionDetailOptions {
  /** History page size for the first page and "Load more". */
  historyPageSize(): number;
  /** The auto-refresh interval setting in ms (0 = off); applied only while the execution runs. */
  autoRefreshMs(): number;
  /** The modal confirmation; false means the user did not confirm. */
  confirmStop(execution: Execution): Promise<boolean>;
  /** Sends StopDurableExecution and updates the tree row and open panels. */
  stop(execution: Execution): Promise<void>;
  /** Tells the tree a fresher status was seen. */
  onExecutionLoaded?(execution: Execution): void;
  /** The profile named in error messages. */
  profile?(): string;
}

export class ExecutionDetailSource implements DetailSource {
  readonly viewType = 'awsHistory.executionDetails';
  private prepared: PreparedExecution | undefined;
  private history = new HistoryState();

  constructor(
    private readonly clients: ClientFactory,
    /** The execution ARN: one panel per execution. */
    readonly key: string,
    private readonly name: string,
    private readonly options: ExecutionDetailOptions,
  ) {}

  title(): string {
    return this.prepared?.execution.DurableExecutionName ?? this.name;
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
      getExecution(this.clients, this.key, true, signal),
      this.freshHistory(target, signal).catch((error: unknown) => {
        const info = this.describeHistoryError(error, false);
        if (info.kind === 'cancelled') {
          throw error;
        }
        const failed = new HistoryState();
        failed.error = info.message;
        return failed;
      }),
    ]);
    this.prepared = prepareExecution(execution);
    this.history = history;
    this.options.onExecutionLoaded?.(toExecution(execution));
    return this.document();
  }

  document(now = Date.now()): PanelDocument {
    if (!this.prepared) {
      throw new Error(l10n.t('The execution has not been loaded yet.'));
    }
    return executionDocument(this.prepared, this.history, now);
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
    progress(this.document());
    let lastProgress = Date.now();
    try {
      do {
        const pageSize = all ? loadAllPageSize : this.pageSize();
        const page = await getHistoryPage(this.clients, this.key, history.marker, pageSize, signal);
        if (history !== this.history) {
          return; // A refresh replaced the history meanwhile; it renders itself.
        }
        await history.addPage(page.items, page.nextToken);
        if (all && Date.now() - lastProgress >= progressIntervalMs) {
          progress(this.document());
          lastProgress = Date.now();
        }
      } while (all && !history.complete && !signal.aborted);
    } catch (error) {
      const info = this.describeHistoryError(error, history.marker !== undefined);
      if (info.kind === 'cancelled') {
        return;
      }
      history.error = info.message;
    } finally {
      history.loading = false;
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

  async onAction(actionId: string): Promise<void> {
    const execution = this.prepared?.execution;
    if (actionId !== stopActionId || !execution || execution.Status !== 'RUNNING') {
      return;
    }
    const item = toExecution(execution);
    if (await this.options.confirmStop(item)) {
      await this.options.stop(item);
    }
  }

  private describeHistoryError(error: unknown, withToken: boolean): ReturnType<typeof describeError> {
    return describeError(error, { action: 'lambda:GetDurableExecutionHistory', profile: this.options.profile?.() ?? 'current', withToken });
  }

  private pageSize(): number {
    return Math.min(1000, Math.max(1, Math.floor(this.options.historyPageSize())));
  }

  private async freshHistory(target: number, signal: AbortSignal): Promise<HistoryState> {
    const history = new HistoryState();
    let pageSize = this.pageSize();
    do {
      const page = await getHistoryPage(this.clients, this.key, history.marker, pageSize, signal);
      await history.addPage(page.items, page.nextToken);
      pageSize = loadAllPageSize;
    } while (!history.complete && history.eventCount < target && !signal.aborted);
    return history;
  }
}
