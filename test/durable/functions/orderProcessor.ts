/**
 * Order workflow: every construct the SDK offers, in the order a shop would use them. Steps with retries,
 * a cool-off wait, a manager approval through waitForCallback, a child context, a map over the items, parallel
 * notifications and a chained invoke of payment-processor.
 */
import { createRetryStrategy, withDurableExecution, type DurableContext } from '@aws/durable-execution-sdk-js';

export interface OrderInput {
  orderId: string;
  customer: string;
  items: Array<{ sku: string; qty: number; unitPrice: number }>;
}

/** The warehouse API throttles the first reservation of each order (a flaky dependency to retry against). */
const reservationCalls = new Map<string, number>();

async function reserveStock(order: OrderInput): Promise<{ reservationId: string }> {
  const calls = (reservationCalls.get(order.orderId) ?? 0) + 1;
  reservationCalls.set(order.orderId, calls);
  if (calls === 1) {
    throw new Error('Warehouse API throttled the request (429)');
  }
  return Promise.resolve({ reservationId: `res-${order.orderId}` });
}

/** Couriers do not take oversized items (SKU-9xx). */
function bookCourier(orderId: string, sku: string): { sku: string; tracking: string } {
  if (/^SKU-9\d\d$/.test(sku)) {
    throw new Error(`No courier accepts oversized item ${sku}`);
  }
  return { sku, tracking: `1Z-${orderId}-${sku}` };
}

export const handler = withDurableExecution(async (order: OrderInput, context: DurableContext) => {
  const total = await context.step('validate-order', async () => {
    if (order.items.length === 0) {
      throw new Error(`Order ${order.orderId} has no items`);
    }
    return Promise.resolve(order.items.reduce((sum, item) => sum + item.qty * item.unitPrice, 0));
  });
  const reservation = await context.step('reserve-inventory', () => reserveStock(order), {
    retryStrategy: createRetryStrategy({ maxAttempts: 3, initialDelay: { seconds: 5 } }),
  });
  // Customers may still cancel during the cool-off period.
  await context.wait('cool-off', { minutes: 10 });
  const approval = await context.waitForCallback<string>(
    'manager-approval',
    async (callbackId, ctx) => {
      ctx.logger.info(`Approval requested for ${order.orderId}: send the result to callback ${callbackId}`);
      return Promise.resolve();
    },
    { timeout: { hours: 24 } },
  );
  const packed = await context.runInChildContext('pick-and-pack', async (child) => {
    const picked = await child.step('pick-items', async () => Promise.resolve(order.items.map((i) => i.sku)));
    return child.step('pack-box', async () => Promise.resolve({ box: `box-${order.orderId}`, skus: picked }));
  });
  const shipments = await context.map('ship-items', order.items, async (child, item) =>
    child.step('book-courier', async () => Promise.resolve(bookCourier(order.orderId, item.sku)), {
      retryStrategy: createRetryStrategy({ maxAttempts: 2, initialDelay: { seconds: 30 } }),
    }),
  );
  shipments.throwIfError();
  await context.parallel('notify-customer', [
    { name: 'email', func: async (child) => child.step('send-email', async () => Promise.resolve({ to: order.customer, channel: 'email' })) },
    { name: 'sms', func: async (child) => child.step('send-sms', async () => Promise.resolve({ to: order.customer, channel: 'sms' })) },
  ]);
  const payment = await context.invoke<{ orderId: string; amount: number }, { status: string }>('charge-payment', 'payment-processor:$LATEST', {
    orderId: order.orderId,
    amount: total,
  });
  return {
    orderId: order.orderId,
    reservation: reservation.reservationId,
    approval,
    box: packed.box,
    tracking: shipments.getResults().map((s) => s.tracking),
    payment: payment.status,
  };
});
