import * as assert from 'node:assert/strict';
import { consoleUrl, isConsoleUrl } from '../../src/aws/console';

describe('Open in AWS Console URLs', () => {
  it('builds https console URLs for the commercial, China and GovCloud partitions', () => {
    assert.equal(
      consoleUrl('eu-west-1', 'dynamodbv2/home', 'backups')?.href,
      'https://eu-west-1.console.aws.amazon.com/dynamodbv2/home?region=eu-west-1#backups',
    );
    assert.equal(
      consoleUrl('cn-north-1', 'rds/home', 'database:id=orders;is-cluster=true')?.href,
      'https://cn-north-1.console.amazonaws.cn/rds/home?region=cn-north-1#database:id=orders;is-cluster=true',
    );
    assert.equal(
      consoleUrl('us-gov-west-1', 'lambda/home', '/functions/fn')?.href,
      'https://console.amazonaws-us-gov.com/lambda/home?region=us-gov-west-1#/functions/fn',
    );
  });

  it('refuses a region that breaks the region rule (no URL at all)', () => {
    for (const region of ['', 'US-EAST-1', 'evil.com/', 'us-east-1.evil.com#', 'x@evil.com', 'us-east-1/../..', '@evil.com:443', 'us-east-1\n']) {
      assert.equal(consoleUrl(region, 'dynamodbv2/home', 'backups'), undefined, JSON.stringify(region));
    }
  });

  it('keeps names in the path and fragment: they cannot change the host', () => {
    const url = consoleUrl('us-east-1', 'lambda/home', `/functions/${encodeURIComponent('a@evil.com/x?y#z')}`);
    assert.equal(url?.hostname, 'us-east-1.console.aws.amazon.com');
    assert.ok(url && isConsoleUrl(url));
  });

  it('accepts only https on the three console hosts, without credentials or ports', () => {
    for (const good of ['https://us-east-1.console.aws.amazon.com/x', 'https://cn-north-1.console.amazonaws.cn/', 'https://console.amazonaws-us-gov.com/']) {
      assert.ok(isConsoleUrl(new URL(good)), good);
    }
    for (const bad of [
      'http://us-east-1.console.aws.amazon.com/',
      'https://console.aws.amazon.com.evil.com/',
      'https://evil.com/.console.aws.amazon.com',
      'https://user:pw@us-east-1.console.aws.amazon.com/',
      'https://us-east-1.console.aws.amazon.com:8443/',
      'https://a.b.console.aws.amazon.com/',
      'https://x.console.amazonaws-us-gov.com/',
      'command:workbench.action.terminal.new',
      'file:///etc/passwd',
      'javascript:alert(1)',
    ]) {
      assert.equal(isConsoleUrl(new URL(bad)), false, bad);
    }
  });
});
