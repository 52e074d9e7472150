/**
 * The details panel of one durable execution: GetDurableExecution plus its history, paged inside the
 * panel. History pages are folded into an operations tree, a timeline and a virtualized event list as
 * they arrive, in chunks that yield to the event loop, so a 10,000-event history never blocks the
 * extension host. No VS Code import: the document builders are unit-tested.
 */
import type { ClientFactory } from '../aws/clientFactory';
import { describeError } from '../aws/errors';
import type { DetailSource } from '../webview/detailPanel';
import type { Block, Field, ListBlock, PanelDocument, TimelineItem, Tone, TreeBlockNode } from '../webview/protocol';
import { bothTimes, humanDuration } from '../util/format';
import { capText, defaultCodeCap, prettyValue } from '../webview-app/textCap';
import { getExecution, getHistoryPage, toExecution, type Execution, type GetDurableExecutionResponse, type HistoryEvent } from './api';
import { durationSeconds, executionDuration, executionStatusTone, parseExecutionArn, statusText } from './executionFormat';
import {
  attemptCount,
  eventDetails,
  operationDuration,
  operationKindLabel,
  OperationsTree,
  type Operation,
  type OperationNode,
  type OperationStatus,
} from './operationsTree';

/** Events folded in one go before yielding to the event loop. */
export const eventChunk = 500;
/** Longest event detail in the list (the whole event is in GetDurableExecutionHistory). */
export const eventDetailCap = 4_000;
/** Timeline lanes drawn; a notice says how many operations were left out. */
export const timelineLaneCap = 250;
/** Invocation rows in the table; all of them are in the event list. */
export const invocationRowCap = 100;
/** "Load all" asks for the API's largest page. */
export const loadAllPageSize = 1000;
/** Progress documents during "Load all" are sent at most this often. */
const progressIntervalMs = 250;

export const historyBlockId = 'history';
export const stopActionId = 'stop';

export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

// ------------------------------------------------------------------ payloads

/** Above this size a payload is not parsed to pretty-print it: parsing alone would stall the host. */
const parseLimit = 4_000_000;

export interface PayloadView {
  /** What the panel shows: pretty-printed JSON (or the text) up to the cap. */
  readonly text: string;
  readonly language: 'json' | 'text';
  /** Set when `text` was cut. */
  readonly truncatedNotice?: string | undefined;
  /** The payload as AWS sent it, for "Open whole document". */
  readonly raw: string;
}

/**
 * Pretty-printed JSON when it parses, else the text as is, cut at `cap` characters with the host's
 * budgeted printer, so a 6 MB input costs one parse and 100 KB of formatting.
 */
export function formatPayload(raw: string | undefined, cap = defaultCodeCap): PayloadView | undefined {
  if (raw === undefined) {
    return undefined;
  }
  let value: unknown;
  let json = false;
  if (raw.length <= parseLimit) {
    try {
      value = JSON.parse(raw);
      json = true;
    } catch {
      // Not JSON: shown as text.
    }
  }
  const capped = (json ? prettyValue(value, cap) : undefined) ?? capText(raw, cap);
  return { text: capped.text, language: json ? 'json' : 'text', truncatedNotice: capped.truncatedNotice, raw };
}

/** The whole payload for a read-only editor: formatted when it is JSON. */
export function wholePayload(view: PayloadView): string {
  if (view.language !== 'json') {
    return view.raw;
  }
  try {
    return JSON.stringify(JSON.parse(view.raw), null, 2);
  } catch {
    return view.raw;
  }
}

/** GetDurableExecution with its payloads formatted once (a 6 MB input is not re-printed per render). */
export interface PreparedExecution {
  readonly execution: GetDurableExecutionResponse;
  readonly input: PayloadView | undefined;
  readonly result: PayloadView | undefined;
  readonly errorData: PayloadView | undefined;
}

export function prepareExecution(execution: GetDurableExecutionResponse): PreparedExecution {
  return {
    execution,
    input: formatPayload(execution.InputPayload),
    result: formatPayload(execution.Result),
    errorData: formatPayload(execution.Error?.ErrorData),
  };
}

// ------------------------------------------------------------------ history

export type EventRow = ListBlock['rows'][number];

function eventTone(type: string | undefined): Tone | undefined {
  if (!type) {
    return undefined;
  }
  if (/Failed$|TimedOut$/.test(type)) {
    return 'error';
  }
  if (/Stopped$|Cancelled$/.test(type)) {
    return 'muted';
  }
  if (/Succeeded$/.test(type)) {
    return 'ok';
  }
  return undefined;
}

function capDetail(text: string, cap: number): string {
  return text.length > cap ? `${text.slice(0, cap)}\n… (${(text.length - cap).toLocaleString('en-US')} more characters)` : text;
}

/** One row of the event list: the common fields as cells, the event's details as text. */
export function eventRow(event: HistoryEvent, index: number): EventRow {
  const details = eventDetails(event);
  const row: EventRow = {
    id: `event-${event.EventId ?? `i${index}`}`,
    cells: [
      event.EventId === undefined ? '' : String(event.EventId),
      event.EventTimestamp ? event.EventTimestamp.toISOString() : '',
      event.EventType ?? '',
      event.Name ?? '',
      event.SubType ?? '',
      event.Id ?? '',
      event.ParentId ?? '',
    ],
    tone: eventTone(event.EventType),
  };
  return details && Object.keys(details).length > 0 ? { ...row, detail: capDetail(JSON.stringify(details, null, 2), eventDetailCap) } : row;
}

export const eventColumns = ['#', 'Time (UTC)', 'Event', 'Name', 'Sub-type', 'Operation id', 'Parent id'] as const;

/** Which of the execution's payloads the history says AWS truncated. */
export interface TruncatedPayloads {
  input: boolean;
  result: boolean;
  error: boolean;
}

function noteTruncation(event: HistoryEvent, flags: TruncatedPayloads): void {
  switch (event.EventType) {
    case 'ExecutionStarted':
      flags.input ||= event.ExecutionStartedDetails?.Input?.Truncated === true;
      break;
    case 'ExecutionSucceeded':
      flags.result ||= event.ExecutionSucceededDetails?.Result?.Truncated === true;
      break;
    case 'ExecutionFailed':
      flags.error ||= event.ExecutionFailedDetails?.Error?.Truncated === true;
      break;
    case 'ExecutionTimedOut':
      flags.error ||= event.ExecutionTimedOutDetails?.Error?.Truncated === true;
      break;
    case 'ExecutionStopped':
      flags.error ||= event.ExecutionStoppedDetails?.Error?.Truncated === true;
      break;
  }
}

/** The history loaded so far: tree, rows and the marker of the next page. */
export class HistoryState {
  readonly tree = new OperationsTree();
  readonly rows: EventRow[] = [];
  marker: string | undefined;
  /** True once a page came back without a NextMarker. */
  complete = false;
  loading = false;
  error: string | undefined;
  pages = 0;
  readonly truncated: TruncatedPayloads = { input: false, result: false, error: false };

  get eventCount(): number {
    return this.rows.length;
  }

  /** Folds one page in, `eventChunk` events at a time, yielding between chunks. */
  async addPage(events: readonly HistoryEvent[], nextMarker: string | undefined): Promise<void> {
    for (let i = 0; i < events.length; i += eventChunk) {
      const chunk = events.slice(i, i + eventChunk);
      this.tree.add(chunk);
      const base = this.rows.length;
      for (let j = 0; j < chunk.length; j++) {
        const event = chunk[j];
        noteTruncation(event, this.truncated);
        this.rows.push(eventRow(event, base + j));
      }
      if (i + eventChunk < events.length) {
        await yieldToEventLoop();
      }
    }
    this.pages++;
    // A marker equal to the one just used would repeat the page forever: treat it as the end.
    const next = nextMarker && nextMarker !== this.marker ? nextMarker : undefined;
    this.marker = next;
    this.complete = next === undefined;
  }
}

// ------------------------------------------------------------------ document

export function operationStatusTone(status: OperationStatus): Tone {
  switch (status) {
    case 'SUCCEEDED':
      return 'ok';
    case 'FAILED':
    case 'TIMED_OUT':
      return 'error';
    case 'STOPPED':
    case 'CANCELLED':
      return 'muted';
    case 'PENDING':
      return 'warn';
    case 'STARTED':
      return 'progress';
  }
}

function operationLabel(op: Operation): string {
  return op.name ?? op.id;
}

export function operationDetail(op: Operation): string {
  const attempts = attemptCount(op);
  const duration = operationDuration(op);
  return [
    operationKindLabel(op),
    op.status,
    attempts > 1 ? `${attempts} attempts` : '',
    duration !== undefined ? humanDuration(duration) : op.status === 'STARTED' || op.status === 'PENDING' ? 'not finished' : '',
    op.error ? [op.error.type, op.error.message].filter(Boolean).join(': ') : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

function treeNodes(nodes: readonly OperationNode[]): TreeBlockNode[] {
  return nodes.map((node) => ({
    id: `op-${node.operation.id}`,
    label: operationLabel(node.operation),
    detail: operationDetail(node.operation),
    tone: operationStatusTone(node.operation.status),
    children: treeNodes(node.children),
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
          tone: attempt.outcome === 'succeeded' ? 'ok' : attempt.outcome === 'failed' ? 'error' : 'progress',
          highlighted: failed,
          title: `${lane}: attempt ${k + 1} of ${count}, ${attempt.outcome}${attempt.end !== undefined ? `, ${humanDuration(attempt.end - from)}` : ''}`,
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
            title: `${lane}: retry after ${humanDuration(Math.max(0, retryAt - attempt.end))}`,
          });
        }
      });
      return;
    }
    const end = op.end ?? (op.kind === 'WAIT' && op.scheduledEnd !== undefined ? Math.min(op.scheduledEnd, endOfTime) : endOfTime);
    const tone = op.kind === 'WAIT' && op.status !== 'CANCELLED' ? 'info' : operationStatusTone(op.status);
    const scheduled = op.kind === 'WAIT' && op.scheduledEnd !== undefined ? `, due ${new Date(op.scheduledEnd).toISOString()}` : '';
    items.push({
      id: op.id,
      lane,
      shape: 'bar',
      from: start,
      to: Math.max(start, end),
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
      lane: 'Invocations',
      shape: 'mark',
      from: at,
      to,
      tone: invocation.error ? 'error' : 'ok',
      title: `Invocation ${index + 1}${invocation.requestId ? ` (request ${invocation.requestId})` : ''}: ${humanDuration(to - at)}${invocation.error ? `, ${invocation.error}` : ''}`,
    });
  });
  return items;
}

function countStatuses(ops: readonly Operation[]): string {
  const counts = new Map<string, number>();
  for (const op of ops) {
    counts.set(op.status, (counts.get(op.status) ?? 0) + 1);
  }
  return [...counts].map(([status, n]) => `${n} ${status.toLowerCase()}`).join(', ');
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
  const events = h.rows.length.toLocaleString('en-US');
  const ops = h.tree.operationCount.toLocaleString('en-US');
  if (h.loading) {
    return `Loading history… ${events} events, ${ops} operations so far`;
  }
  if (h.error) {
    return `${events} events loaded. Could not load more: ${h.error}`;
  }
  return h.complete ? `All ${events} events loaded (${ops} operations)` : `${events} events loaded (${ops} operations); more are available`;
}

function time(date: Date | undefined): string | undefined {
  return date ? bothTimes(date) : undefined;
}

function codeBlock(id: string, title: string, view: PayloadView, copyId: string, truncatedByAws: boolean): Block {
  const notices = [truncatedByAws ? 'AWS truncated this payload (the history marks it Truncated).' : '', view.truncatedNotice ?? ''].filter(Boolean);
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
    { label: 'Status', value: status, badge: tone },
    { label: 'Name', value: d.DurableExecutionName, copyId: 'name' },
    { label: 'Execution ARN', value: d.DurableExecutionArn, copyId: 'executionArn', mono: true },
    { label: 'Function ARN', value: d.FunctionArn, copyId: 'functionArn', mono: true },
    { label: 'Version', value: d.Version ?? parts?.qualifier },
    { label: 'Started', value: time(d.StartTimestamp) },
    { label: 'Ended', value: time(d.EndTimestamp), note: d.EndTimestamp ? undefined : d.Status === 'RUNNING' ? 'still running' : undefined },
    { label: 'Duration', value: duration || undefined },
    { label: 'Trace header', value: d.TraceHeader?.XAmznTraceId, copyId: d.TraceHeader?.XAmznTraceId ? 'traceHeader' : undefined, mono: true },
  ];
  const durable: Field[] = [
    { label: 'Retention', value: config?.RetentionPeriodInDays === undefined ? undefined : `${config.RetentionPeriodInDays} days` },
    {
      label: 'Execution timeout',
      value: durationSeconds(config?.ExecutionTimeout),
      note: config?.ExecutionTimeout === undefined ? undefined : `${config.ExecutionTimeout.toLocaleString('en-US')} s`,
    },
    { label: 'KMS key', value: config?.KMSKeyArn ?? 'AWS owned key', copyId: config?.KMSKeyArn ? 'kmsKeyArn' : undefined, mono: Boolean(config?.KMSKeyArn) },
  ];
  const blocks: Block[] = [
    { kind: 'fields', id: 'execution', title: 'Execution', fields: execution },
    { kind: 'fields', id: 'durableConfig', title: 'Durable configuration', fields: durable },
  ];
  if (d.ExecutionDataIncluded === false) {
    blocks.push({ kind: 'notice', id: 'dataNotIncluded', tone: 'warn', text: 'AWS did not include the input, result and error of this execution.' });
  }
  blocks.push(
    prepared.input
      ? codeBlock('input', 'Input payload', prepared.input, 'input', history.truncated.input)
      : { kind: 'notice', id: 'input', tone: 'info', text: 'No input payload.' },
  );
  if (prepared.result) {
    blocks.push(codeBlock('result', 'Result', prepared.result, 'result', history.truncated.result));
  }
  const error = d.Error;
  if (error) {
    blocks.push({
      kind: 'fields',
      id: 'error',
      title: 'Error',
      fields: [
        { label: 'Type', value: error.ErrorType, badge: 'error' },
        { label: 'Message', value: error.ErrorMessage, copyId: error.ErrorMessage ? 'errorMessage' : undefined },
      ],
    });
    if (prepared.errorData) {
      blocks.push(codeBlock('errorData', 'Error data', prepared.errorData, 'errorData', history.truncated.error));
    }
    if (error.StackTrace && error.StackTrace.length > 0) {
      blocks.push({ kind: 'code', id: 'stackTrace', title: 'Stack trace', text: error.StackTrace.join('\n'), language: 'text', copyId: 'stackTrace' });
    }
  }

  blocks.push({ kind: 'pager', id: historyBlockId, text: pagerText(history), canLoadMore: !history.complete && !history.loading, loading: history.loading });

  const tree = history.tree;
  const ops = tree.operations;
  blocks.push({
    kind: 'tree',
    id: 'operations',
    title: `Operations (${ops.length.toLocaleString('en-US')}${history.complete ? '' : ' so far'})`,
    nodes: treeNodes(tree.roots()),
    emptyText: history.rows.length === 0 ? 'No history events loaded.' : 'No operations in the loaded events.',
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
      title: 'Timeline',
      start,
      end: safeEnd,
      items,
      summary:
        `${ops.length} operations over ${humanDuration(safeEnd - start)}: ${countStatuses(ops)}; ` +
        `${tree.invocations.length} invocations` +
        (shown < ops.length ? `; the first ${shown} operations are drawn` : ''),
    });
    if (shown < ops.length) {
      blocks.push({
        kind: 'notice',
        id: 'timelineCapped',
        tone: 'info',
        text: `The timeline draws the first ${shown.toLocaleString('en-US')} of ${ops.length.toLocaleString('en-US')} operations; the tree above and the event list below have all of them.`,
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
          ? `Invocations (first ${invocationRowCap} of ${tree.invocations.length.toLocaleString('en-US')})`
          : `Invocations (${tree.invocations.length})`,
      columns: ['#', 'Request id', 'Started (UTC)', 'Duration', 'Error'],
      rows: shownInvocations.map((inv, i) => [
        String(i + 1),
        inv.requestId ?? '—',
        inv.start !== undefined ? new Date(inv.start).toISOString() : '—',
        inv.start !== undefined && inv.end !== undefined ? humanDuration(inv.end - inv.start) : '—',
        inv.error ?? '',
      ]),
      emptyText: 'No invocations in the loaded events.',
    });
  }

  blocks.push({
    kind: 'list',
    id: 'events',
    title: `History events (${history.rows.length.toLocaleString('en-US')}${history.complete ? '' : ' loaded'})`,
    columns: eventColumns,
    rows: history.rows.slice(),
    emptyText: 'No history events loaded.',
  });

  return {
    title: d.DurableExecutionName ?? parts?.executionName ?? 'Durable execution',
    subtitle: `Lambda durable execution of ${parts?.functionName ?? d.FunctionArn ?? 'a function'}`,
    status: { text: status, tone },
    actions: d.Status === 'RUNNING' ? [{ id: stopActionId, label: 'Stop execution' }] : [],
    blocks,
  };
}

// ------------------------------------------------------------------ source


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
      throw new Error('The execution has not been loaded yet.');
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
