/**
 * The one paging engine: tree lists, the details panel's history and the pickers all page through it, so
 * they share its rules. Free of VS Code so it can be unit-tested: items in arrival order, de-duplicated by
 * key, the token for the next page, one request in flight (aborted and ignored after a reset), empty pages
 * with a token skipped but never forever, a token seen before taken as the end (a cycle), and errors that
 * keep what was already loaded and the token that failed (so Retry, or a stale-token check, sees it).
 */

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextToken?: string | undefined;
}

export type PageFetcher<T> = (token: string | undefined, pageSize: number, signal: AbortSignal) => Promise<Page<T>>;

export type ListStatus = 'unloaded' | 'loading' | 'more' | 'done' | 'error';

export interface LoadResult<T> {
  /** Items that were not in the list before this load. */
  readonly added: readonly T[];
  /** False when a refresh or reset overtook the request and its response was dropped. */
  readonly applied: boolean;
}

/** Empty pages that carry a token are skipped automatically, but never forever. */
export const maxConsecutiveEmptyPages = 10;

/**
 * The cycle rule: a token equal to the one sent, or to any returned before, would loop forever, so it is the
 * end (undefined). A new token is added to `seen`. Shared with the export's page stream.
 */
export function acceptNextToken(returned: string | undefined, sent: string | undefined, seen: Set<string>): { next: string | undefined; repeated: boolean } {
  const token = returned || undefined;
  const repeated = token !== undefined && (token === sent || seen.has(token));
  const next = repeated ? undefined : token;
  if (next) {
    seen.add(next);
  }
  return { next, repeated };
}

export interface PagedListOptions<T> {
  /**
   * Called with each page's new items before the next page is asked for (e.g. folding history events into
   * a tree a chunk at a time); the load waits for it.
   */
  readonly onPage?: (added: readonly T[]) => void | Promise<void>;
  /**
   * False for a list whose owner keeps what it needs from `onPage` (a 10,000-event history folded into rows):
   * only the keys are kept, for de-duplication, so the items themselves can be collected.
   */
  readonly keepItems?: boolean;
}

export interface LoadUpToOptions {
  /** The API's page-size range, applied to every request. */
  readonly clampPageSize: (size: number) => number;
  /** The largest page asked for (default: the list's page size); the last page asks only for what is missing. */
  readonly pageSize?: number;
  readonly onProgress?: (loaded: number) => void;
  readonly isCancelled?: () => boolean;
  /** Aborts the request in flight (e.g. the panel closed). */
  readonly signal?: AbortSignal;
}

export class PagedList<T> {
  /** Items in arrival order, and where each key sits in it: appending a page never copies the list. */
  private readonly ordered: T[] = [];
  private readonly indexByKey = new Map<string, number>();
  private token: string | undefined;
  private status: ListStatus = 'unloaded';
  private lastError: unknown;
  private inFlight: Promise<LoadResult<T>> | undefined;
  private controller: AbortController | undefined;
  private generation = 0;
  private requests = 0;
  /** Tokens the service returned since the last reset: one coming back again is a cycle (A→B→A), the end. */
  private readonly seenTokens = new Set<string>();
  /** The token the last page was asked with (undefined for the first): where a growing list grows. */
  private lastAsked: string | undefined;
  private cycle = false;

  constructor(
    private readonly fetcher: PageFetcher<T>,
    private readonly keyOf: (item: T) => string,
    private readonly pageSize: number,
    private readonly options: PagedListOptions<T> = {},
  ) {}

  /** A copy, for callers that keep it. */
  get items(): T[] {
    return [...this.ordered];
  }
  /** The live list, not copied: read it, never keep or change it. */
  get view(): readonly T[] {
    return this.ordered;
  }
  get size(): number {
    return this.ordered.length;
  }
  get state(): ListStatus {
    return this.status;
  }
  get error(): unknown {
    return this.lastError;
  }
  /** The token the next page will be asked with (also the one a failed page is retried with). */
  get nextToken(): string | undefined {
    return this.token;
  }
  get hasMore(): boolean {
    return this.status !== 'done';
  }
  get loading(): boolean {
    return this.inFlight !== undefined;
  }
  /** True when paging ended because the service returned a token it had returned before. */
  get endedOnCycle(): boolean {
    return this.cycle;
  }
  /** Requests sent since the last reset; the benchmark and tests read it. */
  get requestCount(): number {
    return this.requests;
  }
  get(key: string): T | undefined {
    const index = this.indexByKey.get(key);
    return index === undefined || index < 0 ? undefined : this.ordered[index];
  }

  /** Replaces an item in place (e.g. a status refresh) without touching paging state. */
  update(item: T): boolean {
    const index = this.indexByKey.get(this.keyOf(item));
    if (index === undefined || index < 0) {
      return false;
    }
    this.ordered[index] = item;
    return true;
  }

  /**
   * Replaces the item with the same key in place, or, when the list has none, puts it first (e.g. an item
   * the user just created, shown before pages of older ones). Paging state and tokens are untouched: if a
   * later page brings the same key, it replaces this item where it stands.
   */
  upsert(item: T): 'updated' | 'inserted' {
    if (this.update(item)) {
      return 'updated';
    }
    this.ordered.unshift(item);
    // Every kept item moves down by one (keys seen but not kept stay at -1). Rare: one user action.
    for (const [key, index] of this.indexByKey) {
      if (index >= 0) {
        this.indexByKey.set(key, index + 1);
      }
    }
    this.indexByKey.set(this.keyOf(item), 0);
    return 'inserted';
  }

  /**
   * Loads one page (more only while pages come back empty with a token). Every caller during a load
   * gets the same promise, so double clicks and concurrent `getChildren` calls send one request.
   * `signal` aborts the request too (the caller went away); the failed token stays current.
   */
  loadNext(pageSize = this.pageSize, signal?: AbortSignal): Promise<LoadResult<T>> {
    if (this.inFlight) {
      return this.inFlight;
    }
    if (this.status === 'done') {
      return Promise.resolve({ added: [], applied: true });
    }
    return this.run(this.token, pageSize, signal, false);
  }

  /**
   * For a list read to its end that may still grow (a running execution's history): asks the last page
   * again, keeps the items not loaded yet, and resumes paging when the answer carries a token not seen
   * before. One request; rejects when it fails, leaving the list complete as it was.
   */
  async rereadLast(pageSize = this.pageSize, signal?: AbortSignal): Promise<LoadResult<T>> {
    if (this.inFlight || this.status !== 'done' || this.cycle) {
      return { added: [], applied: false };
    }
    const result = await this.run(this.lastAsked, pageSize, signal, true);
    if (this.state === 'error') {
      this.status = 'done';
      throw this.lastError;
    }
    return result;
  }

  /**
   * boto3's MaxItems: pages until `maxItems` more items arrived, asking the last page for only what is
   * still missing (clamped by the caller's page-size range).
   */
  async loadUpTo(maxItems: number, options: LoadUpToOptions): Promise<number> {
    let loaded = 0;
    const largest = options.pageSize ?? this.pageSize;
    while (loaded < maxItems && this.hasMore && !options.isCancelled?.() && !options.signal?.aborted) {
      const result = await this.loadNext(options.clampPageSize(Math.min(largest, maxItems - loaded)), options.signal);
      if (!result.applied || this.status === 'error') {
        break;
      }
      loaded += result.added.length;
      options.onProgress?.(loaded);
    }
    return loaded;
  }

  /**
   * Drops items and tokens; a response still on its way is aborted and ignored. A start token resumes
   * listing from there (boto3's StartingToken).
   */
  reset(startToken?: string): void {
    this.generation++;
    this.controller?.abort();
    this.controller = undefined;
    this.inFlight = undefined;
    this.ordered.length = 0;
    this.indexByKey.clear();
    this.token = startToken;
    this.status = 'unloaded';
    this.lastError = undefined;
    this.requests = 0;
    this.seenTokens.clear();
    this.lastAsked = undefined;
    this.cycle = false;
  }

  private run(start: string | undefined, pageSize: number, signal: AbortSignal | undefined, reread: boolean): Promise<LoadResult<T>> {
    const generation = this.generation;
    const controller = new AbortController();
    const requestSignal = signal ? AbortSignal.any([controller.signal, signal]) : controller.signal;
    this.controller = controller;
    this.status = 'loading';
    const run = async (): Promise<LoadResult<T>> => {
      const added: T[] = [];
      let token = start;
      try {
        for (let empty = 0; ;) {
          this.requests++;
          const page = await this.fetcher(token, pageSize, requestSignal);
          if (generation !== this.generation) {
            return { added: [], applied: false };
          }
          const fresh = this.merge(page.items);
          added.push(...fresh);
          if (this.options.onPage) {
            await this.options.onPage(fresh);
            if (generation !== this.generation) {
              return { added: [], applied: false };
            }
          }
          // A re-read last page repeats its token while the list has not grown, which is no cycle.
          const { next, repeated } = acceptNextToken(page.nextToken, token, this.seenTokens);
          this.cycle = repeated && !reread;
          this.lastAsked = token;
          token = next;
          this.token = next;
          if (!next || reread || page.items.length > 0 || ++empty >= maxConsecutiveEmptyPages) {
            break;
          }
        }
        this.status = token ? 'more' : 'done';
        this.lastError = undefined;
        return { added, applied: true };
      } catch (error) {
        if (generation !== this.generation) {
          return { added: [], applied: false };
        }
        // The failed token stays current so Retry asks for the same page again.
        this.status = 'error';
        this.lastError = error;
        return { added, applied: true };
      } finally {
        if (generation === this.generation) {
          this.inFlight = undefined;
          this.controller = undefined;
        }
      }
    };
    this.inFlight = run();
    return this.inFlight;
  }

  /** Appends the items not loaded yet and replaces the ones that were (a newer copy); returns the new ones. */
  private merge(items: readonly T[]): T[] {
    const added: T[] = [];
    for (const item of items) {
      const key = this.keyOf(item);
      const index = this.indexByKey.get(key);
      if (index === undefined) {
        if (this.options.keepItems === false) {
          this.indexByKey.set(key, -1);
        } else {
          this.indexByKey.set(key, this.ordered.length);
          this.ordered.push(item);
        }
        added.push(item);
      } else if (index >= 0) {
        this.ordered[index] = item;
      }
    }
    return added;
  }
}
