// The host trusts nothing from the page: every message passes parsePageMessage, which must keep exactly
// the well-formed ones and drop the rest without throwing.
import * as assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { parsePageMessage, type PageMessage } from '../../src/shared/protocol';

describe('parsePageMessage', () => {
  const valid: PageMessage[] = [
    { type: 'ready' },
    { type: 'refresh' },
    { type: 'copy', copyId: 'backupArn' },
    { type: 'action', actionId: 'stop' },
    { type: 'loadMore', blockId: 'history-pager' },
    { type: 'loadAll', blockId: 'history-pager' },
    { type: 'openWhole', blockId: 'raw' },
    { type: 'painted', ms: 123.4 },
    { type: 'painted', ms: 0 },
  ];

  for (const message of valid) {
    it(`accepts ${JSON.stringify(message)}`, () => {
      assert.deepEqual(parsePageMessage(message), message);
    });
  }

  it('accepts ids of exactly 256 characters', () => {
    const id = 'x'.repeat(256);
    assert.deepEqual(parsePageMessage({ type: 'copy', copyId: id }), { type: 'copy', copyId: id });
    assert.deepEqual(parsePageMessage({ type: 'loadMore', blockId: id }), { type: 'loadMore', blockId: id });
  });

  it('keeps only the known fields', () => {
    assert.deepEqual(parsePageMessage({ type: 'ready', extra: 1 }), { type: 'ready' });
    assert.deepEqual(parsePageMessage({ type: 'copy', copyId: 'a', value: 'injected' }), { type: 'copy', copyId: 'a' });
    assert.deepEqual(parsePageMessage({ type: 'action', actionId: 'stop', args: ['--force'] }), { type: 'action', actionId: 'stop' });
  });

  it('ignores unknown types', () => {
    for (const type of ['render', 'loading', 'error', 'theme', 'Ready', 'READY', 'ready ', '', 'toString', '__proto__', 'constructor', 'hasOwnProperty']) {
      assert.equal(parsePageMessage({ type }), undefined, type);
    }
  });

  it('ignores a missing or non-string type', () => {
    for (const type of [undefined, null, 1, true, {}, ['ready'], { toString: () => 'ready' }]) {
      assert.equal(parsePageMessage({ type }), undefined, inspect(type));
    }
    assert.equal(parsePageMessage({}), undefined);
    assert.equal(parsePageMessage({ copyId: 'a' }), undefined);
  });

  it('ignores wrong field types', () => {
    const wrongValues: unknown[] = [undefined, null, 1, 0, true, {}, [], ['a'], { toString: () => 'a' }];
    for (const value of wrongValues) {
      assert.equal(parsePageMessage({ type: 'copy', copyId: value }), undefined, `copyId ${inspect(value)}`);
      assert.equal(parsePageMessage({ type: 'action', actionId: value }), undefined, `actionId ${inspect(value)}`);
      for (const type of ['loadMore', 'loadAll', 'openWhole']) {
        assert.equal(parsePageMessage({ type, blockId: value }), undefined, `${type} blockId ${inspect(value)}`);
      }
    }
    for (const ms of [undefined, null, '12', NaN, Infinity, -Infinity, {}, [1]]) {
      assert.equal(parsePageMessage({ type: 'painted', ms }), undefined, `ms ${inspect(ms)}`);
    }
  });

  it('ignores ids under the wrong key', () => {
    assert.equal(parsePageMessage({ type: 'copy', blockId: 'raw' }), undefined);
    assert.equal(parsePageMessage({ type: 'loadMore', copyId: 'raw' }), undefined);
    assert.equal(parsePageMessage({ type: 'action', id: 'stop' }), undefined);
  });

  it('ignores empty and oversized ids', () => {
    const long = 'x'.repeat(257);
    assert.equal(parsePageMessage({ type: 'copy', copyId: '' }), undefined);
    assert.equal(parsePageMessage({ type: 'copy', copyId: long }), undefined);
    assert.equal(parsePageMessage({ type: 'action', actionId: long }), undefined);
    assert.equal(parsePageMessage({ type: 'openWhole', blockId: 'y'.repeat(100_000) }), undefined);
  });

  it('ignores non-objects', () => {
    for (const raw of [undefined, null, 0, 42, NaN, '', 'ready', '{"type":"ready"}', true, Symbol('ready'), () => ({ type: 'ready' }), 10n]) {
      assert.equal(parsePageMessage(raw), undefined, typeof raw);
    }
  });

  it('ignores arrays', () => {
    assert.equal(parsePageMessage([]), undefined);
    assert.equal(parsePageMessage(['ready']), undefined);
    assert.equal(parsePageMessage([{ type: 'ready' }]), undefined);
  });

  it('reads null-prototype objects like plain ones', () => {
    // Structured clone hands the host plain data; a prototype-less object must not confuse the checks.
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { type: 'copy', copyId: 'a' });
    assert.deepEqual(parsePageMessage(bare), { type: 'copy', copyId: 'a' });
    assert.equal(parsePageMessage(Object.create(null) as object), undefined);
  });
});
