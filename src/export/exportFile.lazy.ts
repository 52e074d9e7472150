/** Export…'s body (a lazy chunk: exportList.ts registers the command, this loads at its first run). */
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { FeatureContext } from '../feature';
import type { AnyPagedChildren } from '../tree/pagedChildren';
import type { TreeNode } from '../tree/treeNode';
import { formatNumber } from '../shared/format';
import { log } from '../util/log';
import { forNotification } from '../util/plainText';
import { csvColumns } from './csv';
import { resolveList } from './listTarget';

export type ExportScope = 'loaded' | 'all';
export type ExportFormat = 'csv' | 'json';

export interface ExportOptions {
  readonly scope?: ExportScope;
  readonly format?: ExportFormat;
}

/** Items of the loaded list are written in chunks of this size, so progress and cancel work there too. */
const loadedChunk = 1000;
const progressEveryMs = 250;

/** How one format writes: what opens the file, each batch of items, and what closes it. */
interface Writer {
  readonly open: string;
  batch(items: readonly unknown[], first: boolean): string;
  readonly close: string;
}

function writerFor(format: ExportFormat, columns: readonly string[]): Writer {
  if (format === 'csv') {
    const csv = csvColumns<unknown>(columns);
    return { open: csv.header, batch: (items) => items.map(csv.line).join(''), close: '' };
  }
  // A JSON array streamed element by element: the summaries as the API returned them (times as ISO 8601).
  return {
    open: '[',
    batch: (items, first) => `${first ? '\n' : ',\n'}${items.map((item) => JSON.stringify(item)).join(',\n')}`,
    close: '\n]\n',
  };
}

/** Export…'s run once its arguments are checked: the list (picked if not given), scope, format, file, then the writing. */
export async function exportList(
  ctx: FeatureContext,
  given: AnyPagedChildren | TreeNode | undefined,
  options: ExportOptions | undefined,
): Promise<number | undefined> {
  const list = await resolveList(ctx.views, given, (l) => l.exportColumns !== undefined, vscode.l10n.t('Export which list?'));
  const columns = list?.exportColumns;
  if (!list || !columns) {
    return undefined;
  }
  const scope = options?.scope ?? (await pickScope(list));
  const format = scope && (options?.format ?? (await pickFormat()));
  if (!scope || !format) {
    return undefined;
  }
  const file = await pickFile(ctx, list, format);
  return file ? runExport(ctx, list, scope, writerFor(format, columns), file) : undefined;
}

async function pickScope(list: AnyPagedChildren): Promise<ExportScope | undefined> {
  if (!list.isLoaded) {
    return 'all';
  }
  if (!list.nextToken) {
    return 'loaded'; // everything is loaded: the same items, no request
  }
  const chosen = await vscode.window.showQuickPick(
    [
      {
        label: vscode.l10n.t('Loaded {0}', list.noun),
        description: vscode.l10n.t('{0} items, no request', formatNumber(list.loadedCount)),
        scope: 'loaded' as const,
      },
      {
        label: vscode.l10n.t('All pages with the current filters'),
        description: vscode.l10n.t('lists every page again, from the start of the list'),
        scope: 'all' as const,
      },
    ],
    { title: vscode.l10n.t('Export {0}', list.noun) },
  );
  return chosen?.scope;
}

async function pickFormat(): Promise<ExportFormat | undefined> {
  const chosen = await vscode.window.showQuickPick(
    [
      { label: 'CSV', description: vscode.l10n.t("one row per item, the API's field names as header"), format: 'csv' as const },
      { label: 'JSON', description: vscode.l10n.t('an array of the items as the API returned them'), format: 'json' as const },
    ],
    { title: vscode.l10n.t('Export as') },
  );
  return chosen?.format;
}

/** A file name from the list's title, which may hold names from AWS: only safe characters are kept. */
function defaultName(list: AnyPagedChildren, format: ExportFormat): string {
  const base =
    list.title
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^[-.]+|-+$/g, '')
      .slice(0, 80) || 'export';
  return `${base}.${format}`;
}

async function pickFile(ctx: FeatureContext, list: AnyPagedChildren, format: ExportFormat): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(os.homedir());
  const defaultUri = vscode.Uri.joinPath(folder, defaultName(list, format));
  const ask = ctx.testHooks?.exportFile;
  const uri = ask
    ? await ask(defaultUri)
    : await vscode.window.showSaveDialog({
        defaultUri,
        title: vscode.l10n.t('Export {0}', list.noun),
        filters: format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] },
      });
  if (uri && uri.scheme !== 'file') {
    void vscode.window.showErrorMessage(forNotification(vscode.l10n.t('Export writes to files on this machine only; pick a local file.')));
    return undefined;
  }
  return uri;
}

/** Writes the export; returns the number of items written to the file, or undefined when none was kept. */
async function runExport(ctx: FeatureContext, list: AnyPagedChildren, scope: ExportScope, writer: Writer, file: vscode.Uri): Promise<number | undefined> {
  const target = file.fsPath;
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(4).toString('hex')}.part`);
  const handle = await fs.open(temp, 'wx');
  let written = 0;
  let failure: unknown;
  let stoppedAt: string | undefined;
  const controller = new AbortController();
  const title = vscode.l10n.t('Exporting {0} to {1}', list.noun, path.basename(target));
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: forNotification(title), cancellable: true },
    async (progress, token) => {
      const cancel = (): void => controller.abort();
      const subscription = token.onCancellationRequested(cancel);
      let reportedAt = 0;
      const write = async (items: readonly unknown[]): Promise<void> => {
        await handle.write(writer.batch(items, written === 0));
        written += items.length;
        // A message to the window per page would cost more than the page: a few per second are enough to read.
        if (performance.now() - reportedAt >= progressEveryMs) {
          reportedAt = performance.now();
          progress.report({ message: vscode.l10n.t('{0} items written', formatNumber(written)) });
        }
        await ctx.testHooks?.onExportProgress?.(written, cancel);
      };
      try {
        await handle.write(writer.open);
        if (scope === 'loaded') {
          const items = list.items as unknown[];
          for (let i = 0; i < items.length; i += loadedChunk) {
            controller.signal.throwIfAborted();
            await write(items.slice(i, i + loadedChunk));
          }
        } else {
          stoppedAt = (await list.streamAll(write, controller.signal)).stoppedAt;
        }
        await handle.write(writer.close);
      } catch (error) {
        failure = error;
        // A write that failed leaves the next page's request running: it ends here.
        controller.abort();
      } finally {
        subscription.dispose();
      }
    },
  );
  if (failure === undefined) {
    await handle.close();
    await fs.rename(temp, target);
    const done = vscode.l10n.t('Exported {0} {1} to {2}', formatNumber(written), list.noun, path.basename(target));
    if (stoppedAt) {
      void vscode.window.showWarningMessage(forNotification(vscode.l10n.t('{0}. The service kept returning empty pages, so the export stopped there.', done)));
      log().warn('export stopped after repeated empty pages with a next-page token');
    } else {
      void vscode.window.showInformationMessage(forNotification(done));
    }
    return written;
  }
  // Stopped part-way: close the JSON array so a kept file is still valid, then let the user decide.
  await handle.write(writer.close).catch(() => undefined);
  await handle.close();
  const keep = await askKeepPartial(ctx, list, written, failure);
  if (keep) {
    await fs.rename(temp, target);
    return written;
  }
  await fs.rm(temp, { force: true });
  return undefined;
}

async function askKeepPartial(ctx: FeatureContext, list: AnyPagedChildren, written: number, failure: unknown): Promise<boolean> {
  const info = list.describeError(failure);
  const reason = info.kind === 'cancelled' ? vscode.l10n.t('Export cancelled') : vscode.l10n.t('Export failed: {0}', info.message);
  if (info.kind !== 'cancelled') {
    log().error(`export failed: ${info.code}`);
  }
  const answer = ctx.testHooks?.keepPartialExport;
  if (answer) {
    return answer(written);
  }
  const keepLabel = vscode.l10n.t('Keep Partial File');
  const deleteLabel = vscode.l10n.t('Delete');
  const choice = await vscode.window.showWarningMessage(
    forNotification(reason),
    {
      modal: true,
      detail: forNotification(vscode.l10n.t('{0} {1} were written before it stopped. Keep them in the file, or delete it?', formatNumber(written), list.noun)),
    },
    keepLabel,
    deleteLabel,
  );
  return choice === keepLabel;
}
