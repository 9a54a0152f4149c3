// Page language: <html lang>, then the declared content language, og:locale, JSON-LD
// inLanguage. Returned raw ("en_US", "EN"); normalization makes it a BCP 47 tag.
import { ldString } from './jsonld.js';
import { metaFirst } from './metatags.js';
import { tagged, type PageContext } from './context.js';

export interface LangResult { text: string; rule: string }

// A language tag, not "x-default" or a sentence.
const TAG = /^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*$/i;

export function extractLang(ctx: PageContext): LangResult | null {
  const html = tagged(ctx, 'html')[0]?.attribs ?? {};
  const body = tagged(ctx, 'body')[0]?.attribs ?? {};
  const tries: [string | null | undefined, string][] = [
    [html['lang'], 'html:lang'],
    [html['xml:lang'], 'html:lang'],
    [metaFirst(ctx.meta, 'content-language', 'language', 'dc.language')?.value, 'meta:content-language'],
    [metaFirst(ctx.meta, 'og:locale')?.value, 'og:locale'],
    [ctx.articles[0] ? ldString(ctx.articles[0]['inLanguage']) : null, 'json-ld'],
    [body['lang'], 'body:lang'],
  ];
  for (const [raw, rule] of tries) {
    // "en-US, fr" in content-language: the first is the page's.
    const v = raw?.split(/[,;\s]+/)[0]?.trim();
    if (v && TAG.test(v)) return { text: v, rule };
  }
  return null;
}
