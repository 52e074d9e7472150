// A modal dialog of the workbench (`showWarningMessage(…, { modal: true }, …)`): its text and buttons.
import type { Locator, Page } from 'playwright-core';
import { exactText } from './text';

export class ModalDialog {
  readonly box: Locator;

  constructor(page: Page) {
    this.box = page.locator('.monaco-dialog-box');
  }

  async isOpen(): Promise<boolean> {
    return (await this.box.count()) > 0 && (await this.box.first().isVisible());
  }

  /** Message and detail, as shown. */
  async text(): Promise<string> {
    const parts = await this.box.first().locator('.dialog-message-text, .dialog-message-detail').allTextContents();
    return parts.map((t) => t.trim()).join('\n');
  }

  async buttons(): Promise<string[]> {
    return (await this.box.first().locator('.dialog-buttons .monaco-button').allTextContents()).map((t) => t.trim());
  }

  async click(label: string): Promise<void> {
    await this.box
      .first()
      .locator('.dialog-buttons .monaco-button', { hasText: exactText(label) })
      .click();
  }
}
