import { acceptNextToken, maxConsecutiveEmptyPages, type Page, type PageFetcher } from './pagedList';

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
 * rules are PagedList's own (its cycle rule and empty-page limit are imported, not copied); it is a loop of
 * its own only because it asks for the next page while the current one is written, which PagedList's one
 * request in flight does not allow: a token sent before ends the listing, duplicates are dropped, and empty pages with a
 * token are followed, but never more than `maxConsecutiveEmptyPages` in a row (then `stoppedAt` says where).
 * The next page is requested before the current one is handed on, so writing a page overlaps the next
 * request (two pages at most are held); a caller that stops part-way aborts `signal`, which ends that request.
 */
export async function streamPages<T>(options: StreamOptions<T>): Promise<StreamResult> {
  const { fetcher, keyOf, pageSize, signal, onPage } = options;
  const keys = new Set<string>();
  const seenTokens = new Set<string>();
  let token = options.startToken;
  let items = 0;
  let requests = 0;
  let empty = 0;
  const request = (at: string | undefined): Promise<Page<T>> => {
    signal.throwIfAborted();
    requests++;
    const pending = fetcher(at, pageSize, signal);
    // Awaited below; until then a failure must not count as unhandled.
    pending.catch(() => undefined);
    return pending;
  };
  let pending: Promise<Page<T>> | undefined = request(token);
  while (pending) {
    const page: Page<T> = await pending;
    signal.throwIfAborted();
    const fresh: T[] = [];
    for (const item of page.items) {
      const key = keyOf(item);
      if (!keys.has(key)) {
        keys.add(key);
        fresh.push(item);
      }
    }
    token = acceptNextToken(page.nextToken, token, seenTokens).next;
    empty = page.items.length > 0 ? 0 : empty + 1;
    const stopped = token !== undefined && empty >= maxConsecutiveEmptyPages;
    pending = token && !stopped ? request(token) : undefined;
    if (fresh.length > 0) {
      await onPage(fresh);
      items += fresh.length;
    }
    if (stopped) {
      return { items, requests, stoppedAt: token };
    }
  }
  return { items, requests };
}
