/**
 * The date box of every filter: ISO 8601 dates or date-times (with or without a zone; without one it
 * is local time, as people type it), relative forms like `30m`, `24h`, `7d`, `2w` meaning "that long
 * ago", and `now`. Pure so it is unit-tested without VS Code.
 */
import * as l10n from '@vscode/l10n';

export type DateParse = { ok: true; date: Date } | { ok: false; message: string };

const relative = /^(\d{1,5})\s*(m|min|h|d|w)$/i;
const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const isoDateTime = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;

const unitMs: Record<string, number> = { m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** The accepted forms, as the input boxes and error messages state them. */
export function dateInputHelp(): string {
  return l10n.t('ISO 8601 (2026-11-01, 2026-11-01T14:30, 2026-11-01T14:30:00Z) or how long ago (30m, 24h, 7d, 2w)');
}

export function parseDateInput(text: string, now: Date = new Date()): DateParse {
  const value = text.trim();
  if (value === '') {
    return { ok: false, message: l10n.t('Enter a date: {0}.', dateInputHelp()) };
  }
  if (value.toLowerCase() === 'now') {
    return { ok: true, date: new Date(now.getTime()) };
  }
  const rel = relative.exec(value);
  if (rel) {
    const ms = Number(rel[1]) * (unitMs[rel[2].toLowerCase()] ?? 0);
    return { ok: true, date: new Date(now.getTime() - ms) };
  }
  const dateOnly = isoDate.exec(value);
  if (dateOnly) {
    const [y, mo, d] = [Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3])];
    const date = new Date(y, mo - 1, d);
    return validCalendar(date, y, mo, d) ? { ok: true, date } : invalid(value);
  }
  const dt = isoDateTime.exec(value);
  if (dt) {
    const [y, mo, d, h, mi] = [1, 2, 3, 4, 5].map((i) => Number(dt[i]));
    const s = Number(dt[6] ?? 0);
    if (h > 23 || mi > 59 || s > 59) {
      return invalid(value);
    }
    if (dt[8]) {
      const zone = dt[8].toUpperCase() === 'Z' ? 'Z' : dt[8].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
      const iso = `${dt[1]}-${dt[2]}-${dt[3]}T${dt[4]}:${dt[5]}:${dt[6] ?? '00'}${dt[7] ?? ''}${zone}`;
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) || !validCalendar(new Date(y, mo - 1, d), y, mo, d) ? invalid(value) : { ok: true, date };
    }
    const ms = dt[7] ? Math.round(Number(`0${dt[7]}`) * 1000) : 0;
    const date = new Date(y, mo - 1, d, h, mi, s, ms);
    return validCalendar(date, y, mo, d) ? { ok: true, date } : invalid(value);
  }
  return invalid(value);
}

function validCalendar(date: Date, y: number, mo: number, d: number): boolean {
  return date.getFullYear() === y && date.getMonth() === mo - 1 && date.getDate() === d;
}

function invalid(value: string): DateParse {
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return { ok: false, message: l10n.t('"{0}" is not a date. Use {1}.', shown, dateInputHelp()) };
}

/** Lower bound must be strictly before the upper bound (the APIs treat the range as [lower, upper)). */
/** A date given as data (command argument, saved state): an ISO 8601 string; undefined = not set. */
export function checkDateArgument(value: unknown, what: string): string | undefined {
  if (value === undefined) {
    return undefined;
  }
  return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? undefined : `"${what}" is not a date.`;
}

export function checkRange(after: Date | undefined, before: Date | undefined): string | undefined {
  if (after && before && after.getTime() >= before.getTime()) {
    return l10n.t('"After" ({0}) must be before "before" ({1}).', after.toISOString(), before.toISOString());
  }
  return undefined;
}

export function datePresets(): readonly { label: string; ms: number }[] {
  return [
    { label: l10n.t('Last 24 hours'), ms: 86_400_000 },
    { label: l10n.t('Last 7 days'), ms: 7 * 86_400_000 },
    { label: l10n.t('Last 30 days'), ms: 30 * 86_400_000 },
  ];
}

/** A stored ISO bound as the view description shows it: "2026-11-01 14:30Z". */
export function shortDate(iso: string): string {
  return iso.replace(/:00\.000Z$|\.000Z$/, 'Z').replace('T', ' ');
}
