// The workbench's context menu (custom-drawn in the browser; Playwright's locators reach into its shadow root).
import type { Locator, Page } from 'playwright-core';
import { exactText } from './text';

export class ContextMenu {
  readonly menu: Locator;

  constructor(page: Page) {
    this.menu = page.locator('.context-view .monaco-menu');
  }

  async waitOpen(): Promise<void> {
    await this.menu.waitFor({ state: 'visible' });
  }

  /** Labels of the enabled and disabled entries, in order (separators left out). */
  async items(): Promise<string[]> {
    return (await this.menu.locator('.action-item:not(.disabled) .action-label').allTextContents()).map((t) => t.trim()).filter(Boolean);
  }

  /**
   * Clicks an entry. A menu only listens for clicks 100 ms after it opened (so the release of the right
   * button cannot pick an entry; see BaseMenuActionViewItem in VS Code's menu.ts), and nothing on screen
   * says when that time is over: a click that leaves the menu open is repeated, as a person would.
   */
  async click(label: string): Promise<void> {
    const item = this.menu.locator('.action-item .action-label', { hasText: exactText(label) });
    for (let attempt = 1; ; attempt++) {
      await item.click();
      try {
        await this.menu.waitFor({ state: 'hidden', timeout: 1000 });
        return;
      } catch (error) {
        if (attempt >= 5) {
          throw error;
        }
      }
    }
  }
}
