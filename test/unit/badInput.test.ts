import * as assert from 'node:assert/strict';
import { validateTableInput } from '../../src/dynamodb/validation';
import { checkRange, dateInputHelp, parseDateInput } from '../../src/filters/dateInput';
import { backupFilterSpec } from '../../src/dynamodb/filters';
import { mergeFilters } from '../../src/filters/filterSpec';
import { executionFilterSpec } from '../../src/lambda/filters';
import { validateExecutionName, validateFunctionInput, validateQualifier } from '../../src/lambda/validation';
import { backtrackFilterSpec } from '../../src/rds/filters';
import { validateBacktrackId, validateBacktrackIdList, validateClusterInput } from '../../src/rds/validation';

/*
 * The README's "Accepted input" table as executable rules: every free-text input with at least three
 * invalid values and the exact message the user reads, plus values at the edge of what is allowed.
 * (The integration suite badInput.test.ts checks the same messages in the real boxes and that nothing is sent.)
 */

interface Row {
  readonly input: string;
  readonly check: (value: string) => string | undefined;
  readonly valid: readonly string[];
  readonly invalid: readonly (readonly [string, string])[];
}

const now = new Date('2026-11-22T12:00:00Z');
const dateMessage = (text: string): string | undefined => {
  const parsed = parseDateInput(text, now);
  return parsed.ok ? undefined : parsed.message;
};
const notADate = (shown: string): string => `"${shown}" is not a date. Use ${dateInputHelp()}.`;
const uuid = '2f5f5294-0dd2-44c9-9f50-1a2b3c4d5e6f';

const rows: readonly Row[] = [
  {
    input: 'DynamoDB table (name or table ARN)',
    check: validateTableInput,
    valid: ['Orders', 'a.b', 'x'.repeat(255), '__proto__', 'arn:aws:dynamodb:us-east-1:123456789012:table/Orders'],
    invalid: [
      ['ab', 'A table name has 3 to 255 characters.'],
      ['x'.repeat(256), 'A table name has 3 to 255 characters.'],
      ['bad name!', 'A table name uses only letters, digits, underscore (_), hyphen (-) and dot (.).'],
      ['<script>', 'A table name uses only letters, digits, underscore (_), hyphen (-) and dot (.).'],
      ['arn:aws:s3:::bucket', 'Not a DynamoDB table ARN. Expected arn:aws:dynamodb:REGION:ACCOUNT:table/NAME.'],
      ['arn:nope', 'Not a valid ARN. Expected arn:aws:dynamodb:REGION:ACCOUNT:table/NAME.'],
    ],
  },
  {
    input: 'dates (created / started after and before)',
    check: dateMessage,
    valid: ['2026-11-01', '2026-11-01T14:30', '2026-11-01T14:30:00Z', '30m', '24h', '7d', '2w', 'now'],
    invalid: [
      ['yesterday', notADate('yesterday')],
      ['2026-13-01', notADate('2026-13-01')],
      ['2026-02-30', notADate('2026-02-30')],
      ['2026-01-01T24:00', notADate('2026-01-01T24:00')],
      ['31/12/2026', notADate('31/12/2026')],
      ['', `Enter a date: ${dateInputHelp()}.`],
    ],
  },
  {
    input: 'Aurora cluster (identifier or cluster ARN)',
    check: validateClusterInput,
    valid: ['a', 'orders-aurora', `a${'b'.repeat(62)}`, 'arn:aws:rds:us-east-1:123456789012:cluster:orders-aurora'],
    invalid: [
      ['1abc', 'A DB cluster identifier must start with a letter.'],
      ['a--b', 'A DB cluster identifier cannot contain two hyphens in a row.'],
      ['ends-', 'A DB cluster identifier cannot end with a hyphen.'],
      [`a${'b'.repeat(63)}`, 'A DB cluster identifier has 1 to 63 characters.'],
      ['a_b', 'A DB cluster identifier uses only letters, digits and hyphens (-).'],
      ['arn:aws:rds:us-east-1:123456789012:cluster:bad--id', 'Not a DB cluster ARN. Expected arn:aws:rds:REGION:ACCOUNT:cluster:ID.'],
    ],
  },
  {
    input: 'Aurora backtrack identifier',
    check: validateBacktrackId,
    valid: [uuid, uuid.toUpperCase()],
    invalid: [
      ['not-a-uuid', '"not-a-uuid" is not a backtrack identifier (a UUID such as 2f5f5294-0dd2-44c9-9f50-1a2b3c4d5e6f).'],
      ['2f5f5294', '"2f5f5294" is not a backtrack identifier (a UUID such as 2f5f5294-0dd2-44c9-9f50-1a2b3c4d5e6f).'],
      ['g'.repeat(36), `"${'g'.repeat(36)}" is not a backtrack identifier (a UUID such as 2f5f5294-0dd2-44c9-9f50-1a2b3c4d5e6f).`],
      ['x'.repeat(50), `"${'x'.repeat(40)}…" is not a backtrack identifier (a UUID such as 2f5f5294-0dd2-44c9-9f50-1a2b3c4d5e6f).`],
    ],
  },
  {
    input: 'Aurora backtrack ids (list)',
    check: validateBacktrackIdList,
    valid: [uuid, `${uuid}, ${uuid.replace('2f', '3f')}`, `${uuid} ${uuid}`],
    invalid: [
      [',,,', 'Enter one or more backtrack identifiers, separated by commas.'],
      ['x, y', '"x" is not a backtrack identifier (a UUID such as 2f5f5294-0dd2-44c9-9f50-1a2b3c4d5e6f).'],
      [`${uuid} nope`, '"nope" is not a backtrack identifier (a UUID such as 2f5f5294-0dd2-44c9-9f50-1a2b3c4d5e6f).'],
    ],
  },
  {
    input: 'Lambda function (name, partial ARN or ARN)',
    check: validateFunctionInput,
    valid: ['order-workflow', 'order-workflow:$LATEST', '123456789012:function:f', 'arn:aws:lambda:us-east-1:123456789012:function:f:7'],
    invalid: [
      ['has space', 'Use a function name (letters, digits, hyphen, underscore), a partial ARN (ACCOUNT:function:NAME) or a full ARN.'],
      ['slash/name', 'Use a function name (letters, digits, hyphen, underscore), a partial ARN (ACCOUNT:function:NAME) or a full ARN.'],
      ['a'.repeat(257), 'A function name, partial ARN or ARN has 1 to 256 characters.'],
      ['arn:aws:s3:::bucket', 'Not a Lambda function ARN. Expected arn:aws:lambda:REGION:ACCOUNT:function:NAME.'],
    ],
  },
  {
    input: 'Lambda qualifier',
    check: validateQualifier,
    valid: ['$LATEST', '$LATEST.PUBLISHED', '7', 'prod', 'x'.repeat(128)],
    invalid: [
      ['bad qualifier', 'Use $LATEST, $LATEST.PUBLISHED, a version number or an alias (letters, digits, -, _ and $).'],
      ['semi;colon', 'Use $LATEST, $LATEST.PUBLISHED, a version number or an alias (letters, digits, -, _ and $).'],
      ['x'.repeat(129), 'A qualifier has 1 to 128 characters.'],
    ],
  },
  {
    input: 'Lambda execution name',
    check: validateExecutionName,
    valid: ['order-1', '__proto__', 'x'.repeat(64)],
    invalid: [
      ['has space', 'An execution name uses only letters, digits, hyphen (-) and underscore (_).'],
      ['dot.name', 'An execution name uses only letters, digits, hyphen (-) and underscore (_).'],
      ['x'.repeat(65), 'An execution name has 1 to 64 characters.'],
    ],
  },
];

describe('accepted input: every free-text rule, with its message', () => {
  for (const row of rows) {
    describe(row.input, () => {
      it(`accepts ${row.valid.length} values at the edges of the rule`, () => {
        for (const value of row.valid) {
          assert.equal(row.check(value), undefined, JSON.stringify(value.slice(0, 60)));
        }
      });
      it(`refuses ${row.invalid.length} invalid values with the message the user reads`, () => {
        assert.ok(row.invalid.length >= 3, 'at least three invalid values per input');
        for (const [value, message] of row.invalid) {
          assert.equal(row.check(value), message, JSON.stringify(value.slice(0, 60)));
        }
      });
    });
  }

  it('a date range must start before it ends: [after, before)', () => {
    const at = (iso: string) => new Date(iso);
    for (const [after, before] of [
      ['2026-02-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'],
      ['2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'],
      ['2030-01-01T00:00:00.000Z', '2000-01-01T00:00:00.000Z'],
    ]) {
      assert.equal(checkRange(at(after), at(before)), `"After" (${after}) must be before "before" (${before}).`);
    }
    assert.equal(checkRange(at('2026-01-01T00:00:00Z'), at('2026-01-01T00:00:01Z')), undefined);
  });

  it('Aurora filters given as a command argument: statuses, ids and unknown keys', () => {
    const problem = (arg: object) => {
      const merged = mergeFilters(backtrackFilterSpec(), {}, arg);
      return 'problem' in merged ? merged.problem : undefined;
    };
    for (const statuses of [['done'], 'COMPLETE', [42]]) {
      assert.equal(problem({ statuses }), 'Statuses must be among applying, completed, failed, pending.');
    }
    assert.equal(problem({ backtrackIds: [1] }), '"backtrackIds" must be a list of backtrack identifiers.');
    assert.equal(problem({ cluster: 42 }), '"cluster" must be a DB cluster identifier or ARN.');
    assert.equal(problem({ backtrackId: {} }), '"backtrackId" must be a backtrack identifier.');
    assert.equal(problem({ color: 'red' }), 'Unknown filter "color"; known: cluster, backtrackId, statuses, backtrackIds.');
    assert.deepEqual(mergeFilters(backtrackFilterSpec(), {}, { statuses: ['COMPLETED', 'completed'], cluster: 'Orders-Aurora' }), {
      filters: { statuses: ['completed'], cluster: 'orders-aurora' },
    });
  });

  it('Lambda filters given as a command argument: statuses, order, dates and types', () => {
    const check = (f: object) => {
      const merged = mergeFilters(executionFilterSpec(), {}, f);
      return 'problem' in merged ? merged.problem : undefined;
    };
    for (const statuses of [['DONE'], 'RUNNING', [1]]) {
      assert.equal(check({ statuses }), 'Statuses must be a list of RUNNING, SUCCEEDED, FAILED, TIMED_OUT, STOPPED.');
    }
    assert.equal(check({ statuses: ['RUNNING', 'RUNNING'] }), 'Statuses must not repeat a value.');
    for (const order of ['sideways', 1, 'NEWEST']) {
      assert.equal(check({ order }), 'Order must be one of newest, oldest.');
    }
    for (const after of ['soon', 42, true]) {
      assert.equal(check({ after }), '"after" is not a date.');
    }
    for (const [key, value, noun] of [
      ['function', 7, 'a function name, partial ARN or ARN'],
      ['qualifier', [], 'a version, an alias, $LATEST or $LATEST.PUBLISHED'],
      ['name', { toString: () => 'x' }, 'an execution name'],
    ] as const) {
      assert.equal(check({ [key]: value }), `"${key}" must be ${noun}.`);
    }
    assert.deepEqual(mergeFilters(executionFilterSpec(), {}, { statuses: [], qualifier: ' $LATEST ', order: 'newest' }), {
      filters: { statuses: undefined, qualifier: '$LATEST', order: undefined },
    });
  });
});

describe('filters given as data (command arguments, saved state)', () => {
  const problem = (arg: unknown): string | undefined => {
    const merged = mergeFilters(backupFilterSpec(), {}, arg);
    return 'problem' in merged ? merged.problem : undefined;
  };

  it('DynamoDB: wrong types and unknown keys are refused, never stored (the {after: 42} crash)', () => {
    assert.equal(problem({ after: 42 }), '"after" is not a date.');
    assert.equal(problem({ before: { toString: () => '2026-01-01' } }), '"before" is not a date.');
    assert.equal(problem({ table: 42 }), '"table" must be a table name or table ARN.');
    assert.equal(problem({ table: ['Orders'] }), '"table" must be a table name or table ARN.');
    assert.equal(problem({ backupType: 'user' }), 'Backup type must be one of USER, SYSTEM, AWS_BACKUP, ALL.');
    assert.equal(problem({ tableName: 'Orders' }), 'Unknown filter "tableName"; known: table, backupType, after, before.');
    assert.equal(problem({ __proto__: { table: 'x' } }), 'Filters are an object with the keys table, backupType, after, before.');
    for (const notAnObject of [42, 'Orders', [{ table: 'Orders' }], new Date(), true]) {
      assert.equal(problem(notAnObject), 'Filters are an object with the keys table, backupType, after, before.', JSON.stringify(notAnObject));
    }
  });

  it('DynamoDB: valid filters merge over the current ones; null removes one', () => {
    assert.deepEqual(mergeFilters(backupFilterSpec(), { table: 'Orders' }, { backupType: 'ALL', after: '2026-01-01T00:00:00Z' }), {
      filters: { table: 'Orders', backupType: 'ALL', after: '2026-01-01T00:00:00Z' },
    });
    assert.deepEqual(mergeFilters(backupFilterSpec(), { table: 'Orders' }, { table: null }), { filters: { table: undefined } });
  });

  it('Lambda: unknown keys are refused as well', () => {
    const merged = mergeFilters(executionFilterSpec(), {}, { status: ['RUNNING'] });
    assert.deepEqual(merged, { problem: 'Unknown filter "status"; known: function, qualifier, name, statuses, after, before, order.' });
    assert.deepEqual(mergeFilters(executionFilterSpec(), {}, { statuses: ['RUNNING'], name: null }), {
      filters: { statuses: ['RUNNING'], name: undefined },
    });
  });
});
