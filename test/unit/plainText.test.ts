import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { forLabel, forMarkdownCode, forNotification, forPrompt, plainLine } from '../../src/util/plainText';
import { Rng } from '../emulator/prng';

/*
 * Property-style: every dangerous code point, alone and mixed at random with Markdown, HTML, link and
 * codicon syntax, through each neutraliser, checked against the parser of its sink: markdown-it
 * (CommonMark, with autolinks on like VS Code's GFM hovers), VS Code's linked-text pattern and its
 * codicon pattern.
 */

const lineTerminators = ['\r\n', '\r', '\n', '\u0085', '\u2028', '\u2029'];
const c0 = Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i));
const c1 = Array.from({ length: 0x21 }, (_, i) => String.fromCharCode(0x7f + i));
const bidi = ['\u061C', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];
const dangerous = [...new Set([...lineTerminators, ...c0, ...c1, ...bidi])];
const backtickRuns = Array.from({ length: 8 }, (_, i) => '`'.repeat(i + 1));
const syntax = [
  '# heading',
  '> quote',
  '- item',
  '1. item',
  '```',
  '~~~',
  '    code',
  '***',
  '---',
  '===',
  '|a|b|',
  '<h1>x</h1>',
  '<img src=x onerror=alert(1)>',
  '![i](http://example.invalid/i.png)',
  '[x](command:workbench.action.terminal.new)',
  '[y](http://example.invalid/)',
  '[z](file:///etc/passwd "t")',
  'http://example.invalid/bare',
  'www.example.invalid',
  '&lt;&amp;&#x3C;',
  '\\',
  '*',
  '_',
  '$(alert)',
  '$(zap~spin)',
  '$(a~1)',
  '\\$(alert)',
  '$(',
  ')',
  ']',
  '(',
  '[',
  ' ',
  'text',
];
const alphabet = [...dangerous, ...backtickRuns, ...syntax];

/** Every single dangerous code point and backtick run, in front of, inside and after text; then random mixes. */
function samples(): string[] {
  const out: string[] = [];
  for (const piece of [...dangerous, ...backtickRuns]) {
    out.push(piece, `${piece}x`, `x${piece}`, `a${piece}b${piece}`, `${piece}# heading${piece}[x](command:a)${piece}`);
  }
  const rng = new Rng('plainText');
  for (let i = 0; i < 2000; i++) {
    const parts = Array.from({ length: rng.int(1, 12) }, () => alphabet[rng.int(0, alphabet.length - 1)]);
    out.push(parts.join(''));
  }
  return out;
}

const all = samples();
const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const show = (s: string): string => JSON.stringify(s);

/** VS Code's `parseLinkedText` pattern (src/vs/base/common/linkedText.ts), used by notifications and input-box messages. */
const linkedText = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;
/** VS Code's codicon pattern in labels (src/vs/base/browser/ui/iconLabel/iconLabels.ts): group 1 is the escaping backslash. */
const icons = /(\\)?\$\(([A-Za-z0-9-]+(?:~[A-Za-z]+)?)\)/g;

/** What a label shows: escaped icons as their text, others as an icon marker. */
function renderLabel(text: string): string {
  return text.replace(icons, (_match, escaped: string | undefined, name: string) => (escaped ? `$(${name})` : '\u0000ICON\u0000'));
}

describe('plainText', () => {
  it('plainLine leaves no line terminator, C0/C1 control or bidi control, and shows each one visibly', () => {
    for (const value of all) {
      const line = plainLine(value);
      for (const char of dangerous) {
        assert.ok(!line.includes(char), `${show(value)} → ${show(line)} still holds U+${char.charCodeAt(0).toString(16)}`);
      }
    }
    assert.equal(plainLine('a\r\nb\rc\nd\u0085e\u2028f\u2029g'), 'a b c d e f g');
    assert.equal(plainLine('RTL \u202Egnp.exe\u202C'), 'RTL <U+202E>gnp.exe<U+202C>');
    assert.equal(plainLine('bell\u0007 csi\u009B tab\t'), 'bell<U+0007> csi<U+009B> tab<U+0009>');
    assert.equal(plainLine('emoji 👩‍💻 and e\u0301'), 'emoji 👩‍💻 and e\u0301', 'joiners and combining marks stay');
  });

  it('forMarkdownCode: each value is one code span whose text is exactly the value on one line', () => {
    const md = new MarkdownIt({ html: false, linkify: true });
    for (const value of all) {
      const line = plainLine(value);
      const html = md.render(`Field: ${forMarkdownCode(value)}`);
      if (/^ *$/.test(line)) {
        assert.match(html, /^<p>Field: <code> +<\/code><\/p>\n$/, show(value)); // only spaces: CommonMark keeps them as they are
      } else {
        assert.equal(html, `<p>Field: <code>${escapeHtml(line)}</code></p>\n`, show(value));
      }
    }
  });

  it('forMarkdownCode: a whole tooltip of hostile titles and values renders only its own paragraphs, bold and code', () => {
    const md = new MarkdownIt({ html: false, linkify: true });
    const rng = new Rng('tooltips');
    for (let i = 0; i < 300; i++) {
      const pick = (): string => all[rng.int(0, all.length - 1)];
      const fields = Array.from({ length: 6 }, (_, k) => `Field ${k}: ${forMarkdownCode(pick())}  \n`).join('');
      const html = md.render(`**${forMarkdownCode(pick())}**\n\n${fields}`);
      const tags = [...new Set(Array.from(html.matchAll(/<\/?([a-z0-9]+)/g), (m) => m[1]))].sort();
      assert.deepEqual(
        tags.filter((t) => !['br', 'code', 'p', 'strong'].includes(t)),
        [],
        html.slice(0, 400),
      );
      assert.equal((html.match(/<code>/g) ?? []).length, 7, 'one span per value, none split or joined');
      assert.equal((html.match(/<p>/g) ?? []).length, 2, 'no value ends the title or field paragraph');
    }
  });

  it('forNotification: no [label](http:|https:|command:|file:…) link survives, and the text reads the same', () => {
    for (const value of all) {
      const text = forNotification(value);
      assert.equal(text.match(linkedText), null, `${show(value)} → ${show(text)}`);
      assert.equal(text.replace(/\u200B/g, ''), plainLine(value).replace(/\u200B/g, ''));
    }
    assert.equal(forNotification('[x](command:evil) [y](http://a.invalid)'), '[x]\u200B(command:evil) [y]\u200B(http://a.invalid)');
  });

  it('forLabel: no $(icon) from data renders as an icon; the label shows the text as sent', () => {
    for (const value of all) {
      const label = forLabel(value);
      assert.equal(renderLabel(label), plainLine(value), `${show(value)} → ${show(label)}`);
    }
  });

  it('forPrompt: neither a link nor an icon survives (input-box messages render both)', () => {
    for (const value of all) {
      const prompt = forPrompt(value);
      assert.equal(prompt.match(linkedText), null, show(value));
      assert.equal(renderLabel(prompt).replace(/\u200B/g, ''), plainLine(value).replace(/\u200B/g, ''), show(value));
    }
  });
});
