// The details panel's state machine without VS Code: what the page is told (loading, render, error) for
// load, refresh, load more, header actions, auto refresh (fake timers) and the freeze after a connection switch.
import * as assert from 'node:assert/strict';
import { mock } from 'node:test';
import type { DetailSource } from '../../src/webview/detailSource';
import { PanelLoader, type LoaderOutput } from '../../src/webview/panelLoader';
import type { PanelDocument } from '../../src/shared/protocol';

function documentOf(title: string, extra: Partial<PanelDocument> = {}): PanelDocument {
  return {
    title,
    actions: [{ id: 'stop', label: 'Stop' }],
    blocks: [{ kind: 'pager', id: 'history', text: `${title} pager`, canLoadMore: true, loading: false }],
    ...extra,
  };
}

/** A promise the test settles by hand, to hold a load in flight. */
function deferred<T>(): { promise: Promise<T>; resolve(value: T): void; reject(error: unknown): void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets the microtasks of settled fakes run. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

interface Recorded {
  events: string[];
  output: LoaderOutput;
}

function recorder(get: () => PanelLoader): Recorded {
  const events: string[] = [];
  return {
    events,
    output: {
      loading: (text) => events.push(`loading ${text}`),
      render: (resync) => events.push(`render ${get().document?.title ?? '?'}${resync ? ' resync' : ''}`),
      failed: (message) => events.push(`failed ${message}`),
      loaded: () => events.push('loaded'),
      actionFailed: (text) => events.push(`actionFailed ${text}`),
      warn: (text) => events.push(`warn ${text}`),
    },
  };
}

const describeError = (error: unknown): { message: string; hint: string } => ({ message: error instanceof Error ? error.message : String(error), hint: '' });

/** A loader around a source made of `parts`; by default its load answers the document "loaded". */
function setup(parts: Partial<DetailSource>, visible = true): { loader: PanelLoader; events: string[] } {
  const holder: { loader?: PanelLoader } = {};
  const rec = recorder(() => holder.loader!);
  const source: DetailSource = { key: 'k', viewType: 'v', title: () => 't', load: () => Promise.resolve(documentOf('loaded')), ...parts };
  const loader = new PanelLoader(source, rec.output, describeError, visible);
  holder.loader = loader;
  return { loader, events: rec.events };
}

describe('PanelLoader', () => {
  afterEach(() => mock.timers.reset());

  it('shows "Loading…", then the document; a refresh says "Refreshing…" and keeps it meanwhile', async () => {
    let n = 0;
    const { loader, events } = setup({ load: () => Promise.resolve(documentOf(`doc${++n}`)) });
    await loader.start();
    assert.deepEqual(events, ['loading Loading…', 'loaded', 'render doc1']);
    assert.equal(loader.view.kind, 'document');
    await loader.refresh();
    assert.deepEqual(events.slice(3), ['loading Refreshing…', 'loaded', 'render doc2']);
  });

  it('aborts a load that a refresh overtook and never shows its answer', async () => {
    const first = deferred<PanelDocument>();
    const signals: AbortSignal[] = [];
    let calls = 0;
    const { loader, events } = setup({
      load: (signal) => {
        signals.push(signal);
        return ++calls === 1 ? first.promise : Promise.resolve(documentOf('fresh'));
      },
    });
    const stale = loader.start();
    await loader.refresh();
    assert.equal(signals[0].aborted, true);
    first.resolve(documentOf('stale'));
    await stale;
    assert.equal(loader.document?.title, 'fresh');
    assert.ok(!events.includes('render stale'));
  });

  it('shows an error with nothing loaded, and only the error', async () => {
    const { loader, events } = setup({ load: () => Promise.reject(new Error('denied')) });
    await loader.start();
    assert.deepEqual(events, ['loading Loading…', 'failed denied']);
    assert.deepEqual(loader.view, { kind: 'error', message: 'denied', hint: '' });
  });

  it('auto refreshes while visible by polling, never faster than once a second, and stops when hidden', async () => {
    mock.timers.enable({ apis: ['setTimeout', 'Date'], now: 1_000_000 });
    let polls = 0;
    const { loader } = setup({
      poll: () => Promise.resolve(documentOf(`poll${++polls}`)),
      autoRefreshMs: () => 10,
    });
    await loader.start();
    mock.timers.tick(999);
    await settle();
    assert.equal(polls, 0, 'the 10 ms asked for is raised to the 1 s minimum');
    mock.timers.tick(1);
    await settle();
    assert.equal(polls, 1);
    assert.equal(loader.document?.title, 'poll1');
    loader.setVisible(false);
    mock.timers.tick(10_000);
    await settle();
    assert.equal(polls, 1, 'a hidden panel does not refresh');
    loader.setVisible(true);
    await settle();
    assert.equal(polls, 2, 'shown again after the interval passed: refreshes at once');
    loader.dispose();
    mock.timers.tick(10_000);
    await settle();
    assert.equal(polls, 2, 'a closed panel does not refresh');
  });

  it('keeps the document when a background refresh fails, and tries again on the next tick', async () => {
    mock.timers.enable({ apis: ['setTimeout', 'Date'], now: 0 });
    let fail = true;
    const { loader, events } = setup({
      poll: () => (fail ? Promise.reject(new Error('throttled')) : Promise.resolve(documentOf('polled'))),
      autoRefreshMs: () => 5_000,
    });
    await loader.start();
    mock.timers.tick(5_000);
    await settle();
    assert.equal(loader.document?.title, 'loaded');
    assert.ok(events.includes('warn details panel auto refresh failed: throttled'));
    assert.ok(!events.some((e) => e.startsWith('failed')));
    fail = false;
    mock.timers.tick(5_000);
    await settle();
    assert.equal(loader.document?.title, 'polled');
  });

  it('does not auto refresh during "load more", and schedules again when it ends', async () => {
    mock.timers.enable({ apis: ['setTimeout', 'Date'], now: 0 });
    const more = deferred<void>();
    let polls = 0;
    const { loader } = setup({
      poll: () => Promise.resolve(documentOf(`poll${++polls}`)),
      autoRefreshMs: () => 2_000,
      onLoadMore: async (_id, _all, _signal, progress) => {
        progress(documentOf('page2'));
        await more.promise;
      },
    });
    await loader.start();
    const loading = loader.loadMore('history', false);
    mock.timers.tick(10_000);
    await settle();
    assert.equal(polls, 0);
    assert.equal(loader.document?.title, 'page2');
    more.resolve();
    await loading;
    mock.timers.tick(2_000);
    await settle();
    assert.equal(polls, 1);
  });

  it('shows a failed "load more" next to its pager and re-enables it', async () => {
    const { loader } = setup({
      onLoadMore: () => Promise.reject(new Error('marker expired')),
    });
    await loader.start();
    await loader.loadMore('history', true);
    const blocks = loader.document?.blocks ?? [];
    assert.deepEqual(
      blocks.map((b) => b.id),
      ['history:error', 'history'],
    );
    assert.equal(blocks[0].kind === 'notice' && blocks[0].text, 'marker expired');
  });

  it('gives the pager back when "load more" cannot run (no such pager)', async () => {
    const { loader, events } = setup({ onLoadMore: () => Promise.resolve() });
    await loader.start();
    await loader.loadMore('nope', false);
    assert.equal(events.at(-1), 'render loaded resync');
  });

  it('runs one header action at a time, reloads after it, and re-enables the button when it fails', async () => {
    const action = deferred<void>();
    let runs = 0;
    let loads = 0;
    const { loader, events } = setup({
      load: () => Promise.resolve(documentOf(`doc${++loads}`)),
      onAction: () => {
        runs++;
        return runs === 1 ? action.promise : Promise.reject(new Error('not allowed'));
      },
    });
    await loader.start();
    const first = loader.runAction('stop');
    await loader.runAction('stop');
    assert.equal(runs, 1, 'a second click while the action runs does nothing');
    await loader.runAction('undeclared');
    assert.equal(runs, 1, 'only actions the document declares run');
    action.resolve();
    await first;
    assert.equal(loader.document?.title, 'doc2', 'reloaded after the action');
    await loader.runAction('stop');
    assert.deepEqual(events.slice(-2), ['actionFailed not allowed', 'render doc2 resync']);
  });

  it('runs an action on a target only when the document declares it as a target action', async () => {
    const runs: string[] = [];
    const { loader } = setup({
      load: () => Promise.resolve(documentOf('loaded', { targetActions: ['restore'] })),
      onAction: (id, target) => {
        runs.push(`${id} ${target ?? '-'}`);
        return Promise.resolve();
      },
    });
    await loader.start();
    await loader.runAction('restore', 'row-1');
    await loader.runAction('stop', 'row-1');
    await loader.runAction('restore');
    assert.deepEqual(runs, ['restore row-1']);
  });

  it('freezes on a connection switch: aborts what runs, marks the document, turns actions and paging off', async () => {
    mock.timers.enable({ apis: ['setTimeout', 'Date'], now: 0 });
    const more = deferred<void>();
    let moreSignal: AbortSignal | undefined;
    let polls = 0;
    let actions = 0;
    const { loader } = setup({
      poll: () => Promise.resolve(documentOf(`poll${++polls}`)),
      autoRefreshMs: () => 1_000,
      onAction: () => {
        actions++;
        return Promise.resolve();
      },
      onLoadMore: (_id, _all, signal) => {
        moreSignal = signal;
        return more.promise;
      },
    });
    await loader.start();
    const loading = loader.loadMore('history', false);
    loader.freeze('previous connection');
    assert.equal(moreSignal?.aborted, true);
    more.resolve();
    await loading;
    const shown = loader.shownDocument(loader.document!);
    assert.deepEqual(shown.actions, []);
    assert.equal(shown.blocks[0].kind === 'notice' && shown.blocks[0].text, 'previous connection');
    assert.equal(shown.blocks[1].kind === 'pager' && shown.blocks[1].canLoadMore, false);
    mock.timers.tick(10_000);
    await settle();
    assert.equal(polls, 0, 'no auto refresh once frozen');
    await loader.runAction('stop');
    assert.equal(actions, 0, 'no action once frozen');
    await loader.refresh();
    assert.equal(loader.document?.title, 'loaded', 'a refresh does not load from the old connection');
    await loader.reuse({ key: 'k', viewType: 'v', title: () => 't', load: () => Promise.resolve(documentOf('current')) });
    assert.equal(loader.frozen, false);
    assert.equal(loader.document?.title, 'current', 'opened again from a view: loads from the current connection');
  });

  it('freezing with nothing loaded shows the notice as the error', async () => {
    const pending = deferred<PanelDocument>();
    const { loader, events } = setup({ load: () => pending.promise });
    const start = loader.start();
    loader.freeze('previous connection');
    pending.resolve(documentOf('late'));
    await start;
    assert.equal(events.at(-1), 'failed previous connection');
    assert.equal(loader.document, undefined);
  });
});
