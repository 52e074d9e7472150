/** Applies a supplier feed. A row with an unknown SKU fails the whole sync, with the handler's own stack trace. */
import { withDurableExecution, type DurableContext } from '@aws/durable-execution-sdk-js';

export interface FeedInput {
  feed: string;
  rows: Array<{ sku: string; qty: number }>;
}

class UnknownSkuError extends Error {
  override name = 'UnknownSkuError';
}

const KNOWN_SKUS = new Set(['SKU-100', 'SKU-200', 'SKU-300']);

function assertKnown(feed: string, rows: FeedInput['rows']): void {
  const bad = rows.findIndex((row) => !KNOWN_SKUS.has(row.sku));
  if (bad >= 0) {
    throw new UnknownSkuError(`Feed ${feed} row ${bad + 1}: unknown SKU "${rows[bad].sku}"`);
  }
}

export const handler = withDurableExecution(async (input: FeedInput, context: DurableContext) => {
  const rows = await context.step('download-feed', async () => Promise.resolve(input.rows));
  // Checked outside a step: a bad feed is not worth retrying, it fails the execution at once.
  assertKnown(input.feed, rows);
  return context.step('apply-updates', async () => Promise.resolve({ applied: rows.length }));
});
