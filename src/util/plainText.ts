/**
 * The one place that turns text from AWS or an endpoint into text VS Code shows literally. Each sink
 * parses something different, so each has its own function:
 * - hovers (MarkdownString): Markdown, HTML, entities, autolinks, line structure → `forMarkdownCode`;
 * - notifications and progress: `[label](https:…|command:…|file:…)` becomes a link (VS Code's
 *   `parseLinkedText`; bare URLs and `$(icon)` stay text) → `forNotification`;
 * - QuickPick label/description/detail, status bar text: `$(icon)` becomes a codicon → `forLabel`;
 * - input-box prompt and validation message: both links and codicons → `forPrompt`.
 * All of them first make the text one line with every invisible control shown (`plainLine`). Pure: the
 * unit tests run it over every dangerous code point.
 */

/** `\r\n`, `\r`, `\n`, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR: each ends a line somewhere. */
const lineTerminators = /\r\n|[\r\n\u0085\u2028\u2029]/g;

/**
 * C0 and C1 controls (tab included: it aligns Markdown and labels differently per sink), DEL, and the
 * bidi controls that reorder what is shown (LRM, RLM, ALM, embeddings, overrides, isolates).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const invisibleControls = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** `<U+202E>`: visible, and made of characters no sink parses. */
function codePointName(char: string): string {
  return `<U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`;
}

/** One line: line terminators become a space, other controls a visible `<U+XXXX>`. */
export function plainLine(text: string): string {
  return text.replace(lineTerminators, ' ').replace(invisibleControls, codePointName);
}

/**
 * `value` as an inline Markdown code span, the one construct whose content is shown exactly (no
 * backslash escapes, entities, HTML or autolinks inside). On one line it cannot end a paragraph or open
 * a block; the fence is longer than any backtick run in it, so the value cannot close the span either.
 */
export function forMarkdownCode(value: string): string {
  const line = plainLine(value);
  const longestRun = Math.max(0, ...Array.from(line.matchAll(/`+/g), (m) => m[0].length));
  const fence = '`'.repeat(longestRun + 1);
  // One space inside each fence: Markdown strips exactly one from each end, so a value that starts or ends with a backtick survives.
  return `${fence} ${line} ${fence}`;
}

/**
 * Breaks every `](` with a zero-width space: VS Code's linked text needs `]` and `(` adjacent, so no
 * `[x](command:…)` or `[y](https://…)` from data becomes a link. The text reads the same.
 */
export function forNotification(text: string): string {
  return plainLine(text).replace(/\]\(/g, ']\u200B(');
}

/** What VS Code renders as a codicon in a label: `$(name)` or `$(name~modifier)`. */
const codicon = /\$\([A-Za-z0-9-]+(?:~[A-Za-z]+)?\)/g;

/**
 * Escapes every `$(name)` with a backslash, VS Code's own escape for codicons in labels: `$(alert)` shows
 * as typed. A backslash already in the data stays visible (`\$(x)` becomes `\\$(x)`, shown as `\$(x)`).
 */
export function forLabel(text: string): string {
  return plainLine(text).replace(codicon, '\\$&');
}

/** Input-box prompts and validation messages render both linked text and codicons. */
export function forPrompt(text: string): string {
  return forLabel(forNotification(text));
}
