// Entry of the details-panel page (bundled to dist/webview/panel.js). No framework and no HTML strings:
// the DOM is built with createElement/createElementNS + textContent only (see dom.ts), never
// innerHTML/outerHTML/insertAdjacentHTML/document.write, because every string comes from AWS.
import { setDisplayLocale } from '../shared/format';
import './styles.css';
import * as l10n from '@vscode/l10n';
import { applyPatch, type HostMessage, type PanelDocument } from '../shared/protocol';
import type { RenderContext } from './context';
import { renderDocument, renderError, renderLoading, setBusy } from './renderDocument';
import { UiStore } from './uiState';
import { post } from './vscodeApi';

const app = document.getElementById('app') ?? document.body.appendChild(document.createElement('main'));
const ui = new UiStore();
let shown: PanelDocument | undefined;
const cleanups: (() => void)[] = [];
let firstRender = true;

function makeContext(afterAttach: (() => void)[]): (domId: string) => RenderContext {
  return (domId) => ({
    post,
    ui,
    domId,
    onCleanup: (fn) => cleanups.push(fn),
    afterAttach: (fn) => afterAttach.push(fn),
  });
}

function clear(): void {
  for (const fn of cleanups.splice(0)) {
    try {
      fn();
    } catch (error) {
      console.error(error);
    }
  }
}

function render(doc: PanelDocument): void {
  const scroller = document.scrollingElement ?? document.documentElement;
  // A re-render (auto refresh, load more) keeps where the user was: scroll position and focused control.
  const scrollY = firstRender ? ui.scrollY : scroller.scrollTop;
  const focusKey = document.activeElement?.closest<HTMLElement>('[data-focus-key]')?.dataset.focusKey;
  clear();
  const afterAttach: (() => void)[] = [];
  app.replaceChildren(...renderDocument(doc, makeContext(afterAttach)));
  shown = doc;
  for (const fn of afterAttach) {
    fn();
  }
  scroller.scrollTop = scrollY;
  if (focusKey) {
    [...app.querySelectorAll<HTMLElement>('[data-focus-key]')].find((el) => el.dataset.focusKey === focusKey)?.focus({ preventScroll: true });
  }
  firstRender = false;
  // Reported to the host once per render, after the frame is laid out (the benchmark reads it).
  requestAnimationFrame(() => post({ type: 'painted', ms: performance.now() }));
}

function showState(view: HTMLElement, focus?: string): void {
  clear();
  shown = undefined;
  app.replaceChildren(view);
  if (focus) {
    view.querySelector<HTMLElement>(focus)?.focus();
  }
}

function retry(): void {
  showState(renderLoading(l10n.t('Loading…')));
  post({ type: 'refresh' });
}

function onMessage(message: HostMessage): void {
  switch (message.type) {
    case 'init':
      // Before anything is drawn: the host answers `ready` with this, then with the view to show.
      if (message.bundle) {
        l10n.config({ contents: message.bundle });
      }
      setDisplayLocale(message.locale);
      break;
    case 'render':
      render(message.document);
      break;
    case 'patch':
      // The host only patches a document it rendered here; without one, wait for the next render.
      if (shown) {
        render(applyPatch(shown, message.patch));
      } else {
        post({ type: 'ready' });
      }
      break;
    case 'loading':
      // With a document on screen, keep it and say so in the header instead of blanking the page.
      if (!shown || !setBusy(message.text)) {
        showState(renderLoading(message.text));
      }
      break;
    case 'error':
      showState(renderError(message.message, message.hint, retry), 'button');
      break;
    case 'theme':
      // Colours follow CSS variables by themselves; the timeline is redrawn in case metrics changed.
      if (shown) {
        render(shown);
      }
      break;
  }
}

function isHostMessage(data: unknown): data is HostMessage {
  return typeof data === 'object' && data !== null && typeof (data as { type?: unknown }).type === 'string';
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (isHostMessage(event.data)) {
    onMessage(event.data);
  }
});

window.addEventListener(
  'scroll',
  () => {
    if (shown) {
      ui.scrollY = (document.scrollingElement ?? document.documentElement).scrollTop;
    }
  },
  { passive: true },
);

post({ type: 'ready' });
