import * as assert from 'node:assert/strict';
import {
  clampExecutionPageSize,
  clampFunctionPageSize,
  clampHistoryPageSize,
  validateExecutionName,
  validateFunctionInput,
  validateQualifier,
} from '../../src/lambda/validation';
import { mergeFilters } from '../../src/filters/filterSpec';
import { executionFilterSpec, type ExecutionFilters } from '../../src/lambda/filters';

function validateExecutionFilters(f: object): string | undefined {
  const merged = mergeFilters(executionFilterSpec(), {}, f);
  return 'problem' in merged ? merged.problem : undefined;
}

describe('lambda validation', () => {
  describe('validateFunctionInput', () => {
    for (const ok of [
      'order-workflow',
      'my_fn.v2',
      'order-workflow:$LATEST',
      'order-workflow:prod',
      '123456789012:function:order-workflow',
      'arn:aws:lambda:us-east-1:123456789012:function:order-workflow',
      'arn:aws:lambda:us-east-1:123456789012:function:order-workflow:$LATEST.PUBLISHED',
      'arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:f:7',
      'a'.repeat(64),
    ]) {
      it(`accepts ${ok.slice(0, 70)}`, () => assert.equal(validateFunctionInput(ok), undefined));
    }
    for (const bad of [
      '',
      ' ',
      'has space',
      'slash/name',
      'a'.repeat(257),
      'arn:aws:s3:::bucket',
      'arn:aws:lambda:us-east-1:123:function:x',
      'fn:bad qualifier',
    ]) {
      it(`refuses ${JSON.stringify(bad.slice(0, 40))}`, () => assert.ok(validateFunctionInput(bad)));
    }
  });

  it('validates qualifiers', () => {
    for (const ok of ['$LATEST', '$LATEST.PUBLISHED', '7', 'prod', 'blue_green-2', 'a$b']) {
      assert.equal(validateQualifier(ok), undefined, ok);
    }
    for (const bad of ['', 'has space', '$LATEST.OTHER', 'a.b', 'x'.repeat(129)]) {
      assert.ok(validateQualifier(bad), bad);
    }
    assert.equal(validateQualifier('x'.repeat(128)), undefined);
  });

  it('validates execution names (1-64 of [a-zA-Z0-9-_])', () => {
    assert.equal(validateExecutionName('order-1a2b_C'), undefined);
    assert.equal(validateExecutionName('x'.repeat(64)), undefined);
    assert.ok(validateExecutionName('x'.repeat(65)));
    assert.ok(validateExecutionName('with.dot'));
    assert.ok(validateExecutionName('with space'));
    assert.ok(validateExecutionName(''));
  });

  describe('the filter spec (command arguments)', () => {
    it('accepts a complete valid set', () => {
      const f: ExecutionFilters = {
        function: 'order-workflow',
        qualifier: '$LATEST',
        name: 'order-1',
        statuses: ['RUNNING', 'FAILED'],
        after: '2025-01-01T00:00:00.000Z',
        before: '2025-02-01T00:00:00.000Z',
        order: 'oldest',
      };
      assert.equal(validateExecutionFilters(f), undefined);
    });
    const bad: [string, Record<string, unknown>][] = [
      ['a bad function', { function: 'a b' }],
      ['a non-string function', { function: 42 }],
      ['a bad qualifier', { qualifier: 'a.b' }],
      ['a long name', { name: 'x'.repeat(65) }],
      ['an unknown status', { statuses: ['RUNNING', 'DELETING'] }],
      ['a repeated status', { statuses: ['RUNNING', 'RUNNING'] }],
      ['statuses that are not a list', { statuses: 'RUNNING' }],
      ['a bad date', { after: 'yesterday-ish' }],
      ['an inverted range', { after: '2025-02-01T00:00:00Z', before: '2025-01-01T00:00:00Z' }],
      ['an equal range', { after: '2025-02-01T00:00:00Z', before: '2025-02-01T00:00:00Z' }],
      ['an unknown order', { order: 'sideways' }],
    ];
    for (const [what, value] of bad) {
      it(`refuses ${what}`, () => assert.ok(validateExecutionFilters(value)));
    }
  });

  it('normalizes empty values away', () => {
    assert.deepEqual(mergeFilters(executionFilterSpec(), {}, { function: '  fn ', statuses: [], order: 'newest' }), {
      filters: { function: 'fn', statuses: undefined, order: undefined },
    });
  });

  it('clamps page sizes to the API ranges', () => {
    assert.equal(clampExecutionPageSize(0), 1);
    assert.equal(clampExecutionPageSize(50.7), 50);
    assert.equal(clampExecutionPageSize(5000), 1000);
    assert.equal(clampFunctionPageSize(1000), 50);
    assert.equal(clampFunctionPageSize(-3), 1);
    assert.equal(clampHistoryPageSize(1001), 1000);
  });
});
