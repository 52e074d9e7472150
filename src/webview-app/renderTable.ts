import { formatNumber } from '../shared/format';
import * as l10n from '@vscode/l10n';
import type { TableBlock } from '../shared/protocol';
import type { RenderContext } from './context';
import { bdi, button, h } from './dom';

/** Tables are meant for short lists (indexes, tags); longer ones show this many rows until asked. */
const initialRows = 500;

export function renderTable(block: TableBlock, ctx: RenderContext, headingId: string): HTMLElement {
  if (block.rows.length === 0) {
    return h('p', { className: 'empty' }, bdi(block.emptyText));
  }
  const all = ctx.ui.tableExpanded(block.id);
  const rows = all ? block.rows : block.rows.slice(0, initialRows);
  const table = h(
    'table',
    { attrs: { 'aria-labelledby': headingId } },
    h('thead', {}, h('tr', {}, ...block.columns.map((c) => h('th', { attrs: { scope: 'col' } }, bdi(c))))),
    h('tbody', {}, ...rows.map((row) => h('tr', {}, ...row.map((cell) => h('td', {}, bdi(cell)))))),
  );
  const wrap = h('div', { className: 'table-scroll' }, table);
  if (rows.length < block.rows.length) {
    wrap.append(
      button(
        l10n.t('Show all {0} rows', formatNumber(block.rows.length)),
        (el) => {
          ctx.ui.setTableExpanded(block.id);
          wrap.replaceWith(renderTable(block, ctx, headingId));
          el.disabled = true;
        },
        { className: 'secondary small', focusKey: `table:${block.id}:all` },
      ),
    );
  }
  return wrap;
}
