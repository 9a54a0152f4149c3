/**
 * Remember a pure function of a string. Extraction asks the same few questions of the same
 * strings many times over (a dump's lines, a page's class lists); each is answered once.
 * Bounded: the cache is emptied when it fills, so a batch of many documents cannot grow it
 * without end (what an earlier document left is only a chance hit).
 */
export function memoByString<R>(fn: (s: string) => R, max = 4096): (s: string) => R {
  const cache = new Map<string, R>();
  return (s: string): R => {
    let v = cache.get(s);
    if (v === undefined) {
      if (cache.size >= max) cache.clear();
      v = fn(s);
      cache.set(s, v);
    }
    return v;
  };
}

/**
 * memoByString for texts of at most maxLength characters; a longer one gets `otherwise` at once,
 * neither computed nor kept (fn must answer it for those too). The line recognisers are asked
 * about every paragraph and answer a long one "no": it is not worth hashing into their caches.
 */
export function memoShort<R>(fn: (s: string) => R, maxLength: number, otherwise: R, max = 4096): (s: string) => R {
  const memo = memoByString(fn, max);
  return (s: string): R => (s.length > maxLength ? otherwise : memo(s));
}
