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

  async click(label: string): Promise<void> {
    await this.menu.locator('.action-item .action-label', { hasText: exactText(label) }).click();
    await this.menu.waitFor({ state: 'hidden' });
  }
}
