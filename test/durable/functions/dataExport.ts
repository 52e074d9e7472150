/** A long export that waits hours between batches: the kind of execution an operator stops. */
import { withDurableExecution, type DurableContext } from '@aws/durable-execution-sdk-js';

export interface ExportInput {
  table: string;
  batches: number;
}

export const handler = withDurableExecution(async (input: ExportInput, context: DurableContext) => {
  for (let batch = 1; batch <= input.batches; batch++) {
    await context.step(`export-batch-${batch}`, async () => Promise.resolve({ table: input.table, batch }));
    await context.wait(`pause-after-batch-${batch}`, { hours: 6 });
  }
  return { table: input.table, batches: input.batches };
});
