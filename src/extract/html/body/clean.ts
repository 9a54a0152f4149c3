// Cleaning inside the chosen container: boxes that ride along with the article (share bars,
// related-link lists, newsletter forms, video players, ad slots, author boxes) are dropped when
// their own evidence says so — a boilerplate name, mostly links, form controls, an embed with
// little text. Decisions run bottom-up, so dropping a related-links list inside a section can
// save the section's prose, and a box rich in clause punctuation is prose and kept.
import { isProse, type Totals } from './aggregate.js';
import type { DocIndex } from './doc-index.js';
import { classWeight } from './hints.js';
import type { Scores } from './score.js';
import { isAddress } from './text-metrics.js';

export interface CleanConfig {
  useClassWeights: boolean;
  /** Link density above which an unnamed box is dropped. */
  maxLinkDensity: number;
  /** Boxes with this many clause marks or more are prose: only name evidence can drop them. */
  proseClauses: number;
}

/** Containers judged as boxes; paragraphs and inline content are not. */
const BOX_TAGS = new Set([
  'div', 'section', 'aside', 'header', 'footer', 'nav', 'form', 'fieldset', 'table', 'ul', 'ol', 'dl',
  'figure', 'details', 'center', 'address', 'menu',
]);
const LIST_TAGS = new Set(['ul', 'ol', 'dl']);

/** An all-link list of one or two items shorter than this inside the text is a promo. */
const PROMO_LIST_CHARS = 250;

/** A box with two or more buttons, less prose than this and less text than that is a widget. */
const WIDGET_MAX_PROSE = 150;
const WIDGET_MAX_CHARS = 400;

/** A table of at least this many data rows (and little else) is a data table. */
const DATA_TABLE_ROWS = 3;
const DATA_TABLE_MAX_LINKS = 0.6;

/** A picture box holds captions, not this much prose. */
const GALLERY_MAX_PROSE = 300;

/** Elements scanned for a list of sources or a code sample (bounds the work on big or deep boxes). */
const MAX_SOURCE_SCAN = 200;
/** A citation ends with a full stop (the period after "Publisher" or a title), not "…" or "?". */
const CITATION_END = /[^.]\.["'\u201d\u2019)\]]*\s*$/u;

/** Minimum text of a box with no other evidence for it. */
const MIN_BOX_CHARS = 25;

/**
 * Returns a drop mark per element (1 = the element and its subtree leave the article) for the
 * elements inside `roots`. The roots themselves are never dropped, nor is `spine` (the best
 * candidate) or any of its ancestors.
 */
export function cleanSelection(
  index: DocIndex, passTotals: Totals, scores: Scores, roots: readonly number[], config: CleanConfig, spine = -1,
): Uint8Array {
  const n = index.elements.length;
  const drop = new Uint8Array(n);
  // The best candidate and its ancestors hold the article: never judged as boxes inside it
  // (a wrapper named "is-below-header-ad" around the whole page is not an ad).
  const kept = new Set<number>();
  for (let a = spine; a >= 0; a = index.elements[a]!.parent) kept.add(a);
  // Working copies: dropping a box removes its text from its ancestors' totals.
  const chars = Float64Array.from(passTotals.chars);
  const links = Float64Array.from(passTotals.linkChars);
  const punct = Float64Array.from(passTotals.punct);
  const paras = Float64Array.from(passTotals.paras);
  const items = Float64Array.from(passTotals.items);
  const headings = Float64Array.from(passTotals.headings);
  const prose = passTotals.proseChars;

  // Where the article's prose starts and ends: link lists there are "related"/"more" boxes, while
  // a list between paragraphs is part of the text (a changelog, a list of sources).
  let firstProse = Infinity, lastProse = -Infinity;
  for (const root of roots) {
    const end = index.elements[root]!.end;
    for (let i = root; i <= end; i++) {
      for (const bi of index.elements[i]!.ownBlocks) {
        const b = index.blocks[bi]!;
        if (!isProse(b)) continue;
        firstProse = Math.min(firstProse, b.pos);
        lastProse = Math.max(lastProse, b.pos);
      }
    }
  }
  const atEdge = (i: number) => lastProse <= index.elements[i]!.end + 1 || firstProse > i;

  for (const root of roots) {
    const end = index.elements[root]!.end;
    for (let i = end; i > root; i--) {
      const r = index.elements[i]!;
      if (kept.has(i)) continue;
      const box = BOX_TAGS.has(r.tag) || r.tag.includes('-');
      if (!(box ? shouldDrop(i) : namedBoilerplate(i))) continue;
      drop[i] = 1;
      for (let a = r.parent; a >= root; a = index.elements[a]!.parent) {
        chars[a]! -= chars[i]!; links[a]! -= links[i]!; punct[a]! -= punct[i]!;
        paras[a]! -= paras[i]!; items[a]! -= items[i]!; headings[a]! -= headings[i]!;
        if (a === root) break;
      }
    }
  }
  // Propagate: a dropped element takes its subtree with it.
  for (let i = 0; i < n; i++) {
    const p = index.elements[i]!.parent;
    if (p >= 0 && drop[p]) drop[i] = 1;
  }
  return drop;

  /**
   * A list that cites the article's sources: its entries are web addresses written out
   * ("https://…", "www.…") or citations ending in a full stop outside their link ("Title. Chapter
   * from the book …, Publisher."); also a box holding little but such a list. Lists of related
   * stories and menus link bare titles.
   */
  function listsSources(i: number): boolean {
    let entries = 0, sources = 0;
    // A source list is short; a box with more entries than this is judged by its links alone.
    const end = Math.min(index.elements[i]!.end, i + MAX_SOURCE_SCAN);
    for (let e = i; e <= end; e++) {
      for (const bi of index.elements[e]!.ownBlocks) {
        const b = index.blocks[bi]!;
        if (b.kind !== 'li') continue;
        entries++;
        if (isAddress(b.text) || (b.linkChars < b.chars && CITATION_END.test(b.text))) sources++;
      }
    }
    return entries >= 2 && sources * 3 >= entries * 2;
  }

  /** Preformatted text (a code sample) in the subtree of a small box. */
  function holdsCode(i: number): boolean {
    const end = Math.min(index.elements[i]!.end, i + MAX_SOURCE_SCAN);
    for (let e = i; e <= end; e++) if (index.elements[e]!.ownBlocks.some((bi) => index.blocks[bi]!.kind === 'pre')) return true;
    return false;
  }

  function isDataTable(i: number): boolean {
    const rows = passTotals.rows[i]!;
    return rows >= DATA_TABLE_ROWS && rows >= passTotals.blocks[i]! * 0.8;
  }

  /** Paragraphs, headings and items are judged by name only: "ad-disclosure", "caption", "byline". */
  function namedBoilerplate(i: number): boolean {
    return config.useClassWeights && chars[i]! > 0 && classWeight(index.elements[i]!.el) < 0;
  }

  function shouldDrop(i: number): boolean {
    const r = index.elements[i]!;
    const c = chars[i]!;
    if (c <= 0) return false; // nothing of it would be printed anyway
    const weight = config.useClassWeights ? classWeight(r.el) : 0;
    const ld = links[i]! / c;
    // A boilerplate name outweighs a few paragraph votes (a comment or author box), not many.
    if (weight < 0 && weight + scores.votes[i]! < 0) return true;
    if (punct[i]! >= config.proseClauses) return false;
    // A data table (rows of cells) is content even when a column is links; only a table that is
    // nearly all links (a link grid) goes.
    if (r.tag === 'table' && isDataTable(i)) return ld > DATA_TABLE_MAX_LINKS;
    const p = paras[i]!;
    const isList = LIST_TAGS.has(r.tag);
    const limit = weight >= 25 ? Math.max(0.5, config.maxLinkDensity) : config.maxLinkDensity;
    if (ld > limit && (!isList || atEdge(i)) && !listsSources(i)) return true;
    // One or two linked headlines dropped between paragraphs: a "related story" promo.
    if (isList && ld >= 0.9 && items[i]! <= 2 && c < PROMO_LIST_CHARS) return true;
    if (r.inputs > Math.floor(p / 3)) return true;
    // A cluster of buttons over a few words: share bar, buy box, player controls.
    if (r.buttons >= 2 && prose[i]! < WIDGET_MAX_PROSE && c < WIDGET_MAX_CHARS) return true;
    if (r.embeds > 0 && c < 75 * r.embeds) return true;
    // Pictures with captions; but icons (share buttons, avatars) beside real paragraphs, or formulas
    // set as images inside list entries, are not a gallery: entries count as text like paragraphs.
    if (r.imgs > 1 && (p + items[i]!) / r.imgs < 0.5 && c < 200 * r.imgs && prose[i]! < GALLERY_MAX_PROSE) return true;
    if (!isList && items[i]! > p + 10 && ld > 0.2) return true;
    // A tiny box is a label or an icon's text; but a one-line code sample is content.
    if (!isList && r.tag !== 'table' && headings[i]! === 0 && c < MIN_BOX_CHARS && r.imgs !== 1 && !holdsCode(i)) return true;
    return false;
  }
}
