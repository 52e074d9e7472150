import * as assert from 'node:assert/strict';
import {
  executionDescription,
  executionDuration,
  executionStatusTone,
  functionDescription,
  functionNameOf,
  statusText,
  stopConfirmation,
} from '../../src/lambda/executionFormat';
import { executionFiltersActive, summarizeExecutionFilters } from '../../src/lambda/filters';

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
    assert.equal(executionStatusTone('DELETING'), 'info');
    assert.equal(executionDescription({ Status: 'DELETING' }, now), 'DELETING');
    assert.equal(executionDescription({}, now), 'UNKNOWN');
  });

  it('maps statuses to tones', () => {
    assert.equal(executionStatusTone('RUNNING'), 'progress');
    assert.equal(executionStatusTone('SUCCEEDED'), 'ok');
    assert.equal(executionStatusTone('FAILED'), 'error');
    assert.equal(executionStatusTone('TIMED_OUT'), 'error');
    assert.equal(executionStatusTone('STOPPED'), 'muted');
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
      ['function f', 'qualifier $LATEST', 'name n', 'status RUNNING|FAILED', 'started after 2025-01-01 00:00Z', 'started before 2025-01-02 10:30Z', 'oldest first'],
    );
    assert.equal(executionFiltersActive({ function: 'f', order: 'oldest' }), false);
    assert.equal(executionFiltersActive({ statuses: ['RUNNING'] }), true);
  });
});
