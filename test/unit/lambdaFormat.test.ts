import * as assert from 'node:assert/strict';
import {
  executionDescription,
  executionDuration,
  durableStatus,
  functionDescription,
  functionNameOf,
  statusText,
  stopConfirmation,
} from '../../src/lambda/executionFormat';
import { summarizeFilters } from '../../src/filters/filterSpec';
import { executionFilterSpec, executionFiltersActive, type ExecutionFilters } from '../../src/lambda/filters';

const summarizeExecutionFilters = (f: ExecutionFilters): string[] => summarizeFilters(executionFilterSpec(), f);

const now = Date.parse('2026-01-10T12:00:00Z');

describe('lambda formatting', () => {
  it('finds the function name in names, partial ARNs and ARNs', () => {
    assert.equal(functionNameOf('order-workflow'), 'order-workflow');
    assert.equal(functionNameOf('order-workflow:prod'), 'order-workflow');
    assert.equal(functionNameOf('123456789012:function:order-workflow'), 'order-workflow');
    assert.equal(functionNameOf('arn:aws:lambda:us-east-1:123456789012:function:order-workflow:5'), 'order-workflow');
  });

  it('describes finished and running executions', () => {
    const start = new Date(now - 3 * 3_600_000);
    assert.equal(
      executionDescription({ Status: 'SUCCEEDED', StartTimestamp: start, EndTimestamp: new Date(start.getTime() + 5 * 60_000) }, now),
      'SUCCEEDED · 3 h ago · 5 min',
    );
    assert.equal(executionDescription({ Status: 'RUNNING', StartTimestamp: start }, now), 'RUNNING · 3 h ago · running for 3 h');
    assert.equal(executionDuration({ Status: 'STOPPED', StartTimestamp: start }, now), '');
  });

  it('shows unknown statuses as text and never throws', () => {
    assert.equal(statusText('DELETING'), 'DELETING');
    assert.equal(statusText(undefined), 'UNKNOWN');
    assert.deepEqual(durableStatus('DELETING'), { tone: 'info', icon: 'circle-outline', words: 'deleting' });
    assert.equal(executionDescription({ Status: 'DELETING' }, now), 'DELETING');
    assert.equal(executionDescription({}, now), 'UNKNOWN');
  });

  it('maps statuses to tones, icons and words', () => {
    assert.deepEqual(durableStatus('RUNNING'), { tone: 'progress', icon: 'loading~spin', words: 'running' });
    assert.equal(durableStatus('STARTED').tone, 'progress');
    assert.equal(durableStatus('PENDING').tone, 'warn');
    assert.deepEqual(durableStatus('SUCCEEDED'), { tone: 'ok', icon: 'pass', color: 'testing.iconPassed', words: 'succeeded' });
    assert.equal(durableStatus('FAILED').tone, 'error');
    assert.deepEqual(durableStatus('TIMED_OUT'), { tone: 'error', icon: 'watch', color: 'errorForeground', words: 'timed out' });
    assert.equal(durableStatus('STOPPED').tone, 'muted');
    assert.equal(durableStatus('CANCELLED').tone, 'muted');
    assert.deepEqual(durableStatus(undefined), { tone: 'info', icon: 'circle-outline', words: 'status unknown' });
    assert.equal(durableStatus('constructor').tone, 'info');
  });

  it('describes functions with runtime, retention and timeout', () => {
    assert.equal(
      functionDescription({ Runtime: 'nodejs22.x', DurableConfig: { RetentionPeriodInDays: 30, ExecutionTimeout: 86_400 } }),
      'nodejs22.x · retention 30 d · timeout 1 d',
    );
    assert.equal(functionDescription({ Runtime: 'python3.13' }), 'python3.13 · not durable');
  });

  it('names the execution in the Stop confirmation', () => {
    const text = stopConfirmation({ DurableExecutionName: 'order-1a2b', FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:order-workflow:5' });
    assert.match(text.message, /"order-1a2b" of order-workflow/);
    assert.equal(text.button, 'Stop Execution');
  });

  it('summarizes filters, including a non-default order', () => {
    assert.deepEqual(summarizeExecutionFilters({}), []);
    assert.deepEqual(summarizeExecutionFilters({ order: 'newest' }), []);
    assert.deepEqual(
      summarizeExecutionFilters({
        function: 'f',
        qualifier: '$LATEST',
        name: 'n',
        statuses: ['RUNNING', 'FAILED'],
        after: '2025-01-01T00:00:00.000Z',
        before: '2025-01-02T10:30:00.000Z',
        order: 'oldest',
      }),
      [
        'function f',
        'qualifier $LATEST',
        'name n',
        'status RUNNING|FAILED',
        'started after 2025-01-01 00:00Z',
        'started before 2025-01-02 10:30Z',
        'oldest first',
      ],
    );
    assert.equal(executionFiltersActive({ function: 'f', order: 'oldest' }), false);
    assert.equal(executionFiltersActive({ statuses: ['RUNNING'] }), true);
  });
});
