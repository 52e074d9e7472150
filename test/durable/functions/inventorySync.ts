/** Applies a supplier feed; a row with an unknown SKU fails the step on every attempt, so the execution fails. */
import { createRetryStrategy, withDurableExecution, type DurableContext } from '@aws/durable-execution-sdk-js';

export interface FeedInput {
  feed: string;
  rows: Array<{ sku: string; qty: number }>;
}

class UnknownSkuError extends Error {
  override name = 'UnknownSkuError';
}

const KNOWN_SKUS = new Set(['SKU-100', 'SKU-200', 'SKU-300']);

function applyRows(input: FeedInput): { applied: number } {
  input.rows.forEach((row, i) => {
    if (!KNOWN_SKUS.has(row.sku)) {
      throw new UnknownSkuError(`Feed ${input.feed} row ${i + 1}: unknown SKU "${row.sku}"`);
    }
  });
  return { applied: input.rows.length };
}

export const handler = withDurableExecution(async (input: FeedInput, context: DurableContext) => {
  await context.step('download-feed', async () => Promise.resolve({ feed: input.feed, rows: input.rows.length }));
  return context.step('apply-updates', async () => Promise.resolve(applyRows(input)), {
    retryStrategy: createRetryStrategy({ maxAttempts: 2, initialDelay: { seconds: 10 } }),
  });
});
