// A details panel: the extension's webview page, two iframes deep (`iframe.webview` → `#active-frame`).
import * as assert from 'node:assert/strict';
import type { Frame, FrameLocator, Locator, Page } from 'playwright-core';
import { eventually } from '../eventually';
import { exactText } from './text';

export interface TimelinePicture {
  /** `.timeline-item` groups: one per drawn item. */
  items: number;
  highlighted: number;
  /** Point marks (`tl-mark`), arrows (`tl-arrow`) and bars (`tl-bar`). */
  marks: number;
  arrows: number;
  bars: number;
  /** Lane labels, top to bottom. */
  lanes: string[];
}

export class DetailsPanel {
  constructor(private readonly page: Page) {}

  /** The page inside the webview on screen (a panel in a background tab has no visible iframe). */
  get frame(): FrameLocator {
    return this.page.locator('iframe.webview.ready').filter({ visible: true }).contentFrame().locator('iframe#active-frame').contentFrame();
  }

  /** The same page as a Playwright `Frame`, for running scripts in it (the accessibility audit). */
  async pageFrame(): Promise<Frame> {
    const outer = await (await this.page.locator('iframe.webview.ready').filter({ visible: true }).elementHandle())?.contentFrame();
    const inner = await (await outer?.locator('iframe#active-frame').elementHandle())?.contentFrame();
    assert.ok(inner, 'a details panel is on screen');
    return inner;
  }

  /** The accessible name of the element that has the keyboard focus in the page ('' when none). */
  async focusedName(): Promise<string> {
    const focused = this.frame.locator(':focus');
    if ((await focused.count()) === 0) {
      return '';
    }
    return focused.first().evaluate((el) => el.getAttribute('aria-label') ?? (el.textContent ?? '').trim());
  }

  /** The editor tab of the active panel. */
  get tab(): Locator {
    return this.page.locator('.tabs-container .tab.active');
  }

  /** Waits for the document titled `title` to be rendered. */
  async waitForDocument(title: string): Promise<void> {
    await eventually(async () => assert.equal(await this.title(), title, 'details panel heading'), { timeoutMs: 20_000 });
  }

  /** The document's heading; '' while the page shows no document (loading, error, nothing drawn). */
  async title(): Promise<string> {
    return ((await this.frame.locator('header.panel-header h1').allTextContents())[0] ?? '').trim();
  }

  async subtitle(): Promise<string> {
    return ((await this.frame.locator('header.panel-header .subtitle').textContent()) ?? '').trim();
  }

  async status(): Promise<string> {
    return ((await this.frame.locator('header.panel-header .badge.status').textContent()) ?? '').trim();
  }

  /** The value shown for a field label (e.g. "Backup ARN"); fails if the field is absent. */
  async field(label: string): Promise<string> {
    const field = this.frame
      .locator('.field')
      .filter({ has: this.frame.locator('dt', { hasText: exactText(label) }) })
      .first();
    return ((await field.locator('dd .value').first().textContent()) ?? '').trim();
  }

  /** Clicks the Copy button of a field (its accessible name is "Copy <label>"). */
  async copy(label: string): Promise<void> {
    await this.frame.locator(`button[aria-label="Copy ${label}"]`).click();
  }

  /** Clicks a button of the page by its accessible name (e.g. "Load all", "Refresh details"). */
  async clickButton(name: string): Promise<void> {
    await this.frame.getByRole('button', { name, exact: true }).click();
  }

  /** Scrolls the page to its top, or so a block (by kind, e.g. `timeline`) starts at the top. */
  async scrollTo(block?: string): Promise<void> {
    await this.frame.locator('body').evaluate((body, kind) => {
      const target = kind ? body.querySelector(`section.block-${kind}`) : undefined;
      if (target) {
        // Just below the header, which stays on top of the page when it scrolls.
        const header = body.querySelector('header.panel-header')?.getBoundingClientRect().height ?? 0;
        const scroller = document.scrollingElement ?? document.documentElement;
        scroller.scrollTo(0, scroller.scrollTop + target.getBoundingClientRect().top - header - 8);
      } else {
        (document.scrollingElement ?? document.documentElement).scrollTo(0, 0);
      }
    }, block);
  }

  /** Headings of the blocks, top to bottom. */
  async blockTitles(): Promise<string[]> {
    return (await this.frame.locator('section.block > h2').allTextContents()).map((t) => t.trim());
  }

  async timeline(): Promise<TimelinePicture> {
    const svg = this.frame.locator('section.block-timeline svg.timeline-svg');
    await svg.waitFor({ state: 'visible' });
    return svg.evaluate((el) => ({
      items: el.querySelectorAll('.timeline-item').length,
      highlighted: el.querySelectorAll('.timeline-item.highlighted').length,
      marks: el.querySelectorAll('.timeline-item.tl-mark').length,
      arrows: el.querySelectorAll('.timeline-item.tl-arrow').length,
      bars: el.querySelectorAll('.timeline-item.tl-bar').length,
      lanes: Array.from(el.querySelectorAll('.tl-lane-label title')).map((t) => (t.textContent ?? '').trim()),
    }));
  }

  async hasTimeline(): Promise<boolean> {
    return (await this.frame.locator('section.block-timeline').count()) > 0;
  }

  /** Theme class VS Code puts on the page's body: vscode-light, vscode-dark or vscode-high-contrast. */
  async themeKind(): Promise<string> {
    return (await this.frame.locator('body').getAttribute('data-vscode-theme-kind')) ?? '';
  }

  async bodyClasses(): Promise<string[]> {
    return ((await this.frame.locator('body').getAttribute('class')) ?? '').split(/\s+/).filter(Boolean);
  }
}
