import * as assert from 'node:assert/strict';
import { regionData } from '../../emulator/data';
import { eventually } from '../eventually';
import { openRestoreConfirmation } from '../flows';
import { containerTitle, ui } from '../session';

const view = () => ui().views.dynamodb;

describe('DynamoDB actions', () => {
  before(async () => {
    await ui().workbench.sideBar.open(containerTitle);
    await ui().workbench.sideBar.focusView(view().title);
  });

  afterEach(async () => {
    await ui().workbench.dismissPrompts();
  });

  it('restores a backup to a new table: real dialog, Copy as AWS CLI Command, typed name, progress to ACTIVE', async () => {
    const { workbench, truth, env } = ui();
    const backup = truth
      .userBackups()
      .slice(0, 10)
      .find((b) => b.tableName === 'Orders' && b.status === 'AVAILABLE');
    assert.ok(backup, 'an AVAILABLE Orders backup on the first page');
    const orders = regionData(env.truth, 'us-east-1').tables.find((t) => t.name === 'Orders')!;
    const dropped = orders.globalSecondaryIndexes[0].IndexName;
    const target = 'Orders-restored-ui';
    await eventually(async () => assert.ok((await view().children()).some((r) => r.label === backup.backupName)));
    await env.emulator.clearRequests();

    await openRestoreConfirmation(view(), backup.backupName, target, 'PAY_PER_REQUEST', [dropped]);
    const text = await workbench.dialog.text();
    assert.match(text, new RegExp(`Restore backup ${backup.backupName} to a new table ${target}\\?`));
    assert.match(text, /Account: 123456789012/);
    assert.match(text, /Region: us-east-1/);
    assert.match(text, new RegExp(`Secondary indexes left out: ${dropped}\\.`));
    const buttons = await workbench.dialog.buttons();
    assert.ok(buttons.includes('Restore') && buttons.includes('Copy as AWS CLI Command'), buttons.join(', '));

    const cli = await workbench.copied(() => workbench.dialog.click('Copy as AWS CLI Command'));
    assert.ok(
      cli.startsWith(
        `aws dynamodb restore-table-from-backup --target-table-name ${target} --backup-arn ${backup.backupArn} --billing-mode-override PAY_PER_REQUEST --global-secondary-index-override '`,
      ),
      cli,
    );
    assert.ok(!cli.includes(`"IndexName":"${dropped}"`), 'the left-out index is not in the override');
    assert.match(cli, / --region us-east-1/);
    await eventually(async () => assert.ok(await workbench.dialog.isOpen(), 'the dialog asks again after copying'));
    assert.ok(!(await env.emulator.requests({ operation: 'RestoreTableFromBackup' })).length, 'nothing restored yet');

    await workbench.dialog.click('Restore');
    const { quickInput } = workbench;
    await quickInput.waitOpen(`Restore backup ${backup.backupName} to a new table ${target}?`);
    await quickInput.type('Orders-restored');
    await eventually(async () => assert.match(await quickInput.validationMessage(), new RegExp(`Type ${target} exactly`)));
    await quickInput.accept();
    assert.ok(await quickInput.isOpen(), 'a wrong name does not confirm');
    assert.equal((await env.emulator.requests({ operation: 'RestoreTableFromBackup' })).length, 0);
    await quickInput.type(target);
    await eventually(async () => assert.equal(await quickInput.validationMessage(), ''));
    await quickInput.accept();
    await quickInput.waitClosed();

    await eventually(
      async () =>
        assert.ok(
          (await workbench.notifications()).some((n) => n === `Table ${target} is ACTIVE: the restore finished.`),
          JSON.stringify(await workbench.notifications()),
        ),
      { timeoutMs: 30_000 },
    );
    const restores = await env.emulator.requests({ operation: 'RestoreTableFromBackup' });
    assert.equal(restores.length, 1);
    assert.equal(restores[0].params.TargetTableName, target);
    assert.equal(restores[0].params.BackupArn, backup.backupArn);
    assert.equal(restores[0].params.BillingModeOverride, 'PAY_PER_REQUEST');
    const describes = await env.emulator.requests({ operation: 'DescribeTable' });
    assert.ok(describes.length >= 3 && describes.every((r) => r.params.TableName === target), 'the name check, then the progress polls');
  });
});
