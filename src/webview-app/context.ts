import type { PageMessage } from '../shared/protocol';
import type { UiStore } from './uiState';

/** What a block renderer may use. One context per document render; cleanups run before the next one. */
export interface RenderContext {
  readonly post: (message: PageMessage) => void;
  readonly ui: UiStore;
  /** Prefix for DOM ids inside the block (host block ids are arbitrary strings, unfit for `id`). */
  readonly domId: string;
  /** Runs when the document is replaced: disconnect observers, cancel frames. */
  onCleanup(fn: () => void): void;
  /** Runs once the block is in the document (measuring and scrollTop need layout). */
  afterAttach(fn: () => void): void;
}
