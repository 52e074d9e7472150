/**
 * The paging state of one list, free of VS Code so it can be unit-tested: items in arrival order,
 * de-duplicated by key, the token for the next page, one request in flight, and errors that keep what
 * was already loaded.
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
 * The token to ask the next page with, or undefined at the end: a token equal to the one sent, or to any
 * returned before (a cycle A→B→A), would loop forever, so it counts as the end. Records the token in `seen`.
 */
export function acceptNextToken(page: Page<unknown>, sent: string | undefined, seen: Set<string>): string | undefined {
  const next = page.nextToken && page.nextToken !== sent && !seen.has(page.nextToken) ? page.nextToken : undefined;
  if (next) {
    seen.add(next);
  }
  return next;
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

  constructor(
    private readonly fetcher: PageFetcher<T>,
    private readonly keyOf: (item: T) => string,
    private readonly pageSize: number,
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
  /** Requests sent since the last reset; the benchmark and tests read it. */
  get requestCount(): number {
    return this.requests;
  }
  get(key: string): T | undefined {
    const index = this.indexByKey.get(key);
    return index === undefined ? undefined : this.ordered[index];
  }

  /** Replaces an item in place (e.g. a status refresh) without touching paging state. */
  update(item: T): boolean {
    const index = this.indexByKey.get(this.keyOf(item));
    if (index === undefined) {
      return false;
    }
    this.ordered[index] = item;
    return true;
  }

  /**
   * Loads one page (more only while pages come back empty with a token). Every caller during a load
   * gets the same promise, so double clicks and concurrent `getChildren` calls send one request.
   */
  loadNext(pageSize = this.pageSize): Promise<LoadResult<T>> {
    if (this.inFlight) {
      return this.inFlight;
    }
    if (this.status === 'done') {
      return Promise.resolve({ added: [], applied: true });
    }
    const generation = this.generation;
    const controller = new AbortController();
    this.controller = controller;
    this.status = 'loading';
    const run = async (): Promise<LoadResult<T>> => {
      const added: T[] = [];
      let token = this.token;
      try {
        for (let empty = 0; ; ) {
          this.requests++;
          const page = await this.fetcher(token, pageSize, controller.signal);
          if (generation !== this.generation) {
            return { added: [], applied: false };
          }
          for (const item of page.items) {
            const key = this.keyOf(item);
            const index = this.indexByKey.get(key);
            if (index === undefined) {
              this.indexByKey.set(key, this.ordered.length);
              this.ordered.push(item);
              added.push(item);
            } else {
              this.ordered[index] = item;
            }
          }
          const next = acceptNextToken(page, token, this.seenTokens);
          token = next;
          this.token = next;
          if (!next || page.items.length > 0 || ++empty >= maxConsecutiveEmptyPages) {
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

  /**
   * boto3's MaxItems: pages until `maxItems` more items arrived, asking the last page for only what is
   * still missing (clamped by the caller's page-size range).
   */
  async loadUpTo(
    maxItems: number,
    clampPageSize: (size: number) => number,
    onProgress?: (loaded: number) => void,
    isCancelled?: () => boolean,
  ): Promise<number> {
    let loaded = 0;
    while (loaded < maxItems && this.hasMore && !isCancelled?.()) {
      const result = await this.loadNext(clampPageSize(Math.min(this.pageSize, maxItems - loaded)));
      if (!result.applied || this.status === 'error') {
        break;
      }
      loaded += result.added.length;
      onProgress?.(loaded);
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
  }
}
