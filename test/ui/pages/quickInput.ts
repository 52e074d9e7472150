// The quick input widget: the command palette, quick picks and input boxes all share it.
import * as assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { eventually } from '../eventually';
import { exactText } from './text';

export interface QuickPickRow {
  label: string;
  description: string;
  focused: boolean;
}

export class QuickInput {
  readonly root: Locator;
  readonly input: Locator;

  constructor(private readonly page: Page) {
    this.root = page.locator('.quick-input-widget');
    this.input = this.root.locator('.quick-input-box input');
  }

  /** Waits until the widget is open, showing `title` when given (one widget is reused for every prompt). */
  async waitOpen(title?: string): Promise<void> {
    await this.input.waitFor({ state: 'visible' });
    if (title !== undefined) {
      await eventually(async () => assert.equal(await this.title(), title, 'quick input title'));
    }
  }

  async waitClosed(): Promise<void> {
    await this.root.waitFor({ state: 'hidden' });
  }

  async isOpen(): Promise<boolean> {
    return this.root.isVisible();
  }

  async title(): Promise<string> {
    return ((await this.root.locator('.quick-input-title').textContent()) ?? '').replace(/\u00a0/g, ' ').trim();
  }

  /** Replaces what is in the box, as typing over a selection does. */
  async type(text: string): Promise<void> {
    await this.input.fill(text);
  }

  /** Types at the cursor key by key, as a keyboard user does (`type` fills the box in one go). */
  async typeKeys(text: string): Promise<void> {
    await this.input.pressSequentially(text);
  }

  /** The rows on screen (the list is virtualized; prompts here are short enough to fit). */
  async rows(): Promise<QuickPickRow[]> {
    return this.root.locator('.quick-input-list .monaco-list-row').evaluateAll((rows) =>
      rows.map((row) => ({
        label: (row.querySelector('.label-name')?.textContent ?? '').trim(),
        description: (row.querySelector('.label-description')?.textContent ?? '').trim(),
        focused: row.classList.contains('focused'),
      })),
    );
  }

  row(label: string): Locator {
    return this.root.locator('.quick-input-list .monaco-list-row').filter({ has: this.page.locator('.label-name', { hasText: exactText(label) }) });
  }

  /** Clicks the row labelled `label` (icons such as `$(table)` are not part of the label). */
  async pick(label: string): Promise<void> {
    const row = this.row(label);
    await eventually(async () => {
      const labels = (await this.rows()).map((r) => r.label);
      assert.ok(labels.includes(label), `"${label}" is among the picks: ${JSON.stringify(labels)}`);
    });
    await row.first().click();
  }

  /** Ticks or unticks a row of a multi-select pick by clicking it. */
  async toggle(label: string): Promise<void> {
    await this.pick(label);
  }

  /** Waits until the highlighted row is `label`, then presses Enter, as a user who typed enough does. */
  async acceptFocused(label: string | RegExp): Promise<void> {
    await eventually(async () => {
      const rows = await this.rows();
      const focused = rows.find((r) => r.focused);
      const ok = focused !== undefined && (typeof label === 'string' ? focused.label === label : label.test(focused.label));
      assert.ok(ok, `the highlighted pick is ${String(label)}; picks: ${JSON.stringify(rows.map((r) => `${r.focused ? '> ' : ''}${r.label}`))}`);
    });
    await this.input.press('Enter');
  }

  async accept(): Promise<void> {
    await this.input.press('Enter');
  }

  /** The validation message under the box (empty when the input is valid). */
  async validationMessage(): Promise<string> {
    const box = this.root.locator('.monaco-inputbox');
    const invalid = await box.evaluate((el) => el.classList.contains('error') || el.classList.contains('warning'));
    if (!invalid) {
      return '';
    }
    return ((await this.root.locator('.quick-input-message').textContent()) ?? '').trim();
  }

  async cancel(): Promise<void> {
    if (await this.isOpen()) {
      await this.input.press('Escape');
      await this.waitClosed();
    }
  }
}
