// Tag: the section/topic label a reader sees with the headline. In order: the kicker just above
// the headline, else the last breadcrumb, else a single category label in the article header;
// null when the page shows none. Position and layout decide (a kicker shares the headline's
// header block; a menu item does not); article:section only supports a candidate.
import { classId, isElement, textOf, type AnyNode, type Element } from './dom.js';
import { coverage, sameText, similarity, tokens, wordLength } from './compare.js';
import { commonAncestor, inLongList } from './layout.js';
import { cleanLabel, hasLabelPrefix, isBoilerplate, isCurrentCrumb, isDateText, isFlag, isHomeCrumb, isLabelText, labelOf } from './labels.js';
import { ldStrings } from './jsonld.js';
import { metaAll } from './metatags.js';
import { isSiteName } from './site-name.js';
import type { PageContext } from './context.js';
import type { HeadlineResult } from './headline.js';

export interface TagResult { text: string; rule: string }

/** Class/id words of kicker-like labels (English-rooted CSS vocabulary is universal). */
const KICKER_CLASS = /kicker|eyebrow|overline|upperdek|supertitle|pre-?title|pre-?head|rubri[ck]|categor|section-?(?:name|label|title|identifier|link)|topic|channel|vertical|flag-?label|label|strap/;
const CRUMB_CLASS = /bread|crumb/;
/** Category labels shown below the headline (meta line). */
const CATEGORY_CLASS = /categor|rubri[ck]|section-?(?:name|label|link)|kicker|channel|taxonom|(?:^|[\s_-])topic/;

/** How far above the headline a kicker may sit, in lines (captions and dates skipped). */
const KICKER_LINES = 4;
const KICKER_SCAN = 24;

function sections(ctx: PageContext): string[] {
  const out = metaAll(ctx.meta, 'article:section', 'og:article:section', 'section', 'parsely-section', 'sailthru.section');
  for (const a of ctx.articles.slice(0, 1)) out.push(...ldStrings(a['articleSection']));
  return out;
}

/** The breadcrumb container holding el (within a few levels, below `stop`), if any. */
function crumbContainer(el: Element, stop: Element | null): Element | null {
  let n: AnyNode | null = el;
  for (let d = 0; d < 5 && n && isElement(n) && n !== stop; d++, n = n.parent) {
    const a = n.attribs;
    if (CRUMB_CLASS.test(classId(n)) || /breadcrumb/i.test(a['aria-label'] ?? '') || /BreadcrumbList/i.test(a['itemtype'] ?? '')) return n;
  }
  return null;
}

/** Separators inside a breadcrumb trail (a dash is part of a title there, not a separator). */
const CRUMB_SEPARATOR = /\s*[>›»/|•·→▸►]+\s*/u;

/** Items of a breadcrumb trail, in order. */
function crumbItems(container: Element): string[] {
  const lis: Element[] = [];
  const links: Element[] = [];
  const walk = (n: Element, depth: number) => {
    if (depth > 12) return;
    for (const c of n.children) {
      if (!isElement(c)) continue;
      if (c.name === 'li' && !c.children.some((x) => isElement(x) && (x.name === 'ul' || x.name === 'ol'))) lis.push(c);
      else if (c.name === 'a' || (c.name === 'span' && !c.children.some(isElement))) links.push(c);
      walk(c, depth + 1);
    }
  };
  walk(container, 0);
  const items = (lis.length ? lis : links).map((e) => textOf(e)).filter((t) => t !== '');
  // One line of text with separators ("Home > News > Story").
  if (items.length <= 1) return textOf(container).split(CRUMB_SEPARATOR).map((s) => s.trim()).filter((s) => s !== '');
  return items.flatMap((t) => t.split(CRUMB_SEPARATOR)).map((s) => s.trim()).filter((s) => s !== '');
}

/** The last breadcrumb that names a section: not home, not the article itself, not a date. */
export function lastCrumb(items: readonly string[], sites: readonly string[], headline: string | null): string | null {
  for (let i = items.length - 1; i >= 0; i--) {
    const t = cleanLabel(items[i]!);
    if (t === '' || isCurrentCrumb(t) || /^[\p{P}\p{S}\s]+$/u.test(t)) continue;
    if (headline && (sameText(t, headline) || similarity(headline, t) >= 0.8)) continue;
    if (/^\p{L}{0,3}\.?\s?\d+$/u.test(t) || isDateText(t)) continue;
    if (isHomeCrumb(t) || isSiteName(t, sites)) return null; // only home left: no section shown
    return isLabelText(t, sites, headline) ? t : null;
  }
  return null;
}

/** A single line shaped like a breadcrumb: two or more "›"/">"/"»"/"/" separators. */
const CRUMB_LINE = /^[^>›»/]{1,40}(?:\s*[>›»/]+\s*[^>›»/]{1,80}){2,8}$/u;

interface Ctx { ctx: PageContext; head: HeadlineResult; sites: string[]; sections: string[]; byline: string | null }

/** Class words of blocks that hold credits, captions, bylines and dates: never the tag. */
const NOT_LABEL_CLASS = /(?:^|[\s_-])(?:caption|credit)|(?:^|\s|__)(?:byline|author|writer|contributor|date|time|share|social|promo|newsletter|subscribe|login|account|search|ad|ads|advert|sponsor|nav-previous|nav-next|prev|next|pagination|post-navigation)(?:$|[\s_-])/;
/** "National / Crime & Legal", "News › UK": a short trail on one line. */
const TRAIL_SEPARATOR = /\s+[/›>»]\s+/u;

/** The label is the author's name (a columnist's name set as a kicker). */
const isByline = (label: string, byline: string | null) => !!byline && (sameText(label, byline) || (tokens(label).length >= 2 && coverage(byline, label) === 1));

function hasAncestorBelow(el: Element, stop: Element, name: string): boolean {
  let n: AnyNode | null = el;
  for (let d = 0; d < 4 && n && isElement(n) && n !== stop; d++, n = n.parent) if (n.name === name) return true;
  return false;
}

function kickerAbove({ ctx, head, sites, sections: secs, byline }: Ctx): TagResult | null {
  const L = ctx.scan.lines;
  const el = head.el!;
  const top = head.lines!.start;
  let seen = 0;
  // Lines looked past (dates, flags, menus of interface words) count too, so a page of
  // thousands of menu items is not walked to its top.
  for (let i = top - 1; i >= 0 && seen < KICKER_LINES && top - i <= KICKER_SCAN; i--) {
    const line = L[i]!;
    const t = line.text;
    // Captions, credits, dates and flags sit between kickers and headlines; look past them.
    const clean = cleanLabel(t);
    if (line.inFigure || isDateText(clean) || isFlag(clean) || isBoilerplate(clean) || t.endsWith(':')) continue;
    seen++;
    const ca = commonAncestor(line.block, el);
    if (!ca) return null;
    const crumbs = crumbContainer(line.block, ca.lca);
    if (crumbs || CRUMB_LINE.test(t)) {
      const c = lastCrumb(crumbs ? crumbItems(crumbs) : t.split(CRUMB_SEPARATOR), sites, head.text);
      if (c) return { text: c, rule: 'breadcrumb' };
      continue;
    }
    // Another headline (an alternative title, a teaser), a caption or the byline is no label.
    // An <h1> above a headline set in a lower heading is the blog's or site's name.
    const siteTitle = line.block.name === 'h1' && el.name !== 'h1';
    if (siteTitle || (ca.up > 0 && isAltHeadline(line.block)) || hasClassBelow(line.block, ca.lca, NOT_LABEL_CLASS, 2)) continue;
    const grouped = ca.up <= 4 && i - (ctx.scan.start.get(ca.lca) ?? 0) <= 2;
    // A short trail set as links in a <nav> or as "National / Crime & Legal": its last item.
    const trail = t.split(TRAIL_SEPARATOR);
    if (grouped && (trail.length >= 2 && trail.length <= 4 || (line.links >= 2 && line.links <= 4 && hasAncestorBelow(line.block, ca.lca, 'nav')))) {
      const items = trail.length >= 2 ? trail : crumbItems(line.block);
      if (items.every((x) => labelOf(x, sites, head.text) || isHomeCrumb(cleanLabel(x)))) {
        const c = lastCrumb(items, sites, head.text);
        if (c) return { text: c, rule: 'breadcrumb' };
      }
    }
    const label = labelOf(t, sites, head.text);
    if (!label) {
      // Prose or a promo right above the headline: nothing further up belongs to it.
      if (t.length > 80) return null;
      continue;
    }
    if (line.links > 1 || isByline(label, byline)) continue;
    const supported = secs.some((s) => sameText(s, label));
    // A menu or a list of several labels is not one label.
    if (inLongList(line.block) || siblingLabels(line.block, sites, head.text) > 1) continue;
    const vocab = hasClassBelow(line.block, ca.lca, KICKER_CLASS);
    if ((vocab && ca.up <= 6) || grouped || (supported && ca.up <= 8)) return { text: label, rule: 'kicker' };
  }
  return null;
}

function hasClassBelow(el: Element, stop: Element, re: RegExp, depth = 5): boolean {
  let n: AnyNode | null = el;
  for (let d = 0; d < depth && n && isElement(n) && n !== stop; d++, n = n.parent) if (re.test(classId(n))) return true;
  return false;
}

/** An <h1> that is a second title (schema alternativeHeadline, or a sentence), not a label. */
const isAltHeadline = (el: Element) => el.name === 'h1' && (/alternativeHeadline/i.test(el.attribs['itemprop'] ?? '') || wordLength(textOf(el)) > 4);

/** Sibling list items that read as labels (a row of several categories). */
function siblingLabels(el: Element, sites: readonly string[], headline: string): number {
  let n: AnyNode | null = el;
  for (let d = 0; d < 3 && n && isElement(n); d++, n = n.parent) {
    if (n.name !== 'li') continue;
    const list = n.parent;
    if (!list || !isElement(list)) return 0;
    let k = 0;
    for (const c of list.children) if (isElement(c) && c.name === 'li' && labelOf(textOf(c), sites, headline)) k++;
    return k;
  }
  return 0;
}

/** A breadcrumb trail anywhere before the headline (often above the kicker zone). */
function breadcrumbBefore({ ctx, head, sites }: Ctx): TagResult | null {
  const top = head.lines?.start ?? Infinity;
  let best: Element | null = null;
  for (const { el, words } of ctx.scan.classed) {
    if (!CRUMB_CLASS.test(words) || ctx.scan.hidden.has(el)) continue;
    const s = ctx.scan.start.get(el);
    if (s === undefined || s > top) continue;
    // The innermost trail nearest the headline.
    if (!best || s >= (ctx.scan.start.get(best) ?? 0)) best = el;
  }
  if (!best) return null;
  const c = lastCrumb(crumbItems(best), sites, head.text);
  return c ? { text: c, rule: 'breadcrumb' } : null;
}

/** One category label in the article header below the headline (a meta line). */
function categoryBelow(c: Ctx): TagResult | null {
  const { ctx, head, sites } = c;
  const L = ctx.scan.lines;
  const end = head.lines!.end;
  for (let i = end; i < Math.min(L.length, end + 8); i++) {
    const line = L[i]!;
    if (line.text.length > 160) return null; // the story has started
    if (line.inFigure || line.links > 1 || inLongList(line.block)) continue;
    const ca = commonAncestor(line.block, head.el!);
    if (!ca || ca.up > 4 || hasClassBelow(line.block, ca.lca, NOT_LABEL_CLASS, 2)) continue;
    const label = labelOf(line.text, sites, head.text);
    if (!label || isByline(label, c.byline) || siblingLabels(line.block, sites, head.text) > 1) continue;
    // Evidence that this one label is the category: the class says so, the line says so
    // ("Filed under …", "From the section …"), or it is a lone link beside the headline.
    const said = hasClassBelow(line.block, ca.lca, CATEGORY_CLASS) || hasLabelPrefix(line.text);
    const lone = ca.up <= 1 && line.links === 1 && line.linkShare > 0.9;
    if (said || lone) return { text: label, rule: 'category' };
  }
  return null;
}

export function extractTag(ctx: PageContext, head: HeadlineResult | null, byline: string | null = null): TagResult | null {
  if (!head) return null;
  const c: Ctx = { ctx, head, sites: ctx.siteNames, sections: sections(ctx), byline };
  // A label set inside the headline element before the headline (<h1><span>Opinion</span> …).
  const pre = head.inside?.before;
  if (pre) {
    const label = labelOf(pre, c.sites, head.text);
    if (label) return { text: label, rule: 'kicker' };
  }
  if (head.lines && head.el) {
    const k = kickerAbove(c) ?? breadcrumbBefore(c) ?? categoryBelow(c);
    if (k) return k;
    return null;
  }
  return breadcrumbBefore(c);
}
