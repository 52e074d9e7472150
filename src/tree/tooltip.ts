import * as vscode from 'vscode';
import { forMarkdownCode } from '../util/plainText';

/**
 * A Markdown tooltip of "field: value" lines. Field names are ours; the title and values come from AWS
 * and go into one-line code spans (forMarkdownCode), so they render literally: no links, HTML, entities,
 * command URIs or blocks. Never trusted, no HTML (the MarkdownString defaults; ESLint forbids changing them).
 */
export function fieldTooltip(title: string, fields: readonly (readonly [string, string | number | undefined])[]): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${forMarkdownCode(title)}**\n\n`);
  for (const [name, value] of fields) {
    if (value === undefined || value === '') {
      continue;
    }
    md.appendMarkdown(`${name}: ${forMarkdownCode(String(value))}  \n`);
  }
  return md;
}
