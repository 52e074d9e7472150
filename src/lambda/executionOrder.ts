/**
 * Which way `ReverseOrder` works. AWS documents disagree (aws-apis.md §7: one page says `true` = newest first,
 * the current model says `true` = oldest first), so the first page of every listing is checked against its
 * StartTimestamps: when the service returned the opposite of what was asked, the flag is flipped once, the
 * page asked again, and the flip remembered for that endpoint. Pure (no VS Code).
 */
import type { ExecutionOrder } from './filters';

/** The order a page is in, from its first and last valid StartTimestamp; undefined when it cannot tell. */
export function observedOrder(items: readonly { readonly StartTimestamp?: Date | undefined }[]): ExecutionOrder | undefined {
  const times = items.map((item) => item.StartTimestamp?.getTime()).filter((t): t is number => t !== undefined && !Number.isNaN(t));
  if (times.length < 2 || times[0] === times[times.length - 1]) {
    return undefined;
  }
  return times[0] > times[times.length - 1] ? 'newest' : 'oldest';
}

export interface FlipStore {
  /** Endpoints where the service read `ReverseOrder` the other way round. */
  get(): readonly string[];
  set(endpoints: readonly string[]): void;
}

export class ExecutionOrderSemantics {
  private readonly flipped: Set<string>;

  constructor(private readonly store?: FlipStore) {
    this.flipped = new Set(store?.get() ?? []);
  }

  isFlipped(endpoint: string): boolean {
    return this.flipped.has(endpoint);
  }

  /** The `ReverseOrder` value that asks this endpoint for `order` (undefined = the parameter is left out). */
  reverseOrder(endpoint: string, order: ExecutionOrder): boolean | undefined {
    const oldestMeansTrue = !this.flipped.has(endpoint);
    if (order === 'oldest') {
      return oldestMeansTrue ? true : false;
    }
    return oldestMeansTrue ? undefined : true;
  }

  /** Records that this endpoint answered the other way round from what we believed. */
  flip(endpoint: string): void {
    if (!this.flipped.delete(endpoint)) {
      this.flipped.add(endpoint);
    }
    this.store?.set([...this.flipped]);
  }
}

/**
 * Fetches a first page in `wanted` order: asks, checks the timestamps, and flips the flag at most once. Later
 * pages (with a marker) are asked with the same flag. `shown` is the order of the page returned.
 */
export async function fetchInOrder<P extends { readonly items: readonly { readonly StartTimestamp?: Date | undefined }[] }>(
  semantics: ExecutionOrderSemantics,
  endpoint: string,
  wanted: ExecutionOrder,
  firstPage: boolean,
  fetchPage: (reverseOrder: boolean | undefined) => Promise<P>,
): Promise<{ page: P; shown: ExecutionOrder }> {
  const page = await fetchPage(semantics.reverseOrder(endpoint, wanted));
  const seen = firstPage ? observedOrder(page.items) : undefined;
  if (!seen || seen === wanted) {
    return { page, shown: wanted };
  }
  semantics.flip(endpoint);
  const again = await fetchPage(semantics.reverseOrder(endpoint, wanted));
  return { page: again, shown: observedOrder(again.items) ?? wanted };
}
