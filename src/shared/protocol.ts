/**
 * Messages between the extension host and the details-panel page. Imported by both bundles. The page
 * renders a service-agnostic document of blocks; every string is shown as text, never parsed as HTML.
 */

export type Tone = 'ok' | 'warn' | 'error' | 'info' | 'muted' | 'progress';

export interface Field {
  readonly label: string;
  /** Absent values are shown as "—" (absent), never as "undefined". */
  readonly value?: string | undefined;
  /** Shows a copy button; the page sends back only the field id, the host looks the value up. */
  readonly copyId?: string | undefined;
  readonly mono?: boolean;
  readonly badge?: Tone;
  /** Extra text after the value, e.g. "in 3 d" or "12 345 678 bytes". */
  readonly note?: string | undefined;
}

export interface FieldsBlock {
  readonly kind: 'fields';
  readonly id: string;
  readonly title: string;
  readonly fields: readonly Field[];
}

export interface TableBlock {
  readonly kind: 'table';
  readonly id: string;
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Shown instead of an empty table. */
  readonly emptyText: string;
}

export interface CodeBlock {
  readonly kind: 'code';
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly language: 'json' | 'text';
  /** Set when the text was shortened (by AWS or by us); the page says so. */
  readonly truncatedNotice?: string | undefined;
  /** Offers "Open whole document" (host opens a read-only editor). */
  readonly canOpenWhole?: boolean;
  readonly copyId?: string | undefined;
}

export interface NoticeBlock {
  readonly kind: 'notice';
  readonly id: string;
  readonly tone: Tone;
  readonly text: string;
  /** Shows a Reload button next to the text (e.g. an expired history marker); it reloads the whole panel. */
  readonly reload?: boolean;
}

/** One lane of a timeline: a bar (start→end), an arrow (from→to, may point backwards) or a point mark. */
export interface TimelineItem {
  readonly id: string;
  readonly lane: string;
  readonly shape: 'bar' | 'arrow' | 'mark';
  /** Epoch milliseconds. */
  readonly from: number;
  readonly to: number;
  readonly tone: Tone;
  readonly highlighted?: boolean;
  /** Still running: the page draws it to the timeline's end, so a moving end does not resend every item. */
  readonly open?: boolean;
  /** Hover text (SVG <title>). */
  readonly title: string;
}

export interface TimelineBlock {
  readonly kind: 'timeline';
  readonly id: string;
  readonly title: string;
  readonly start: number;
  readonly end: number;
  /** A shaded range, e.g. the backtrack window ending now. */
  readonly band?: { readonly from: number; readonly to: number; readonly label: string } | undefined;
  readonly items: readonly TimelineItem[];
  /** Accessible summary for screen readers. */
  readonly summary: string;
  /**
   * Lets the user choose a time in [from, to] (a click, or a cursor moved with the arrow keys and Enter); the
   * page sends `{type: 'action', actionId, target: <ISO time>}`. `actionId` must be in `targetActions`.
   */
  readonly pick?: { readonly actionId: string; readonly from: number; readonly to: number; readonly label: string } | undefined;
}

export interface TreeBlockNode {
  readonly id: string;
  readonly label: string;
  readonly detail?: string | undefined;
  readonly tone: Tone;
  readonly children: readonly TreeBlockNode[];
  /**
   * Buttons on this node (e.g. answer a pending callback): each sends `{type:'action', actionId, target}`;
   * the ids are listed in `PanelDocument.targetActions`, and the host checks the target again.
   */
  readonly actions?: readonly { readonly id: string; readonly label: string }[] | undefined;
  readonly target?: string | undefined;
}

export interface TreeBlock {
  readonly kind: 'tree';
  readonly id: string;
  readonly title: string;
  readonly nodes: readonly TreeBlockNode[];
  readonly emptyText: string;
}

/** A long list rendered a window at a time in the page (e.g. 10,000 history events). */
export interface ListBlock {
  readonly kind: 'list';
  readonly id: string;
  readonly title: string;
  readonly rows: readonly { readonly id: string; readonly cells: readonly string[]; readonly detail?: string; readonly tone?: Tone }[];
  readonly columns: readonly string[];
  readonly emptyText: string;
}

/** Paging controls for data the host loads in pages (load more / load all). */
export interface PagerBlock {
  readonly kind: 'pager';
  readonly id: string;
  readonly text: string;
  readonly canLoadMore: boolean;
  readonly loading: boolean;
}

export type Block = FieldsBlock | TableBlock | CodeBlock | NoticeBlock | TimelineBlock | TreeBlock | ListBlock | PagerBlock;

export interface PanelDocument {
  readonly title: string;
  readonly subtitle?: string | undefined;
  readonly status?: { readonly text: string; readonly tone: Tone } | undefined;
  /** Actions shown in the header, beyond Refresh (e.g. Stop execution). */
  readonly actions: readonly { readonly id: string; readonly label: string }[];
  /**
   * Actions a block offers on one of its parts (a pending callback in the operations tree, a point on the
   * timeline): the page sends them with a `target`; the host runs only ids listed here or in `actions`.
   */
  readonly targetActions?: readonly string[] | undefined;
  readonly blocks: readonly Block[];
}

/** What changed in one block: fields replaced, arrays grown at their end (history rows), fields removed. */
export interface BlockUpdate {
  readonly id: string;
  readonly set?: Readonly<Record<string, unknown>>;
  readonly append?: Readonly<Record<string, readonly unknown[]>>;
  readonly unset?: readonly string[];
}

/**
 * The difference between the document on the page and the next one: header fields that changed, new or
 * replaced blocks, block updates and, when blocks came or went, the new order of block ids.
 */
export interface DocumentPatch {
  readonly header?: Partial<Pick<PanelDocument, 'title' | 'subtitle' | 'status' | 'actions' | 'targetActions'>>;
  readonly order?: readonly string[];
  readonly replace?: readonly Block[];
  readonly update?: readonly BlockUpdate[];
}

export type HostMessage =
  /** First answer to `ready`: the editor's display language and the translated strings (undefined in English). */
  | { readonly type: 'init'; readonly locale: string; readonly bundle: { readonly [key: string]: string } | undefined }
  | { readonly type: 'render'; readonly document: PanelDocument }
  | { readonly type: 'patch'; readonly patch: DocumentPatch }
  | { readonly type: 'loading'; readonly text: string }
  | { readonly type: 'error'; readonly message: string; readonly hint: string }
  | { readonly type: 'theme' };

export type PageMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'refresh' }
  | { readonly type: 'copy'; readonly copyId: string }
  /** `target` names what a block action applies to (an operation id, a time); the source validates it. */
  | { readonly type: 'action'; readonly actionId: string; readonly target?: string }
  | { readonly type: 'loadMore'; readonly blockId: string }
  | { readonly type: 'loadAll'; readonly blockId: string }
  | { readonly type: 'openWhole'; readonly blockId: string }
  /** Reports the time the first document was painted, for the benchmark. */
  | { readonly type: 'painted'; readonly ms: number };

const pageMessageTypes = new Set(['ready', 'refresh', 'copy', 'action', 'loadMore', 'loadAll', 'openWhole', 'painted']);

/** Host-side validation: anything that is not a well-formed PageMessage is ignored. */
export function parsePageMessage(raw: unknown): PageMessage | undefined {
  if (typeof raw !== 'object' || raw === null) {
    return undefined;
  }
  const message = raw as Record<string, unknown>;
  const type = message.type;
  if (typeof type !== 'string' || !pageMessageTypes.has(type)) {
    return undefined;
  }
  const str = (key: string): string | undefined => {
    const v = message[key];
    return typeof v === 'string' && v.length > 0 && v.length <= 256 ? v : undefined;
  };
  switch (type) {
    case 'ready':
    case 'refresh':
      return { type };
    case 'copy': {
      const copyId = str('copyId');
      return copyId ? { type, copyId } : undefined;
    }
    case 'action': {
      const actionId = str('actionId');
      if (!actionId) {
        return undefined;
      }
      if (message.target === undefined) {
        return { type, actionId };
      }
      const target = str('target');
      return target ? { type, actionId, target } : undefined;
    }
    case 'loadMore':
    case 'loadAll':
    case 'openWhole': {
      const blockId = str('blockId');
      return blockId ? { type, blockId } : undefined;
    }
    case 'painted':
      return typeof message.ms === 'number' && Number.isFinite(message.ms) ? { type, ms: message.ms } : undefined;
    default:
      return undefined;
  }
}

/** Arrays this long are compared item by item by reference only: by value would cost what sending them does. */
const valueCompareLimit = 200;

function samePrefix(before: readonly unknown[], after: readonly unknown[]): boolean {
  for (let i = 0; i < before.length; i++) {
    if (before[i] !== after[i]) {
      return false;
    }
  }
  return true;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) {
    return true;
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return false;
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length && samePrefix(a, b)) {
    return true;
  }
  if (Array.isArray(a) && Array.isArray(b) && (a.length > valueCompareLimit || b.length > valueCompareLimit)) {
    return false;
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

/** True when `after` is `before` with items added at the end (the same item objects in front). */
function grewAtEnd(before: readonly unknown[], after: readonly unknown[]): boolean {
  return after.length > before.length && before.length > 0 && samePrefix(before, after);
}

function blockUpdate(before: Block, after: Block): BlockUpdate | undefined {
  const set: Record<string, unknown> = {};
  const append: Record<string, readonly unknown[]> = {};
  const unset: string[] = [];
  const a = before as unknown as Record<string, unknown>;
  const b = after as unknown as Record<string, unknown>;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const was = a[key];
    const now = b[key];
    if (now === undefined) {
      if (was !== undefined) {
        unset.push(key);
      }
    } else if (Array.isArray(was) && Array.isArray(now) && grewAtEnd(was, now)) {
      append[key] = now.slice(was.length);
    } else if (!sameValue(was, now)) {
      set[key] = now;
    }
  }
  if (Object.keys(set).length === 0 && Object.keys(append).length === 0 && unset.length === 0) {
    return undefined;
  }
  return {
    id: after.id,
    ...(Object.keys(set).length > 0 ? { set } : {}),
    ...(Object.keys(append).length > 0 ? { append } : {}),
    ...(unset.length > 0 ? { unset } : {}),
  };
}

/**
 * What the page needs to turn `before` into `after`; undefined when nothing changed. Pure and shared by both
 * bundles, so the host's diff and the page's `applyPatch` are tested together.
 */
export function diffDocuments(before: PanelDocument, after: PanelDocument): DocumentPatch | undefined {
  const header: Record<string, unknown> = {};
  for (const key of ['title', 'subtitle', 'status', 'actions', 'targetActions'] as const) {
    if (!sameValue(before[key], after[key])) {
      header[key] = after[key];
    }
  }
  const previous = new Map(before.blocks.map((block) => [block.id, block]));
  const replace: Block[] = [];
  const update: BlockUpdate[] = [];
  for (const block of after.blocks) {
    const old = previous.get(block.id);
    if (old === block) {
      continue;
    }
    if (!old || old.kind !== block.kind) {
      replace.push(block);
      continue;
    }
    const change = blockUpdate(old, block);
    if (change) {
      update.push(change);
    }
  }
  const ids = after.blocks.map((b) => b.id);
  const reordered = ids.length !== before.blocks.length || ids.some((id, i) => before.blocks[i].id !== id);
  if (Object.keys(header).length === 0 && replace.length === 0 && update.length === 0 && !reordered) {
    return undefined;
  }
  return {
    ...(Object.keys(header).length > 0 ? { header: header } : {}),
    ...(reordered ? { order: ids } : {}),
    ...(replace.length > 0 ? { replace } : {}),
    ...(update.length > 0 ? { update } : {}),
  };
}

/** The page's side of `diffDocuments`. Blocks the patch names but the document lacks are ignored. */
export function applyPatch(doc: PanelDocument, patch: DocumentPatch): PanelDocument {
  const blocks = new Map(doc.blocks.map((block) => [block.id, block]));
  for (const block of patch.replace ?? []) {
    blocks.set(block.id, block);
  }
  for (const change of patch.update ?? []) {
    const old = blocks.get(change.id);
    if (!old) {
      continue;
    }
    const next: Record<string, unknown> = { ...(old as unknown as Record<string, unknown>), ...(change.set ?? {}) };
    for (const [key, items] of Object.entries(change.append ?? {})) {
      const current = next[key];
      next[key] = Array.isArray(current) ? current.concat(items) : items;
    }
    for (const key of change.unset ?? []) {
      delete next[key];
    }
    blocks.set(change.id, next as unknown as Block);
  }
  const order = patch.order ?? doc.blocks.map((b) => b.id);
  return {
    ...doc,
    ...(patch.header ?? {}),
    blocks: order.map((id) => blocks.get(id)).filter((b): b is Block => b !== undefined),
  };
}
