import * as assert from 'node:assert/strict';
import { pollUntil } from '../../src/util/poll';

describe('pollUntil', () => {
  it('reads with doubling delays until a final value, reporting each value', async () => {
    const seen: string[] = [];
    const states = ['CREATING', 'CREATING', 'AVAILABLE'];
    const result = await pollUntil({
      read: () => Promise.resolve(states.shift()!),
      done: (s) => s !== 'CREATING',
      onValue: (s) => seen.push(s),
      signal: new AbortController().signal,
      firstDelayMs: 1,
      maxDelayMs: 4,
    });
    assert.equal(result, 'AVAILABLE');
    assert.deepEqual(seen, ['CREATING', 'CREATING', 'AVAILABLE']);
  });

  it('stops without reading again once the signal aborts', async () => {
    const controller = new AbortController();
    let reads = 0;
    const result = await pollUntil({
      read: () => {
        reads++;
        controller.abort();
        return Promise.resolve('CREATING');
      },
      done: () => false,
      signal: controller.signal,
      firstDelayMs: 1,
    });
    assert.equal(result, undefined);
    assert.equal(reads, 1);
  });

  it('waits while not allowed', async () => {
    let allow: () => void = () => undefined;
    const allowed = new Promise<void>((resolve) => (allow = resolve));
    let reads = 0;
    const polling = pollUntil({
      read: () => Promise.resolve(++reads),
      done: () => true,
      signal: new AbortController().signal,
      firstDelayMs: 1,
      whenAllowed: () => allowed,
    });
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(reads, 0);
    allow();
    assert.equal(await polling, 1);
  });
});
