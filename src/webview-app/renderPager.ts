import * as l10n from '@vscode/l10n';
import type { PagerBlock } from '../shared/protocol';
import type { RenderContext } from './context';
import { bdi, button, h } from './dom';

/**
 * Both buttons are disabled the moment one is pressed: the host answers with a document whose pager says
 * `loading` (and later the final one), so a double click cannot start two loads.
 */
export function renderPager(block: PagerBlock, ctx: RenderContext): HTMLElement {
  const progress = h('span', { className: 'progress', attrs: { role: 'status', 'aria-live': 'polite' } });
  const buttons: HTMLButtonElement[] = [];
  const start = (type: 'loadMore' | 'loadAll'): void => {
    for (const b of buttons) {
      b.disabled = true;
    }
    progress.textContent = l10n.t('Loading…');
    ctx.post({ type, blockId: block.id });
  };
  const disabled = !block.canLoadMore || block.loading;
  buttons.push(
    button(l10n.t('Load more'), () => start('loadMore'), { className: 'secondary', disabled, focusKey: `pager:${block.id}:more` }),
    button(l10n.t('Load all'), () => start('loadAll'), { className: 'secondary', disabled, focusKey: `pager:${block.id}:all` }),
  );
  if (block.loading) {
    progress.textContent = l10n.t('Loading…');
  }
  return h('div', { className: 'pager' }, h('p', { className: 'pager-text' }, bdi(block.text)), ...buttons, progress);
}
