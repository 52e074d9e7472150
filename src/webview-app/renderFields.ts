import * as l10n from '@vscode/l10n';
import type { Field, FieldsBlock } from '../shared/protocol';
import type { RenderContext } from './context';
import { bdi, button, h } from './dom';

export function renderFields(block: FieldsBlock, ctx: RenderContext): HTMLElement {
  const dl = h('dl', { className: 'fields' });
  for (const field of block.fields) {
    const present = field.value !== undefined && field.value !== '';
    dl.append(
      h(
        'div',
        { className: 'field' },
        h('dt', {}, bdi(field.label)),
        h(
          'dd',
          {},
          present ? fieldValue(field, field.value ?? '') : absent(),
          field.note ? h('span', { className: 'note' }, bdi(field.note)) : undefined,
          present && field.copyId ? copyButton(field.label, field.copyId, ctx) : undefined,
        ),
      ),
    );
  }
  return dl;
}

/** "—" for a value AWS did not return: says "absent" to screen readers instead of reading a dash. */
export function absent(): HTMLElement {
  return h('span', { className: 'absent', text: '—', attrs: { 'aria-label': l10n.t('absent'), title: l10n.t('absent'), role: 'img' } });
}

function fieldValue(field: Field, value: string): HTMLElement {
  const text = bdi(value, field.mono ? 'value mono' : 'value');
  return field.badge ? h('span', { className: `badge tone-${field.badge}` }, text) : text;
}

/** The page sends only the id; the host copies the value from its own copy of the document. */
export function copyButton(label: string, copyId: string, ctx: RenderContext): HTMLButtonElement {
  let timer: ReturnType<typeof setTimeout> | undefined;
  ctx.onCleanup(() => clearTimeout(timer));
  return button(
    l10n.t('Copy'),
    (el) => {
      ctx.post({ type: 'copy', copyId });
      el.textContent = l10n.t('Copied');
      clearTimeout(timer);
      timer = setTimeout(() => (el.textContent = l10n.t('Copy')), 1500);
    },
    { className: 'secondary small copy', ariaLabel: l10n.t('Copy {0}', label), focusKey: `copy:${copyId}` },
  );
}
