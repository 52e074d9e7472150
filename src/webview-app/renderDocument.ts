import * as l10n from '@vscode/l10n';
import type { Block, PanelDocument } from '../shared/protocol';
import type { RenderContext } from './context';
import { bdi, button, h, srOnly } from './dom';
import { renderCode } from './renderCode';
import { renderFields } from './renderFields';
import { renderList } from './renderList';
import { renderNotice, toneLabel } from './renderNotice';
import { renderPager } from './renderPager';
import { renderTable } from './renderTable';
import { renderTree } from './renderTree';
import { renderTimeline } from './timeline';

export type ContextFactory = (domId: string) => RenderContext;

export function renderDocument(doc: PanelDocument, makeContext: ContextFactory): HTMLElement[] {
  const headerContext = makeContext('hdr');
  return [renderHeader(doc, headerContext), ...doc.blocks.map((block, i) => renderBlock(block, makeContext(`b${i}`)))];
}

function renderHeader(doc: PanelDocument, ctx: RenderContext): HTMLElement {
  const busy = h('span', { className: 'busy', attrs: { id: 'busy', role: 'status', 'aria-live': 'polite' } });
  const actions = doc.actions.map((action) =>
    button(
      action.label,
      (el) => {
        // Re-enabled by the next render (the host reloads after the action).
        el.disabled = true;
        ctx.post({ type: 'action', actionId: action.id });
      },
      { className: 'secondary', focusKey: `action:${action.id}` },
    ),
  );
  const refresh = button(
    l10n.t('Refresh'),
    () => {
      setBusy(l10n.t('Refreshing…'));
      ctx.post({ type: 'refresh' });
    },
    { focusKey: 'refresh', ariaLabel: l10n.t('Refresh details') },
  );
  return h(
    'header',
    { className: 'panel-header' },
    h(
      'div',
      { className: 'title-row' },
      h('h1', { attrs: { title: doc.title } }, bdi(doc.title)),
      doc.status
        ? h(
            'span',
            { className: `badge status tone-${doc.status.tone}`, attrs: { title: l10n.t('Status ({0})', toneLabel(doc.status.tone)) } },
            bdi(doc.status.text),
          )
        : undefined,
    ),
    doc.subtitle ? h('p', { className: 'subtitle', attrs: { title: doc.subtitle } }, bdi(doc.subtitle)) : undefined,
    h('div', { className: 'toolbar' }, refresh, ...actions, busy),
  );
}

/** Shows "Refreshing…" in the header while the host reloads a document that stays on screen. */
export function setBusy(text: string): boolean {
  const busy = document.getElementById('busy');
  if (!busy) {
    return false;
  }
  busy.textContent = text;
  busy.classList.toggle('active', text !== '');
  return true;
}

function renderBlock(block: Block, ctx: RenderContext): HTMLElement {
  const headingId = `${ctx.domId}-h`;
  const section = h('section', {
    className: `block block-${block.kind}`,
    attrs: { 'aria-labelledby': headingId, 'data-block-id': block.id, 'data-block-kind': block.kind },
  });
  switch (block.kind) {
    case 'fields':
      section.append(heading(headingId, block.title), renderFields(block, ctx));
      break;
    case 'table':
      section.append(heading(headingId, block.title), renderTable(block, ctx, headingId));
      break;
    case 'code':
      section.append(heading(headingId, block.title), renderCode(block, ctx));
      break;
    case 'notice':
      // Notices and pagers have no title: a heading only screen readers see keeps every block a landmark.
      section.append(srOnly('h2', toneLabel(block.tone), headingId), renderNotice(block.tone, block.text));
      if (block.reload) {
        section.append(button('Reload', () => ctx.post({ type: 'refresh' }), { className: 'secondary', focusKey: `reload:${block.id}` }));
      }
      break;
    case 'timeline':
      section.append(heading(headingId, block.title), renderTimeline(block, ctx));
      break;
    case 'tree':
      section.append(heading(headingId, block.title), renderTree(block, ctx, headingId));
      break;
    case 'list':
      section.append(heading(headingId, block.title), renderList(block, ctx, headingId));
      break;
    case 'pager':
      section.append(srOnly('h2', l10n.t('More results'), headingId), renderPager(block, ctx));
      break;
    default:
      section.append(heading(headingId, l10n.t('Unsupported block')));
  }
  return section;
}

function heading(id: string, title: string): HTMLElement {
  return h('h2', { attrs: { id } }, bdi(title));
}

export function renderLoading(text: string): HTMLElement {
  return h(
    'div',
    { className: 'state-view loading', attrs: { role: 'status' } },
    h('div', { className: 'progress-bar', attrs: { 'aria-hidden': 'true' } }),
    h('p', { text }),
  );
}

export function renderError(message: string, hint: string, retry: () => void): HTMLElement {
  return h(
    'div',
    { className: 'state-view error', attrs: { role: 'alert' } },
    h('h1', { text: l10n.t('Could not load the details') }),
    h('p', { className: 'message' }, bdi(message)),
    hint ? h('p', { className: 'hint' }, bdi(hint)) : undefined,
    button(l10n.t('Retry'), retry, { focusKey: 'retry' }),
  );
}
