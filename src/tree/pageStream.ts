import { acceptNextToken, maxConsecutiveEmptyPages, type PageFetcher } from './pagedList';

export interface StreamOptions<T> {
  readonly fetcher: PageFetcher<T>;
  /** Identity for de-duplication, as the list's (an item shifted onto the next page is written once). */
  readonly keyOf: (item: T) => string;
  readonly pageSize: number;
  /** Where the list starts (a resumed list starts at its token). */
  readonly startToken?: string | undefined;
  readonly signal: AbortSignal;
  /** Gets each page's new items, awaited before the next page is asked for (so a slow disk slows the paging). */
  readonly onPage: (items: readonly T[]) => Promise<void> | void;
}

export interface StreamResult {
  readonly items: number;
  readonly requests: number;
  /** Set when the stream stopped before the end: the token the next page would have been asked with. */
  readonly stoppedAt?: string | undefined;
}

/**
 * Every page of a list from its start to its end, each handed on and then dropped, so memory stays flat however
 * long the list: only the keys (for de-duplication) and the tokens seen (for the cycle rule) are kept. The
 * rules are PagedList's: a token sent before ends the listing, duplicates are dropped, and empty pages with a
 * token are followed, but never more than `maxConsecutiveEmptyPages` in a row (then `stoppedAt` says where).
 */
export async function streamPages<T>(options: StreamOptions<T>): Promise<StreamResult> {
  const { fetcher, keyOf, pageSize, signal, onPage } = options;
  const keys = new Set<string>();
  const seenTokens = new Set<string>();
  let token = options.startToken;
  let items = 0;
  let requests = 0;
  let empty = 0;
  for (;;) {
    signal.throwIfAborted();
    requests++;
    const page = await fetcher(token, pageSize, signal);
    const fresh: T[] = [];
    for (const item of page.items) {
      const key = keyOf(item);
      if (!keys.has(key)) {
        keys.add(key);
        fresh.push(item);
      }
    }
    if (fresh.length > 0) {
      signal.throwIfAborted();
      await onPage(fresh);
      items += fresh.length;
    }
    token = acceptNextToken(page, token, seenTokens);
    if (!token) {
      return { items, requests };
    }
    empty = page.items.length > 0 ? 0 : empty + 1;
    if (empty >= maxConsecutiveEmptyPages) {
      return { items, requests, stoppedAt: token };
    }
  }
}
