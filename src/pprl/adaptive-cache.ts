/**
 * A bounded memo cache that switches itself off when its keys rarely repeat: after a trial of
 * misses, if fewer than one lookup in ten hit, caching stops (unique values such as addresses or
 * ids only cost memory and garbage collection to cache).
 */
export interface AdaptiveCache<V> {
  /** The cached value, or computes, maybe caches, and returns it. */
  get(key: string, compute: () => V): V;
}

export function adaptiveCache<V>(trial = 20_000, maxSize = 200_000): AdaptiveCache<V> {
  const map = new Map<string, V>();
  let hits = 0;
  let misses = 0;
  let on = true;
  return {
    get(key, compute) {
      if (!on) return compute();
      const found = map.get(key);
      if (found !== undefined || map.has(key)) { hits++; return found as V; }
      const value = compute();
      if (++misses === trial && hits * 10 < misses) { on = false; map.clear(); return value; }
      if (map.size >= maxSize) map.clear();
      map.set(key, value);
      return value;
    },
  };
}
