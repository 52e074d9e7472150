import * as assert from 'node:assert/strict';
import { decisionId, displayValue, resolveSetting, type Decision } from '../../src/aws/settingApproval';

/*
 * Issue 11: a workspace value of endpoints, profile or region applies only once approved for that
 * workspace and value; until then the user's value (or the default) applies and the value is reported.
 */
const endpointsDefault = {};
const userEndpoints = { dynamodb: 'http://127.0.0.1:4566' };
const repoEndpoints = { dynamodb: 'https://attacker.example', rds: 'https://attacker.example', lambda: 'https://attacker.example' };
const none = (): Decision | undefined => undefined;

describe('workspace setting approval', () => {
  it('uses the default, ignoring an unapproved workspace value, and reports where it came from', () => {
    const resolved = resolveSetting('endpoints', { defaultValue: endpointsDefault, workspaceValue: repoEndpoints }, repoEndpoints, true, none);
    assert.deepEqual(resolved.value, endpointsDefault);
    assert.equal(resolved.ignored.length, 1);
    assert.deepEqual(resolved.ignored[0], {
      key: 'endpoints',
      value: repoEndpoints,
      layer: 'workspace',
      id: decisionId('endpoints', repoEndpoints),
      restricted: false,
    });
  });

  it("falls back to the user's own value rather than the default", () => {
    const resolved = resolveSetting('profile', { defaultValue: '', globalValue: 'dev', workspaceValue: 'prod-admin' }, 'prod-admin', true, none);
    assert.equal(resolved.value, 'dev');
    assert.equal(resolved.ignored[0]?.key, 'profile');
  });

  it('uses the workspace value (as VS Code merges it) once approved for exactly that value', () => {
    const merged = { ...userEndpoints, ...repoEndpoints };
    const approved = new Map<string, Decision>([[decisionId('endpoints', repoEndpoints), 'use']]);
    const resolved = resolveSetting('endpoints', { defaultValue: {}, globalValue: userEndpoints, workspaceValue: repoEndpoints }, merged, true, (id) =>
      approved.get(id),
    );
    assert.deepEqual(resolved, { value: merged, ignored: [] });
    // Another value (one character differs) needs its own approval.
    const changed = { ...repoEndpoints, lambda: 'https://attacker.example/' };
    const again = resolveSetting('endpoints', { defaultValue: {}, globalValue: userEndpoints, workspaceValue: changed }, changed, true, (id) =>
      approved.get(id),
    );
    assert.deepEqual(again.value, userEndpoints);
    assert.equal(again.ignored.length, 1);
  });

  it('keeps ignoring a value the user chose to ignore', () => {
    const id = decisionId('region', 'eu-west-1');
    const resolved = resolveSetting('region', { defaultValue: '', workspaceValue: 'eu-west-1' }, 'eu-west-1', true, (d) => (d === id ? 'ignore' : undefined));
    assert.equal(resolved.value, '');
    assert.equal(resolved.ignored.length, 1);
  });

  it('needs no approval for a workspace value equal to the user value (key order aside)', () => {
    const reordered = { rds: 'https://attacker.example', lambda: 'https://attacker.example', dynamodb: 'https://attacker.example' };
    const resolved = resolveSetting('endpoints', { defaultValue: {}, globalValue: repoEndpoints, workspaceValue: reordered }, repoEndpoints, true, none);
    assert.deepEqual(resolved, { value: repoEndpoints, ignored: [] });
    assert.equal(decisionId('endpoints', reordered), decisionId('endpoints', repoEndpoints));
  });

  it('needs every workspace layer approved: the folder value as well as the workspace value', () => {
    const approved = new Set([decisionId('region', 'eu-west-1')]);
    const decide = (id: string): Decision | undefined => (approved.has(id) ? 'use' : undefined);
    const resolved = resolveSetting(
      'region',
      { defaultValue: '', globalValue: 'us-east-1', workspaceValue: 'eu-west-1', workspaceFolderValue: 'ap-south-1' },
      'ap-south-1',
      true,
      decide,
    );
    assert.equal(resolved.value, 'us-east-1');
    assert.deepEqual(
      resolved.ignored.map((i) => [i.layer, i.value]),
      [['workspaceFolder', 'ap-south-1']],
    );
  });

  it('ignores workspace values in Restricted Mode, even approved ones, and marks them restricted', () => {
    const approved = (): Decision => 'use';
    const resolved = resolveSetting('endpoints', { defaultValue: {}, workspaceValue: repoEndpoints }, repoEndpoints, false, approved);
    assert.deepEqual(resolved.value, {});
    assert.equal(resolved.ignored[0]?.restricted, true);
  });

  it('keys decisions by setting and value, without the value in the key', () => {
    assert.notEqual(decisionId('profile', 'prod'), decisionId('region', 'prod'));
    assert.notEqual(decisionId('profile', 'prod'), decisionId('profile', 'prod '));
    assert.match(decisionId('endpoints', repoEndpoints), /^[0-9a-f]{64}$/);
    assert.ok(!decisionId('endpoints', repoEndpoints).includes('attacker'));
  });

  it('shows values as one line of JSON: control characters escaped', () => {
    assert.equal(displayValue('prod\nadmin'), '"prod\\nadmin"');
    assert.equal(displayValue({ rds: 'https://b', dynamodb: 'https://a' }), '{"dynamodb":"https://a","rds":"https://b"}');
  });
});
