import * as assert from 'node:assert/strict';
import { eventually } from '../eventually';
import { changeConnection, connectionItem, customEndpointNote } from '../flows';
import { profileWithoutCredentials } from '../uiEnvironment';
import { containerTitle, ui, ViewTitle } from '../session';
import { loadMoreLabel } from '../pages/treeView';

const noCredentialsText = 'No AWS credentials could be resolved for the current profile.';

describe('The AWS History container', () => {
  it('has the three views, each showing data when credentials resolve', async () => {
    const { workbench, views, truth } = ui();
    await workbench.sideBar.open(containerTitle);
    assert.deepEqual(await workbench.sideBar.viewTitles(), [ViewTitle.dynamodb, ViewTitle.aurora, ViewTitle.lambda]);
    await eventually(async () => {
      const rows = await views.dynamodb.children();
      assert.deepEqual(
        rows.map((r) => r.label),
        [
          ...truth
            .userBackups()
            .slice(0, 10)
            .map((b) => b.backupName),
          loadMoreLabel,
        ],
      );
    });
    await eventually(async () =>
      assert.deepEqual(
        (await views.aurora.children()).map((r) => r.label),
        truth.clusterIds(),
      ),
    );
    await eventually(async () =>
      assert.deepEqual(
        (await views.lambda.children()).map((r) => r.label),
        truth.durableFunctions(),
      ),
    );
    assert.equal(await workbench.statusBarText(connectionItem()), `default @ us-east-1${customEndpointNote}`);
  });

  it('shows welcome content with its buttons when the profile has no credentials, and data again after picking one there', async () => {
    const { workbench, views, truth } = ui();
    await workbench.sideBar.open(containerTitle);
    await changeConnection('profile', profileWithoutCredentials);
    await eventually(async () =>
      assert.equal(await workbench.statusBarText(connectionItem()), `${profileWithoutCredentials} @ us-east-1${customEndpointNote}`),
    );
    for (const view of [views.dynamodb, views.aurora, views.lambda]) {
      await eventually(async () => {
        const welcome = await view.welcome();
        assert.ok(welcome.text.startsWith(noCredentialsText), `${view.title} welcome text: ${welcome.text}`);
        assert.deepEqual(welcome.buttons, ['Select Profile', 'Select Region'], `${view.title} welcome buttons`);
      });
    }

    await views.dynamodb.clickWelcomeButton('Select Profile');
    await workbench.quickInput.waitOpen('Select AWS profile');
    await workbench.quickInput.pick('default');
    await eventually(async () => assert.equal(await workbench.statusBarText(connectionItem()), `default @ us-east-1${customEndpointNote}`));
    await eventually(async () =>
      assert.deepEqual(
        (await views.aurora.children()).map((r) => r.label),
        truth.clusterIds(),
      ),
    );
    for (const view of [views.dynamodb, views.aurora, views.lambda]) {
      assert.equal((await view.welcome()).text, '', `${view.title} shows its tree again`);
    }
  });
});
