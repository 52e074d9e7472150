/**
 * The history events loaded so far, folded page by page into the operations tree and the rows of the
 * event list. Pages are processed `eventChunk` events at a time with a yield to the event loop between
 * chunks, so a 10,000-event history never blocks the extension host. Pure (no VS Code).
 */
import { formatNumber } from '../util/format';
import * as l10n from '@vscode/l10n';
import type { HistoryEvent } from '../aws/sdk/lambda';
import type { ListBlock, Tone } from '../webview/protocol';
import { prettyValue } from '../webview-app/textCap';
import { eventDetails, OperationsTree } from './operationsTree';

/** Events folded in one go before yielding to the event loop. */
export const eventChunk = 500;
/** Longest event detail in the list (the whole event is in GetDurableExecutionHistory). */
export const eventDetailCap = 4_000;

export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

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
      event.EventTimestamp ? event.EventTimestamp.toISOString() : '',
      event.EventType ?? '',
      event.Name ?? '',
      event.SubType ?? '',
      event.Id ?? '',
      event.ParentId ?? '',
    ],
    tone: eventTone(event.EventType),
  };
  return details && Object.keys(details).length > 0 ? { ...row, detail: detailText(details) } : row;
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
