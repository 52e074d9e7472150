/**
 * Each service's details builder is built as its own chunk (dist/details/*.js, see esbuild.mjs) and required
 * when its first panel opens, so activation never parses it. A chunk bundles its own copies of the modules it
 * uses: those that hold settings (the translations, the display language) are given the host's on loading.
 */
import * as l10n from '@vscode/l10n';
import { setDisplayLocale } from '../shared/format';

export interface ChunkLocale {
  /** The translations VS Code loaded for the display language (undefined for English). */
  readonly bundle: l10n.l10nJsonFormat | undefined;
  readonly language: string;
}

/** Exported by every details chunk; called once, when it is loaded. */
export function configureChunk(locale: ChunkLocale): void {
  if (locale.bundle) {
    l10n.config({ contents: locale.bundle });
  }
  setDisplayLocale(locale.language);
}

/** What a details chunk exports besides its builders. */
export interface DetailChunk {
  configureChunk(locale: ChunkLocale): void;
}
