import type * as vscode from 'vscode';
import type { ConfirmationRequest } from './actions/confirmAction';

/**
 * Switches only tests may flip. Made only when AWS_HISTORY_TEST=1 and reachable only through the
 * TestApi, so no command argument, setting or state can turn them on in a user's window.
 */
export class TestHooks {
  /**
   * Answers every action confirmation (modal and typed name) instead of the user; tests assert on the request
   * (title, resources, account, region, CLI text) and check that nothing is sent until it says yes.
   */
  answerConfirmation: ((request: ConfirmationRequest) => Promise<boolean>) | undefined;
  /** Answers Export…'s save dialog (the file to write, or undefined for Cancel) instead of the user. */
  exportFile: ((defaultUri: vscode.Uri) => Promise<vscode.Uri | undefined>) | undefined;
  /** Answers "Keep partial file" (true) or "Delete" (false) after an export stopped part-way. */
  keepPartialExport: ((written: number) => Promise<boolean>) | undefined;
  /**
   * Called after each chunk an export wrote, with the count so far and the cancel of the progress
   * notification (tests cancel part-way; the benchmark samples the heap here).
   */
  onExportProgress: ((written: number, cancel: () => void) => Promise<void> | void) | undefined;
}
