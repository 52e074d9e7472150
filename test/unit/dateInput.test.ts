import * as assert from 'node:assert/strict';
import { checkRange, parseDateInput } from '../../src/filters/dateInput';

const now = new Date('2026-11-22T12:00:00Z');

function ok(text: string): Date {
  const result = parseDateInput(text, now);
  assert.ok(result.ok, `expected "${text}" to parse: ${result.ok ? '' : result.message}`);
  return result.date;
}

describe('parseDateInput', () => {
  it('accepts ISO dates with and without a zone', () => {
    assert.equal(ok('2026-11-01T14:30:00Z').toISOString(), '2026-11-01T14:30:00.000Z');
    assert.equal(ok('2026-11-01T14:30:00.250Z').toISOString(), '2026-11-01T14:30:00.250Z');
    assert.equal(ok('2026-11-01T14:30+02:00').toISOString(), '2026-11-01T12:30:00.000Z');
    assert.equal(ok('2026-11-01T14:30:00-0500').toISOString(), '2026-11-01T19:30:00.000Z');
    assert.equal(ok('2026-11-01').getTime(), new Date(2026, 10, 1).getTime(), 'date only is local midnight');
    assert.equal(ok('2026-11-01 08:15').getTime(), new Date(2026, 10, 1, 8, 15).getTime(), 'no zone is local time');
  });

  it('accepts relative forms as "that long ago"', () => {
    assert.equal(ok('30m').getTime(), now.getTime() - 30 * 60_000);
    assert.equal(ok('24h').getTime(), now.getTime() - 86_400_000);
    assert.equal(ok('7d').getTime(), now.getTime() - 7 * 86_400_000);
    assert.equal(ok('2w').getTime(), now.getTime() - 14 * 86_400_000);
    assert.equal(ok('now').getTime(), now.getTime());
  });

  it('refuses anything else with a message', () => {
    for (const bad of ['', 'yesterday', '2026-13-01', '2026-02-30', '2026-11-01T25:00', '7 days', '-3d', '1y', '2026/11/01', '<script>']) {
      const result = parseDateInput(bad, now);
      assert.equal(result.ok, false, `"${bad}" must be refused`);
      assert.ok(!result.ok && result.message.length > 10);
    }
  });

  it('requires the lower bound before the upper bound', () => {
    const a = new Date('2026-11-01T00:00:00Z');
    const b = new Date('2026-11-02T00:00:00Z');
    assert.equal(checkRange(a, b), undefined);
    assert.match(checkRange(b, a) ?? '', /must be before/);
    assert.match(checkRange(a, a) ?? '', /must be before/, 'equal bounds select nothing: [a, a) is empty');
    assert.equal(checkRange(undefined, a), undefined);
  });
});
