// Canonical URL: <link rel=canonical>, else og:url, else the JSON-LD page/article URL; made
// absolute against the page's own absolute URLs or <base href>, never guessed.
import { ldString } from './jsonld.js';
import { metaFirst } from './metatags.js';
import { tagged, type PageContext } from './context.js';

export interface UrlResult { text: string; rule: string }

function absolute(href: string, bases: (string | null | undefined)[]): string | null {
  try {
    return new URL(href).href;
  } catch { /* relative: resolve below */ }
  for (const b of bases) {
    if (!b) continue;
    try {
      const u = new URL(href, b);
      if (u.protocol === 'http:' || u.protocol === 'https:') return u.href;
    } catch { /* next base */ }
  }
  return null;
}

const isWeb = (u: string) => /^https?:\/\//i.test(u);

export function extractUrl(ctx: PageContext): UrlResult | null {
  const canonical = tagged(ctx, 'link').find((l) => /(?:^|\s)canonical(?:\s|$)/i.test(l.attribs['rel'] ?? ''))?.attribs['href']?.trim();
  const og = metaFirst(ctx.meta, 'og:url')?.value;
  const art = ctx.articles[0];
  const ldUrl = art ? ldString(art['url']) ?? ldString((art['mainEntityOfPage'] as Record<string, unknown> | undefined)?.['@id']) ?? ldString(art['mainEntityOfPage']) : null;
  const base = tagged(ctx, 'base').find((b) => b.attribs['href'])?.attribs['href']?.trim();
  const bases = [og, ldUrl, base, metaFirst(ctx.meta, 'twitter:url')?.value].filter((b): b is string => !!b && isWeb(b));
  const tries: [string | null | undefined, string][] = [[canonical, 'canonical'], [og, 'og:url'], [ldUrl, 'json-ld'], [metaFirst(ctx.meta, 'twitter:url')?.value, 'twitter:url']];
  for (const [href, rule] of tries) {
    if (!href) continue;
    const abs = absolute(href, bases);
    if (abs && isWeb(abs)) return { text: abs, rule };
  }
  return null;
}
