// User rules: per-field CSS selectors (`--rules FILE`), tried before the built-in extractors so
// a user can teach lede a site without code. First selector with a usable value wins.
import type { CheerioAPI } from 'cheerio/slim';
import type { MetaField, Rules } from '../../../types.js';
import { attr, selectAll, textOf } from './dom.js';

/** Attributes that hold the value when the element has no text (<meta>, <time>, <link>, <html>). */
const VALUE_ATTRS: Partial<Record<MetaField, string[]>> = {
  published: ['datetime', 'content'],
  url: ['href', 'content'],
  lang: ['lang', 'content'],
};

export function fromSelectors($: CheerioAPI, rules: Rules, field: MetaField): string | null {
  const list = rules.selectors?.[field];
  if (!list?.length) return null;
  for (const sel of list) {
    let els;
    try {
      els = selectAll($, sel);
    } catch {
      continue; // an invalid selector in a user file is skipped, not fatal
    }
    for (const el of els) {
      for (const a of VALUE_ATTRS[field] ?? []) {
        const v = attr(el, a);
        if (v) return v;
      }
      const t = textOf(el) || attr(el, 'content');
      if (t) return t;
    }
  }
  return null;
}
