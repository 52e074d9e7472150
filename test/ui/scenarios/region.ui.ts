import * as assert from 'node:assert/strict';
import { eventually } from '../eventually';
import { changeConnection, connectionItem, customEndpointNote } from '../flows';
import { loadMoreLabel } from '../pages/treeView';
import { containerTitle, ui } from '../session';

async function expectRegion(region: string): Promise<void> {
  const { workbench, views, truth } = ui();
  await eventually(async () => assert.equal(await workbench.statusBarText(connectionItem()), `default @ ${region}${customEndpointNote}`));
  const backups = truth.userBackups(region).map((b) => b.backupName);
  await eventually(async () => {
    const labels = (await views.dynamodb.children()).map((r) => r.label);
    assert.deepEqual(labels, backups.length > 10 ? [...backups.slice(0, 10), loadMoreLabel] : backups, `DynamoDB backups in ${region}`);
  });
  await eventually(async () =>
    assert.deepEqual(
      (await views.aurora.children()).map((r) => r.label),
      truth.clusterIds(region),
      `clusters in ${region}`,
    ),
  );
  await eventually(async () =>
    assert.deepEqual(
      (await views.lambda.children()).map((r) => r.label),
      truth.durableFunctions(region),
      `functions in ${region}`,
    ),
  );
}

describe('Switching region from the status bar', () => {
  before(async () => {
    await ui().workbench.sideBar.open(containerTitle);
    await ui().workbench.sideBar.expandAllViews();
  });

  it('resets every view to the new region, and back', async () => {
    await changeConnection('region', 'eu-west-1');
    await expectRegion('eu-west-1');
    // Earlier scenarios loaded more pages here; a reset tree starts again at one page.
    await changeConnection('region', 'us-east-1');
    await expectRegion('us-east-1');
  });
});
