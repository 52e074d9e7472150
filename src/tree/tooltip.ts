import * as vscode from 'vscode';

/**
 * A Markdown tooltip of "field: value" lines. Field names are ours; values come from AWS and go through
 * appendText, so they render literally (no links, HTML or command URIs). Never trusted.
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
    md.appendMarkdown(`${name}: `);
    md.appendText(String(value).replace(/\r?\n/g, ' '));
    md.appendMarkdown('  \n');
  }
  return md;
}
