// The activity bar and the side bar: which view container is open and which view sections it has.
import * as assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { eventually } from '../eventually';
import { TreeView } from './treeView';

export class SideBar {
  readonly part: Locator;

  constructor(private readonly page: Page) {
    this.part = page.locator('#workbench\\.parts\\.sidebar');
  }

  /** The activity bar icon of a view container, by its title. */
  activityItem(title: string): Locator {
    return this.page.locator(`.activitybar .action-item a.action-label[aria-label^="${title}"]`);
  }

  /** Title of the container the side bar shows ('' when the side bar is hidden). */
  async containerTitle(): Promise<string> {
    if (!(await this.part.isVisible())) {
      return '';
    }
    return ((await this.part.locator('.composite.title h2').first().textContent()) ?? '').trim();
  }

  /** Clicks the container's activity bar icon unless the side bar already shows it. */
  async open(title: string): Promise<void> {
    if ((await this.containerTitle()).toLowerCase() !== title.toLowerCase()) {
      await this.activityItem(title).click();
    }
    await eventually(async () => assert.equal((await this.containerTitle()).toLowerCase(), title.toLowerCase(), 'side bar container'));
  }

  /** Titles of the view sections, top to bottom. */
  async viewTitles(): Promise<string[]> {
    return (await this.part.locator('.pane-header h3.title').allTextContents()).map((t) => t.trim());
  }

  view(title: string): TreeView {
    return new TreeView(this.page, title);
  }

  /** Expands one view section and collapses the others, so its tree gets the whole height. */
  async focusView(title: string): Promise<TreeView> {
    for (const other of await this.viewTitles()) {
      if (other !== title) {
        await this.view(other).collapse();
      }
    }
    const view = this.view(title);
    await view.expand();
    return view;
  }

  /** Expands every view section (the container's initial layout). */
  async expandAllViews(): Promise<void> {
    for (const title of await this.viewTitles()) {
      await this.view(title).expand();
    }
  }

  /** Drags the side bar's edge so it is `width` px wide (README screenshots want the descriptions visible). */
  async resize(width: number): Promise<void> {
    const box = await this.part.boundingBox();
    assert.ok(box, 'side bar is on screen');
    const edgeX = box.x + box.width;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(edgeX - 1, y);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + width, y, { steps: 8 });
    await this.page.mouse.up();
    await eventually(async () => {
      const now = await this.part.boundingBox();
      assert.ok(now && Math.abs(now.width - width) < 8, `side bar is ${now?.width ?? 0} px wide, want ${width}`);
    });
  }
}
