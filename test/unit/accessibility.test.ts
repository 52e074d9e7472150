import * as assert from 'node:assert/strict';
import { rowAccessibility, statusWords } from '../../src/tree/accessibility';

describe('Tree row accessibility labels', () => {
  it('say AWS status codes as lowercase words, and an unknown status as such', () => {
    assert.equal(statusWords('AVAILABLE'), 'available');
    assert.equal(statusWords('TIMED_OUT'), 'timed out');
    assert.equal(statusWords('completed'), 'completed');
    assert.equal(statusWords(undefined), 'status unknown');
    assert.equal(statusWords('  '), 'status unknown');
  });

  it('join the parts with commas and drop empty ones', () => {
    assert.deepEqual(rowAccessibility('Backup b1', 'available', undefined, '', false, ' ', '1.2 KB'), { label: 'Backup b1, available, 1.2 KB' });
  });
});
