// Headline: the visible headline of the article, reconciled with what the page's metadata says.
// Candidates are the visible headings (every <h1>, itemprop=headline, headline-classed h2/h3);
// each is scored by how well it agrees with the metadata titles (JSON-LD, og:title,
// twitter:title, <title>). The metadata alone is used only when no heading can be trusted.
import { classId, hasAncestor, isElement, textOf, type Element } from './dom.js';
import { normalizeInline } from '../../../normalize/text.js';
import { containsText, fold, prepare, sameText, similarityOf, wordLength, type Prepared } from './compare.js';
import { ldString } from './jsonld.js';
import { metaFirst } from './metatags.js';
import { guessTitleHeadline, isSiteName, stripKnownSite, titleSegments } from './site-name.js';
import { shown, tagged, type PageContext } from './context.js';
import { lineRange } from './scan.js';

export interface HeadlineResult {
  text: string;
  rule: string;
  /** Where it is shown: the range of page lines it occupies; null when not found on the page. */
  lines: { start: number; end: number } | null;
  /** The element that shows it (the heading, or the block of the line that says it). */
  el: Element | null;
  /** Text set inside the heading but not part of the headline: a label before it, a subtitle after. */
  inside?: { before: string; after: string };
}

/** Headline-ish class/id words (WordPress, schema-minded themes, news CMSs). */
const HEADLINE_CLASS = /(?:^|[\s_-])(?:headline|entry-title|post-title|article-title|story-title|page-title|news-title|content-title|title)(?:$|[\s_-])/;
/** Site furniture that often holds an <h1>: logo, brand, masthead. */
const LOGO = /(?:^|[\s_-])(?:logo|brand|branding|site-?title|site-?name|site-?header|masthead|navbar|blog-?title|site-?logo)(?:$|[\s_-])/;
/** Past this many words a "heading" is a paragraph set in a heading tag. */
const MAX_WORDS = 40;

interface Ref { text: string; rule: string }

/** The metadata's titles, strongest first, each with its cleaned variants. */
export function metadataTitles(ctx: PageContext): Ref[] {
  const refs: Ref[] = [];
  const add = (raw: string | null | undefined, rule: string) => {
    if (!raw) return;
    const v = raw.trim();
    if (v && !refs.some((r) => r.text === v && r.rule === rule)) refs.push({ text: v, rule });
  };
  const art = ctx.articles[0];
  if (art) add(ldString(art['headline']) ?? ldString(art['name']), 'json-ld');
  add(metaFirst(ctx.meta, 'og:title')?.value, 'og:title');
  add(metaFirst(ctx.meta, 'twitter:title')?.value, 'twitter:title');
  add(metaFirst(ctx.meta, 'parsely-title', 'sailthru.title', 'dc.title', 'dcterms.title', 'headline', 'title')?.value, 'meta:title');
  add(ctx.title, 'title');
  for (const p of ctx.pages.slice(0, 1)) add(ldString(p['name']) ?? ldString(p['headline']), 'json-ld');
  return refs;
}

/** A metadata title cleaned of its site name (known names first, then the separator heuristic). */
export function cleanTitle(raw: string, sites: readonly string[]): string {
  return stripKnownSite(raw, sites) ?? guessTitleHeadline(raw);
}

interface Candidate { el: Element; text: string; kind: string; order: number; lines: { start: number; end: number } | null }

function headingCandidates(ctx: PageContext): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<Element>();
  const push = (el: Element, kind: string) => {
    if (seen.has(el) || !shown(ctx, el)) return;
    seen.add(el);
    const lines = lineRange(ctx.scan, el);
    const text = textOf(el) || altText(el);
    if (text) out.push({ el, text, kind, order: out.length, lines });
  };
  const prop = (el: Element) => el.attribs['itemprop'] ?? '';
  for (const el of ctx.scan.itemprop) if (/(?:^|\s)headline(?:\s|$)/.test(prop(el)) && el.name !== 'meta') push(el, 'itemprop');
  // An <h1> marked as the alternative headline is the short label beside the real one.
  for (const el of tagged(ctx, 'h1')) push(el, /alternativeHeadline/i.test(prop(el)) ? 'alt' : 'h1');
  for (const el of [...tagged(ctx, 'h2'), ...tagged(ctx, 'h3')]) if (HEADLINE_CLASS.test(classId(el))) push(el, 'headline-class');
  // Blogs often set the site name in the <h1> and the post title in an <h2>.
  for (const el of tagged(ctx, 'h2').slice(0, 40)) push(el, 'h2');
  // …or in an <h3> (Blogger and Tumblr themes); these only win by agreeing with the metadata.
  for (const el of tagged(ctx, 'h3').slice(0, 40)) push(el, 'h3');
  return out;
}

/** A headline drawn as an image says what its alt text says. */
function altText(el: Element): string {
  for (const c of el.children) {
    if (c.type === 'tag' && c.name === 'img' && c.attribs['alt']?.trim()) return c.attribs['alt'].trim();
    if (c.type === 'tag' && c.name === 'a') {
      const t = altText(c);
      if (t) return t;
    }
  }
  return '';
}

/** How well a visible text agrees with the metadata titles (0–1). */
function agreement(text: Prepared, refs: readonly Prepared[]): number {
  let best = 0;
  const words = wordLength(text.text);
  for (const r of refs) {
    if (text.key !== '' && text.key === r.key) return 1;
    let s = similarityOf(text, r);
    // "Headline | Section | Site" contains the headline; a truncated og:title is contained in it.
    if (words >= 2 && text.key !== '' && r.key.includes(text.key)) s = Math.max(s, 0.9);
    else if (r.key !== '' && r.toks.length >= 3 && text.key.includes(r.key)) s = Math.max(s, 0.8);
    best = Math.max(best, s);
  }
  return best;
}

/** Inline children that hold a heading's subtitle or label. */
const SUBPART = new Set(['small', 'span', 'em', 'i', 'sub', 'sup', 'div', 'p', 'strong', 'b']);

const KIND_RANK: Record<string, number> = { itemprop: 0, h1: 1, 'headline-class': 2, h2: 3, h3: 4, alt: 5 };
const PRIMARY = new Set(['itemprop', 'h1', 'headline-class']);

/** The texts a heading offers: all of it, and each of its lines when it has several. */
interface Option { text: string; lines: Candidate['lines']; exactOnly?: boolean; inside?: { before: string; after: string } }

function options(ctx: PageContext, c: Candidate): Option[] {
  const out: Option[] = [{ text: c.text, lines: c.lines }];
  // An <h1> holding its section label on a line of its own ("Local News |" + headline).
  if (c.lines && c.lines.end - c.lines.start > 1 && c.lines.end - c.lines.start <= 4) {
    for (let i = c.lines.start; i < c.lines.end; i++) out.push({ text: ctx.scan.lines[i]!.text, lines: { start: i, end: i + 1 } });
  }
  // A subtitle set inside the heading (<h1>Title <small>Subtitle</small></h1>): the heading
  // without it is a candidate too; it wins only if the metadata says exactly that.
  for (const child of c.el.children) {
    if (!isElement(child) || !SUBPART.has(child.name)) continue;
    const part = textOf(child);
    if (!part || part.length >= c.text.length) continue;
    const at = c.text.indexOf(part);
    const rest = normalizeInline(c.text.replace(part, ' '));
    if (!rest || at < 0) continue;
    const inside = at === 0 ? { before: part, after: '' } : { before: '', after: part };
    out.push({ text: rest, lines: c.lines, exactOnly: true, inside });
  }
  return out;
}

export function extractHeadline(ctx: PageContext): HeadlineResult | null {
  const refsRaw = metadataTitles(ctx);
  const sites = ctx.siteNames;
  const cands = headingCandidates(ctx).filter((c) => wordLength(c.text) <= MAX_WORDS
    && !hasAncestor(c.el, (a) => a.name === 'nav' || a.name === 'footer' || LOGO.test(classId(a)), 6)
    && !isSiteName(c.text, sites));
  const opts = new Map(cands.map((c) => [c, options(ctx, c)]));
  const shownKeys = new Set([...opts.values()].flatMap((list) => list.map((o) => fold(o.text))));

  // Every way the metadata could spell the headline, and the title parts that are only names.
  const variants: string[] = [];
  const split = refsRaw.map((r) => {
    const segs = titleSegments(r.text);
    // When headings match several parts of the title ("Blog Name » Post Title"), the longest
    // part is the headline: site and section names are the short ones.
    const matched = segs.filter((seg) => shownKeys.has(fold(seg))).sort((a, b) => wordLength(b) - wordLength(a));
    const clean = matched[0] ?? cleanTitle(r.text, sites);
    for (const v of [r.text, clean]) if (!variants.includes(v)) variants.push(v);
    return { segs, clean };
  });
  // The other short parts of a title are site and section names, unless another metadata
  // title says that part is the headline (og:title "Headline", <title> "Headline - Publication").
  const labels: string[] = [];
  for (const { segs, clean } of split) {
    if (segs.length < 2) continue;
    for (const seg of segs) {
      if (sameText(seg, clean) || wordLength(seg) > 5 || containsText(clean, seg)) continue;
      if (split.some((o) => sameText(o.clean, seg))) continue;
      labels.push(seg);
    }
  }
  const labelKeys = new Set(labels.map(fold));
  const isLabel = (t: string) => labelKeys.has(fold(t));
  const refs = variants.map(prepare);

  type Pick = { c: Candidate; text: string; score: number; lines: Candidate['lines']; inside?: Option['inside'] };
  const better = (x: Pick, y: Pick | null) => !y || x.score > y.score + 1e-9
    || (Math.abs(x.score - y.score) < 1e-9 && KIND_RANK[x.c.kind]! < KIND_RANK[y.c.kind]!);
  let primary: Pick | null = null, secondary: Pick | null = null;
  for (const c of cands) {
    for (const o of opts.get(c)!) {
      if (isLabel(o.text)) continue;
      const score = agreement(prepare(o.text), refs);
      if (o.exactOnly && score < 1) continue;
      const p: Pick = { c, text: o.text, score, lines: o.lines, inside: o.inside };
      if (PRIMARY.has(c.kind)) { if (better(p, primary)) primary = p; } else if (better(p, secondary)) secondary = p;
    }
  }
  if (primary && primary.score >= 0.75) return { text: primary.text, rule: primary.c.kind, lines: primary.lines, el: primary.c.el, inside: primary.inside };
  if (secondary && secondary.score >= 0.75) return { text: secondary.text, rule: secondary.c.kind, lines: secondary.lines, el: secondary.c.el, inside: secondary.inside };

  // No heading agrees with the metadata. A lone real <h1> is still the visible headline (sites
  // write a different SEO title); a short one beside metadata is more likely a section label.
  const h1s = cands.filter((c) => (c.kind === 'h1' || c.kind === 'itemprop') && !isLabel(c.text));
  const lone = h1s[0];
  if (lone && (h1s.length === 1 || !refsRaw.length) && (wordLength(lone.text) >= 3 || !refsRaw.length)) {
    return { text: lone.text, rule: lone.kind, lines: lone.lines, el: lone.el };
  }

  for (const r of refsRaw) {
    const text = cleanTitle(r.text, sites);
    // A metadata "title" of hundreds of words is a description or a stuffed field, not a headline.
    if (!text || isSiteName(text, sites) || wordLength(text) > MAX_WORDS * 2) continue;
    const lines = locate(ctx, text);
    return { text, rule: r.rule, lines, el: lines ? ctx.scan.lines[lines.start]!.block : null };
  }
  const any = primary ?? secondary;
  return any ? { text: any.text, rule: any.c.kind, lines: any.lines, el: any.c.el } : null;
}

/** Where a text is shown on the page (first line that says exactly it), for position-based fields. */
export function locate(ctx: PageContext, text: string): { start: number; end: number } | null {
  const key = fold(text);
  const lines = ctx.scan.lines;
  for (let i = 0; i < lines.length; i++) if (fold(lines[i]!.text) === key) return { start: i, end: i + 1 };
  return null;
}
