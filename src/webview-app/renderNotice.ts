import * as l10n from '@vscode/l10n';
import type { Tone } from '../shared/protocol';
import { bdi, h } from './dom';

/** A function, not a table: the page learns its language after this module has loaded. */
function toneWord(tone: Tone): string {
  switch (tone) {
    case 'ok':
      return l10n.t('OK');
    case 'warn':
      return l10n.t('Warning');
    case 'error':
      return l10n.t('Error');
    case 'progress':
      return l10n.t('In progress');
    default:
      return l10n.t('Note');
  }
}

/** Errors interrupt screen readers (alert); everything else is announced politely (status). */
export function renderNotice(tone: Tone, text: string): HTMLElement {
  return h(
    'div',
    { className: `notice tone-${tone}`, attrs: { role: tone === 'error' ? 'alert' : 'status' } },
    h('span', { className: 'notice-tone', text: l10n.t('{0}: ', toneWord(tone)) }),
    bdi(text),
  );
}

export function toneLabel(tone: Tone): string {
  return toneWord(tone);
}
