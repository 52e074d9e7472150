import type { Tone } from '../webview/protocol';
import { bdi, h } from './dom';

const toneWord: Record<Tone, string> = {
  ok: 'OK',
  warn: 'Warning',
  error: 'Error',
  info: 'Note',
  muted: 'Note',
  progress: 'In progress',
};

/** Errors interrupt screen readers (alert); everything else is announced politely (status). */
export function renderNotice(tone: Tone, text: string): HTMLElement {
  return h(
    'div',
    { className: `notice tone-${tone}`, attrs: { role: tone === 'error' ? 'alert' : 'status' } },
    h('span', { className: 'notice-tone', text: `${toneWord[tone]}: ` }),
    bdi(text),
  );
}

export function toneLabel(tone: Tone): string {
  return toneWord[tone];
}
