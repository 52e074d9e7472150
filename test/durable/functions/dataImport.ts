/** Waits for a partner's upload longer than its function's ExecutionTimeout allows: the execution times out. */
import { withDurableExecution, type DurableContext } from '@aws/durable-execution-sdk-js';

export interface ImportInput {
  partner: string;
}

export const handler = withDurableExecution(async (input: ImportInput, context: DurableContext) => {
  await context.step('open-upload-slot', async () => Promise.resolve({ slot: `uploads/${input.partner}` }));
  await context.wait('wait-for-upload', { minutes: 30 });
  return context.step('import-file', async () => Promise.resolve({ partner: input.partner, imported: true }));
});
