/**
 * Every number, date and duration the extension shows goes through here, in the editor's display language
 * (`vscode.env.language`, set once at activation; the details page gets the same tag from the host). Nothing
 * else calls `toLocaleString`: a fixed 'en-US' or the process's default locale would disagree with the rest
 * of the UI. Pure (no `vscode`), so rows, tooltips, panels and the page share it and unit tests run it.
 */
import * as l10n from '@vscode/l10n';

let locale = 'en';
// Made at first use, not at load or activation: the first Intl formatter of a process can take milliseconds.
let numbers: Intl.NumberFormat | undefined;
let dateTimes: Intl.DateTimeFormat | undefined;
/**
 * Made once per language, not per call: an Intl formatter costs about 15 µs to make and a translated word a
 * lookup and a format, which every tree row paid several times (its size in the description and again in the
 * screen-reader label), a quarter of a first page's time.
 */
let sizeNumbers: readonly Intl.NumberFormat[] = [];
let sizeUnits: readonly string[] = [];
/** relativeTime's texts by unit and count. */
const relativeTexts = new Map<string, string>();
/** The timeline's axis formats, one per distinct options. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** Sets the display language (a BCP 47 tag); anything Intl cannot use falls back to English. */
export function setDisplayLocale(tag: string | undefined): void {
  try {
    locale = Intl.getCanonicalLocales(tag || 'en')[0] ?? 'en';
  } catch {
    locale = 'en';
  }
  numbers = undefined;
  dateTimes = undefined;
  sizeNumbers = [];
  sizeUnits = [];
  relativeTexts.clear();
  dateFormats.clear();
}

/** The tag in use, e.g. for the details page and `<html lang>`. */
export function displayLocale(): string {
  return locale;
}

/** A count or amount with the language's grouping, e.g. "12,345" in English, "12 345" in French. */
export function formatNumber(n: number): string {
  numbers ??= new Intl.NumberFormat(locale);
  return numbers.format(n);
}

/** Local date and time in the display language, e.g. "Nov 22, 2026, 10:05:03 AM". */
export function localTime(date: Date | number): string {
  dateTimes ??= new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' });
  return dateTimes.format(date);
}

/** A date-time with the given Intl options, in the display language (the timeline's axis labels). */
export function formatDate(date: Date | number, options: Intl.DateTimeFormatOptions): string {
  const key = JSON.stringify(options);
  let formatter = dateFormats.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, options);
    dateFormats.set(key, formatter);
  }
  return formatter.format(date);
}

/** ISO 8601 in UTC without zero milliseconds: "2026-11-22T10:05:03Z". Language-neutral on purpose. */
export function utcTime(date: Date | number): string {
  return new Date(date).toISOString().replace('.000Z', 'Z');
}

/** "2026-11-22 10:05:03" in local time: a sortable, language-neutral label (backtrack rows, timelines). */
export function localDateTime(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/**
 * A timestamp AWS sent that is no time at all (out of range, not a number): "invalid date" with what arrived.
 * The SDK turns an out-of-range epoch into `Invalid Date`, whose original number is gone by then.
 */
function invalidDate(value: unknown): string {
  const raw = value instanceof Date ? String(value.getTime()) : typeof value === 'string' || typeof value === 'number' ? String(value) : typeof value;
  return l10n.t('invalid date ({0})', raw.length > 64 ? `${raw.slice(0, 63)}…` : raw);
}

function isValidDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

/** ISO 8601 UTC; never throws (`toISOString` does on an invalid date). */
export function isoTime(value: Date | undefined): string {
  if (value === undefined) {
    return '';
  }
  return isValidDate(value) ? value.toISOString() : invalidDate(value);
}

/** UTC and local time side by side, for tooltips and panels. Never throws. */
export function bothTimes(date: Date | undefined): string {
  if (!date) {
    return '—';
  }
  if (!isValidDate(date)) {
    return invalidDate(date);
  }
  return l10n.t('{0} (local {1})', utcTime(date), localTime(date));
}

export function humanSize(bytes: number | undefined): string {
  if (bytes === undefined) {
    return l10n.t('size unknown');
  }
  if (sizeUnits.length === 0) {
    // After activation gave @vscode/l10n its bundle (setDisplayLocale runs after that and starts over).
    sizeUnits = [l10n.t('B'), l10n.t('KB'), l10n.t('MB'), l10n.t('GB'), l10n.t('TB'), l10n.t('PB')];
    sizeNumbers = [0, 1].map((digits) => new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }));
  }
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < sizeUnits.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${sizeNumbers[unit !== 0 && value < 10 ? 1 : 0].format(value)} ${sizeUnits[unit]}`;
}

/** A whole number of hours: "24 h". */
export function hours(n: number): string {
  return l10n.t('{0} h', formatNumber(n));
}

/** "1 h 5 min", "3 d 2 h", "42 s": the largest `units` units that are not zero. */
export function humanDuration(ms: number, units = 2): string {
  const abs = Math.abs(ms);
  if (abs < 1000) {
    return l10n.t('{0} ms', formatNumber(Math.round(abs)));
  }
  const s = Math.floor(abs / 1000);
  const parts: [number, (n: string) => string][] = [
    [Math.floor(s / 86400), (n) => l10n.t('{0} d', n)],
    [Math.floor((s % 86400) / 3600), (n) => l10n.t('{0} h', n)],
    [Math.floor((s % 3600) / 60), (n) => l10n.t('{0} min', n)],
    [s % 60, (n) => l10n.t('{0} s', n)],
  ];
  const first = parts.findIndex(([n]) => n > 0);
  return parts
    .slice(first, first + units)
    .filter(([n]) => n > 0)
    .map(([n, unit]) => unit(formatNumber(n)))
    .join(' ');
}

/** "5 min ago", "in 3 d": the largest unit only. */
export function relativeTime(date: Date | undefined, now: number = Date.now()): string {
  if (!date) {
    return '';
  }
  if (!isValidDate(date)) {
    return invalidDate(date);
  }
  const diff = date.getTime() - now;
  if (Math.abs(diff) < 45_000) {
    return l10n.t('just now');
  }
  // Rows of a page share a few dozen texts ("3 h ago"): each is translated and formatted once. The key is
  // what humanDuration(diff, 1) shows: the largest unit and its count.
  const s = Math.floor(Math.abs(diff) / 1000);
  const unit = s >= 86_400 ? 86_400 : s >= 3_600 ? 3_600 : s >= 60 ? 60 : 1;
  const key = `${diff < 0 ? '-' : '+'}${unit}:${Math.floor(s / unit)}`;
  let text = relativeTexts.get(key);
  if (text === undefined) {
    const span = humanDuration(diff, 1);
    text = diff < 0 ? l10n.t('{0} ago', span) : l10n.t('in {0}', span);
    if (relativeTexts.size >= 1_000) {
      relativeTexts.clear(); // hostile timestamps could ask for any number of texts
    }
    relativeTexts.set(key, text);
  }
  return text;
}
