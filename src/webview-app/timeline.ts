import { formatDate, formatNumber } from '../shared/format';
import * as l10n from '@vscode/l10n';
import type { TimelineBlock, TimelineItem } from '../shared/protocol';
import type { RenderContext } from './context';
import { h, s, svgTitle } from './dom';

/*
 * Inline SVG timeline. Caps, so a 10,000-operation execution stays responsive: with more than
 * `largeItemCount` items only the first `maxLanesWhenLarge` lanes and `maxItemsWhenLarge` items are drawn,
 * and a note says how many were left out (the list block has all of them). Up to `largeItemCount` items
 * every item is drawn as exactly one `.timeline-item` group.
 */
const largeItemCount = 500;
const maxLanesWhenLarge = 200;
const maxItemsWhenLarge = 2000;
/** Overlapping items in one lane are stacked into at most this many sub-rows, then they overlap. */
const maxSubRows = 6;
const subRowHeight = 18;
const lanePadding = 4;
const axisHeight = 30;
const bandStripHeight = 18;
const rightPadding = 16;
const charWidth = 6.6;

interface Placed {
  readonly item: TimelineItem;
  readonly row: number;
}

interface Lane {
  readonly name: string;
  readonly rows: number;
  readonly items: readonly Placed[];
}

interface Layout {
  readonly lanes: readonly Lane[];
  readonly hiddenLanes: number;
  readonly hiddenItems: number;
}

let markerSeries = 0;

export function renderTimeline(given: TimelineBlock, ctx: RenderContext): HTMLElement {
  const start = given.start;
  const end = given.end > given.start ? given.end : given.start + 1;
  // Running items end where the timeline ends now (the host does not resend them as time passes).
  const block: TimelineBlock = given.items.some((i) => i.open)
    ? { ...given, items: given.items.map((i) => (i.open ? { ...i, to: Math.max(i.from, end) } : i)) }
    : given;
  const layout = layoutLanes(block.items, end - start);
  const scroller = h('div', { className: 'timeline-scroll' });
  const wrap = h('div', { className: 'timeline' }, scroller);
  if (layout.hiddenLanes > 0 || layout.hiddenItems > 0) {
    wrap.append(
      h('p', {
        className: 'note',
        text: l10n.t(
          '+{0} more lanes and {1} more items not drawn: large timelines show the first {2} lanes and at most {3} items.',
          formatNumber(layout.hiddenLanes),
          formatNumber(layout.hiddenItems),
          formatNumber(maxLanesWhenLarge),
          formatNumber(maxItemsWhenLarge),
        ),
      }),
    );
  }
  const markerPrefix = `${ctx.domId}-tl${++markerSeries}`;
  const picker = block.pick ? timePicker(block.pick, start, end, ctx) : undefined;
  let drawnWidth = 0;
  const draw = (width: number): void => {
    const w = Math.max(360, Math.floor(width));
    if (w !== drawnWidth) {
      drawnWidth = w;
      const svg = buildSvg(block, layout, start, end, w, markerPrefix);
      picker?.attach(svg, w);
      scroller.replaceChildren(svg);
    }
  };
  if (picker) {
    wrap.append(picker.control);
  }
  // A first guess so the document has its final height before layout; corrected once attached.
  draw((document.getElementById('app')?.clientWidth ?? 800) - 40);
  ctx.afterAttach(() => {
    draw(scroller.clientWidth);
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => draw(scroller.clientWidth));
    });
    observer.observe(scroller);
    ctx.onCleanup(() => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    });
  });
  return wrap;
}

/** Lanes in order of first appearance; items packed into sub-rows so overlapping arrows stay apart. */
function layoutLanes(items: readonly TimelineItem[], span: number): Layout {
  const byLane = new Map<string, TimelineItem[]>();
  for (const item of items) {
    let lane = byLane.get(item.lane);
    if (!lane) {
      lane = [];
      byLane.set(item.lane, lane);
    }
    lane.push(item);
  }
  const large = items.length > largeItemCount;
  const names = [...byLane.keys()];
  const shownNames = large ? names.slice(0, maxLanesWhenLarge) : names;
  let budget = large ? maxItemsWhenLarge : Number.POSITIVE_INFINITY;
  let drawn = 0;
  const gap = span * 0.004;
  const pointWidth = span * 0.012;
  const lanes = shownNames.map((name): Lane => {
    const laneItems = (byLane.get(name) ?? []).slice(0, Math.max(0, budget));
    budget -= laneItems.length;
    drawn += laneItems.length;
    const sorted = [...laneItems].sort((a, b) => Math.min(a.from, a.to) - Math.min(b.from, b.to));
    const rowEnds: number[] = [];
    const placed = sorted.map((item): Placed => {
      const lo = Math.min(item.from, item.to) - (item.shape === 'bar' ? 0 : pointWidth / 2);
      const hi = Math.max(item.from, item.to) + (item.shape === 'bar' ? 0 : pointWidth / 2);
      let row = rowEnds.findIndex((rowEnd) => rowEnd + gap <= lo);
      if (row === -1) {
        if (rowEnds.length < maxSubRows) {
          row = rowEnds.length;
          rowEnds.push(hi);
        } else {
          row = rowEnds.indexOf(Math.min(...rowEnds));
        }
      }
      rowEnds[row] = Math.max(rowEnds[row] ?? hi, hi);
      return { item, row };
    });
    return { name, rows: Math.max(1, rowEnds.length), items: placed };
  });
  return { lanes, hiddenLanes: names.length - shownNames.length, hiddenItems: items.length - drawn };
}

/** Where the time axis runs on an SVG `width` wide: lane labels on the left, a margin on the right. */
function plotSpan(width: number): { left: number; right: number } {
  return { left: Math.round(Math.min(200, Math.max(90, width * 0.2))), right: width - rightPadding };
}

type Pick = NonNullable<TimelineBlock['pick']>;

/**
 * Choosing a time in `pick`'s range: a click on the timeline chooses the time under the mouse; the slider
 * under it (focusable) moves a cursor with the arrow keys (Shift: ten times further, Home/End: the ends)
 * and Enter chooses. The host checks the time again before anything happens.
 */
function timePicker(pick: Pick, start: number, end: number, ctx: RenderContext): { control: HTMLElement; attach(svg: SVGSVGElement, width: number): void } {
  const lo = Math.max(pick.from, start);
  const hi = Math.min(pick.to, end);
  // Arrow keys move 1/100 of the range, at least a second; times are whole seconds, as people type them.
  const step = Math.max(1000, Math.round((hi - lo) / 100 / 1000) * 1000);
  let cursor = hi;
  let line: SVGLineElement | undefined;
  let span = { left: 0, right: 1 };
  const x = (t: number): number => span.left + ((t - start) / (end - start)) * (span.right - span.left);
  const readout = h('span', { className: 'timeline-pick-time' });
  const control = h(
    'div',
    {
      className: 'timeline-pick',
      attrs: { tabindex: 0, role: 'slider', 'aria-label': pick.label, 'aria-valuemin': lo, 'aria-valuemax': hi, 'data-focus-key': `pick:${pick.actionId}` },
    },
    h('span', { className: 'timeline-pick-label', text: pick.label }),
    readout,
    h('span', { className: 'note', text: l10n.t('Click a time in the window, or use ← → (Shift: faster, Home/End) and Enter.') }),
  );
  const clamp = (t: number): number => Math.min(hi, Math.max(lo, Math.round(t / 1000) * 1000));
  const show = (): void => {
    const text = `${formatDate(cursor, { dateStyle: 'medium', timeStyle: 'medium' })} (${new Date(cursor).toISOString().replace('.000Z', 'Z')})`;
    readout.textContent = text;
    control.setAttribute('aria-valuenow', String(cursor));
    control.setAttribute('aria-valuetext', text);
    line?.setAttribute('x1', String(x(cursor)));
    line?.setAttribute('x2', String(x(cursor)));
  };
  const choose = (): void => ctx.post({ type: 'action', actionId: pick.actionId, target: new Date(cursor).toISOString() });
  control.addEventListener('keydown', (event) => {
    const far = event.shiftKey ? 10 : 1;
    const moves: Record<string, number> = {
      ArrowLeft: cursor - step * far,
      ArrowDown: cursor - step * far,
      ArrowRight: cursor + step * far,
      ArrowUp: cursor + step * far,
      Home: lo,
      End: hi,
    };
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      choose();
    } else if (event.key in moves) {
      event.preventDefault();
      cursor = clamp(moves[event.key] ?? cursor);
      show();
    }
  });
  show();
  return {
    control,
    attach(svg, width) {
      span = plotSpan(width);
      const height = Number(svg.getAttribute('height'));
      line = s('line', { class: 'tl-cursor', x1: x(cursor), x2: x(cursor), y1: axisHeight - 8, y2: height - 4 });
      svg.append(line);
      svg.classList.add('pickable');
      svg.addEventListener('click', (event) => {
        const box = svg.getBoundingClientRect();
        const px = ((event.clientX - box.left) / box.width) * width;
        const t = start + ((px - span.left) / (span.right - span.left)) * (end - start);
        if (t < lo || t > hi) {
          return;
        }
        cursor = clamp(t);
        show();
        choose();
      });
    },
  };
}

function buildSvg(block: TimelineBlock, layout: Layout, start: number, end: number, width: number, markerPrefix: string): SVGSVGElement {
  const { left, right } = plotSpan(width);
  const gutter = left;
  const top = axisHeight + (block.band ? bandStripHeight : 0);
  const laneHeights = layout.lanes.map((lane) => lane.rows * subRowHeight + lanePadding * 2);
  const plotHeight = Math.max(
    subRowHeight + lanePadding * 2,
    laneHeights.reduce((a, b) => a + b, 0),
  );
  const height = top + plotHeight + 4;
  const x = (t: number): number => left + Math.min(1, Math.max(0, (t - start) / (end - start))) * (right - left);

  const svg = s('svg', {
    class: 'timeline-svg',
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-label': block.summary,
  });
  const arrowTones = new Set(block.items.filter((i) => i.shape === 'arrow').map((i) => i.tone));
  svg.append(
    s(
      'defs',
      {},
      ...[...arrowTones].map((tone) =>
        s(
          'marker',
          { id: `${markerPrefix}-${tone}`, viewBox: '0 0 10 10', refX: 8, refY: 5, markerWidth: 4, markerHeight: 4, orient: 'auto' },
          s('path', { d: 'M0,0 L10,5 L0,10 z', class: `tl-arrowhead tone-${tone}` }),
        ),
      ),
    ),
  );

  // Lane stripes and labels.
  let y = top;
  layout.lanes.forEach((lane, i) => {
    const laneHeight = laneHeights[i] ?? subRowHeight;
    if (i % 2 === 1) {
      svg.append(s('rect', { class: 'tl-stripe', x: 0, y, width, height: laneHeight }));
    }
    const maxChars = Math.max(4, Math.floor((gutter - 14) / charWidth));
    const label = lane.name.length > maxChars ? `${lane.name.slice(0, maxChars - 1)}…` : lane.name;
    svg.append(s('text', { class: 'tl-lane-label', x: 6, y: y + lanePadding + subRowHeight / 2 }, svgTitle(lane.name), label));
    y += laneHeight;
  });

  // Axis: ticks in local time with light grid lines.
  const axisY = axisHeight - 8;
  svg.append(s('line', { class: 'tl-axis', x1: left, x2: right, y1: axisY, y2: axisY }));
  const maxTicks = Math.max(4, Math.min(6, Math.floor((right - left) / 110)));
  const tickTimes = ticks(start, end, maxTicks);
  const labels = tickLabels(tickTimes, end - start);
  tickTimes.forEach((t, i) => {
    const tx = x(t);
    const anchor = tx - left < 40 ? 'start' : right - tx < 40 ? 'end' : 'middle';
    svg.append(
      s('line', { class: 'tl-grid', x1: tx, x2: tx, y1: axisY, y2: height - 4 }),
      s('line', { class: 'tl-axis', x1: tx, x2: tx, y1: axisY - 4, y2: axisY }),
      s('text', { class: 'tl-tick', x: tx, y: axisY - 8, 'text-anchor': anchor }, labels[i] ?? ''),
    );
  });

  if (block.band) {
    const bx1 = x(Math.min(block.band.from, block.band.to));
    const bx2 = x(Math.max(block.band.from, block.band.to));
    const bandWidth = Math.max(2, bx2 - bx1);
    const labelWidth = block.band.label.length * charWidth;
    const inside = bandWidth >= labelWidth + 8 || bx1 - left < labelWidth + 8;
    svg.append(
      s('rect', { class: 'tl-band', x: bx1, y: axisHeight, width: bandWidth, height: height - axisHeight - 4 }, svgTitle(block.band.label)),
      s(
        'text',
        { class: 'tl-band-label', x: inside ? bx1 + 4 : bx1 - 4, y: axisHeight + bandStripHeight / 2 + 1, 'text-anchor': inside ? 'start' : 'end' },
        block.band.label,
      ),
    );
  }

  if (block.items.length === 0) {
    svg.append(s('text', { class: 'tl-empty', x: left + 8, y: top + lanePadding + subRowHeight / 2 }, l10n.t('No items in this range.')));
  }

  // Items last, so they sit above stripes, grid and band.
  y = top;
  layout.lanes.forEach((lane, i) => {
    for (const placed of lane.items) {
      svg.append(itemElement(placed.item, x, y + lanePadding + placed.row * subRowHeight, markerPrefix));
    }
    y += laneHeights[i] ?? subRowHeight;
  });
  return svg;
}

function itemElement(item: TimelineItem, x: (t: number) => number, rowTop: number, markerPrefix: string): SVGGElement {
  const g = s('g', {
    class: `timeline-item tl-${item.shape} tone-${item.tone}${item.highlighted ? ' highlighted' : ''}`,
    'data-item-id': item.id,
  });
  g.append(svgTitle(item.title));
  const mid = rowTop + subRowHeight / 2;
  if (item.shape === 'bar') {
    const x1 = x(Math.min(item.from, item.to));
    const x2 = x(Math.max(item.from, item.to));
    g.append(s('rect', { class: 'tl-shape', x: x1, y: rowTop + 3, width: Math.max(2, x2 - x1), height: subRowHeight - 6, rx: 2 }));
  } else if (item.shape === 'arrow') {
    const x2 = x(item.to);
    let x1 = x(item.from);
    if (Math.abs(x2 - x1) < 6) {
      // Too short to show a direction: give it a stub on the side it comes from.
      x1 = item.to < item.from ? x2 + 6 : x2 - 6;
    }
    g.append(
      s('line', { class: 'tl-hit', x1, x2, y1: mid, y2: mid }),
      s('line', { class: 'tl-shape', x1, x2, y1: mid, y2: mid, 'marker-end': `url(#${markerPrefix}-${item.tone})` }),
    );
  } else {
    const cx = x(item.from);
    const r = item.highlighted ? 6 : 4.5;
    g.append(s('path', { class: 'tl-shape', d: `M${cx},${mid - r} L${cx + r},${mid} L${cx},${mid + r} L${cx - r},${mid} z` }));
  }
  return g;
}

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;
const day = 24 * hour;
const niceSteps = [
  second,
  2 * second,
  5 * second,
  10 * second,
  15 * second,
  30 * second,
  minute,
  2 * minute,
  5 * minute,
  10 * minute,
  15 * minute,
  30 * minute,
  hour,
  2 * hour,
  3 * hour,
  6 * hour,
  12 * hour,
  day,
  2 * day,
  7 * day,
  14 * day,
];

/** 4 to `maxTicks` tick times: round local times when a step fits, else evenly spaced. */
export function ticks(start: number, end: number, maxTicks: number): number[] {
  const span = end - start;
  // Align to local time: the zone offset at the start is good enough for one view.
  const offset = -new Date(start).getTimezoneOffset() * minute;
  for (const step of niceSteps) {
    if (span / step > maxTicks + 1) {
      continue;
    }
    const result: number[] = [];
    for (let t = Math.ceil((start + offset) / step) * step - offset; t <= end; t += step) {
      result.push(t);
    }
    if (result.length > maxTicks) {
      continue;
    }
    if (result.length >= 4) {
      return result;
    }
    break; // larger steps only give fewer ticks
  }
  const n = Math.max(4, Math.min(6, maxTicks));
  return Array.from({ length: n }, (_, i) => start + (span * i) / (n - 1));
}

/** Local time, short; the date only where it changes, so a one-day axis is not five dates long. */
function tickLabels(times: readonly number[], span: number): string[] {
  const timeStyle = span < 10 * minute ? 'medium' : 'short';
  let previousDay = '';
  return times.map((t) => {
    const date = new Date(t);
    const dayText = formatDate(date, { dateStyle: 'short' });
    if (span >= 4 * day) {
      return dayText;
    }
    const text = dayText === previousDay ? formatDate(date, { timeStyle }) : formatDate(date, { dateStyle: 'short', timeStyle });
    previousDay = dayText;
    return text;
  });
}
