// One view section of the side bar (a pane with a tree), read and driven through what is on screen: the
// rows' text, their aria attributes (level, position, set size: what a screen reader announces) and the
// pane header. The tree is virtualized, so reading a whole list means scrolling it, as a user would.
import * as assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { eventually } from '../eventually';
import { ContextMenu } from './contextMenu';
import { exactText } from './text';

export interface TreeRow {
  /** Position in the flattened tree (`data-index`). */
  index: number;
  label: string;
  description: string;
  /** 1 for the view's root rows. */
  level: number;
  posInSet: number;
  setSize: number;
  /** Undefined for rows that cannot expand. */
  expanded: boolean | undefined;
  selected: boolean;
  /** What a screen reader announces for the row (the TreeItem's accessibility label). */
  ariaLabel: string;
}

interface RenderedRow extends TreeRow {
  /** Has the keyboard focus (VS Code's `focused` class; the list's aria-activedescendant). */
  focused: boolean;
  /** Row fully inside the scrolled viewport (only such rows are safe to click). */
  visible: boolean;
  /** Offset from the top of the whole list content, in px. */
  offset: number;
  height: number;
}

interface Rendered {
  rows: RenderedRow[];
  scrollTop: number;
  viewportHeight: number;
  contentHeight: number;
}

/** Labels of the tree's own status rows (src/tree/statusRows.ts). */
export const loadMoreLabel = 'Load more…';
export const loadingLabel = 'Loading…';

export class TreeView {
  readonly pane: Locator;
  readonly header: Locator;
  readonly list: Locator;
  private readonly scroller: Locator;

  constructor(
    private readonly page: Page,
    readonly title: string,
  ) {
    this.pane = page.locator('.pane').filter({ has: page.locator('.pane-header h3.title', { hasText: exactText(title) }) });
    this.header = this.pane.locator('.pane-header');
    this.list = this.pane.locator('.monaco-list[role=tree]');
    this.scroller = this.list.locator('.monaco-scrollable-element').first();
  }

  async isExpanded(): Promise<boolean> {
    return (await this.header.getAttribute('aria-expanded')) === 'true';
  }

  /** Opens the section (clicking its header) if it is collapsed. */
  async expand(): Promise<void> {
    if (!(await this.isExpanded())) {
      await this.header.click();
    }
    await eventually(async () => assert.ok(await this.isExpanded(), `${this.title} section is expanded`));
  }

  async collapse(): Promise<void> {
    if (await this.isExpanded()) {
      await this.header.click();
    }
    await eventually(async () => assert.ok(!(await this.isExpanded()), `${this.title} section is collapsed`));
  }

  /** The view's description next to its title (filters are named there); '' when there is none. */
  async description(): Promise<string> {
    // allTextContents reads without waiting: counting and then reading raced the element going away.
    return ((await this.header.locator('.description').allTextContents())[0] ?? '').trim();
  }

  /** A title-bar action such as "Refresh"; they show while the header is hovered. */
  async clickTitleAction(label: string): Promise<void> {
    await this.header.hover();
    await this.header.locator(`.actions a.action-label[aria-label="${label}"]`).click();
  }

  /** The message the extension shows above the tree ('' when there is none). */
  async message(): Promise<string> {
    // One read in the page: counting, then reading, raced the message hiding in between and left
    // textContent waiting 30 s for an element that no longer matched.
    return this.pane.locator('.message').evaluateAll((elements) => {
      const shown = elements.find((element) => !element.classList.contains('hide') && (element as HTMLElement).offsetParent !== null);
      return (shown?.textContent ?? '').trim();
    });
  }

  /** The welcome content shown instead of the tree (text of its paragraphs, labels of its buttons). */
  async welcome(): Promise<{ text: string; buttons: string[] }> {
    const content = this.pane.locator('.welcome-view-content');
    if (!(await content.isVisible())) {
      return { text: '', buttons: [] };
    }
    const text = (await content.locator('p').allTextContents()).map((t) => t.trim()).join('\n');
    const buttons = (await content.locator('.monaco-button').allTextContents()).map((t) => t.trim());
    return { text, buttons };
  }

  async clickWelcomeButton(label: string): Promise<void> {
    await this.pane.locator('.welcome-view-content .monaco-button', { hasText: exactText(label) }).click();
  }

  /** Every row of the tree in order, expanded children included; scrolls through the list to read them. */
  async rows(): Promise<TreeRow[]> {
    let view = await this.rendered();
    if (view.contentHeight <= view.viewportHeight + 1) {
      return view.rows.map(toTreeRow);
    }
    const seen = new Map<number, TreeRow>();
    view = await this.scrolledToTop();
    for (let step = 0; step < 500; step++) {
      for (const row of view.rows) {
        seen.set(row.index, toTreeRow(row));
      }
      if (view.scrollTop >= view.contentHeight - view.viewportHeight - 0.5) {
        break;
      }
      const next = await this.wheelStep(1);
      if (next.scrollTop === view.scrollTop) {
        break; // the list would not scroll further
      }
      view = next;
    }
    return [...seen.values()].sort((a, b) => a.index - b.index);
  }

  /** The rows of one list: the view's root (no parent) or the children of the row labelled `parent`. */
  async children(parent?: string): Promise<TreeRow[]> {
    const all = await this.rows();
    if (parent === undefined) {
      return all.filter((row) => row.level === 1);
    }
    const at = all.findIndex((row) => row.label === parent);
    assert.ok(at >= 0, `row "${parent}" is in ${this.title}: ${JSON.stringify(all.map((r) => r.label))}`);
    const owner = all[at];
    const out: TreeRow[] = [];
    for (let i = at + 1; i < all.length && all[i].level > owner.level; i++) {
      if (all[i].level === owner.level + 1) {
        out.push(all[i]);
      }
    }
    return out;
  }

  /**
   * The row labelled `label` (at `level` when given), scrolled fully into view so it can be clicked.
   * Fails when no such row exists in the tree.
   */
  async reveal(label: string, level?: number): Promise<Locator> {
    const matches = (row: TreeRow): boolean => row.label === label && (level === undefined || row.level === level);
    let view = await this.rendered();
    let index = view.rows.find(matches)?.index;
    if (index === undefined) {
      const all = await this.rows();
      index = all.find(matches)?.index;
      assert.ok(index !== undefined, `${this.title} has a row "${label}"${level ? ` at level ${level}` : ''}: ${JSON.stringify(all.map((r) => r.label))}`);
      view = await this.rendered();
    }
    for (let step = 0; step < 500; step++) {
      const row = view.rows.find((r) => r.index === index);
      if (row?.visible) {
        return this.list.locator(`.monaco-list-row[data-index="${index}"]`);
      }
      const firstShown = view.rows.find((r) => r.visible)?.index ?? 0;
      const next = await this.wheelStep(index < firstShown || (row !== undefined && row.offset < view.scrollTop) ? -1 : 1);
      if (next.scrollTop === view.scrollTop) {
        break;
      }
      view = next;
    }
    assert.fail(`could not scroll "${label}" into view in ${this.title}`);
  }

  /**
   * Clicks a row's label: runs its command, or toggles a row that only expands; modifiers extend the
   * selection. With `until`, the click is repeated (at most 3 times) until that check passes: VS Code
   * drops a click on a row whose list is being re-read at that moment (its command is already disposed,
   * "Actual command not found" in the log) and nothing on screen tells a person to wait; they click again.
   */
  async click(label: string, options: { level?: number; modifiers?: Array<'ControlOrMeta' | 'Shift'>; until?: () => Promise<unknown> } = {}): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const row = await this.reveal(label, options.level);
      await row.locator('.label-name').click(options.modifiers ? { modifiers: options.modifiers } : {});
      if (!options.until) {
        return;
      }
      try {
        await eventually(options.until, { timeoutMs: 3000 });
        return;
      } catch (error) {
        if (attempt >= 3) {
          throw error;
        }
      }
    }
  }

  /** The row with the keyboard focus (the list scrolls it into view), once the tree has one. */
  async focusedRow(): Promise<TreeRow> {
    return eventually(async () => {
      const row = (await this.rendered()).rows.find((r) => r.focused);
      assert.ok(row, `a row of ${this.title} has the keyboard focus`);
      return toTreeRow(row);
    });
  }

  /**
   * Moves the keyboard focus to the row labelled `label` (at `level` when given) with Home and the arrow
   * keys, as a keyboard user does; the tree must have the focus. Fails after `maxKeys` presses.
   */
  async focusRow(label: string, level?: number, maxKeys = 120): Promise<TreeRow> {
    await this.page.keyboard.press('Home');
    for (let presses = 0; ; presses++) {
      const row = await this.focusedRow();
      if (row.label === label && (level === undefined || row.level === level)) {
        return row;
      }
      assert.ok(presses < maxKeys, `"${label}" reached with the arrow keys in ${this.title} (at "${row.label}" after ${presses} presses)`);
      await this.page.keyboard.press('ArrowDown');
      // The next row is focused when the list has handled the key: wait until the focus moved.
      await eventually(async () => assert.notEqual((await this.focusedRow()).index, row.index, 'the focus moved down'));
    }
  }

  /** Expands a row with its twistie and waits until its children replaced the loading row. */
  async expandRow(label: string): Promise<TreeRow[]> {
    const row = await this.reveal(label);
    if ((await row.getAttribute('aria-expanded')) !== 'true') {
      await row.locator('.monaco-tl-twistie').click();
    }
    return eventually(async () => {
      const children = await this.children(label);
      assert.ok(children.length > 0 && children.at(-1)?.label !== loadingLabel, `children of "${label}" have loaded`);
      return children;
    });
  }

  async collapseRow(label: string): Promise<void> {
    const row = await this.reveal(label);
    if ((await row.getAttribute('aria-expanded')) === 'true') {
      await row.locator('.monaco-tl-twistie').click();
    }
    await eventually(async () => assert.equal(await (await this.reveal(label)).getAttribute('aria-expanded'), 'false'));
  }

  /** Right-clicks a row and returns its context menu. */
  async contextMenu(label: string, level?: number): Promise<ContextMenu> {
    const row = await this.reveal(label, level);
    await row.locator('.label-name').click({ button: 'right' });
    const menu = new ContextMenu(this.page);
    await menu.waitOpen();
    return menu;
  }

  /** Clicks one of the icons a row shows while hovered (e.g. "Copy ARN"). */
  async clickInlineAction(label: string, action: string, level?: number): Promise<void> {
    const row = await this.reveal(label, level);
    await row.hover();
    await row.locator(`.actions a.action-label[aria-label="${action}"]`).click();
  }

  /**
   * Clicks the "Load more…" row of a list (the root's, or the one under `parent`) and waits until the
   * list on screen changed (the row turns into "Loading…", more rows, or an error). The scenario then
   * checks what it changed into.
   */
  async clickLoadMore(parent?: string): Promise<void> {
    const before = await this.children(parent);
    const level = before[0]?.level;
    assert.ok(level !== undefined, `"${parent ?? this.title}" has rows`);
    assert.equal(before.at(-1)?.label, loadMoreLabel, `the last row of "${parent ?? this.title}" is ${loadMoreLabel}`);
    const shown = (rows: TreeRow[]): string => JSON.stringify(rows.map((r) => [r.label, r.description, r.setSize]));
    await this.click(loadMoreLabel, {
      level,
      until: async () => assert.notEqual(shown(await this.children(parent)), shown(before), `the list on screen changes when ${loadMoreLabel} is clicked`),
    });
  }

  private async rendered(): Promise<Rendered> {
    await this.list.waitFor({ state: 'visible' });
    return this.list.evaluate((list): Rendered => {
      const rowsElement = list.querySelector<HTMLElement>('.monaco-list-rows');
      const viewport = (list.querySelector('.monaco-scrollable-element') ?? list).getBoundingClientRect();
      if (!rowsElement) {
        return { rows: [], scrollTop: 0, viewportHeight: viewport.height, contentHeight: 0 };
      }
      const content = rowsElement.getBoundingClientRect();
      const rows: RenderedRow[] = [];
      for (const row of Array.from(rowsElement.querySelectorAll(':scope > .monaco-list-row'))) {
        const rect = row.getBoundingClientRect();
        const expanded = row.getAttribute('aria-expanded');
        rows.push({
          index: Number(row.getAttribute('data-index')),
          label: (row.querySelector('.label-name')?.textContent ?? '').trim(),
          description: (row.querySelector('.label-description')?.textContent ?? '').trim(),
          level: Number(row.getAttribute('aria-level')),
          posInSet: Number(row.getAttribute('aria-posinset')),
          setSize: Number(row.getAttribute('aria-setsize')),
          expanded: expanded === null ? undefined : expanded === 'true',
          selected: row.getAttribute('aria-selected') === 'true',
          ariaLabel: row.getAttribute('aria-label') ?? '',
          focused: row.classList.contains('focused'),
          visible: rect.height > 0 && rect.top >= viewport.top - 0.5 && rect.bottom <= viewport.bottom + 0.5,
          offset: rect.top - content.top,
          height: rect.height,
        });
      }
      rows.sort((a, b) => a.index - b.index);
      return { rows, scrollTop: viewport.top - content.top, viewportHeight: viewport.height, contentHeight: rowsElement.offsetHeight };
    });
  }

  /** Scrolls the tree back to its first row. */
  async scrollToTop(): Promise<void> {
    await this.scrolledToTop();
  }

  private async scrolledToTop(): Promise<Rendered> {
    let view = await this.rendered();
    for (let step = 0; step < 500 && view.scrollTop > 0.5; step++) {
      const next = await this.wheelStep(-1);
      if (next.scrollTop === view.scrollTop) {
        break;
      }
      view = next;
    }
    return view;
  }

  /**
   * One notch of the mouse wheel over the list (Monaco scrolls a fixed distance per notch, whatever the
   * delta), then the rows as rendered in the next frame.
   */
  private async wheelStep(direction: 1 | -1): Promise<Rendered> {
    const box = await this.scroller.boundingBox();
    assert.ok(box, `${this.title} list is on screen`);
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await this.page.mouse.wheel(0, direction * 100);
    await this.page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
    return this.rendered();
  }
}

function toTreeRow(row: RenderedRow): TreeRow {
  const { index, label, description, level, posInSet, setSize, expanded, selected, ariaLabel } = row;
  return { index, label, description, level, posInSet, setSize, expanded, selected, ariaLabel };
}
