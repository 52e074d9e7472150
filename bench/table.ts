// Prints the rows as one Markdown table (readable in a terminal, pasted as is into the README), then the
// notes that say how each figure is taken.
import type { Row } from './report';

const escape = (text: string): string => text.replace(/\|/g, '\\|');

export function formatTable(rows: readonly Row[]): string {
  const header = ['#', 'id', 'measure', 'median', 'min', 'max', 'target', 'result'];
  const body = rows.map((row, i) => [String(i + 1), `\`${row.id}\``, row.measure, row.median, row.min, row.max, row.target, row.result].map(escape));
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((cells) => [...cells[c]].length)));
  const line = (cells: string[]): string => `| ${cells.map((cell, c) => cell + ' '.repeat(widths[c] - [...cell].length)).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [line(header), rule, ...body.map(line)].join('\n');
}

export function formatNotes(rows: readonly Row[]): string {
  return rows
    .map((row, i) => (row.note ? `${i + 1}. ${row.note}` : ''))
    .filter(Boolean)
    .join('\n');
}
