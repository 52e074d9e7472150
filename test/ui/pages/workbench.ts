// The workbench as a user meets it: the command palette, the status bar, themes, editors, the clipboard.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { eventually } from '../eventually';
import { ModalDialog } from './dialog';
import { QuickInput } from './quickInput';
import { SideBar } from './sideBar';
import { exactText } from './text';
import { DetailsPanel } from './webview';

/** Labels of the built-in themes in the "Preferences: Color Theme" picker. */
export const ThemeLabel = {
  light: 'Light Modern',
  dark: 'Dark Modern',
  highContrast: 'Dark High Contrast',
} as const;

export class WorkbenchPage {
  readonly quickInput: QuickInput;
  readonly sideBar: SideBar;
  readonly panel: DetailsPanel;
  readonly dialog: ModalDialog;

  constructor(readonly page: Page) {
    this.quickInput = new QuickInput(page);
    this.dialog = new ModalDialog(page);
    this.sideBar = new SideBar(page);
    this.panel = new DetailsPanel(page);
  }

  /**
   * F1, type the command's title, Enter: the way a user runs a command. Fails unless the highlighted
   * entry is the command (titles that open a prompt end with "…", which need not be typed). With
   * `click`, the entry is clicked instead, for built-in commands that rank below similar ones.
   */
  async runCommand(title: string, how: 'enter' | 'click' = 'enter'): Promise<void> {
    await this.quickInput.cancel();
    await this.page.keyboard.press('F1');
    await this.quickInput.waitOpen();
    await this.quickInput.type(`>${title}`);
    if (how === 'click') {
      await this.quickInput.pick(title);
    } else {
      await this.quickInput.acceptFocused(new RegExp(`^${escape(title)}…?$`));
    }
  }

  /** "Preferences: Color Theme", then the theme's label. */
  async selectColorTheme(label: string): Promise<void> {
    await this.runCommand('Preferences: Color Theme', 'click');
    await this.quickInput.waitOpen();
    await this.quickInput.type(label);
    await this.quickInput.acceptFocused(label);
    await this.quickInput.waitClosed();
  }

  /** The status bar entry whose text matches, e.g. the extension's `profile @ region` item. */
  statusBarItem(text: RegExp): Locator {
    return this.page.locator('#workbench\\.parts\\.statusbar .statusbar-item').filter({ hasText: text });
  }

  async statusBarText(item: Locator): Promise<string> {
    return ((await item.textContent()) ?? '').replace(/\s+/g, ' ').trim();
  }

  /**
   * Changes the user's settings.json the way a user does: "Preferences: Open User Settings (JSON)",
   * replace the text, save. (VS Code applies its own writes at once; a file changed behind its back may
   * not be noticed.) `file` is that settings.json on disk, read to start from and to see the save land.
   */
  async editUserSettings(file: string, edit: (settings: Record<string, unknown>) => void): Promise<void> {
    const settings = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    edit(settings);
    await this.runCommand('Preferences: Open User Settings (JSON)');
    await eventually(async () => assert.equal(await this.activeTabTitle(), 'settings.json'));
    await this.page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.insertText(JSON.stringify(settings));
    // The editor auto-closes the first brace and quote: drop whatever it added after the cursor.
    await this.page.keyboard.press('Shift+ControlOrMeta+End');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.press('ControlOrMeta+S');
    await eventually(async () => assert.deepEqual(JSON.parse(await fs.promises.readFile(file, 'utf8')), settings, 'settings.json is saved'));
    await this.closeAllEditors();
  }

  async closeAllEditors(): Promise<void> {
    if ((await this.page.locator('.tabs-container .tab').count()) === 0) {
      return;
    }
    await this.runCommand('View: Close All Editors');
    await eventually(async () => assert.equal(await this.page.locator('.tabs-container .tab').count(), 0, 'open editors'));
  }

  /** Brings an open editor to the front by clicking its tab. */
  async activateTab(title: string): Promise<void> {
    await this.page
      .locator('.tabs-container .tab')
      .filter({ has: this.page.locator('.label-name', { hasText: exactText(title) }) })
      .click();
    await eventually(async () => assert.equal(await this.activeTabTitle(), title, 'active editor'));
  }

  /** Title of the active editor tab ('' when none). */
  async activeTabTitle(): Promise<string> {
    return ((await this.page.locator('.tabs-container .tab.active .label-name').allTextContents())[0] ?? '').trim();
  }

  async readClipboard(): Promise<string> {
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  /**
   * Runs `action` and returns what it put on the clipboard. A marker written first tells a copy that
   * has not happened yet from one that copied the same text as before.
   */
  async copied(action: () => Promise<void>): Promise<string> {
    const marker = `ui-test-marker-${Date.now()}`;
    await this.page.evaluate((text) => navigator.clipboard.writeText(text), marker);
    await action();
    return eventually(async () => {
      const text = await this.readClipboard();
      assert.notEqual(text, marker, 'the clipboard changed');
      return text;
    });
  }

  /** Notification toasts on screen, as text. */
  async notifications(): Promise<string[]> {
    return (await this.page.locator('.notifications-toasts .notification-toast .notification-list-item-message').allTextContents()).map((t) => t.trim());
  }

  /** Closes prompts and menus a failed step may have left open. */
  async dismissPrompts(): Promise<void> {
    for (let i = 0; i < 3 && ((await this.quickInput.isOpen()) || (await this.page.locator('.context-view .monaco-menu').isVisible())); i++) {
      await this.page.keyboard.press('Escape');
    }
  }

  /** Parks the mouse on an empty part of the title bar so no hover or tooltip covers what follows. */
  async parkMouse(): Promise<void> {
    const box = await this.page.locator('#workbench\\.parts\\.titlebar').boundingBox();
    if (box) {
      await this.page.mouse.move(box.x + box.width - 60, box.y + box.height / 2);
    }
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
