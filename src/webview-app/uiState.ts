import { getSavedState, setSavedState } from './vscodeApi';

/**
 * View state the user created (expanded tree nodes, list scroll, opened rows). It survives re-renders
 * (auto refresh every few seconds must not collapse what the user opened) and, through
 * `vscode.setState`, the page being destroyed while its tab is hidden. Small by design: ids, not data.
 */
export interface ListUi {
  scrollTop: number;
  /** Row id whose detail is open. */
  expanded?: string | undefined;
  /** Row id of the keyboard cursor. */
  active?: string | undefined;
}

interface TreeUi {
  /** Explicit toggles relative to the default (first two levels open). */
  open: string[];
  closed: string[];
}

interface Saved {
  scrollY: number;
  trees: Record<string, TreeUi>;
  lists: Record<string, ListUi>;
  codes: Record<string, boolean>;
  tables: Record<string, boolean>;
}

/** Bounds what a long session can accumulate in the saved state. */
const maxTreeToggles = 2000;

export class UiStore {
  private state: Saved;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    this.state = parseSaved(getSavedState());
  }

  get scrollY(): number {
    return this.state.scrollY;
  }

  set scrollY(value: number) {
    this.state.scrollY = value;
    this.save();
  }

  isTreeNodeOpen(blockId: string, nodeId: string, depth: number): boolean {
    const tree = this.state.trees[blockId];
    if (tree?.open.includes(nodeId)) {
      return true;
    }
    if (tree?.closed.includes(nodeId)) {
      return false;
    }
    return depth < 2;
  }

  setTreeNodeOpen(blockId: string, nodeId: string, depth: number, open: boolean): void {
    const tree = (this.state.trees[blockId] ??= { open: [], closed: [] });
    tree.open = tree.open.filter((id) => id !== nodeId);
    tree.closed = tree.closed.filter((id) => id !== nodeId);
    if (open !== depth < 2) {
      (open ? tree.open : tree.closed).push(nodeId);
    }
    tree.open = tree.open.slice(-maxTreeToggles);
    tree.closed = tree.closed.slice(-maxTreeToggles);
    this.save();
  }

  list(blockId: string): ListUi {
    return (this.state.lists[blockId] ??= { scrollTop: 0 });
  }

  codeExpanded(blockId: string): boolean {
    return this.state.codes[blockId] === true;
  }

  setCodeExpanded(blockId: string): void {
    this.state.codes[blockId] = true;
    this.save();
  }

  tableExpanded(blockId: string): boolean {
    return this.state.tables[blockId] === true;
  }

  setTableExpanded(blockId: string): void {
    this.state.tables[blockId] = true;
    this.save();
  }

  /** Debounced: scrolling calls this on every frame. */
  save(): void {
    if (this.saveTimer !== undefined) {
      return;
    }
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      setSavedState(this.state);
    }, 250);
  }
}

function parseSaved(raw: unknown): Saved {
  const empty: Saved = { scrollY: 0, trees: {}, lists: {}, codes: {}, tables: {} };
  if (typeof raw !== 'object' || raw === null) {
    return empty;
  }
  const r = raw as Partial<Record<keyof Saved, unknown>>;
  const record = <T>(v: unknown): Record<string, T> => (typeof v === 'object' && v !== null ? (v as Record<string, T>) : {});
  return {
    scrollY: typeof r.scrollY === 'number' ? r.scrollY : 0,
    // Saved by this same bundle; a shape mismatch after an update only loses view state, so keep it cheap.
    trees: Object.fromEntries(
      Object.entries(record<Partial<TreeUi> | null>(r.trees)).filter(([, t]) => Array.isArray(t?.open) && Array.isArray(t?.closed)),
    ) as Record<string, TreeUi>,
    lists: record<ListUi>(r.lists),
    codes: record<boolean>(r.codes),
    tables: record<boolean>(r.tables),
  };
}
