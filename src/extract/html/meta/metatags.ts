// <meta> tags read once into a lookup table. Keys are lower-cased `property`, `name`,
// `itemprop` and `http-equiv` values; a page may repeat a key (several article:author tags).
import type { Element } from './dom.js';
import { decodeEntities, normalizeInline } from '../../../normalize/text.js';

export type MetaTags = ReadonlyMap<string, readonly string[]>;

export function readMetaTags(metaElements: readonly Element[]): MetaTags {
  const map = new Map<string, string[]>();
  for (const el of metaElements) {
    const a = el.attribs;
    // Some saved pages (and some CMSs) write value= instead of content=.
    const raw = a['content'] ?? a['value'];
    if (raw === undefined) continue;
    // CMSs often escape twice ("We&amp;#039;re"); the parser undid one level, we undo the other.
    const value = normalizeInline(/&(?:#\d+|#x[0-9a-f]+|[a-z]+\d*);/i.test(raw) ? decodeEntities(raw) : raw);
    if (value === '') continue;
    for (const k of [a['property'], a['name'], a['itemprop'], a['http-equiv']]) {
      if (!k) continue;
      // A property attribute may hold several space-separated RDFa terms.
      for (const key of k.toLowerCase().split(/\s+/)) {
        if (key === '') continue;
        const list = map.get(key);
        if (list) { if (!list.includes(value)) list.push(value); } else map.set(key, [value]);
      }
    }
  }
  return map;
}

/** First value of the first key present. */
export function metaFirst(meta: MetaTags, ...keys: string[]): { key: string; value: string } | null {
  for (const k of keys) {
    const v = meta.get(k);
    if (v && v[0]) return { key: k, value: v[0] };
  }
  return null;
}

/** Every value of every key given, in order, without repeats. */
export function metaAll(meta: MetaTags, ...keys: string[]): string[] {
  const out: string[] = [];
  for (const k of keys) for (const v of meta.get(k) ?? []) if (!out.includes(v)) out.push(v);
  return out;
}
