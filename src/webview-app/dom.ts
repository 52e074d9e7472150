/*
 * Every element in this bundle is built with createElement/createElementNS and textContent. There is no
 * innerHTML, outerHTML, insertAdjacentHTML or document.write anywhere in src/webview-app, so no string
 * from AWS (names, JSON payloads, error messages) can ever become markup. Keep it that way.
 */

type Child = Node | string | undefined | false | null;

export interface Props {
  readonly className?: string;
  readonly text?: string;
  readonly attrs?: Readonly<Record<string, string | number | boolean | undefined>>;
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.className) {
    el.className = props.className;
  }
  setAttrs(el, props.attrs);
  if (props.text !== undefined) {
    el.textContent = props.text;
  }
  append(el, children);
  return el;
}

const svgNs = 'http://www.w3.org/2000/svg';

export function s<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Readonly<Record<string, string | number | boolean | undefined>> = {},
  ...children: Child[]
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(svgNs, tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

/** An SVG `<title>` (hover text and accessible name of its parent). */
export function svgTitle(text: string): SVGTitleElement {
  const t = document.createElementNS(svgNs, 'title');
  t.textContent = text;
  return t;
}

/** Data text from the host, bidi-isolated so RTL overrides in a name cannot reorder the UI around it. */
export function bdi(text: string, className?: string): HTMLElement {
  return h('bdi', className ? { className, text } : { text });
}

export interface ButtonOptions {
  readonly ariaLabel?: string;
  readonly className?: string;
  readonly focusKey?: string;
  readonly disabled?: boolean;
  readonly title?: string;
}

export function button(label: string, onClick: (el: HTMLButtonElement) => void, options: ButtonOptions = {}): HTMLButtonElement {
  const el = h('button', {
    className: options.className ?? '',
    text: label,
    attrs: {
      type: 'button',
      'aria-label': options.ariaLabel,
      title: options.title,
      'data-focus-key': options.focusKey,
    },
  });
  el.disabled = options.disabled ?? false;
  el.addEventListener('click', () => onClick(el));
  return el;
}

/** Text only for screen readers (e.g. a heading for a block that has no visible title). */
export function srOnly(tag: 'h2' | 'span', text: string, id?: string): HTMLElement {
  return h(tag, { className: 'sr-only', text, attrs: { id } });
}

function setAttrs(el: Element, attrs: Props['attrs']): void {
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === false) {
      continue;
    }
    el.setAttribute(name, value === true ? '' : String(value));
  }
}

function append(el: Element, children: readonly Child[]): void {
  for (const child of children) {
    if (child === undefined || child === false || child === null) {
      continue;
    }
    el.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}
