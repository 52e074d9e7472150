// Retrying assertions: the UI settles asynchronously (extension host → renderer → DOM), so a check is
// repeated until it holds or its time is up, and then fails with the last observed difference. This is
// the only waiting the scenarios do; nothing sleeps for a fixed time.

/** Long enough for a page of emulator data to reach the screen on a busy 2-core machine. */
export const defaultTimeoutMs = 15_000;

export interface EventuallyOptions {
  timeoutMs?: number;
  /** Pause between attempts (polling, not a fixed wait: the check runs again at once when it passes). */
  intervalMs?: number;
}

/** Runs `attempt` until it resolves; rethrows its last error (with the time waited) after the timeout. */
export async function eventually<T>(attempt: () => Promise<T>, options: EventuallyOptions = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 150));
  }
  if (lastError instanceof Error) {
    const message = `still failing after ${(timeoutMs / 1000).toFixed(0)} s: ${lastError.message}`;
    lastError.stack = lastError.stack?.replace(lastError.message, message);
    lastError.message = message;
    throw lastError;
  }
  throw new Error(`still failing after ${(timeoutMs / 1000).toFixed(0)} s: ${String(lastError)}`);
}
