// One walk over the page that turns it into what every later step works on: the block-level
// elements (in document order, with parent links and subtree ranges) and the text blocks a
// reader would see as separate paragraphs, each tied to the element that owns it. Scoring,
// pruning and serialization then work on these arrays; the DOM is never walked again, so every
// pass (strict, relaxed, …) costs time linear in the page.
import { BLOCK_TAGS, EMBED_TAGS, INPUT_TAGS, SKIP_TAGS } from './constants.js';
import { hintOf, isElement, isText, type DomElement, type DomNode, type DomParent } from './dom.js';
import { captionNamed, isHidden, nameFacts } from './hints.js';
import { measure } from './text-metrics.js';

export type BlockKind = 'p' | 'h' | 'li' | 'quote' | 'pre' | 'row' | 'dt' | 'text';

export interface ElementRecord {
  el: DomElement;
  tag: string;
  /** Index of the nearest indexed (block-level) ancestor; -1 at the top. */
  parent: number;
  depth: number;
  /** Index of the last element inside this one (inclusive): the subtree is [index, end]. */
  end: number;
  /** Lower-cased "class id". */
  hint: string;
  /** What the class and id say (hints.ts nameFacts), asked once here rather than by every pass. */
  names: number;
  /** Has block-level element children: its own text is loose text between blocks, not a paragraph. */
  hasBlockChild: boolean;
  /** Images, embeds (iframe/video/…) and form controls in the subtree. */
  imgs: number;
  embeds: number;
  inputs: number;
  /** Buttons (and submit-type inputs) in the subtree: many over little text make a UI widget. */
  buttons: number;
  /** Indices of the blocks this element owns directly. */
  ownBlocks: number[];
}

export interface Block {
  /** The text as the page spells it, whitespace not yet normalized. */
  text: string;
  /** Index of the element the text belongs to. */
  owner: number;
  kind: BlockKind;
  /** Heading level 1–6 for kind 'h', else 0. */
  level: number;
  /** Weighted character count (see text-metrics). */
  chars: number;
  /** Weighted characters inside links. */
  linkChars: number;
  /** Clause punctuation marks. */
  punct: number;
  /** Elements indexed before this block: orders blocks against sibling elements. */
  pos: number;
}

export interface DocIndex {
  elements: ElementRecord[];
  blocks: Block[];
  /** <noscript> elements with content that the walk skipped (see IndexOptions.noscript). */
  skippedNoscript: number;
  /** Hidden elements with content that the walk skipped (see IndexOptions.revealHidden). */
  skippedHidden: number;
  /** Text of the page's JSON-LD scripts, unparsed (evidence for the body, see evidence.ts). */
  jsonLd: string[];
  /** og:type and the canonical (or og:url) address, read from <head> on the way (see listing.ts). */
  ogType: string | null;
  canonical: string | null;
}

export interface IndexOptions {
  /**
   * Read <noscript> content as part of the page. Off by default: it usually repeats an image or
   * says "enable JavaScript"; but pages that render the article with script (a template in a
   * <script> tag) often keep a full copy there, the only one a reader without script sees.
   */
  noscript?: boolean;
  /**
   * Read hidden elements too. Off by default; on for pages whose visible part has no article,
   * such as streamed server renders that park each chunk in a hidden <div> until a script moves
   * it into place (what a reader with script sees).
   */
  revealHidden?: boolean;
}

const CELL_SEPARATOR = ' | ';
/** A table row whose longest cell is longer than this is page layout, not data. */
const MAX_DATA_CELL = 600;
/** Guard against pathological nesting from broken markup: deeper blocks get no records (see enter). */
const MAX_DEPTH = 1200;

const KIND: Record<string, BlockKind> = {
  p: 'p', li: 'li', blockquote: 'quote', pre: 'pre', listing: 'pre', xmp: 'pre', plaintext: 'pre',
  tr: 'row', dt: 'dt', dd: 'dt', h1: 'h', h2: 'h', h3: 'h', h4: 'h', h5: 'h', h6: 'h',
};

/** A "caption" longer than this is the text of a slide (see enter). */
const MAX_CAPTION_CHARS = 400;

/** An image alt this short ("photo", "logo") says too little to recognize a caption by. */
const MIN_ALT_CHARS = 12;
/** How far up from a block to look for the picture whose alt it repeats. */
const ALT_LEVELS = 3;
/** Whitespace a collapse would change inside trimmed text: two in a row, or any but a space. */
const LOOSE_SPACE = /\s\s|[^\S ]/;
/** Whitespace collapsed, trimmed, lower-cased; trimmed first, most texts have nothing left to collapse. */
function altKey(s: string): string {
  const t = s.trim();
  return (LOOSE_SPACE.test(t) ? t.replace(/\s+/g, ' ') : t).toLowerCase();
}

/** A role="button" element holding no paragraph or heading and little text: a control's label. */
const MAX_LABEL_CHARS = 200;
/** …and few nodes: a big widget is judged as a box later, not here. */
const MAX_LABEL_NODES = 300;
const LABEL_BREAKERS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'table']);
function isControlLabel(el: DomElement): boolean {
  let n = 0, nodes = 0;
  const stack: DomNode[] = [...el.children];
  while (stack.length) {
    if (++nodes > MAX_LABEL_NODES) return false;
    const x = stack.pop()!;
    if (isText(x)) { n += x.data.trim().length; if (n > MAX_LABEL_CHARS) return false; continue; }
    if (!isElement(x)) continue;
    if (LABEL_BREAKERS.has(x.name)) return false;
    for (const k of x.children) stack.push(k);
  }
  return true;
}

/** Class words of pictures that render a formula (TeX images, MathML fallbacks). */
const FORMULA_CLASS = /(?:^|[^a-z0-9])(?:latex|tex|math|katex|mathjax|equation|formula)(?:$|[^a-z])/i;
const isFormulaImage = (img: DomElement): boolean => !!img.attribs.alt && FORMULA_CLASS.test(img.attribs.class ?? '');

/**
 * The text of a formula: a MathML element's TeX annotation or alttext, else its symbols in order;
 * a formula image's alt (its TeX source).
 */
function formulaText(el: DomElement): string {
  if (el.name === 'img') return (el.attribs.alt ?? '').trim();
  if (el.attribs.alttext) return el.attribs.alttext.trim();
  const parts: string[] = [];
  let tex = '';
  const stack: DomNode[] = [el];
  while (stack.length && tex === '') {
    const x = stack.pop()!;
    if (isText(x)) { if (x.data.trim()) parts.push(x.data.trim()); continue; }
    if (!isElement(x)) continue;
    if (x.name === 'annotation') {
      if (/tex/i.test(x.attribs.encoding ?? '')) tex = textOf(x).trim();
      continue; // other annotations (MathML content markup) are not what is shown
    }
    for (let k = x.children.length - 1; k >= 0; k--) stack.push(x.children[k]!);
  }
  return tex !== '' ? tex : parts.join(' ');
}

/** Inputs that act as buttons: share bars and players use them as often as forms do. */
const NOT_ENTRY = new Set(['submit', 'button', 'image', 'reset']);

/**
 * A skipped element that is not content can still say something about its container: pictures,
 * embeds, and form fields a reader types into (buttons are everywhere, so they do not count).
 */
function countSkipped(rec: ElementRecord | undefined, el: DomElement, tag: string): void {
  if (!rec) return;
  if (tag === 'img' || tag === 'picture') rec.imgs++;
  else if (EMBED_TAGS.has(tag)) rec.embeds++;
  else if (tag === 'button' || (tag === 'input' && NOT_ENTRY.has((el.attribs.type ?? '').toLowerCase()))) rec.buttons++;
  else if (INPUT_TAGS.has(tag) && (el.attribs.type ?? '').toLowerCase() !== 'hidden') rec.inputs++;
}

const isBlockTag = (tag: string) => BLOCK_TAGS.has(tag) || tag.includes('-') || tag === 'noscript';

/** The text of a script element (its children are text nodes). */
function textOf(el: DomElement): string {
  let s = '';
  for (const c of el.children) if (isText(c)) s += c.data;
  return s;
}

/** Text length of a subtree, stopping early past `limit` (used for small caption checks). */
function textLengthUpTo(node: DomNode, limit: number): number {
  let n = 0;
  const stack: DomNode[] = [node];
  while (stack.length && n <= limit) {
    const x = stack.pop()!;
    if (isText(x)) n += x.data.trim().length;
    else if ('children' in x) for (const c of (x as DomParent).children) stack.push(c);
  }
  return n;
}

/** Inside a cell these make it a container (a layout table), not a data cell. */
const CELL_CONTAINERS = new Set(['table', 'ul', 'ol', 'dl', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'article', 'section']);

/**
 * A data row: two or more cells, none holding lists, tables or headings, none long. Its cells
 * read as one line ("Name | Value"); any other row is layout and its cells are containers. A cell
 * may wrap its value in a <div> or <p> (that is styling, not structure).
 */
function isDataRow(tr: DomElement): boolean {
  let cells = 0;
  for (const c of tr.children) {
    if (!isElement(c)) continue;
    if (c.name !== 'td' && c.name !== 'th') continue;
    cells++;
    const stack: DomNode[] = [...c.children];
    let len = 0, textBlocks = 0;
    while (stack.length) {
      const x = stack.pop()!;
      if (isText(x)) { len += x.data.length; if (len > MAX_DATA_CELL) return false; continue; }
      if (!isElement(x)) continue;
      const t = x.name.toLowerCase();
      if (SKIP_TAGS.has(t)) continue;
      if (CELL_CONTAINERS.has(t)) return false;
      // Two paragraphs in one cell make it a text container.
      if (isBlockTag(t) && x.children.some((k) => isText(k) && k.data.trim() !== '') && ++textBlocks > 1) return false;
      for (const k of x.children) stack.push(k);
    }
  }
  return cells >= 2;
}

export function buildIndex(root: DomParent, options: IndexOptions = {}): DocIndex {
  const elements: ElementRecord[] = [];
  const blocks: Block[] = [];
  let owner = -1;
  let linkDepth = 0;
  let rowDepth = 0; // > 0 inside a data row: block tags there are read inline
  let skippedNoscript = 0, skippedHidden = 0;
  const jsonLd: string[] = [];
  let ogType: string | null = null, canonical: string | null = null;
  // <head> is not content, but two of its tags say what kind of page this is.
  const readHead = (node: DomNode): void => {
    if (!isElement(node)) return;
    const a = node.attribs;
    if (node.name === 'meta') {
      const prop = (a.property ?? a.name ?? '').toLowerCase();
      if (prop === 'og:type' && ogType === null) ogType = (a.content ?? '').trim().toLowerCase() || null;
      if (prop === 'og:url' && canonical === null) canonical = (a.content ?? '').trim() || null;
    } else if (node.name === 'link' && (a.rel ?? '').toLowerCase().split(/\s+/).includes('canonical') && a.href) {
      canonical = a.href.trim();
    } else if (node.name === 'script' && (a.type ?? '').toLowerCase().includes('ld+json')) {
      jsonLd.push(textOf(node));
    } else {
      for (const c of node.children) readHead(c);
    }
  };
  // The block being read: text as the page spells it, and its measures so far.
  let text = '', chars = 0, linkChars = 0, punct = 0;
  let brs = 0; // consecutive <br> since the last visible character

  // Alt texts of the pictures read so far, with the element holding each: a short block that
  // repeats one close by is that picture's caption or a video's title (see repeatsAlt).
  const alts = new Map<string, number>();
  const repeatsAlt = (s: string): boolean => {
    const at = alts.get(altKey(s));
    if (at === undefined) return false;
    // Near: an ancestor of the block at most ALT_LEVELS up also holds the picture. Ancestors are
    // still open, so every element indexed since one of them lies inside it.
    let a = owner;
    for (let level = 0; level <= ALT_LEVELS && a >= 0; level++, a = elements[a]!.parent) if (at >= a) return true;
    return false;
  };

  const flush = () => {
    if (chars > 0) {
      const ownerRec = elements[owner];
      const tag = ownerRec?.tag ?? '';
      const kind = ownerRec === undefined ? 'text' : KIND[tag] ?? 'text';
      if (alts.size > 0 && kind !== 'h' && chars <= MAX_CAPTION_CHARS && repeatsAlt(text)) {
        text = ''; chars = 0; linkChars = 0; punct = 0; brs = 0;
        return;
      }
      ownerRec?.ownBlocks.push(blocks.length);
      blocks.push({ text, owner, kind, level: kind === 'h' ? Number(tag[1]) : 0, chars, linkChars, punct, pos: elements.length });
    }
    text = ''; chars = 0; linkChars = 0; punct = 0; brs = 0;
  };

  const addText = (s: string) => {
    const m = measure(s);
    if (m.chars > 0) {
      if (brs === 1) text += '\n';
      brs = 0;
      chars += m.chars;
      punct += m.punct;
      if (linkDepth > 0) linkChars += m.chars;
    }
    text += s;
  };

  // Two or more <br> in a row end a block (except in preformatted text); one is a line break.
  const addBreak = () => {
    brs++;
    if (brs >= 2 && chars > 0 && KIND[elements[owner]?.tag ?? ''] !== 'pre') flush();
    else if (KIND[elements[owner]?.tag ?? ''] === 'pre') text += '\n';
  };

  // An explicit stack instead of recursion: broken markup (thousands of unclosed <font> or <div>)
  // nests deeper than the call stack allows. An entry is a node to enter or the exit of one.
  // Exits carry no object of their own (one shared marker; their data on number stacks), so the
  // walk allocates almost nothing per element.
  const EXIT: DomNode = { type: 'exit', parent: null };
  const stack: DomNode[] = [];
  const exitRecord: number[] = [], exitOwner: number[] = [], exitFlags: number[] = [];
  const LINK = 1, ROW = 2, BOUNDARY = 4, SPACE = 8;
  const pushExit = (record: number, parentOwner: number, flags: number) => {
    stack.push(EXIT); exitRecord.push(record); exitOwner.push(parentOwner); exitFlags.push(flags);
  };
  const pushChildren = (el: DomElement) => {
    for (let k = el.children.length - 1; k >= 0; k--) stack.push(el.children[k]!);
  };
  let depth = 0;

  const enter = (node: DomNode): void => {
    if (isText(node)) {
      if (node.data !== '') addText(node.data);
      return;
    }
    if (!isElement(node)) return; // comments, directives, CDATA
    const el = node;
    const tag = el.name; // htmlparser2 lower-cases HTML tag names
    if (tag === 'noscript') {
      if (!options.noscript) { if (el.children.length > 0) skippedNoscript++; return; }
    } else if (SKIP_TAGS.has(tag) || el.type !== 'tag') {
      if (tag === 'head') { readHead(el); return; }
      if (tag === 'script' && (el.attribs.type ?? '').toLowerCase().includes('ld+json')) jsonLd.push(textOf(el));
      // A formula is part of its sentence: read it as its TeX source or its text.
      const formula = tag === 'math' || (tag === 'img' && isFormulaImage(el)) ? formulaText(el) : '';
      if (formula !== '') { addText(formula); return; }
      countSkipped(elements[owner], el, tag);
      if (tag === 'img' && owner >= 0 && el.attribs.alt && el.attribs.alt.length >= MIN_ALT_CHARS) alts.set(altKey(el.attribs.alt), owner);
      return;
    }
    if (tag === 'br') { addBreak(); return; }
    // ARIA says this is a control: its words are a label ("Play", "VIDEO 3:49 Title"), like a <button>'s.
    if (el.attribs.role === 'button' && isControlLabel(el)) { countSkipped(elements[owner], el, 'button'); return; }
    const names = nameFacts(el);
    if (!options.revealHidden && tag !== 'html' && tag !== 'body' && isHidden(el, names)) {
      if (el.children.length > 0) skippedHidden++;
      return;
    }
    // Captions describe a picture we drop; but a "caption" several paragraphs long is the text of
    // a slide in a slideshow article, and is read.
    if ((tag === 'figcaption' || captionNamed(names)) && textLengthUpTo(el, MAX_CAPTION_CHARS) <= MAX_CAPTION_CHARS) return;
    if (tag === 'figure' && figureIsPicture(el)) { countSkipped(elements[owner], el, 'img'); return; }
    if (el.children.length === 0) {
      // An empty block (a spacer <div>, an <hr>) still ends the line: the text around it is two blocks.
      if (rowDepth === 0 && isBlockTag(tag)) flush();
      return;
    }

    const blockTag = rowDepth === 0 && isBlockTag(tag);
    if (!blockTag) {
      // Inline (or inside a data row): text flows into the current block.
      const link = tag === 'a';
      if (link) linkDepth++;
      const cell = rowDepth > 0 && (tag === 'td' || tag === 'th');
      if (cell && chars > 0) text += CELL_SEPARATOR;
      // A block wrapper inside a data cell is read inline, but still never glues words.
      const spaced = !cell && rowDepth > 0 && isBlockTag(tag);
      if (spaced) text += ' ';
      pushExit(-1, owner, (link ? LINK : 0) | (spaced ? SPACE : 0));
      depth++;
      pushChildren(el);
      return;
    }

    flush();
    // Past MAX_DEPTH a block still ends the text before it but gets no record of its own, so
    // every later pass stays linear however deep the markup goes.
    let record = -1;
    if (depth < MAX_DEPTH) {
      record = elements.length;
      elements.push({
        el, tag, parent: owner, depth: owner < 0 ? 0 : elements[owner]!.depth + 1, end: record,
        hint: hintOf(el), names, hasBlockChild: false, imgs: 0, embeds: 0, inputs: 0, buttons: 0, ownBlocks: [],
      });
      if (owner >= 0) elements[owner]!.hasBlockChild = true;
    }
    const row = tag === 'tr' && isDataRow(el);
    if (row) rowDepth++;
    pushExit(record, owner, (row ? ROW : 0) | BOUNDARY);
    if (record >= 0) owner = record;
    depth++;
    pushChildren(el);
  };

  const leave = (): void => {
    const record = exitRecord.pop()!, parentOwner = exitOwner.pop()!, flags = exitFlags.pop()!;
    depth--;
    if (flags & LINK) linkDepth--;
    if (flags & ROW) rowDepth--;
    if (flags & SPACE) text += ' ';
    if (!(flags & BOUNDARY)) return;
    flush();
    if (record >= 0) elements[record]!.end = elements.length - 1;
    owner = parentOwner;
  };

  for (let k = root.children.length - 1; k >= 0; k--) stack.push(root.children[k]!);
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (item === EXIT) leave(); else enter(item);
  }
  flush();

  // Subtree totals of the skipped-element counts: children come after their parent.
  for (let i = elements.length - 1; i > 0; i--) {
    const r = elements[i]!;
    if (r.parent < 0) continue;
    const p = elements[r.parent]!;
    p.imgs += r.imgs; p.embeds += r.embeds; p.inputs += r.inputs; p.buttons += r.buttons;
  }
  return { elements, blocks, skippedNoscript, skippedHidden, jsonLd, ogType, canonical };
}

const MEDIA = new Set(['img', 'picture', 'video', 'iframe', 'audio', 'object', 'embed', 'svg', 'canvas']);
const FIGURE_CONTENT = new Set(['pre', 'code', 'blockquote', 'table', 'math']);

/**
 * A figure that shows a picture (media plus caption), as opposed to one wrapping a code listing,
 * quote or table, whose text is content.
 */
function figureIsPicture(fig: DomElement): boolean {
  if (textLengthUpTo(fig, MAX_CAPTION_CHARS) > MAX_CAPTION_CHARS) return false; // a slide: picture and text
  let media = false;
  const stack: DomNode[] = [...fig.children];
  while (stack.length) {
    const x = stack.pop()!;
    if (!isElement(x)) continue;
    const t = x.name.toLowerCase();
    if (FIGURE_CONTENT.has(t)) return false;
    if (MEDIA.has(t)) media = true;
    else for (const k of x.children) stack.push(k);
  }
  return media;
}
