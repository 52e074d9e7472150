import * as assert from 'node:assert/strict';
import { mergeFilters, summarizeFilters } from '../../src/filters/filterSpec';
import { backtrackApiFilters, backtrackFilterSpec, type BacktrackFilters } from '../../src/rds/filters';

const mergeFilterArgument = (current: BacktrackFilters, arg: unknown) => mergeFilters(backtrackFilterSpec(), current, arg);
const summarizeBacktrackFilters = (f: BacktrackFilters): string[] => summarizeFilters(backtrackFilterSpec(), f);
import {
  normalizeCluster,
  splitIdList,
  validateBacktrackId,
  validateBacktrackIdList,
  validateClusterIdentifier,
  validateClusterInput,
} from '../../src/rds/validation';

const id1 = '2f5f5294-0dd2-44c9-9f50-1a2b3c4d5e6f';
const id2 = 'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d';

describe('rds validation', () => {
  describe('cluster identifiers', () => {
    it('accepts what AWS accepts', () => {
      for (const ok of ['a', 'orders-aurora', 'big-backtracks', 'Orders-Aurora', 'a1-b2-c3', `a${'b'.repeat(62)}`]) {
        assert.equal(validateClusterIdentifier(ok), undefined, ok);
      }
    });

    it('refuses a leading digit, a trailing hyphen, two hyphens in a row, more than 63 characters, other characters', () => {
      const cases: [string, RegExp][] = [
        ['1abc', /start with a letter/],
        ['-abc', /start with a letter/],
        ['abc-', /end with a hyphen/],
        ['a--b', /two hyphens/],
        [`a${'b'.repeat(63)}`, /1 to 63/],
        ['', /1 to 63/],
        ['orders_aurora', /letters, digits and hyphens/],
        ['orders.aurora', /letters, digits and hyphens/],
        ['ab cd', /letters, digits and hyphens/],
      ];
      for (const [bad, message] of cases) {
        assert.match(validateClusterIdentifier(bad) ?? '', message, bad);
      }
    });

    it('accepts cluster ARNs whose identifier is valid, and nothing else that starts with arn:', () => {
      assert.equal(validateClusterInput('arn:aws:rds:us-east-1:123456789012:cluster:orders-aurora'), undefined);
      assert.equal(validateClusterInput('arn:aws-cn:rds:cn-north-1:123456789012:cluster:x1'), undefined);
      assert.equal(validateClusterInput('arn:aws-us-gov:rds:us-gov-west-1:123456789012:cluster:x1'), undefined);
      for (const bad of [
        'arn:aws:rds:us-east-1:123456789012:db:orders-aurora',
        'arn:aws:dynamodb:us-east-1:123456789012:cluster:orders',
        'arn:aws:rds:us-east-1:1234:cluster:orders',
        'arn:aws:rds:us-east-1:123456789012:cluster:1abc',
        'arn:aws:rds:us-east-1:123456789012:cluster:a--b',
        'arn:aws:rds:us-east-1:123456789012:cluster:',
        'arn:',
      ]) {
        assert.match(validateClusterInput(bad) ?? '', /Not a DB cluster ARN/, bad);
      }
    });

    it('stores the value in lowercase', () => {
      assert.equal(normalizeCluster('  Orders-Aurora '), 'orders-aurora');
    });
  });

  describe('backtrack identifiers', () => {
    it('accepts UUIDs only', () => {
      assert.equal(validateBacktrackId(id1), undefined);
      assert.equal(validateBacktrackId(id1.toUpperCase()), undefined);
      for (const bad of ['bt-1', '', '2f5f5294-0dd2-44c9-9f50', `${id1}0`, '2f5f5294_0dd2_44c9_9f50_1a2b3c4d5e6f']) {
        assert.match(validateBacktrackId(bad) ?? '', /not a backtrack identifier/, bad);
      }
    });

    it('checks every id of a list', () => {
      assert.deepEqual(splitIdList(` ${id1}, ${id2},, `), [id1, id2]);
      assert.equal(validateBacktrackIdList(`${id1},${id2}`), undefined);
      assert.equal(validateBacktrackIdList(`${id1} ${id2}`), undefined);
      assert.match(validateBacktrackIdList(`${id1}, nope`) ?? '', /"nope" is not a backtrack identifier/);
      assert.match(validateBacktrackIdList(' , ') ?? '', /one or more/);
    });
  });

  describe('filters', () => {
    it('sends statuses and ids as the two documented filters, and no Filters when none is set', () => {
      assert.equal(backtrackApiFilters({}), undefined);
      assert.equal(backtrackApiFilters({ statuses: [], backtrackIds: [] }), undefined);
      assert.deepEqual(backtrackApiFilters({ statuses: ['applying', 'failed'], backtrackIds: [id1] }), [
        { Name: 'db-cluster-backtrack-status', Values: ['applying', 'failed'] },
        { Name: 'db-cluster-backtrack-id', Values: [id1] },
      ]);
    });

    it('summarizes each active filter for the view description', () => {
      assert.deepEqual(summarizeBacktrackFilters({}), []);
      assert.deepEqual(summarizeBacktrackFilters({ cluster: 'orders-aurora', backtrackId: id1, statuses: ['failed'], backtrackIds: [id1, id2] }), [
        'cluster orders-aurora',
        'backtrack 2f5f5294…',
        'status failed',
        '2 ids',
      ]);
    });

    it('merges a valid command argument, normalized, over the current filters', () => {
      const current: BacktrackFilters = { statuses: ['failed'] };
      const merged = mergeFilterArgument(current, { cluster: 'Orders-Aurora', backtrackIds: [id1.toUpperCase(), id1], statuses: ['COMPLETED'] });
      assert.deepEqual(merged, { filters: { cluster: 'orders-aurora', statuses: ['completed'], backtrackIds: [id1] } });
      assert.deepEqual(mergeFilterArgument({ cluster: 'x' }, { cluster: undefined }), { filters: { cluster: undefined } });
    });

    it('refuses an invalid command argument with a message', () => {
      for (const bad of [
        { cluster: '1abc' },
        { cluster: 'abc-' },
        { cluster: 'a--b' },
        { cluster: `a${'b'.repeat(63)}` },
        { cluster: 42 },
        { backtrackId: 'bt-1' },
        { statuses: ['done'] },
        { backtrackIds: ['nope'] },
        { backtrackIds: [7] },
        { clusterId: 'orders-aurora' },
      ]) {
        const result = mergeFilterArgument({}, bad);
        assert.ok('problem' in result && result.problem.length > 0, JSON.stringify(bad));
      }
    });
  });
});
