/**
 * A lazy chunk (`src/<folder>/<name>.lazy.ts`), loaded at its first use instead of at activation. `load` is
 * `() => require('./<name>.lazy')`: esbuild.mjs builds each such file into dist/lazy/<name>.js and turns the
 * require into the built chunk's (an `import` of it fails the build). The chunk takes every module the main
 * bundle holds from the loaded extension, so classes, settings and state stay single.
 */
export function lazy<M>(load: () => M): () => M {
  let loaded: M | undefined;
  return () => (loaded ??= load());
}
