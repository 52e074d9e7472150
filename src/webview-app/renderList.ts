import type { ListBlock } from '../shared/protocol';
import type { RenderContext } from './context';
import { bdi, h } from './dom';
import { toneLabel } from './renderNotice';

type Row = ListBlock['rows'][number];

/**
 * A windowed list: only the rows in view plus `overscan` exist in the DOM, positioned over a spacer as
 * tall as all rows, so 10,000 history events cost what 40 do. Rows have one fixed height; the single
 * open detail adds its measured height below its row.
 *
 * The grid itself is the scrolling box, under a sticky column header: the element that scrolls is the
 * one that takes the keyboard focus (axe's scrollable-region-focusable), and the header's and borders'
 * height is added to the box so the rows' viewport keeps `viewport()` pixels. Rows that open a detail
 * make it a treegrid, the role whose rows may carry aria-expanded.
 */
const rowHeight = 26;
const overscan = 12;
const maxViewport = 420;

export function renderList(block: ListBlock, ctx: RenderContext, headingId: string): HTMLElement {
  const rows = block.rows;
  if (rows.length === 0) {
    return h('p', { className: 'empty' }, bdi(block.emptyText));
  }
  const ui = ctx.ui.list(block.id);
  const indexById = new Map<string, number>();
  rows.forEach((row, i) => indexById.set(row.id, i));
  let expanded = ui.expanded !== undefined ? indexById.get(ui.expanded) : undefined;
  let active = (ui.active !== undefined ? indexById.get(ui.active) : undefined) ?? 0;
  let detailHeight = 0;
  const rendered = new Map<number, HTMLElement>();
  let frame = 0;

  const header = h(
    'div',
    { className: 'vlist-row vlist-header', attrs: { role: 'row', 'aria-rowindex': 1 } },
    ...block.columns.map((c) => h('div', { attrs: { role: 'columnheader' } }, bdi(c))),
  );
  const spacer = h('div', { className: 'vlist-spacer', attrs: { role: 'presentation' } });
  const rowGroup = h('div', { className: 'vlist-rows', attrs: { role: 'rowgroup' } }, spacer);
  const grid = h(
    'div',
    {
      className: 'vlist',
      attrs: {
        role: rows.some((row) => row.detail) ? 'treegrid' : 'grid',
        tabindex: 0,
        'aria-labelledby': headingId,
        'aria-rowcount': rows.length + 1,
        'aria-colcount': block.columns.length,
        'data-row-count': rows.length,
        'data-focus-key': `list:${block.id}`,
      },
    },
    header,
    rowGroup,
  );
  /** Header and borders of the box, measured once the list is on the page; estimated until then. */
  let chromeHeight = rowHeight + 3;
  // Column widths from the text lengths of a sample, so a short status column does not get as much room
  // as a long name. CSSOM writes are allowed under the nonce-only CSP (style attributes are not).
  grid.style.setProperty('--vlist-columns', columnTemplate(block));

  const total = (): number => rows.length * rowHeight + (expanded !== undefined ? detailHeight : 0);
  const offsetOf = (i: number): number => i * rowHeight + (expanded !== undefined && i > expanded ? detailHeight : 0);
  const indexAt = (y: number): number => {
    if (expanded === undefined || y < (expanded + 1) * rowHeight) {
      return Math.floor(y / rowHeight);
    }
    const afterDetail = (expanded + 1) * rowHeight + detailHeight;
    return y < afterDetail ? expanded : expanded + 1 + Math.floor((y - afterDetail) / rowHeight);
  };
  const viewport = (): number => Math.min(total(), maxViewport);

  const rowElement = (i: number, row: Row): HTMLElement => {
    const el = h('div', {
      className: `vlist-row${i === active ? ' active' : ''}${i === expanded ? ' expanded' : ''}${row.detail ? ' has-detail' : ''}`,
      attrs: {
        role: 'row',
        id: `${ctx.domId}-r${i}`,
        'aria-rowindex': i + 2,
        'aria-selected': String(i === active),
        'aria-expanded': row.detail ? String(i === expanded) : undefined,
        'data-row-id': row.id,
      },
    });
    row.cells.forEach((cell, c) => {
      el.append(
        h(
          'div',
          { attrs: { role: 'gridcell', title: cell } },
          c === 0 && row.tone ? h('span', { className: `dot tone-${row.tone}`, attrs: { role: 'img', 'aria-label': toneLabel(row.tone) } }) : undefined,
          bdi(cell),
        ),
      );
    });
    if (i === expanded && row.detail) {
      el.append(h('pre', { className: 'vlist-detail', attrs: { role: 'gridcell' } }, h('code', { text: row.detail })));
    }
    el.style.transform = `translateY(${offsetOf(i)}px)`;
    el.addEventListener('click', (event) => {
      // Selecting text inside an open detail must not close it.
      if ((event.target as HTMLElement).closest('.vlist-detail')) {
        return;
      }
      setActive(i);
      toggle(i);
      grid.focus({ preventScroll: true });
    });
    return el;
  };

  const paint = (): void => {
    spacer.style.height = `${total()}px`;
    grid.style.height = `${chromeHeight + viewport()}px`;
    const top = grid.scrollTop;
    const first = Math.max(0, indexAt(top) - overscan);
    const last = Math.min(rows.length - 1, indexAt(top + viewport()) + overscan);
    for (const [i, el] of rendered) {
      if (i < first || i > last) {
        el.remove();
        rendered.delete(i);
      }
    }
    for (let i = first; i <= last; i++) {
      const row = rows[i];
      if (row && !rendered.has(i)) {
        const el = rowElement(i, row);
        rendered.set(i, el);
        spacer.append(el);
      }
    }
    grid.setAttribute('aria-activedescendant', `${ctx.domId}-r${active}`);
  };

  /** Drops every rendered row: offsets change when a detail opens or closes. */
  const repaint = (): void => {
    for (const el of rendered.values()) {
      el.remove();
    }
    rendered.clear();
    paint();
  };

  const measureDetail = (): void => {
    if (expanded === undefined) {
      detailHeight = 0;
      return;
    }
    const el = rendered.get(expanded);
    const detail = el?.querySelector<HTMLElement>('.vlist-detail');
    detailHeight = detail ? detail.offsetHeight : 0;
  };

  const toggle = (i: number): void => {
    const row = rows[i];
    if (!row?.detail) {
      return;
    }
    expanded = expanded === i ? undefined : i;
    ui.expanded = expanded === undefined ? undefined : row.id;
    ctx.ui.save();
    detailHeight = 0;
    repaint();
    measureDetail();
    repaint();
  };

  const setActive = (i: number): void => {
    const previous = rendered.get(active);
    previous?.classList.remove('active');
    previous?.setAttribute('aria-selected', 'false');
    active = Math.max(0, Math.min(rows.length - 1, i));
    const row = rows[active];
    ui.active = row?.id;
    ctx.ui.save();
    const top = offsetOf(active);
    if (top < grid.scrollTop) {
      grid.scrollTop = top;
    } else if (top + rowHeight > grid.scrollTop + viewport()) {
      grid.scrollTop = top + rowHeight - viewport();
    }
    paint();
    const current = rendered.get(active);
    current?.classList.add('active');
    current?.setAttribute('aria-selected', 'true');
  };

  grid.addEventListener('scroll', () => {
    if (frame === 0) {
      frame = requestAnimationFrame(() => {
        frame = 0;
        ui.scrollTop = grid.scrollTop;
        ctx.ui.save();
        paint();
      });
    }
  });

  grid.addEventListener('keydown', (event) => {
    const page = Math.max(1, Math.floor(viewport() / rowHeight) - 1);
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    const move = moves[event.key];
    if (move !== undefined) {
      setActive(active + move);
    } else if (event.key === 'Home') {
      setActive(0);
    } else if (event.key === 'End') {
      setActive(rows.length - 1);
    } else if (event.key === 'Enter' || event.key === ' ') {
      toggle(active);
    } else {
      return;
    }
    event.preventDefault();
  });

  ctx.onCleanup(() => cancelAnimationFrame(frame));
  paint();
  ctx.afterAttach(() => {
    // Layout exists now: measure the header and the restored detail, and put the scroll position back.
    if (header.offsetHeight > 0) {
      chromeHeight = header.offsetHeight + grid.offsetHeight - grid.clientHeight;
    }
    measureDetail();
    repaint();
    grid.scrollTop = ui.scrollTop;
    paint();
  });
  return grid;
}

function columnTemplate(block: ListBlock): string {
  const sample = block.rows.slice(0, 200);
  return block.columns
    .map((column, c) => {
      const lengths = sample.map((row) => Math.min(row.cells[c]?.length ?? 0, 80));
      const average = lengths.reduce((a, b) => a + b, column.length) / (lengths.length + 1);
      const weight = Math.max(0.6, Math.min(4, average / 12));
      return `minmax(0, ${weight.toFixed(2)}fr)`;
    })
    .join(' ');
}
