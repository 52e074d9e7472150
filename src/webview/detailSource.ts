import type { CliCommand } from '../actions/cliCommand';
import type { ClientKey } from '../aws/clientTable';
import type { Connection } from '../aws/session';
import type { PanelDocument } from '../shared/protocol';

/*
 * Large documents: the page virtualizes lists and caps what it draws, but the host still serializes the
 * whole document for postMessage. Builders should therefore cap code text (`capText`, or `prettyJson`
 * for JSON strings: it stops formatting at the cap instead of pretty-printing megabytes synchronously)
 * and offer the rest through `wholeText` + `canOpenWhole`. The helpers live in a DOM-free module shared
 * with the page so that pure builders can import them without `vscode`.
 */

/** One item shown in a details panel. Services implement it; the panel knows nothing about AWS. */
export interface DetailSource {
  /** Identity of the item (its ARN): one panel per key. */
  readonly key: string;
  /** Webview type, e.g. `awsHistory.backupDetails`. */
  readonly viewType: string;
  /** Tab title (the item's name). */
  title(): string;
  /** Fetches and builds the document. Must honour `signal`: it is aborted on refresh and on close. */
  load(signal: AbortSignal): Promise<PanelDocument>;
  /**
   * Runs an action declared in `document.actions` (header) or `document.targetActions` (with `target`, the
   * part of a block it applies to: validate it, it comes from the page); the panel reloads afterwards.
   */
  onAction?(actionId: string, target?: string): Promise<void>;
  /**
   * Loads more of a pager block. Call `progress` with each new document (pager `loading: true` while
   * pages are still coming) and once more with the final one (`loading: false`) before resolving.
   */
  onLoadMore?(blockId: string, all: boolean, signal: AbortSignal, progress: (doc: PanelDocument) => void): Promise<void>;
  /** Full text of a truncated code block, for "Open whole document". */
  wholeText?(blockId: string): string | undefined;
  /** More than 0 while the item should refresh itself (e.g. RUNNING); only used while the panel is visible. */
  autoRefreshMs?(): number;
  /**
   * An auto-refresh tick: asks only for what is new (e.g. the status without payloads, history after the last
   * event loaded) and returns the updated document. Without it a tick is a full `load`.
   */
  poll?(signal: AbortSignal): Promise<PanelDocument>;
  /** Copy as AWS CLI Command on the panel: the describe/get command of the item shown. */
  /** With the connection the item was opened from (undefined: the session's), so the command names its profile and region. */
  cli?(): { readonly command: CliCommand; readonly client: ClientKey; readonly connection?: Connection | undefined };
}

export type DescribeError = (error: unknown) => { readonly message: string; readonly hint: string };
