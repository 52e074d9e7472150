/**
 * Polling with backoff for actions that finish on AWS's side later (a backup being created, a table being
 * restored): short first delay, doubling up to a cap, stopped by a signal. Free of VS Code for unit tests.
 */

export interface PollOptions<T> {
  /** One read of the state (e.g. DescribeBackup). Errors end the polling and are thrown to the caller. */
  read(signal: AbortSignal): Promise<T>;
  /** True for a final state: polling stops and returns it. */
  done(value: T): boolean;
  /** Each value read, final or not (e.g. to update a row). */
  onValue?(value: T): void;
  /** Stops polling (undefined is returned); a read in flight is aborted. */
  readonly signal: AbortSignal;
  /** Waits until polling may go on (e.g. while the view is hidden); default: always at once. */
  whenAllowed?(): Promise<void>;
  readonly firstDelayMs?: number;
  readonly maxDelayMs?: number;
}

export function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve();
      return;
    }
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

/** Reads until `done` (returns the final value) or until the signal aborts (returns undefined). */
export async function pollUntil<T>(options: PollOptions<T>): Promise<T | undefined> {
  const { signal } = options;
  let wait = options.firstDelayMs ?? 1000;
  const max = options.maxDelayMs ?? 30_000;
  for (;;) {
    await delay(wait, signal);
    if (signal.aborted) {
      return undefined;
    }
    await options.whenAllowed?.();
    if (signal.aborted) {
      return undefined;
    }
    const value = await options.read(signal);
    if (signal.aborted) {
      return undefined;
    }
    options.onValue?.(value);
    if (options.done(value)) {
      return value;
    }
    wait = Math.min(max, wait * 2);
  }
}
