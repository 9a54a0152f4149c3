// Is this page an article at all? Homepages, section fronts, tag and search pages, author pages
// and photo galleries have text, and a content scorer will happily pick the biggest teaser box;
// we say "not an article" instead of returning that. The judgement weighs what the page says it
// is (schema.org type, og:type, a listing-shaped address) against what the chosen text looks like
// (teasers: many linked headings over short blurbs; galleries: pictures with little prose). An
// article whose body is merely short is still an article.
import type { Attempt } from './passes.js';
import type { DocIndex } from './doc-index.js';

export interface PageSignals {
  /** The page declares itself an article (JSON-LD Article types, og:type article). */
  articleMeta: boolean;
  /** The page declares itself a listing (CollectionPage, SearchResultsPage, ItemList, …). */
  listingMeta: boolean;
  /** The address looks like a front page, section/tag/category/search/author page. */
  listingUrl: boolean;
  /** In the chosen text: weighted prose characters, prose blocks, linked headings, images. */
  prose: number;
  proseBlocks: number;
  longestProse: number;
  /** Prose before the first linked heading: an introduction makes a list of links an article. */
  leadProse: number;
  linkedHeadings: number;
  images: number;
}

const ARTICLE_TYPES = /^(?:Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|BlogPosting|LiveBlogPosting|SocialMediaPosting|TechArticle|ScholarlyArticle|Report|Review|Recipe|HowTo|Question|QAPage|DiscussionForumPosting)$/;
const LISTING_TYPES = /^(?:CollectionPage|SearchResultsPage|ItemList|ProfilePage|ImageGallery|MediaGallery|VideoGallery)$/;

/** Every @type in the page's JSON-LD (strings or arrays of strings, at any depth). */
export function jsonLdTypes(scripts: readonly string[]): Set<string> {
  const types = new Set<string>();
  const visit = (x: unknown, depth: number): void => {
    if (depth > 10 || x === null || typeof x !== 'object') return;
    if (Array.isArray(x)) { for (const y of x) visit(y, depth + 1); return; }
    for (const [k, v] of Object.entries(x as Record<string, unknown>)) {
      if (k === '@type') {
        for (const t of Array.isArray(v) ? v : [v]) if (typeof t === 'string') types.add(t.replace(/^.*[/#:]/, ''));
      } else if (typeof v === 'object') visit(v, depth + 1);
    }
  };
  for (const s of scripts) {
    try { visit(JSON.parse(s), 0); } catch { /* broken JSON-LD says nothing */ }
  }
  return types;
}

/**
 * A front page ("/", "/en/", "/index.html") or a listing path (tag, category, topic, section,
 * search, author, archive, page N) or a search query.
 */
export function isListingUrl(url: string | null): boolean {
  if (!url) return false;
  let path: string, query: string;
  try {
    const u = new URL(url, 'http://x.invalid');
    path = u.pathname.toLowerCase(); query = u.search.toLowerCase();
  } catch { return false; }
  if (/^\/(?:[a-z]{2}(?:-[a-z]{2})?\/?)?(?:index\.\w+)?$/.test(path)) return true;
  if (/(?:^|[?&])(?:q|s|query|search)=/.test(query)) return true;
  return /\/(?:tags?|categor(?:y|ies)|topics?|sections?|search|authors?|archives?|page)(?:\/|$)/.test(path)
    && !/\/\d{4}\/\d{1,2}\//.test(path) && !/-\d{5,}|\d{6,}/.test(path);
}

export function pageSignals(index: DocIndex, best: Attempt): PageSignals {
  const types = jsonLdTypes(index.jsonLd);
  let articleMeta = index.ogType === 'article';
  let listingMeta = false;
  for (const t of types) {
    if (ARTICLE_TYPES.test(t)) articleMeta = true;
    if (LISTING_TYPES.test(t)) listingMeta = true;
  }
  let prose = 0, proseBlocks = 0, longestProse = 0, linkedHeadings = 0, leadProse = 0;
  for (const bi of best.blocks) {
    const b = index.blocks[bi]!;
    if (b.kind === 'h' && b.linkChars >= b.chars * 0.8) linkedHeadings++;
    if (b.chars >= 60 && b.linkChars <= b.chars * 0.35 && b.kind !== 'h' && b.kind !== 'row') {
      prose += b.chars; proseBlocks++;
      longestProse = Math.max(longestProse, b.chars);
      if (linkedHeadings === 0) leadProse += b.chars;
    }
  }
  // No prose chosen (no block long enough to vote, or only a footer): the whole page's pictures
  // speak for it.
  let images = best.images;
  if (prose === 0) { images = 0; for (const r of index.elements) if (r.parent < 0) images += r.imgs; }
  return {
    articleMeta, listingMeta, listingUrl: isListingUrl(index.canonical),
    prose, proseBlocks, longestProse, leadProse, linkedHeadings, images,
  };
}

/** Prose (weighted characters) from which a text is an article whatever the page says. */
const ARTICLE_PROSE = 1500;
/** A teaser blurb is short: chosen text whose prose per linked heading is below this is a list. */
const TEASER_PROSE = 150;
const MIN_TEASERS = 5;
/** No teaser list has a paragraph this long, or an introduction this long before its first item. */
const TEASER_MAX_PARAGRAPH = 450;
const TEASER_MAX_LEAD = 150;
/** A gallery: at least this many pictures… */
const GALLERY_IMAGES = 8;
/** …with less prose than this per picture, and no paragraph longer than a caption. */
const GALLERY_PROSE_PER_IMAGE = 40;
const GALLERY_MAX_PARAGRAPH = 200;

/**
 * Conservative: an article wrongly called a listing loses its whole body, so every rule needs the
 * text's shape and, where the shape is weaker, the page's own word.
 */
export function isNotArticle(s: PageSignals): boolean {
  const declaredListing = s.listingMeta || (s.listingUrl && !s.articleMeta);
  // Nothing to read at all, on a page that says it lists things or shows pictures.
  if (s.prose === 0) return declaredListing || s.linkedHeadings >= MIN_TEASERS || s.images >= GALLERY_IMAGES;
  // Teasers: many linked headings, each over a short blurb; no introduction, no long paragraph.
  const teasers = s.linkedHeadings >= MIN_TEASERS && s.prose / s.linkedHeadings < TEASER_PROSE
    && s.longestProse < TEASER_MAX_PARAGRAPH && s.leadProse < TEASER_MAX_LEAD;
  if (teasers && !(s.articleMeta && s.prose >= ARTICLE_PROSE)) return true;
  // A gallery: pictures with captions.
  if (s.images >= GALLERY_IMAGES && s.prose < s.images * GALLERY_PROSE_PER_IMAGE
    && s.longestProse < GALLERY_MAX_PARAGRAPH && !s.articleMeta) return true;
  // The page says it is a listing, and the text does not contradict it.
  return declaredListing && s.prose < ARTICLE_PROSE / 3 && s.longestProse < TEASER_MAX_PARAGRAPH;
}
