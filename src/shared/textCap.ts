/**
 * Caps long text before it is shown. Pure and DOM-free on purpose: the host's document builders use it
 * (through `src/webview/detailPanel.ts`) so they never pretty-print or post megabytes, and the page uses
 * `capText` once more as a last guard before putting text into a `<pre>`.
 */
import * as l10n from '@vscode/l10n';
import { formatNumber } from './format';

/** Code blocks longer than this are cut by the builders; the rest is reachable with "Open whole document". */
export const defaultCodeCap = 100_000;

/** Above this size we do not even parse JSON to pretty-print it: parsing alone would stall the host. */
const prettyParseLimit = 4_000_000;

export interface CappedText {
  readonly text: string;
  /** Present only when the text was shortened; meant for `CodeBlock.truncatedNotice`. */
  readonly truncatedNotice?: string | undefined;
}

/**
 * Keeps at most `maxChars` characters, cutting at the last line break in the final tenth when there is
 * one (a cut mid-line reads like corruption) and never between the halves of a surrogate pair.
 */
export function capText(text: string, maxChars: number = defaultCodeCap): CappedText {
  if (text.length <= maxChars) {
    return { text };
  }
  let cut = Math.max(0, Math.floor(maxChars));
  const lineBreak = text.lastIndexOf('\n', cut);
  if (lineBreak > cut * 0.9) {
    cut = lineBreak;
  } else if (cut > 0 && isHighSurrogate(text.charCodeAt(cut - 1))) {
    cut--;
  }
  return {
    text: text.slice(0, cut),
    truncatedNotice: l10n.t('Showing the first {0} of {1} characters.', formatNumber(cut), formatNumber(text.length)),
  };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * Pretty-prints a JSON string with a budget: output stops as soon as `maxChars` is reached, so a 5 MB
 * payload costs one parse plus 100 KB of formatting instead of 15 MB of indentation. Text that is not
 * JSON (or is too large to parse) is capped as it is.
 */
export function prettyJson(raw: string, maxChars: number = defaultCodeCap): CappedText {
  if (raw.length > prettyParseLimit) {
    const capped = capText(raw, maxChars);
    return { text: capped.text, truncatedNotice: `${capped.truncatedNotice ?? ''} ${l10n.t('Too large to format here.')}`.trim() };
  }
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return capText(raw, maxChars);
  }
  return prettyValue(value, maxChars) ?? capText(raw, maxChars);
}

/** Like `JSON.stringify(value, null, 2)`, but stops at `maxChars`. Undefined when the value is too deep. */
export function prettyValue(value: unknown, maxChars: number = defaultCodeCap): CappedText | undefined {
  const writer = new BudgetWriter(maxChars);
  try {
    writeValue(writer, value, '');
  } catch (error) {
    if (error instanceof RangeError) {
      // Stack overflow on absurdly nested input: the caller falls back to the raw text.
      return undefined;
    }
    if (!(error instanceof BudgetSpent)) {
      throw error;
    }
  }
  const text = writer.text();
  if (!writer.spent) {
    return { text };
  }
  return { text, truncatedNotice: l10n.t('Showing the first {0} characters of the formatted document.', formatNumber(text.length)) };
}

/** Thrown to unwind the recursion once the budget is used up; never escapes `prettyValue`. */
class BudgetSpent extends Error {}

class BudgetWriter {
  private readonly parts: string[] = [];
  private length = 0;
  spent = false;
  constructor(private readonly max: number) {}
  /** Characters the budget still allows. */
  get left(): number {
    return this.max - this.length;
  }
  write(s: string): void {
    if (this.length + s.length > this.max) {
      this.parts.push(s.slice(0, this.max - this.length));
      this.length = this.max;
      this.spent = true;
      throw new BudgetSpent();
    }
    this.parts.push(s);
    this.length += s.length;
  }
  text(): string {
    return this.parts.join('');
  }
}

function writeValue(w: BudgetWriter, value: unknown, indent: string): void {
  if (typeof value === 'string' && value.length > w.left) {
    // Only what can still be shown is escaped: a 6 MB string costs its first few thousand characters.
    w.write(JSON.stringify(value.slice(0, w.left + 1)));
    return;
  }
  if (value instanceof Date) {
    // The SDK's timestamps: ISO text, or what arrived when it is no date (toISOString would throw).
    w.write(JSON.stringify(Number.isNaN(value.getTime()) ? 'invalid date' : value.toISOString()));
    return;
  }
  if (value === null || typeof value !== 'object') {
    // Scalars (and the odd undefined/function, which JSON.parse never produces) as JSON.stringify would.
    w.write(JSON.stringify(value) ?? 'null');
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      w.write('[]');
      return;
    }
    w.write('[\n');
    value.forEach((item: unknown, i) => {
      w.write(inner);
      writeValue(w, item, inner);
      w.write(i < value.length - 1 ? ',\n' : '\n');
    });
    w.write(`${indent}]`);
    return;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) {
    w.write('{}');
    return;
  }
  w.write('{\n');
  entries.forEach(([key, item], i) => {
    w.write(`${inner}${JSON.stringify(key)}: `);
    writeValue(w, item, inner);
    w.write(i < entries.length - 1 ? ',\n' : '\n');
  });
  w.write(`${indent}}`);
}
