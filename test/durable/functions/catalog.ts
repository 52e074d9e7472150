/**
 * The sample durable functions the emulator runs for real: what the emulator reports about them. Handlers live
 * in ./index.ts, so the emulator process reads this list without loading the durable SDK.
 */
export interface SampleFunctionInfo {
  name: string;
  description: string;
  /** DurableConfig.ExecutionTimeout in seconds: the emulator times an execution out after it. */
  executionTimeoutSeconds: number;
  /** An input that shows what the function does (the demo and the tests start it with this). */
  sampleInput: unknown;
}

export const SAMPLE_FUNCTIONS: readonly SampleFunctionInfo[] = [
  {
    name: 'order-processor',
    description: 'Order workflow with approval, map, parallel and a chained payment (real durable SDK)',
    executionTimeoutSeconds: 86_400,
    sampleInput: {
      orderId: 'ord-1001',
      customer: 'ana@example.com',
      items: [
        { sku: 'SKU-100', qty: 2, unitPrice: 19.5 },
        { sku: 'SKU-200', qty: 1, unitPrice: 120 },
      ],
    },
  },
  {
    name: 'payment-processor',
    description: 'Payment saga that voids the authorization when a capture fails (real durable SDK)',
    executionTimeoutSeconds: 3_600,
    sampleInput: { orderId: 'ord-2002', amount: 7_250 },
  },
  {
    name: 'weekly-report',
    description: 'Report that waits for a sync and polls an export (real durable SDK)',
    executionTimeoutSeconds: 7_200,
    sampleInput: { week: '2026-W49' },
  },
  {
    name: 'inventory-sync',
    description: 'Supplier feed import that fails on an unknown SKU (real durable SDK)',
    executionTimeoutSeconds: 900,
    sampleInput: {
      feed: 'acme-2026-12-03',
      rows: [
        { sku: 'SKU-100', qty: 40 },
        { sku: 'SKU-404', qty: 3 },
      ],
    },
  },
  {
    name: 'data-import',
    description: 'Partner import that outlives its 5-minute execution timeout (real durable SDK)',
    executionTimeoutSeconds: 300,
    sampleInput: { partner: 'globex' },
  },
  {
    name: 'data-export',
    description: 'Batched export with long pauses, meant to be stopped (real durable SDK)',
    executionTimeoutSeconds: 604_800,
    sampleInput: { table: 'Orders', batches: 4 },
  },
];

export function sampleInfo(name: string): SampleFunctionInfo | undefined {
  return SAMPLE_FUNCTIONS.find((f) => f.name === name);
}
