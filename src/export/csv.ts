/**
 * CSV as RFC 4180 writes it (CRLF line ends; a field with a comma, a double quote or a line break is quoted and
 * its quotes doubled), one line per item. Pure, so the unit tests hold it to the RFC and to the formula guard.
 *
 * Formula injection: a spreadsheet opening the file runs a cell that starts with `=`, `+`, `-` or `@` (and
 * some also after a leading tab or carriage return) as a formula. Text comes from AWS (backup names, execution
 * names, error messages) and is hostile, so a text cell starting with one of those characters is written
 * with a leading apostrophe (OWASP's advice): the spreadsheet shows the text, never evaluates it. Numbers
 * the API typed as numbers stay raw (`-5` is a number, not a formula), and times are ISO 8601, which never
 * start with one of those characters.
 */

const needsQuotes = /[",\r\n]/;

/** `=`, `+`, `-`, `@`, tab, carriage return: what a spreadsheet may read as the start of a formula. */
function startsFormula(text: string): boolean {
  const c = text.charCodeAt(0);
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13;
}

/** One cell's text: times as ISO 8601, numbers and booleans raw, nested values as JSON, text guarded. */
export function cellText(value: unknown): string {
  if (typeof value === 'string') {
    return startsFormula(value) ? `'${value}` : value;
  }
  if (value === undefined || value === null) {
    return '';
  }
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  }
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') {
    return String(value);
  }
  const text = JSON.stringify(value);
  return startsFormula(text) ? `'${text}` : text;
}

/** A field as RFC 4180 writes it. */
export function quoteField(text: string): string {
  return needsQuotes.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record of `count` cells, CRLF-terminated: a loop, not map and join, since an export writes one per item. */
function record(count: number, valueAt: (index: number) => unknown): string {
  let line = '';
  for (let i = 0; i < count; i++) {
    line += i === 0 ? quoteField(cellText(valueAt(i))) : `,${quoteField(cellText(valueAt(i)))}`;
  }
  return `${line}\r\n`;
}

/** One record, CRLF-terminated. */
export function csvLine(values: readonly unknown[]): string {
  return record(values.length, (i) => values[i]);
}

/** The header line (the API's field names) and a function that writes one item's line in the same order. */
export function csvColumns<T>(columns: readonly string[]): { header: string; line: (item: T) => string } {
  return {
    header: csvLine(columns),
    line: (item) => record(columns.length, (i) => (item as Record<string, unknown>)[columns[i]]),
  };
}
