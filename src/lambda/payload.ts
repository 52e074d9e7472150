/** Input, result and error data of an execution as the panel shows them. Pure. */
import { capText, defaultCodeCap, prettyValue } from '../shared/textCap';

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
  let parsed = false;
  if (raw.length <= parseLimit) {
    try {
      value = JSON.parse(raw);
      json = true;
      parsed = true;
    } catch {
      // Not JSON: shown as text.
    }
  } else {
    // Too large to parse here: what it looks like decides how the whole document opens (as JSON, unformatted).
    json = /^\s*[[{]/.test(raw.slice(0, 64)) && /[\]}]\s*$/.test(raw.slice(-64));
  }
  const capped = (parsed ? prettyValue(value, cap) : undefined) ?? capText(raw, cap);
  return { text: capped.text, language: json ? 'json' : 'text', truncatedNotice: capped.truncatedNotice, raw };
}

/** The whole payload for a read-only editor: formatted when it is JSON. */
export function wholePayload(view: PayloadView): string {
  if (view.language !== 'json' || view.raw.length > parseLimit) {
    return view.raw;
  }
  try {
    return JSON.stringify(JSON.parse(view.raw), null, 2);
  } catch {
    return view.raw;
  }
}

/** Plain text (a stack trace) under the same cap. */
export function formatText(raw: string | undefined, cap = defaultCodeCap): PayloadView | undefined {
  if (raw === undefined) {
    return undefined;
  }
  const capped = capText(raw, cap);
  return { text: capped.text, language: 'text', truncatedNotice: capped.truncatedNotice, raw };
}
