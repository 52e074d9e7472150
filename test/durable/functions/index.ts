/** Handlers of the sample durable functions, by function name (the host process loads these). */
import type { DurableLambdaHandler } from '@aws/durable-execution-sdk-js';
import { handler as dataExport } from './dataExport';
import { handler as dataImport } from './dataImport';
import { handler as inventorySync } from './inventorySync';
import { handler as orderProcessor } from './orderProcessor';
import { handler as paymentProcessor } from './paymentProcessor';
import { handler as weeklyReport } from './weeklyReport';

export const HANDLERS: Readonly<Record<string, DurableLambdaHandler>> = {
  'order-processor': orderProcessor,
  'payment-processor': paymentProcessor,
  'weekly-report': weeklyReport,
  'inventory-sync': inventorySync,
  'data-import': dataImport,
  'data-export': dataExport,
};
