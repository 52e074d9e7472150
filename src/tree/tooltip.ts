import * as vscode from 'vscode';

/**
 * A Markdown tooltip of "field: value" lines. Field names are ours; values come from AWS and go into code
 * spans, so they render literally (no links, HTML, entities or command URIs). Never trusted.
 */
export function fieldTooltip(title: string, fields: readonly (readonly [string, string | number | undefined])[]): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.isTrusted = false;
  md.supportHtml = false;
  md.appendMarkdown('**');
  md.appendText(title);
  md.appendMarkdown('**\n\n');
  for (const [name, value] of fields) {
    if (value === undefined || value === '') {
      continue;
    }
    md.appendMarkdown(`${name}: ${codeSpan(String(value).replace(/\r?\n/g, ' '))}  \n`);
  }
  return md;
}

/**
 * `value` as an inline code span, the one Markdown construct whose text is shown exactly: no backslash
 * escapes, entities, HTML or autolinks are recognized inside it (appendText's escapes show up as
 * backslashes once the text holds HTML-looking parts, and URLs in it still become links).
 */
export function codeSpan(value: string): string {
  const longestRun = Math.max(0, ...Array.from(value.matchAll(/`+/g), (m) => m[0].length));
  const fence = '`'.repeat(longestRun + 1);
  // One space inside each fence: Markdown strips exactly one from each end, so a value that starts or ends with a backtick survives.
  return `${fence} ${value} ${fence}`;
}
