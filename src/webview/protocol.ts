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
}

export interface TreeBlockNode {
  readonly id: string;
  readonly label: string;
  readonly detail?: string | undefined;
  readonly tone: Tone;
  readonly children: readonly TreeBlockNode[];
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
  readonly blocks: readonly Block[];
}

export type HostMessage =
  /** First answer to `ready`: the editor's display language and the translated strings (undefined in English). */
  | { readonly type: 'init'; readonly locale: string; readonly bundle: { readonly [key: string]: string } | undefined }
  | { readonly type: 'render'; readonly document: PanelDocument }
  | { readonly type: 'loading'; readonly text: string }
  | { readonly type: 'error'; readonly message: string; readonly hint: string }
  | { readonly type: 'theme' };

export type PageMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'refresh' }
  | { readonly type: 'copy'; readonly copyId: string }
  | { readonly type: 'action'; readonly actionId: string }
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
      return actionId ? { type, actionId } : undefined;
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
