import { formatNumber } from '../shared/format';
import * as l10n from '@vscode/l10n';
import type { CodeBlock } from '../shared/protocol';
import type { RenderContext } from './context';
import { button, h } from './dom';
import { copyButton } from './renderFields';
import { renderNotice } from './renderNotice';
import { capText } from '../shared/textCap';

/**
 * Builders already cap code text (see `capText` on the host); this second cap only protects the page
 * from a builder that did not: a multi-megabyte `<pre>` makes every layout slow.
 */
const pageCap = 200_000;

export function renderCode(block: CodeBlock, ctx: RenderContext): HTMLElement {
  const wrap = h('div', { className: 'code' });
  const tools = h('div', { className: 'tools' });
  if (block.copyId) {
    tools.append(copyButton(block.title, block.copyId, ctx));
  }
  if (block.canOpenWhole) {
    tools.append(
      button(l10n.t('Open whole document'), () => ctx.post({ type: 'openWhole', blockId: block.id }), {
        className: 'secondary small',
        ariaLabel: l10n.t('Open the whole {0} in an editor', block.title),
        focusKey: `openWhole:${block.id}`,
      }),
    );
  }
  if (tools.childElementCount > 0) {
    wrap.append(tools);
  }
  if (block.truncatedNotice) {
    wrap.append(renderNotice('info', block.truncatedNotice));
  }
  const code = h('code', {});
  const pre = h('pre', { className: `lang-${block.language}`, attrs: { tabindex: 0, 'aria-label': block.title } }, code);
  wrap.append(pre);
  const show = (full: boolean): void => {
    const shown = full ? { text: block.text } : capText(block.text, pageCap);
    code.textContent = shown.text;
    if (shown.truncatedNotice) {
      wrap.append(
        h(
          'p',
          { className: 'note page-cap' },
          `${shown.truncatedNotice} `,
          button(
            l10n.t('Show all {0} characters', formatNumber(block.text.length)),
            (el) => {
              ctx.ui.setCodeExpanded(block.id);
              el.parentElement?.remove();
              show(true);
            },
            { className: 'secondary small', focusKey: `code:${block.id}:all` },
          ),
        ),
      );
    }
  };
  show(ctx.ui.codeExpanded(block.id));
  return wrap;
}
