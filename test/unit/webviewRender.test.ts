// Pure parts of the details page: the text caps the host builders share, and the timeline's tick choice.
// (The DOM rendering itself is checked in a browser; these run in plain mocha.)
import * as assert from 'node:assert/strict';
import { capText, prettyJson, prettyValue } from '../../src/shared/textCap';
import { ticks } from '../../src/webview-app/timeline';

describe('capText', () => {
  it('leaves short text alone', () => {
    assert.deepEqual(capText('abc', 3), { text: 'abc' });
  });

  it('cuts at a late line break and says how much is shown', () => {
    const text = `${'a'.repeat(95)}\n${'b'.repeat(100)}`;
    const capped = capText(text, 100);
    assert.equal(capped.text, 'a'.repeat(95));
    assert.equal(capped.truncatedNotice, 'Showing the first 95 of 196 characters.');
  });

  it('cuts mid-line when the last break is early', () => {
    const capped = capText(`a\n${'b'.repeat(200)}`, 100);
    assert.equal(capped.text.length, 100);
  });

  it('never splits a surrogate pair', () => {
    const capped = capText(`${'a'.repeat(9)}😀tail`, 10);
    assert.equal(capped.text, 'a'.repeat(9));
  });
});

describe('prettyJson', () => {
  it('formats like JSON.stringify(…, null, 2) when under the cap', () => {
    const value = { a: [1, { b: 'x"y' }], c: {}, d: [], e: null, f: true, g: 'ü\u202e' };
    assert.deepEqual(prettyJson(JSON.stringify(value)), { text: JSON.stringify(value, null, 2) });
  });

  it('stops formatting at the cap', () => {
    const raw = JSON.stringify(Array.from({ length: 50_000 }, (_, i) => ({ i })));
    const capped = prettyJson(raw, 1000);
    assert.equal(capped.text.length, 1000);
    assert.ok(JSON.stringify(JSON.parse(raw), null, 2).startsWith(capped.text));
    assert.match(capped.truncatedNotice ?? '', /first 1,000 characters/);
  });

  it('caps text that is not JSON as it is', () => {
    assert.deepEqual(prettyJson('not json', 100), { text: 'not json' });
  });

  it('gives up on absurd nesting instead of overflowing the stack', () => {
    const deep = JSON.parse('['.repeat(20_000) + ']'.repeat(20_000)) as unknown;
    assert.equal(prettyValue(deep, Number.MAX_SAFE_INTEGER), undefined);
  });
});

describe('timeline ticks', () => {
  const hour = 3_600_000;
  const cases: [string, number][] = [
    ['3 seconds', 3000],
    ['90 seconds', 90_000],
    ['7 minutes', 7 * 60_000],
    ['2 hours', 2 * hour],
    ['72 hours', 72 * hour],
    ['9 days', 9 * 24 * hour],
    ['400 days', 400 * 24 * hour],
  ];
  for (const [name, span] of cases) {
    for (const maxTicks of [4, 5, 6]) {
      it(`gives 4–${maxTicks} ascending ticks inside a ${name} range`, () => {
        const start = Date.UTC(2026, 2, 29, 0, 17, 23, 456); // a DST change in many zones
        const result = ticks(start, start + span, maxTicks);
        assert.ok(result.length >= 4 && result.length <= Math.max(4, maxTicks), `${result.length} ticks`);
        result.forEach((t, i) => {
          assert.ok(t >= start && t <= start + span, 'inside the range');
          if (i > 0) {
            assert.ok(t > (result[i - 1] ?? 0), 'ascending');
          }
        });
      });
    }
  }
});
