/**
 * One table per kind of status says how a status looks everywhere: the panel's badge tone, the tree
 * row's codicon and theme colour, and the words a screen reader says. A status AWS adds later (or hostile
 * text) gets the table's fallback look and its own words. Pure: the details builders use it without VS Code.
 */
import type { Tone } from '../shared/protocol';
import { statusWords } from '../tree/accessibility';

export interface StatusLook {
  readonly tone: Tone;
  /** A codicon id for the tree row. */
  readonly icon: string;
  /** A theme colour id for the icon; none = the default foreground. */
  readonly color?: string;
}

export interface StatusShown extends StatusLook {
  /** "timed out" for TIMED_OUT: screen readers spell capitals letter by letter. */
  readonly words: string;
}

export type StatusMap = (status: string | undefined) => StatusShown;

/**
 * The look of each known status (keys after `key`, e.g. lowercased when the service is inconsistent
 * about case) and the look of any other.
 */
export function statusMap(looks: Readonly<Record<string, StatusLook>>, other: StatusLook, key: (status: string) => string = (status) => status): StatusMap {
  // A history has thousands of rows in a handful of statuses: each status is looked up once. Text AWS
  // invents is not remembered past a few dozen, so hostile data cannot grow the memo.
  const seen = new Map<string | undefined, StatusShown>();
  return (status) => {
    const known = seen.get(status);
    if (known) {
      return known;
    }
    const name = status === undefined ? undefined : key(status);
    const look = name !== undefined && Object.hasOwn(looks, name) ? looks[name] : other;
    const shown = { ...look, words: statusWords(status) };
    if (seen.size < 64) {
      seen.set(status, shown);
    }
    return shown;
  };
}
