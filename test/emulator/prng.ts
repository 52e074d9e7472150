/**
 * Small seeded PRNG for the emulator's data sets. Math.random is never used:
 * the same seed string must give the same data on every machine, so tests can
 * recompute ground truth and demos look the same every time.
 */

/** 32-bit FNV-1a; good enough to turn a descriptive seed string into a state. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const HEX = '0123456789abcdef';

/** mulberry32: tiny, fast and statistically fine for fake data. */
export class Rng {
  private state: number;

  /** Seed with a descriptive string ("us-east-1/backups/Orders") so each data stream is independent. */
  constructor(seed: string | number) {
    this.state = typeof seed === 'number' ? seed >>> 0 : hashString(seed);
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) {
      throw new Error('Rng.pick on an empty list');
    }
    return items[Math.floor(this.next() * items.length)];
  }

  /** Picks by relative weight: weighted([['a', 3], ['b', 1]]) returns 'a' three times as often. */
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let roll = this.next() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) {
        return value;
      }
    }
    return entries[entries.length - 1][0];
  }

  hex(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) {
      out += HEX[Math.floor(this.next() * 16)];
    }
    return out;
  }

  /** Random (version 4 shaped) UUID, lowercase. */
  uuid(): string {
    const variant = HEX[8 + Math.floor(this.next() * 4)];
    return `${this.hex(8)}-${this.hex(4)}-4${this.hex(3)}-${variant}${this.hex(3)}-${this.hex(12)}`;
  }

  /** Fills a byte array; used for opaque ids that should look like real base64. */
  bytes(length: number): Uint8Array {
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i++) {
      out[i] = Math.floor(this.next() * 256);
    }
    return out;
  }
}
