/**
 * What a screen reader announces for a tree row (TreeItem.accessibilityInformation). A sighted user reads
 * the status from the row's icon and colour; the label says it in words instead. Pure: unit-tested.
 */
import * as l10n from '@vscode/l10n';
import type * as vscode from 'vscode';

/** The parts of a row's announcement, in order; empty ones are dropped so a row never reads ", ,". */
export function rowAccessibility(...parts: readonly (string | undefined | false)[]): vscode.AccessibilityInformation {
  return { label: parts.filter((part): part is string => typeof part === 'string' && part.trim() !== '').join(', ') };
}

/**
 * An AWS status code as words ("TIMED_OUT" → "timed out"): screen readers spell capitals letter by letter.
 * An unknown or empty status reads "status unknown" (the row shows a neutral icon for it).
 */
export function statusWords(status: string | undefined): string {
  const words = (status ?? '')
    .trim()
    .replace(/[_\s]+/g, ' ')
    .toLowerCase();
  return words === '' ? l10n.t('status unknown') : words;
}
