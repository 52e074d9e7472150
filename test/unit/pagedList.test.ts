import * as assert from 'node:assert/strict';
import { PagedList, type Page } from '../../src/tree/pagedList';

interface Item {
  arn: string;
  v?: number;
}

/** A fake API: pages keyed by token; records every request. */
function fakeApi(pages: Record<string, Page<Item>>, opts: { failOn?: Set<string>; delayMs?: number } = {}) {
  const calls: { token: string | undefined; size: number; signal: AbortSignal }[] = [];
  const fetcher = async (token: string | undefined, size: number, signal: AbortSignal): Promise<Page<Item>> => {
    calls.push({ token, size, signal });
    if (opts.delayMs) {
      await new Promise((r) => setTimeout(r, opts.delayMs));
    }
    const key = token ?? '';
    if (opts.failOn?.has(key)) {
      opts.failOn.delete(key);
      throw Object.assign(new Error('slow down'), { name: 'ThrottlingException' });
    }
    const page = pages[key];
    if (!page) {
      throw new Error(`unknown token ${key}`);
    }
    return page;
  };
  return { calls, fetcher };
}

const items = (...arns: string[]): Item[] => arns.map((arn) => ({ arn }));

describe('PagedList', () => {
  it('loads nothing until asked, then one page per call following the token', async () => {
    const api = fakeApi({ '': { items: items('a', 'b'), nextToken: 't1' }, t1: { items: items('c') } });
    const list = new PagedList(api.fetcher, (i) => i.arn, 2);
    assert.equal(api.calls.length, 0);
    assert.equal(list.state, 'unloaded');
    await list.loadNext();
    assert.deepEqual(
      list.items.map((i) => i.arn),
      ['a', 'b'],
    );
    assert.equal(list.state, 'more');
    assert.equal(list.nextToken, 't1');
    await list.loadNext();
    assert.deepEqual(
      api.calls.map((c) => c.token),
      [undefined, 't1'],
    );
    assert.deepEqual(
      list.items.map((i) => i.arn),
      ['a', 'b', 'c'],
    );
    assert.equal(list.state, 'done');
    assert.equal(list.hasMore, false);
    await list.loadNext();
    assert.equal(api.calls.length, 2, 'no request once the list is done');
  });

  it('shares one request between concurrent callers', async () => {
    const api = fakeApi({ '': { items: items('a'), nextToken: 't1' }, t1: { items: items('b') } }, { delayMs: 10 });
    const list = new PagedList(api.fetcher, (i) => i.arn, 1);
    const results = await Promise.all([list.loadNext(), list.loadNext(), list.loadNext()]);
    assert.equal(api.calls.length, 1);
    assert.equal(results[0], results[1]);
    assert.deepEqual(
      list.items.map((i) => i.arn),
      ['a'],
    );
  });

  it('de-duplicates by key across pages and updates the stored item', async () => {
    const api = fakeApi({ '': { items: [{ arn: 'a', v: 1 }, { arn: 'b' }], nextToken: 't1' }, t1: { items: [{ arn: 'a', v: 2 }, { arn: 'c' }] } });
    const list = new PagedList(api.fetcher, (i) => i.arn, 2);
    await list.loadNext();
    const second = await list.loadNext();
    assert.deepEqual(
      list.items.map((i) => i.arn),
      ['a', 'b', 'c'],
    );
    assert.deepEqual(
      second.added.map((i) => i.arn),
      ['c'],
    );
    assert.equal(list.get('a')?.v, 2);
  });

  it('upsert puts a new item first, replaces a known one in place, and keeps paging where it was', async () => {
    const api = fakeApi({ '': { items: items('a', 'b'), nextToken: 't1' }, t1: { items: [{ arn: 'n', v: 9 }, { arn: 'c' }] } });
    const list = new PagedList(api.fetcher, (i) => i.arn, 2);
    await list.loadNext();
    assert.equal(list.upsert({ arn: 'n', v: 1 }), 'inserted');
    assert.deepEqual(
      list.items.map((i) => i.arn),
      ['n', 'a', 'b'],
    );
    assert.equal(list.upsert({ arn: 'a', v: 5 }), 'updated');
    assert.deepEqual(
      list.items.map((i) => i.arn),
      ['n', 'a', 'b'],
    );
    assert.equal(list.get('a')?.v, 5);
    assert.equal(list.state, 'more');
    assert.equal(list.nextToken, 't1');
    await list.loadNext();
    assert.deepEqual(
      list.items.map((i) => i.arn),
      ['n', 'a', 'b', 'c'],
      'the new item coming in a later page is not listed twice',
    );
    assert.equal(list.get('n')?.v, 9);
    assert.equal(api.calls.length, 2);
  });

  it('keeps loaded items on failure and retries the same token', async () => {
    const api = fakeApi(
      { '': { items: items('a'), nextToken: 't1' }, t1: { items: items('b'), nextToken: 't2' }, t2: { items: items('c') } },
      { failOn: new Set(['t2']) },
    );
    const list = new PagedList(api.fetcher, (i) => i.arn, 1);
    await list.loadNext();
    await list.loadNext();
    await list.loadNext();
    assert.equal(list.state, 'error');
    assert.equal((list.error as Error).name, 'ThrottlingException');
    assert.deepEqual(
      list.items.map((i) => i.arn),
      ['a', 'b'],
    );
    assert.equal(list.nextToken, 't2');
    await list.loadNext();
    assert.deepEqual(
      api.calls.map((c) => c.token),
      [undefined, 't1', 't2', 't2'],
    );
    assert.deepEqual(
      list.items.map((i) => i.arn),
      ['a', 'b', 'c'],
    );
    assert.equal(list.state, 'done');
  });

  it('keeps going through empty pages that still carry a token', async () => {
    const api = fakeApi({
      '': { items: [], nextToken: 't1' },
      t1: { items: [], nextToken: 't2' },
      t2: { items: items('a'), nextToken: 't3' },
      t3: { items: [] },
    });
    const list = new PagedList(api.fetcher, (i) => i.arn, 5);
    await list.loadNext();
    assert.deepEqual(
      list.items.map((i) => i.arn),
      ['a'],
    );
    assert.equal(api.calls.length, 3);
    assert.equal(list.state, 'more');
    await list.loadNext();
    assert.equal(list.state, 'done');
  });

  it('stops when the API returns the token it was sent', async () => {
    const api = fakeApi({ '': { items: items('a'), nextToken: 't1' }, t1: { items: [], nextToken: 't1' } });
    const list = new PagedList(api.fetcher, (i) => i.arn, 5);
    await list.loadNext();
    await list.loadNext();
    assert.equal(list.state, 'done');
    assert.equal(api.calls.length, 2);
  });

  it('stops at a token cycle A→B→A', async () => {
    const api = fakeApi({
      '': { items: [{ arn: '1' }], nextToken: 'A' },
      A: { items: [{ arn: '2' }], nextToken: 'B' },
      B: { items: [{ arn: '3' }], nextToken: 'A' },
    });
    const list = new PagedList(api.fetcher, (i) => i.arn, 10);
    await list.loadUpTo(100, { clampPageSize: (n) => n });
    assert.deepEqual(
      api.calls.map((c) => c.token),
      [undefined, 'A', 'B'],
    );
    assert.equal(list.state, 'done');
    assert.equal(list.endedOnCycle, true, 'the panel says paging stopped on a repeated marker');
  });

  it('gives up on empty pages with a token after ten in a row, and goes on from there when asked', async () => {
    const pages: Record<string, Page<Item>> = {};
    for (let i = 0; i < 15; i++) {
      pages[i === 0 ? '' : `t${i}`] = { items: [], nextToken: `t${i + 1}` };
    }
    pages.t15 = { items: items('late') };
    const api = fakeApi(pages);
    const list = new PagedList(api.fetcher, (i) => i.arn, 5);
    await list.loadNext();
    assert.equal(api.calls.length, 10);
    assert.equal(list.state, 'more');
    assert.equal(list.nextToken, 't10');
    await list.loadNext();
    assert.deepEqual(
      list.items.map((i) => i.arn),
      ['late'],
    );
    assert.equal(list.state, 'done');
    assert.equal(list.endedOnCycle, false);
  });

  it("aborts the request when the caller's signal aborts, keeping the token for a retry", async () => {
    const tokens: (string | undefined)[] = [];
    const fetcher = (token: string | undefined, _size: number, signal: AbortSignal): Promise<Page<Item>> => {
      tokens.push(token);
      if (token === undefined) {
        return Promise.resolve({ items: items('a'), nextToken: 't1' });
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => resolve({ items: items('b') }), 50);
        signal.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(Object.assign(new Error('aborted'), { name: 'AbortError' }));
        });
      });
    };
    const list = new PagedList(fetcher, (i) => i.arn, 5);
    await list.loadNext();
    const caller = new AbortController();
    const pending = list.loadNext(5, caller.signal);
    caller.abort();
    await pending;
    assert.equal(list.state, 'error');
    assert.equal(list.nextToken, 't1');
    await list.loadNext();
    assert.deepEqual(tokens, [undefined, 't1', 't1']);
    assert.deepEqual(
      list.items.map((i) => i.arn),
      ['a', 'b'],
    );
  });

  it("hands each page's new items to onPage before asking for the next page", async () => {
    const api = fakeApi({ '': { items: items('a', 'b'), nextToken: 't1' }, t1: { items: items('b', 'c') } });
    const seen: string[][] = [];
    const list = new PagedList(api.fetcher, (i) => i.arn, 2, {
      onPage: async (added) => {
        seen.push(added.map((i) => i.arn));
        await new Promise((r) => setImmediate(r));
        assert.equal(api.calls.length, seen.length, 'no request while a page is being folded in');
      },
    });
    await list.loadUpTo(10, { clampPageSize: (n) => n });
    assert.deepEqual(seen, [['a', 'b'], ['c']], 'a repeated item is not handed on twice');
  });

  it('keeps only the keys when told to, still handing on each new item once', async () => {
    const api = fakeApi({ '': { items: items('a', 'b'), nextToken: 't1' }, t1: { items: items('b', 'c') } });
    const handed: string[] = [];
    const list = new PagedList(api.fetcher, (i) => i.arn, 2, { keepItems: false, onPage: (added) => void handed.push(...added.map((i) => i.arn)) });
    await list.loadUpTo(10, { clampPageSize: (n) => n });
    assert.deepEqual(handed, ['a', 'b', 'c']);
    assert.equal(list.size, 0);
    assert.equal(list.get('a'), undefined);
    assert.equal(list.update({ arn: 'a', v: 2 }), false);
  });

  it('re-reads the last page of a finished list for new items, and resumes on a new token', async () => {
    const pages: Record<string, Page<Item>> = { '': { items: items('a'), nextToken: 't1' }, t1: { items: items('b') } };
    const api = fakeApi(pages);
    const list = new PagedList(api.fetcher, (i) => i.arn, 5);
    await list.loadUpTo(10, { clampPageSize: (n) => n });
    assert.equal(list.state, 'done');
    const nothingNew = await list.rereadLast();
    assert.deepEqual(nothingNew.added, []);
    assert.equal(list.state, 'done');
    pages.t1 = { items: items('b', 'c'), nextToken: 't2' };
    pages.t2 = { items: items('d') };
    const grown = await list.rereadLast();
    assert.deepEqual(
      grown.added.map((i) => i.arn),
      ['c'],
    );
    assert.equal(list.state, 'more');
    await list.loadNext();
    assert.deepEqual(
      list.items.map((i) => i.arn),
      ['a', 'b', 'c', 'd'],
    );
    assert.deepEqual(
      api.calls.map((c) => c.token),
      [undefined, 't1', 't1', 't1', 't2'],
    );
  });

  it('a failed re-read rejects and leaves the list finished', async () => {
    let fail = false;
    const list = new PagedList(
      (): Promise<Page<Item>> => (fail ? Promise.reject(new Error('offline')) : Promise.resolve({ items: items('a') })),
      (i) => i.arn,
      5,
    );
    await list.loadNext();
    fail = true;
    await assert.rejects(list.rereadLast(), /offline/);
    assert.equal(list.state, 'done');
    assert.deepEqual(
      list.items.map((i) => i.arn),
      ['a'],
    );
  });

  it('drops a response that arrives after a reset, and aborts it', async () => {
    const api = fakeApi({ '': { items: items('stale'), nextToken: 't1' } }, { delayMs: 20 });
    const list = new PagedList(api.fetcher, (i) => i.arn, 5);
    const pending = list.loadNext();
    list.reset();
    assert.equal(api.calls[0]?.signal.aborted, true);
    const result = await pending;
    assert.equal(result.applied, false);
    assert.equal(list.size, 0);
    assert.equal(list.state, 'unloaded');
  });

  it('resumes from a starting token after reset', async () => {
    const api = fakeApi({ t5: { items: items('x') } });
    const list = new PagedList(api.fetcher, (i) => i.arn, 5);
    list.reset('t5');
    await list.loadNext();
    assert.deepEqual(
      api.calls.map((c) => c.token),
      ['t5'],
    );
    assert.deepEqual(
      list.items.map((i) => i.arn),
      ['x'],
    );
  });

  it('loadUpTo asks only for what is missing on the last page (MaxItems)', async () => {
    const pages: Record<string, Page<Item>> = {};
    let n = 0;
    const fetcher = (token: string | undefined, size: number): Promise<Page<Item>> => {
      const start = token ? Number(token) : 0;
      const page = { items: Array.from({ length: size }, (_, i) => ({ arn: `i${start + i}` })), nextToken: String(start + size) };
      pages[String(n++)] = page;
      return Promise.resolve(page);
    };
    const list = new PagedList(fetcher, (i) => i.arn, 100);
    const progress: number[] = [];
    const loaded = await list.loadUpTo(250, { clampPageSize: (s) => Math.max(1, Math.min(100, s)), onProgress: (x) => progress.push(x) });
    assert.equal(loaded, 250);
    assert.equal(list.size, 250);
    assert.deepEqual(progress, [100, 200, 250]);
  });

  it('loadUpTo stops when cancelled', async () => {
    const fetcher = (token: string | undefined, size: number): Promise<Page<Item>> => {
      const start = token ? Number(token) : 0;
      return Promise.resolve({ items: Array.from({ length: size }, (_, i) => ({ arn: `i${start + i}` })), nextToken: String(start + size) });
    };
    const list = new PagedList(fetcher, (i) => i.arn, 10);
    let calls = 0;
    const loaded = await list.loadUpTo(1000, { clampPageSize: (s) => s, onProgress: () => calls++, isCancelled: () => calls >= 2 });
    assert.equal(loaded, 20);
  });
});

describe('PagedList.upsert', () => {
  it('puts a new item first, replaces a known one in place, and a later page with the same key replaces it where it stands', async () => {
    const api = fakeApi({ '': { items: items('a', 'b'), nextToken: 't1' }, t1: { items: [{ arn: 'c' }, { arn: 'n', v: 2 }] } });
    const list = new PagedList(api.fetcher, (i) => i.arn, 2);
    await list.loadNext();
    assert.equal(list.upsert({ arn: 'n', v: 1 }), 'inserted');
    assert.deepEqual(
      list.items.map((i) => i.arn),
      ['n', 'a', 'b'],
    );
    assert.equal(list.upsert({ arn: 'b', v: 5 }), 'updated');
    assert.deepEqual(
      list.items.map((i) => [i.arn, i.v]),
      [
        ['n', 1],
        ['a', undefined],
        ['b', 5],
      ],
    );
    assert.equal(list.get('a')?.arn, 'a', 'keys still find their items after the shift');
    assert.equal(list.nextToken, 't1', 'paging state untouched');
    await list.loadNext();
    assert.deepEqual(
      list.items.map((i) => [i.arn, i.v]),
      [
        ['n', 2],
        ['a', undefined],
        ['b', 5],
        ['c', undefined],
      ],
    );
    assert.equal(api.calls.length, 2);
  });
});
