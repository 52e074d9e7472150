import { optional, oneOf, pagedList, record, selection, treeNode, type ArgumentRule } from '../commands/commandArgs';
import { registerCommand } from '../commands/registerCommand';
import { Command } from '../constants';
import type { FeatureContext } from '../feature';
import type { AnyPagedChildren } from '../tree/pagedChildren';
import type { TreeNode } from '../tree/treeNode';
import { lazy } from '../util/lazy';
import type * as ExportFile from './exportFile.lazy';
import type { ExportOptions } from './exportFile.lazy';

const optionsArgument: ArgumentRule = record('{ "scope": "loaded" | "all", "format": "csv" | "json" }', {
  scope: { what: '"loaded" or "all"', accepts: (v) => v === 'loaded' || v === 'all' },
  format: { what: '"csv" or "json"', accepts: (v) => v === 'csv' || v === 'json' },
});

/**
 * Export…: a list's loaded items, or all its pages with its filters, streamed as CSV or JSON to the file
 * picked in the save dialog. Written to a temporary file in the same folder and renamed at the end, so the
 * chosen file is either complete or untouched; stopped part-way (Cancel, an error), the user decides whether
 * the part written is kept.
 */
export function registerExportCommand(ctx: FeatureContext): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy chunk, see lazy()
  const exportFile = lazy(() => require('./exportFile.lazy') as typeof ExportFile);
  registerCommand(
    ctx.extension,
    Command.exportList,
    (target?: AnyPagedChildren | TreeNode | ExportOptions | null, second?: TreeNode[] | ExportOptions): Promise<number | undefined> => {
      const options = [target, second].find((a): a is ExportOptions => optionsArgument.accepts(a));
      const given = target && !optionsArgument.accepts(target) ? (target as AnyPagedChildren | TreeNode) : undefined;
      return exportFile().exportList(ctx, given, options);
    },
    { args: [optional(oneOf(pagedList, treeNode, optionsArgument)), optional(oneOf(selection, optionsArgument))] },
  );
}
