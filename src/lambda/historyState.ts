/**
 * The history events loaded so far, folded page by page into the operations tree and the rows of the
 * event list. Pages are processed `eventChunk` events at a time with a yield to the event loop between
 * chunks, so a 10,000-event history never blocks the extension host. Pure (no VS Code).
 */
import { formatNumber } from '../shared/format';
import * as l10n from '@vscode/l10n';
import type { HistoryEvent } from '../aws/sdk/lambda';
import type { ListBlock, Tone } from '../shared/protocol';
import { prettyValue } from '../shared/textCap';
import { isoTime } from '../shared/format';
import { PagedList, type PageFetcher } from '../tree/pagedList';
import { classifyEvent, eventDetails, OperationsTree } from './operationsTree';
import { durableStatus } from './executionFormat';

/** Events folded in one go before yielding to the event loop. */
export const eventChunk = 500;
/** Longest event detail in the list (the whole event is in GetDurableExecutionHistory). */
export const eventDetailCap = 4_000;

export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export type EventRow = ListBlock['rows'][number];

/** An event's type ends in the status it reports ("StepFailed"): that status's tone, none for the rest. */
const eventOutcomes: readonly (readonly [suffix: string, status: string])[] = [
  ['Failed', 'FAILED'],
  ['TimedOut', 'TIMED_OUT'],
  ['Stopped', 'STOPPED'],
  ['Cancelled', 'CANCELLED'],
  ['Succeeded', 'SUCCEEDED'],
];

function eventTone(type: string | undefined): Tone | undefined {
  const outcome = type ? eventOutcomes.find(([suffix]) => type.endsWith(suffix)) : undefined;
  return outcome && durableStatus(outcome[1]).tone;
}

/**
 * The event's details as indented JSON, at most `eventDetailCap` characters. Printed with a budget: a
 * 6 MB payload in ExecutionStarted costs the first 4,000 characters, not a 6 MB JSON.stringify.
 */
function detailText(details: Record<string, unknown>): string {
  const printed = prettyValue(details, eventDetailCap);
  if (!printed) {
    return l10n.t('(too deeply nested to show; see GetDurableExecutionHistory)');
  }
  return printed.truncatedNotice ? `${printed.text}\n… ${l10n.t('(cut at {0} characters)', formatNumber(eventDetailCap))}` : printed.text;
}

/** One row of the event list: the common fields as cells, the event's details as text. */
export function eventRow(event: HistoryEvent, index: number): EventRow {
  const details = eventDetails(event);
  const row: EventRow = {
    id: `event-${event.EventId ?? `i${index}`}`,
    cells: [
      event.EventId === undefined ? '' : String(event.EventId),
      isoTime(event.EventTimestamp),
      event.EventType ?? '',
      event.Name ?? '',
      event.SubType ?? '',
      event.Id ?? '',
      event.ParentId ?? '',
    ],
    tone: eventTone(event.EventType),
  };
  if (details && Object.keys(details).length > 0) {
    return { ...row, detail: detailText(details) };
  }
  // An event type the model does not know: its details member is unknown too, so the event itself is shown.
  if (event.EventType !== 'InvocationCompleted' && classifyEvent(event.EventType).kind === 'OTHER') {
    return { ...row, detail: detailText({ ...event }) };
  }
  return row;
}

export function eventColumns(): string[] {
  return ['#', l10n.t('Time (UTC)'), l10n.t('Event'), l10n.t('Name'), l10n.t('Sub-type'), l10n.t('Operation id'), l10n.t('Parent id')];
}

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

/** Why paging stopped before the end of the history, when it did. */
export type HistoryStop = 'cycle' | 'cap' | 'expired';

/** An event's identity for de-duplication: its id; an event without one (never seen in practice) is kept. */
function eventKey(): (event: HistoryEvent) => string {
  let anonymous = 0;
  return (event) => (event.EventId === undefined ? `anonymous:${anonymous++}` : String(event.EventId));
}

/**
 * The history loaded so far: tree and rows, paged by the core's engine (`PagedList`), so markers follow the
 * same abort, de-duplication and cycle rules as every list in the trees.
 */
export class HistoryState {
  readonly tree = new OperationsTree();
  readonly rows: EventRow[] = [];
  /** True while the panel loads more pages (for the pager text). */
  loading = false;
  error: string | undefined;
  /** Bumped whenever events are added: what is derived from the events (tree, timeline) is rebuilt only then. */
  version = 0;
  readonly truncated: TruncatedPayloads = { input: false, result: false, error: false };
  private readonly list: PagedList<HistoryEvent>;
  /** Why paging was stopped by its caller: the "Load all" cap or an expired marker. */
  private halted: Exclude<HistoryStop, 'cycle'> | undefined;

  constructor(fetchPage: PageFetcher<HistoryEvent>, pageSize: number) {
    this.list = new PagedList(fetchPage, eventKey(), pageSize, { onPage: (events) => this.fold(events), keepItems: false });
  }

  get eventCount(): number {
    return this.rows.length;
  }

  /** The marker of the next page (also the one a failed page is retried with). */
  get marker(): string | undefined {
    return this.list.nextToken;
  }

  /** True once a page came back without a (new) NextMarker. */
  get complete(): boolean {
    return this.list.state === 'done';
  }

  /** Set when paging stopped early: a marker cycle (the end), the "Load all" cap, an expired marker. */
  get stopped(): HistoryStop | undefined {
    return this.list.endedOnCycle ? 'cycle' : this.halted;
  }
  set stopped(reason: Exclude<HistoryStop, 'cycle'> | undefined) {
    this.halted = reason;
  }

  /** One page (skipping empty pages that carry a marker); rejects with the page's error. */
  async next(pageSize: number, signal: AbortSignal): Promise<void> {
    await this.list.loadNext(pageSize, signal);
    this.throwFailure();
  }

  /** Pages until `count` more events arrived, `pageSize` at most per page; rejects with a page's error. */
  async upTo(count: number, pageSize: number, signal: AbortSignal, onProgress?: () => void): Promise<void> {
    await this.list.loadUpTo(count, { clampPageSize: (size) => Math.max(1, size), pageSize, signal, onProgress });
    this.throwFailure();
  }

  /**
   * For a running execution whose history was read to the end: the last page asked again (its marker is the
   * only place to continue from), adding the events not loaded yet. False when the history is not at its end.
   */
  async readTail(pageSize: number, signal: AbortSignal): Promise<boolean> {
    if (!this.complete || this.stopped !== undefined) {
      return false;
    }
    const result = await this.list.rereadLast(pageSize, signal);
    return result.applied;
  }

  private throwFailure(): void {
    if (this.list.state === 'error') {
      throw this.list.error;
    }
  }

  private async fold(events: readonly HistoryEvent[]): Promise<void> {
    if (events.length > 0) {
      this.version++;
    }
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
  }
}
