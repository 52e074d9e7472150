/** A report that spends most of its life waiting: for the warehouse sync, then polling until the export is ready. */
import { withDurableExecution, type DurableContext } from '@aws/durable-execution-sdk-js';

export interface ReportInput {
  week: string;
}

export const handler = withDurableExecution(async (input: ReportInput, context: DurableContext) => {
  const metrics = await context.step('collect-metrics', async () => Promise.resolve({ week: input.week, orders: 1_284, revenue: 93_410.5 }));
  await context.wait('wait-for-warehouse-sync', { minutes: 10 });
  const exported = await context.waitForCondition<{ polls: number; ready: boolean }>(
    'wait-for-export',
    async (state) => Promise.resolve({ polls: state.polls + 1, ready: state.polls + 1 >= 3 }),
    {
      initialState: { polls: 0, ready: false },
      waitStrategy: (state) => (state.ready ? { shouldContinue: false } : { shouldContinue: true, delay: { minutes: 1 } }),
    },
  );
  return context.step('publish-report', async () =>
    Promise.resolve({ week: input.week, url: `reports/${input.week}.pdf`, polls: exported.polls, orders: metrics.orders }),
  );
});
