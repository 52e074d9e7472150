import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Command } from '../../src/constants';
import { listProfiles } from '../../src/aws/profiles';
import { api, emulator, expand, itemRows, provider, waitFor } from './helpers';

describe('Profile and region', () => {
  afterEach(async () => {
    const config = vscode.workspace.getConfiguration('awsHistory');
    await config.update('profile', undefined, vscode.ConfigurationTarget.Global);
    await config.update('region', undefined, vscode.ConfigurationTarget.Global);
  });

  it('lists the profiles of the shared config and credentials files', async () => {
    const profiles = await listProfiles();
    const names = profiles.map((p) => p.name);
    assert.ok(names.includes('default'));
    assert.ok(names.includes('staging'));
    assert.equal(profiles.find((p) => p.name === 'staging')?.region, 'eu-west-1');
  });

  it('switching profile takes its region, rebuilds clients and resets the trees', async () => {
    const { session } = (await api()).feature;
    const p = await provider('dynamodb');
    p.refresh();
    const before = itemRows(await expand(p)).map((n) => n.id);
    assert.ok(before.length > 0);
    await emulator().clearRequests();
    await vscode.commands.executeCommand(Command.selectProfile, 'staging');
    await waitFor('the staging region', () => session.current.region === 'eu-west-1');
    assert.equal(session.current.profile, 'staging');
    const after = itemRows(await expand(p));
    const requests = await emulator().requests();
    assert.ok(
      requests.some((r) => r.operation === 'ListBackups' && r.region === 'eu-west-1'),
      'the list was fetched again in eu-west-1',
    );
    assert.ok(
      after.every((n) => n.id.startsWith('staging|eu-west-1|')),
      'ids carry the new profile and region',
    );
  });

  it('switching region resets the trees', async () => {
    const { session } = (await api()).feature;
    await vscode.commands.executeCommand(Command.selectRegion, 'us-west-2');
    await waitFor('the region', () => session.current.region === 'us-west-2');
    const p = await provider('dynamodb');
    const rows = await expand(p);
    assert.equal(itemRows(rows).length, 0, 'an empty region shows no backups');
  });

  it('refuses an invalid region', async () => {
    const { session } = (await api()).feature;
    const region = session.current.region;
    await vscode.commands.executeCommand(Command.selectRegion, 'mars-1');
    assert.equal(session.current.region, region);
  });
});
