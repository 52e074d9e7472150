/** Payment saga: authorize, capture, record; a failed capture voids the authorization before failing. */
import { withDurableExecution, type DurableContext } from '@aws/durable-execution-sdk-js';

export interface PaymentInput {
  orderId: string;
  amount: number;
}

/** The card network declines captures above this amount. */
const CAPTURE_LIMIT = 5_000;

class CaptureDeclinedError extends Error {
  override name = 'CaptureDeclinedError';
}

export const handler = withDurableExecution(async (payment: PaymentInput, context: DurableContext) => {
  const authorization = await context.step('authorize-card', async () =>
    Promise.resolve({ authorizationId: `auth-${payment.orderId}`, amount: payment.amount }),
  );
  try {
    await context.step(
      'capture-funds',
      async () => {
        if (payment.amount > CAPTURE_LIMIT) {
          throw new CaptureDeclinedError(`Capture of ${payment.amount} declined for ${payment.orderId}: over the card limit`);
        }
        return Promise.resolve({ captured: payment.amount });
      },
      { retryStrategy: () => ({ shouldRetry: false }) },
    );
  } catch (error) {
    await context.runInChildContext('compensate', async (child) => {
      await child.step('void-authorization', async () => Promise.resolve({ voided: authorization.authorizationId }));
      await child.step('notify-finance', async () => Promise.resolve({ notified: true }));
    });
    throw error;
  }
  await context.step('record-ledger', async () => Promise.resolve({ entry: `ledger-${payment.orderId}` }));
  return { orderId: payment.orderId, status: 'CAPTURED' };
});
