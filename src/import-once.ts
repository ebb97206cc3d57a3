/**
 * Code imported once per page, the first time it is asked for: every caller gets the same promise, so
 * callbacks chained on it run in the order they were chained (separate `import()` calls of one module may
 * settle in any order), and the chunk is fetched once. A failed import is forgotten, so the next call (Try
 * again) fetches it anew rather than failing until a reload. No imports of its own: the stores, the
 * session and the widgets all use it.
 */
export function importOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((e: unknown) => {
      loading = undefined;
      throw e;
    }));
}
