// Multi-step user flows shared by the scenarios and the README screenshot script.
import * as assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import { eventually } from './eventually';
import type { TreeView } from './pages/treeView';
import { ui } from './session';

/** What the status bar entry adds while requests go to the session's emulator (AWS_ENDPOINT_URL), not AWS. */
export const customEndpointNote = ' (custom endpoint)';

/** The extension's status bar entry, `profile @ region`. */
export function connectionItem(): Locator {
  return ui().workbench.statusBarItem(/ @ /);
}

/** Status bar entry → "Change profile…" or "Change region…" → the value (regions are typed, then Enter). */
export async function changeConnection(what: 'profile' | 'region', value: string): Promise<void> {
  const { quickInput } = ui().workbench;
  await connectionItem().click();
  await quickInput.waitOpen('AWS History Explorer connection');
  if (what === 'profile') {
    await quickInput.pick('Change profile…');
    await quickInput.waitOpen('Select AWS profile');
    await quickInput.pick(value);
  } else {
    await quickInput.pick('Change region…');
    await quickInput.waitOpen('Select AWS region');
    await quickInput.type(value);
    await quickInput.acceptFocused(value);
  }
  await quickInput.waitClosed();
}

/** Clicks a row that opens a details panel and waits for the panel's document titled `title`. */
export async function openDetails(view: TreeView, rowLabel: string, title: string): Promise<void> {
  const { workbench } = ui();
  await view.click(rowLabel, { until: async () => assert.equal(await workbench.activeTabTitle(), title, 'the details tab opened') });
  await workbench.panel.waitForDocument(title);
}

/**
 * In the backtrack panel on screen: the timeline's time picker focused, End (now), ← `steps` times (each a
 * hundredth of the window), Enter; then the options picker accepted with none. Returns the chosen time
 * (epoch ms) and its ISO form as the confirmation shows it; the confirmation modal opens next.
 */
export async function backtrackFromTimeline(cluster: string, steps: number): Promise<{ chosen: number; iso: string }> {
  const { workbench } = ui();
  await workbench.panel.scrollTo('timeline');
  const slider = workbench.panel.frame.getByRole('slider', { name: 'Backtrack the cluster to:' });
  await slider.focus();
  await slider.press('End');
  for (let i = 0; i < steps; i++) {
    await slider.press('ArrowLeft');
  }
  const chosen = Number(await slider.getAttribute('aria-valuenow'));
  const iso = new Date(chosen).toISOString().replace('.000Z', 'Z');
  assert.match((await slider.getAttribute('aria-valuetext')) ?? '', new RegExp(iso), 'the slider says the time it is on');
  await slider.press('Enter');
  await workbench.quickInput.waitOpen(`Backtrack ${cluster} to ${iso}: options`);
  assert.deepEqual(
    (await workbench.quickInput.rows()).map((r) => r.label),
    ['Force', 'Use earliest time if unavailable'],
  );
  await workbench.quickInput.accept();
  return { chosen, iso };
}

/**
 * Right-click a backup → "Restore to New Table…" → the new table's name → a billing mode → the secondary
 * indexes (all kept, or `untick` ones left out) → waits for the confirmation dialog, which stays open.
 */
export async function openRestoreConfirmation(
  view: TreeView,
  backupName: string,
  target: string,
  billing: string,
  untick: readonly string[] = [],
): Promise<void> {
  const { workbench } = ui();
  const { quickInput } = workbench;
  await (await view.contextMenu(backupName)).click('Restore to New Table…');
  await quickInput.waitOpen(`Restore ${backupName} to a new table`);
  await quickInput.type(target);
  await quickInput.accept();
  await quickInput.waitOpen('Billing mode of the new table');
  await quickInput.pick(billing);
  await quickInput.waitOpen('Secondary indexes to restore');
  for (const index of untick) {
    await quickInput.toggle(index);
  }
  await quickInput.accept();
  await eventually(async () => assert.ok(await workbench.dialog.isOpen(), 'the confirmation dialog is open'));
}
