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

/** The history loaded so far: tree, rows and the marker of the next page. */
export class HistoryState {
  readonly tree = new OperationsTree();
  readonly rows: EventRow[] = [];
  marker: string | undefined;
  /** True once a page came back without a NextMarker. */
  complete = false;
  loading = false;
  error: string | undefined;
  /** Set when paging stopped early: a marker cycle (the end), the "Load all" cap, an expired marker. */
  stopped: HistoryStop | undefined;
  pages = 0;
  /** Bumped whenever events are added: what is derived from the events (tree, timeline) is rebuilt only then. */
  version = 0;
  readonly truncated: TruncatedPayloads = { input: false, result: false, error: false };
  /** Markers the service returned: one coming back (A→B→A) is a cycle, however long. */
  private readonly seenMarkers = new Set<string>();
  /** The marker the last page was asked with (undefined for the first page): a running execution grows there. */
  private tailMarker: string | undefined;
  private lastEventId = 0;

  get eventCount(): number {
    return this.rows.length;
  }

  /** Folds one page in, `eventChunk` events at a time, yielding between chunks. */
  async addPage(events: readonly HistoryEvent[], nextMarker: string | undefined): Promise<void> {
    const asked = this.marker;
    await this.fold(events);
    this.pages++;
    // A marker equal to the one just used, or to any returned before, would repeat pages forever: the end.
    const cycle = nextMarker !== undefined && (nextMarker === asked || this.seenMarkers.has(nextMarker));
    const next = nextMarker && !cycle ? nextMarker : undefined;
    if (cycle) {
      this.stopped = 'cycle';
    }
    if (next) {
      this.seenMarkers.add(next);
    }
    this.tailMarker = asked;
    this.marker = next;
    this.complete = next === undefined;
  }

  /**
   * For a running execution whose history was read to the end: the last page asked again (its marker is the
   * only place to continue from), keeping only events after the last one loaded.
   */
  get tail(): { readonly marker: string | undefined } | undefined {
    return this.complete && this.stopped === undefined ? { marker: this.tailMarker } : undefined;
  }

  /** Adds the events of a re-read last page that are new; a NextMarker there means more pages follow. */
  async addTail(events: readonly HistoryEvent[], nextMarker: string | undefined): Promise<number> {
    const known = this.lastEventId;
    const fresh = events.filter((e) => e.EventId !== undefined && e.EventId > known);
    await this.fold(fresh);
    if (nextMarker && !this.seenMarkers.has(nextMarker)) {
      this.seenMarkers.add(nextMarker);
      this.marker = nextMarker;
      this.complete = false;
    }
    return fresh.length;
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
        if (event.EventId !== undefined && event.EventId > this.lastEventId) {
          this.lastEventId = event.EventId;
        }
      }
      if (i + eventChunk < events.length) {
        await yieldToEventLoop();
      }
    }
  }
}
