// Smoke test in the real extension host: activation works, the views exist, and activation stays cheap
// (the AWS SDK chunks and the extension's lazy chunks are loaded on first use, not at startup).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { createRequire } from 'node:module';

const extensionId = 'aws-history-explorer.aws-history-explorer';
const viewIds = ['awsHistory.dynamodbBackups', 'awsHistory.auroraBacktracks', 'awsHistory.lambdaDurableExecutions'];
const sdkModule = /@aws-sdk|[\\/]dist[\\/]sdk[\\/]/;
/** The lazy chunks of the extension's own code (details, actions, panel host, error texts): loaded at first use. */
const lazyChunk = /[\\/]dist[\\/]lazy[\\/]/;

/**
 * Files in Node's real module cache. Not this file's `require.cache`: in a bundle `require` may be
 * esbuild's shim. A `require` made by Node's own `createRequire` has `.cache === Module._cache`, the single
 * cache every CommonJS load in the extension host goes through (VS Code loads extensions with Node's
 * loader), so it lists dist/extension.js and any SDK chunk it pulled in.
 */
function loadedModuleFiles(): string[] {
  return Object.keys(createRequire(__filename).cache);
}

describe('smoke', () => {
  let extension: vscode.Extension<unknown>;

  before(() => {
    const found = vscode.extensions.getExtension(extensionId);
    assert.ok(found, `${extensionId} is not installed in the extension host`);
    extension = found;
  });

  it('activates and returns the test API', async () => {
    const api = await extension.activate();
    assert.ok(extension.isActive, 'extension is not active after activate()');
    assert.equal(typeof api, 'object', 'activate() must return the test API when AWS_HISTORY_TEST=1');
    assert.notEqual(api, null);
  });

  it('loads no AWS SDK module on activation', async () => {
    await extension.activate();
    const files = loadedModuleFiles();
    const entry = path.join(extension.extensionPath, 'dist', 'extension.js');
    assert.ok(files.includes(entry), `${entry} is not in the module cache, so the check below would prove nothing`);
    const sdk = files.filter((file) => sdkModule.test(file));
    assert.deepEqual(sdk, [], 'activation loaded AWS SDK modules');
  });

  it('loads none of its lazy chunks on activation', async () => {
    await extension.activate();
    assert.deepEqual(
      loadedModuleFiles().filter((file) => lazyChunk.test(file)),
      [],
      'activation loaded code that is needed only when a panel opens or a command runs',
    );
  });

  it('contributes the three views in the awsHistory container', () => {
    const packageJSON = extension.packageJSON as { contributes?: { views?: Record<string, Array<{ id: string }>> } };
    const contributed = (packageJSON.contributes?.views?.awsHistory ?? []).map((view) => view.id);
    assert.deepEqual(contributed, viewIds);
  });

  for (const viewId of viewIds) {
    it(`focuses ${viewId}`, async () => {
      await vscode.commands.executeCommand(`${viewId}.focus`);
    });
  }
});
