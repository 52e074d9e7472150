import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatCliCommand, formatCliCommands, shellQuote } from '../../src/actions/cliCommand';
import { clientKeys } from '../../src/aws/clientTable';

const named = { connection: { profile: 'prod', profileExplicit: true, region: 'eu-west-1' } };
const chain = { connection: { profile: 'default', profileExplicit: false, region: 'us-east-1' } };

describe('Copy as AWS CLI Command', () => {
  it('writes the exact command with region, the named profile and a custom endpoint', () => {
    const text = formatCliCommand(
      {
        service: 'dynamodb',
        operation: 'delete-backup',
        args: [['--backup-arn', 'arn:aws:dynamodb:eu-west-1:123456789012:table/orders/backup/01700000000000-abcdef12']],
      },
      { ...named, endpoint: 'http://127.0.0.1:4566' },
    );
    assert.equal(
      text,
      'aws dynamodb delete-backup --backup-arn arn:aws:dynamodb:eu-west-1:123456789012:table/orders/backup/01700000000000-abcdef12 --region eu-west-1 --profile prod --endpoint-url http://127.0.0.1:4566',
    );
  });

  it('leaves --profile out when no profile was named (the CLI then uses the same default chain)', () => {
    const text = formatCliCommand(
      {
        service: 'dynamodb',
        operation: 'restore-table-to-point-in-time',
        args: [['--source-table-name', 'orders'], ['--target-table-name', 'orders-copy'], ['--use-latest-restorable-time']],
      },
      chain,
    );
    assert.equal(
      text,
      'aws dynamodb restore-table-to-point-in-time --source-table-name orders --target-table-name orders-copy --use-latest-restorable-time --region us-east-1',
    );
  });

  it('quotes every value a shell would read as more than one word or as syntax', () => {
    const hostile = [`a b`, `$(touch /tmp/pwned)`, '`id`', `'; rm -rf ~; echo '`, `x\ny`, `{"a": "b"}`, `*`, `--region`, ''];
    for (const value of hostile) {
      // The shell itself must give back exactly the value as one argument.
      const echoed = execFileSync('sh', ['-c', `printf '%s' ${shellQuote(value)}`], { encoding: 'utf8' });
      assert.equal(echoed, value, `round trip of ${JSON.stringify(value)}`);
    }
    assert.equal(shellQuote('orders-2026'), 'orders-2026');
    assert.equal(
      formatCliCommand({ service: 'lambda', operation: 'x', args: [['--error-message', '--region us-east-1']] }, chain),
      "aws lambda x --error-message='--region us-east-1' --region us-east-1",
    );
  });

  it('writes several commands as lines of one script', () => {
    const commands = ['a', 'b'].map((id) => ({ service: 'dynamodb', operation: 'delete-backup', args: [['--backup-arn', id] as const] }));
    assert.equal(
      formatCliCommands(commands, () => chain),
      'aws dynamodb delete-backup --backup-arn a --region us-east-1\naws dynamodb delete-backup --backup-arn b --region us-east-1',
    );
  });
});

describe('Clients table', () => {
  it('is what the awsHistory.endpoints setting offers, key for key', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, { properties?: Record<string, unknown> }> } };
    };
    const keys = Object.keys(manifest.contributes.configuration.properties['awsHistory.endpoints']?.properties ?? {});
    assert.deepEqual([...keys].sort(), [...clientKeys].sort());
  });
});
