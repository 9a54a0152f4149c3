// HTML extractor: one parse, field extractors on the untouched tree (they only read), then the
// body pass (which may prune the tree), then reconciliation between the two.
import type { ExtractOptions, Extraction, MetaField, Provenance } from '../../types.js';
import { loadHtml } from './load.js';
import { extractHtmlBody } from './body/index.js';
import { buildContext } from './meta/context.js';
import { extractHeadline } from './meta/headline.js';
import { extractTag } from './meta/tag.js';
import { extractDeck } from './meta/deck.js';
import { extractByline } from './meta/byline.js';
import { extractPublished } from './meta/date.js';
import { extractUrl } from './meta/url.js';
import { extractLang } from './meta/lang.js';
import { fromSelectors } from './meta/selectors.js';
import { dropLeadingRepeats } from './meta/reconcile.js';
import { declaresListing } from './meta/jsonld.js';

type Fields = Record<MetaField, string | null>;

export function extractHtml(html: string, options: ExtractOptions): Extraction {
  const $ = loadHtml(html);
  const ctx = buildContext($);
  const fields: Fields = { tag: null, headline: null, deck: null, byline: null, published: null, url: null, lang: null };
  const provenance: Provenance = {};
  const set = (field: MetaField, r: { text: string; rule: string } | null) => {
    if (r && r.text) { fields[field] = r.text; provenance[field] = r.rule; }
  };
  // One field's failure on a strange page must not cost the others (or the body).
  const safe = <T>(f: () => T): T | null => {
    try {
      return f();
    } catch {
      return null;
    }
  };
  // User selectors first; the built-in extractor only for fields they did not fill.
  const user = (field: MetaField) => {
    const v = fromSelectors($, options.rules, field);
    if (v) { fields[field] = v; provenance[field] = 'rules:selector'; return true; }
    return false;
  };

  // The headline's position anchors the kicker and the deck, even when a user selector wins.
  const head = safe(() => extractHeadline(ctx));
  if (!user('headline')) set('headline', head);
  if (!user('byline')) set('byline', safe(() => extractByline(ctx, head)));
  if (!user('published')) set('published', safe(() => extractPublished(ctx, head)));
  if (!user('url')) set('url', safe(() => extractUrl(ctx)));
  if (!user('lang')) set('lang', safe(() => extractLang(ctx)));
  if (!user('tag')) set('tag', safe(() => extractTag(ctx, head, fields.byline)));
  if (!user('deck')) set('deck', safe(() => extractDeck(ctx, head, { byline: fields.byline, tag: fields.tag })));
  const shownTag = fields.tag;
  // The folder name stands in only when the page shows no tag.
  if (!fields.tag && options.fallbackTag) { fields.tag = options.fallbackTag; provenance.tag = 'folder'; }

  // A body pass that fails on a pathological page still leaves the fields; the record then
  // reads "no body" with provenance saying why, instead of losing the whole document.
  const body = safe(() => extractHtmlBody($, { headline: fields.headline, deck: fields.deck }, options))
    ?? { blocks: [], rule: 'failed', notArticle: false };
  provenance.body = body.rule;
  const blocks = dropLeadingRepeats(body.blocks, { ...fields, tag: shownTag });
  return { ...fields, body: blocks, provenance, notArticle: body.notArticle || declaresListing(ctx.ld) };
}
