// A full garbage collection inside the extension host, whose flags the benchmark cannot set: V8 accepts
// --expose-gc at run time, and a context created afterwards gets the `gc` global.
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

export const heapMethod = "v8.setFlagsFromString('--expose-gc') + vm.runInNewContext('gc'); two full GCs, then v8.getHeapStatistics().used_heap_size";

let collect: (() => void) | undefined;

/** A function that runs a full GC, or undefined when the engine refuses to expose one. */
export function exposeGc(): (() => void) | undefined {
  if (collect) {
    return collect;
  }
  const existing = (globalThis as { gc?: unknown }).gc;
  if (typeof existing === 'function') {
    collect = existing as () => void;
    return collect;
  }
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as unknown;
  collect = typeof gc === 'function' ? (gc as () => void) : undefined;
  return collect;
}

/** Used heap after full collections (twice: the first may only queue finalizers). */
export function settledHeapBytes(gc: () => void): number {
  gc();
  gc();
  return v8.getHeapStatistics().used_heap_size;
}
