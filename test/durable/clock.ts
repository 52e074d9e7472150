/**
 * Scaled time for the durable host (preloaded with `--require` into the host process, and so into the local
 * runner's checkpoint worker thread, which inherits the process's execArgv).
 *
 * The local runner schedules waits and step retries with setTimeout(ScheduledEndTimestamp - Date.now()) and
 * stamps events with `new Date()` in both threads. Running the clock `DURABLE_TIME_SCALE` times faster in
 * both keeps a history self-consistent (a 10-minute wait is stamped 10 minutes long) while it takes
 * 1/scale of the real time. Virtual time = DURABLE_CLOCK_BASE + (real - DURABLE_CLOCK_REAL_START) × scale,
 * the same formula the emulator uses for its own clock, so both agree.
 */
const RealDate = Date;
const realNow = Date.now.bind(Date);

export const realTimers = {
  setTimeout: globalThis.setTimeout.bind(globalThis),
  setInterval: globalThis.setInterval.bind(globalThis),
  clearInterval: globalThis.clearInterval.bind(globalThis),
};

function numberFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

export const timeScale = numberFromEnv('DURABLE_TIME_SCALE', 1);
const realStart = numberFromEnv('DURABLE_CLOCK_REAL_START', realNow());
const base = numberFromEnv('DURABLE_CLOCK_BASE', realStart);

function virtualNow(): number {
  return Math.round(base + (realNow() - realStart) * timeScale);
}

if (timeScale !== 1) {
  class ScaledDate extends RealDate {
    constructor(...args: ConstructorParameters<DateConstructor> | []) {
      if (args.length === 0) {
        super(virtualNow());
      } else {
        super(...args);
      }
    }

    static override now(): number {
      return virtualNow();
    }
  }
  globalThis.Date = ScaledDate as DateConstructor;
  const scaled = (ms: unknown): number => (typeof ms === 'number' && ms > 0 ? ms / timeScale : 0);
  const { setTimeout: realSetTimeout, setInterval: realSetInterval } = realTimers;
  globalThis.setTimeout = ((fn: (...a: unknown[]) => void, ms?: number, ...rest: unknown[]) => realSetTimeout(fn, scaled(ms), ...rest)) as typeof setTimeout;
  globalThis.setInterval = ((fn: (...a: unknown[]) => void, ms?: number, ...rest: unknown[]) => realSetInterval(fn, scaled(ms), ...rest)) as typeof setInterval;
}
