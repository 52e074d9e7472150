import { formatNumber } from '../shared/format';
import * as l10n from '@vscode/l10n';
import type { TreeBlock, TreeBlockNode } from '../shared/protocol';
import type { RenderContext } from './context';
import { bdi, h } from './dom';
import { toneLabel } from './renderNotice';

/**
 * Children are built only when their parent is open (so the DOM holds exactly the visible items, which
 * keeps keyboard navigation a simple walk over rendered items) and at most this many at a time: a
 * durable execution may have thousands of steps under one context.
 */
const childPage = 500;

interface Built {
  readonly node: TreeBlockNode;
  readonly depth: number;
}

export function renderTree(block: TreeBlock, ctx: RenderContext, headingId: string): HTMLElement {
  if (block.nodes.length === 0) {
    return h('p', { className: 'empty' }, bdi(block.emptyText));
  }
  const built = new WeakMap<HTMLElement, Built>();
  const tree = h('ul', { className: 'tree', attrs: { role: 'tree', 'aria-labelledby': headingId } });
  let current: HTMLElement | undefined;

  const items = (): HTMLElement[] => [...tree.querySelectorAll<HTMLElement>('li[role="treeitem"]')];

  const renderChildren = (parent: HTMLElement, nodes: readonly TreeBlockNode[], depth: number, from: number): void => {
    const group = parent === tree ? tree : (parent.querySelector(':scope > ul') ?? parent.appendChild(h('ul', { attrs: { role: 'group' } })));
    const end = Math.min(nodes.length, from + childPage);
    for (let i = from; i < end; i++) {
      const node = nodes[i];
      if (node) {
        group.append(item(node, depth, i + 1, nodes.length));
      }
    }
    if (end < nodes.length) {
      const more = h('li', {
        className: 'tree-more',
        attrs: { role: 'treeitem', tabindex: -1, 'aria-level': depth + 1, 'data-focus-key': `tree:${block.id}:more:${depth}:${end}` },
        text: l10n.t('Show {0} more of {1}…', formatNumber(Math.min(childPage, nodes.length - end)), formatNumber(nodes.length - end)),
      });
      more.addEventListener('click', (event) => {
        event.stopPropagation();
        showMore(more, nodes, depth, end);
      });
      group.append(more);
    }
  };

  const showMore = (more: HTMLElement, nodes: readonly TreeBlockNode[], depth: number, from: number): void => {
    const group = more.parentElement;
    more.remove();
    if (group) {
      renderChildren(group === tree ? tree : (group.parentElement ?? tree), nodes, depth, from);
      (group.children[from] as HTMLElement | undefined)?.focus();
    }
  };

  const item = (node: TreeBlockNode, depth: number, position: number, size: number): HTMLElement => {
    const hasChildren = node.children.length > 0;
    const open = hasChildren && ctx.ui.isTreeNodeOpen(block.id, node.id, depth);
    const li = h('li', {
      attrs: {
        role: 'treeitem',
        tabindex: -1,
        'aria-level': depth + 1,
        'aria-setsize': size,
        'aria-posinset': position,
        'aria-expanded': hasChildren ? String(open) : undefined,
        'data-node-id': node.id,
        'data-focus-key': `tree:${block.id}:${node.id}`,
      },
    });
    li.append(
      h(
        'div',
        { className: 'tree-row' },
        h('span', { className: 'twisty', attrs: { 'aria-hidden': 'true' }, text: hasChildren ? (open ? '▾' : '▸') : '' }),
        h('span', { className: `dot tone-${node.tone}`, attrs: { role: 'img', 'aria-label': toneLabel(node.tone) } }),
        bdi(node.label, 'label'),
        node.detail ? bdi(node.detail, 'detail') : undefined,
      ),
    );
    built.set(li, { node, depth });
    if (open) {
      renderChildren(li, node.children, depth + 1, 0);
    }
    return li;
  };

  const setOpen = (li: HTMLElement, open: boolean): void => {
    const info = built.get(li);
    if (!info || info.node.children.length === 0 || (li.getAttribute('aria-expanded') === 'true') === open) {
      return;
    }
    li.setAttribute('aria-expanded', String(open));
    const twisty = li.querySelector(':scope > .tree-row > .twisty');
    if (twisty) {
      twisty.textContent = open ? '▾' : '▸';
    }
    if (open) {
      renderChildren(li, info.node.children, info.depth + 1, 0);
    } else {
      li.querySelector(':scope > ul')?.remove();
    }
    ctx.ui.setTreeNodeOpen(block.id, info.node.id, info.depth, open);
  };

  const focusItem = (li: HTMLElement | undefined): void => li?.focus();

  renderChildren(tree, block.nodes, 0, 0);
  current = tree.querySelector<HTMLElement>('li[role="treeitem"]') ?? undefined;
  if (current) {
    current.tabIndex = 0;
  }

  // Roving tabindex: one tab stop for the whole tree, arrows inside it.
  tree.addEventListener('focusin', (event) => {
    const li = (event.target as HTMLElement).closest<HTMLElement>('li[role="treeitem"]');
    if (li && li !== current) {
      if (current) {
        current.tabIndex = -1;
      }
      li.tabIndex = 0;
      current = li;
    }
  });

  tree.addEventListener('click', (event) => {
    const li = (event.target as HTMLElement).closest<HTMLElement>('li[role="treeitem"]');
    if (li && built.has(li)) {
      setOpen(li, li.getAttribute('aria-expanded') !== 'true');
      li.focus();
    }
  });

  tree.addEventListener('keydown', (event) => {
    const li = (event.target as HTMLElement).closest<HTMLElement>('li[role="treeitem"]');
    if (!li) {
      return;
    }
    const all = items();
    const index = all.indexOf(li);
    const expanded = li.getAttribute('aria-expanded');
    let handled = true;
    switch (event.key) {
      case 'ArrowDown':
        focusItem(all[index + 1]);
        break;
      case 'ArrowUp':
        focusItem(all[index - 1]);
        break;
      case 'Home':
        focusItem(all[0]);
        break;
      case 'End':
        focusItem(all[all.length - 1]);
        break;
      case 'ArrowRight':
        if (expanded === 'false') {
          setOpen(li, true);
        } else if (expanded === 'true') {
          focusItem(li.querySelector<HTMLElement>(':scope > ul > li') ?? undefined);
        }
        break;
      case 'ArrowLeft':
        if (expanded === 'true') {
          setOpen(li, false);
        } else {
          focusItem(li.parentElement?.closest<HTMLElement>('li[role="treeitem"]') ?? undefined);
        }
        break;
      case 'Enter':
      case ' ':
        li.click();
        break;
      default:
        handled = false;
    }
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  });

  return tree;
}
