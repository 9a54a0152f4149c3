// Markdown → the shared block model. remark parses (GFM for tables and autolinks, front
// matter recognised); every paragraph, heading, list item, quote, code block and table row
// becomes one Block whose text is plain (links → their text, images dropped, code kept) and
// which knows how much of it was link text — the signal that separates a menu or a teaser
// list from prose, and which plain text does not have.
import { decodeHTML } from 'entities';
import type { Nodes, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified, type Plugin } from 'unified';
import type { Block, BlockKind } from '../dump/block.js';
import { linesToBlocks } from './lines.js';
import { parseJsonHeader } from './metadata.js';
import { inlineBlocks } from './visual-lines.js';

export interface MarkdownDoc {
  blocks: Block[];
  /** Raw YAML front matter, when the document starts with one. */
  yaml: string | null;
  /** A leading code block that holds a metadata object (a scraper's JSON header), parsed. */
  jsonHeader: Record<string, unknown> | null;
}

// HTML-to-Markdown converters write code fenced; text indented by four spaces is the page's
// own indentation (an image link in a nested div), not code. Indented code is not parsed.
const noIndentedCode: Plugin<[], Root> = function () {
  const data = this.data() as { micromarkExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push({ disable: { null: ['codeIndented'] } });
};
const plainParser = unified().use(remarkParse).use(noIndentedCode).use(remarkFrontmatter, ['yaml', 'toml']);
const gfmParser = unified().use(remarkParse).use(noIndentedCode).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']);
// GFM parsing (autolink literals above all) costs about twice plain CommonMark, and its
// only structural gains are tables, footnotes and strikethrough: use it when the text has any.
const GFM_SYNTAX = /^\s*\|?\s*:?-{3,}:?\s*\|(?:\s*:?-{3,}:?\s*\|?)*\s*$|^\s*:?-{3,}:?\s*\|\s*:?-{3,}|\[\^[^\]\s]+\]|~~/m;

interface Inline {
  text: string;
  link: number;
  media: boolean;
  /** Inside an inline <script> or <style> opened by an earlier html node: its text is code, not prose. */
  hidden?: string;
}

// Elements whose content a browser never shows. A page converter that keeps raw HTML keeps them
// too; an unclosed one hides the rest of the block, as it would in a browser.
const HIDDEN_ELEMENT = /<(script|style|template)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi;
const HIDDEN_OPEN = /^<(script|style|template)\b/i;

const stripTags = (html: string) => html.replace(HIDDEN_ELEMENT, ' ').replace(/<[^>]*>/g, ' ');

// Elements that start a new line when a browser renders them; table cells only separate.
const HTML_BREAK = /<(\/?)(p|div|tr|td|th|li|h[1-6]|br|hr|table|tbody|thead|tfoot|ul|ol|dl|dt|dd|section|article|header|footer|aside|nav|blockquote|pre|figure|figcaption|form|select|option|noscript)\b[^>]*>/gi;

export interface HtmlLine { text: string; kind: 'line' | 'heading' | 'table'; level: number; link: number }

/**
 * The text lines of a raw HTML block: split where the elements break lines, tags dropped,
 * entities decoded. A table row is one line, its cells joined by " | " (as GFM rows are read);
 * a line inside <h1>…<h6> is a heading; text inside <a> counts as link text.
 */
export function htmlBlockLines(raw: string): HtmlLine[] {
  const html = raw.replace(HIDDEN_ELEMENT, ' ');
  const out: HtmlLine[] = [];
  let heading = 0, cells = 0, inCell = false;
  let pending = '';
  let last = 0;
  const emit = () => {
    let link = 0;
    const text = decodeHTML(pending.replace(/<a\b[^>]*>([\s\S]*?)<\/a>/gi, (_m, inner: string) => {
      link += decodeHTML(stripTags(inner)).replace(/\s+/g, ' ').trim().length;
      return ` ${inner} `;
    }).replace(/<[^>]*>/g, ' ')).replace(/[\s\u00a0]+/g, ' ').replace(/^[\s|]+|[\s|]+$/g, '').trim();
    pending = '';
    if (text === '' || !/[\p{L}\p{N}]/u.test(text)) return;
    const kind = heading ? 'heading' : cells > 1 ? 'table' : 'line';
    out.push({ text, kind, level: heading, link: Math.min(1, link / text.length) });
  };
  for (const m of html.matchAll(HTML_BREAK)) {
    pending += html.slice(last, m.index);
    last = m.index + m[0].length;
    const close = m[1] === '/';
    const tag = m[2]!.toLowerCase();
    if (tag === 'td' || tag === 'th') {
      inCell = !close;
      if (!close) { if (cells > 0) pending += ' | '; cells++; }
      continue;
    }
    // Paragraphs and breaks inside a cell stay in the row.
    if (inCell && !/^(?:tr|table|tbody|thead|tfoot)$/.test(tag)) { pending += ' '; continue; }
    emit();
    if (tag === 'tr' || tag === 'table') { cells = 0; inCell = false; }
    if (/^h[1-6]$/.test(tag)) heading = close ? 0 : Number(tag[1]);
  }
  pending += html.slice(last);
  emit();
  return out;
}

/** Plain text of phrasing content; counts link characters. `break` becomes "\n". */
function inline(nodes: readonly PhrasingContent[] | readonly Nodes[], acc: Inline, inLink = false): void {
  for (const n of nodes as Nodes[]) {
    switch (n.type) {
      case 'text': case 'inlineCode':
        if (acc.hidden) break;
        acc.text += n.value;
        if (inLink) acc.link += n.value.length;
        break;
      case 'break': acc.text += '\n'; break;
      case 'image': case 'imageReference': acc.media = true; break;
      case 'html': {
        // Inline HTML comes tag by tag: "<script>", then its code as text, then "</script>".
        if (acc.hidden) {
          if (new RegExp(`^</${acc.hidden}\\s*>$`, 'i').test(n.value.trim())) acc.hidden = undefined;
          break;
        }
        const open = HIDDEN_OPEN.exec(n.value);
        if (open && !new RegExp(`</${open[1]}\\s*>`, 'i').test(n.value)) acc.hidden = open[1]!.toLowerCase();
        const t = stripTags(n.value);
        acc.text += t;
        if (/<img\b/i.test(n.value)) acc.media = true;
        break;
      }
      case 'link': case 'linkReference': inline(n.children, acc, true); break;
      case 'footnoteReference': break;
      default:
        if ('children' in n) inline((n as Parent).children as Nodes[], acc, inLink);
    }
  }
}

function isWholeEmphasis(children: readonly PhrasingContent[]): boolean {
  const real = children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  return real.length === 1 && (real[0]!.type === 'emphasis' || real[0]!.type === 'strong');
}

interface Ctx { list: number; quote: boolean }

class Builder {
  readonly blocks: Block[] = [];
  yaml: string | null = null;
  jsonHeader: Record<string, unknown> | null = null;
  private seenContent = false;

  private push(kind: BlockKind, level: number, node: Nodes, acc: Inline, emphasis = false): void {
    this.blocks.push(...inlineBlocks(kind, level, node.position?.start.line ?? 0, acc, emphasis));
  }

  /**
   * Depth first, with a stack of its own: quotes and lists nest as deep as a page wants
   * (5,000 '>' parse fine), and a recursive walk ran out of call stack on them.
   */
  visit(top: RootContent, topCtx: Ctx): void {
    const work: [RootContent, Ctx][] = [[top, topCtx]];
    const later = (children: readonly RootContent[], ctx: Ctx) => {
      for (let k = children.length - 1; k >= 0; k--) work.push([children[k]!, ctx]);
    };
    for (let next = work.pop(); next; next = work.pop()) this.visitOne(next[0], next[1], later);
  }

  private visitOne(node: RootContent, ctx: Ctx, later: (children: readonly RootContent[], ctx: Ctx) => void): void {
    switch (node.type) {
      case 'yaml':
        if (!this.seenContent) this.yaml = node.value;
        return;
      case 'definition': return;
      case 'heading': {
        const acc: Inline = { text: '', link: 0, media: false };
        inline(node.children, acc);
        this.push('heading', node.depth, node, acc);
        break;
      }
      case 'paragraph': {
        const acc: Inline = { text: '', link: 0, media: false };
        inline(node.children, acc);
        const kind: BlockKind = ctx.list > 0 ? 'list-item' : ctx.quote ? 'quote' : 'paragraph';
        this.push(kind, ctx.list, node, acc, isWholeEmphasis(node.children));
        break;
      }
      case 'code':
        if (!this.seenContent) {
          this.jsonHeader = parseJsonHeader(node.lang ?? null, node.value);
          this.seenContent = true;
          if (this.jsonHeader) return;
        }
        this.push('code', 0, node, { text: node.value.replace(/\n/g, ' '), link: 0, media: false });
        break;
      case 'html': {
        // A block of raw HTML (a table the converter kept as it was): one block per cell,
        // row, paragraph or heading in it, as a text browser would print it.
        const line = node.position?.start.line ?? 0;
        const media = /<img\b/i.test(node.value);
        const parts = htmlBlockLines(node.value);
        if (parts.length === 0 && media) this.blocks.push({ text: '', kind: 'line', level: 0, linkShare: 0, line, gapBefore: true, flags: { media: true } });
        for (const p of parts) this.blocks.push({ text: p.text, kind: p.kind, level: p.level, linkShare: p.link, line, gapBefore: true });
        break;
      }
      case 'thematicBreak':
        this.blocks.push({ text: '', kind: 'rule', level: 0, linkShare: 0, line: node.position?.start.line ?? 0, gapBefore: true });
        break;
      case 'table':
        for (const row of node.children) {
          const acc: Inline = { text: '', link: 0, media: false };
          row.children.forEach((cell, k) => { if (k > 0) acc.text += ' | '; inline(cell.children, acc); });
          acc.text = acc.text.replace(/^[\s|]+|[\s|]+$/g, '');
          this.push('table', 0, row, acc);
        }
        break;
      case 'list':
        later(node.children.flatMap((item) => item.children), { ...ctx, list: ctx.list + 1 });
        break;
      case 'blockquote':
        later(node.children, { ...ctx, quote: true });
        break;
      default:
        if ('children' in node) later((node as Parent).children as RootContent[], ctx);
    }
    this.seenContent = true;
  }
}

/**
 * Turndown writes a link around block content as a "[" paragraph, the content, and a
 * "](url)" paragraph. The content was a link (a teaser card); the brackets are noise.
 */
function markBlockLinks(blocks: Block[]): void {
  for (let i = 0; i < blocks.length; i++) {
    if (blocks[i]!.text !== '[') continue;
    for (let j = i + 1; j < blocks.length && j <= i + 10; j++) {
      if (!/^\]\(/.test(blocks[j]!.text)) continue;
      for (let k = i + 1; k < j; k++) blocks[k]!.linkShare = 1;
      blocks[i]!.text = '';
      blocks[j]!.text = blocks[j]!.text.replace(/^\]\([^)]*\)\s*/, '');
      if (blocks[j]!.text === '') blocks[j]!.linkShare = 1;
      break;
    }
  }
}

// Link and image destinations: we keep link text and drop images, so the URLs are never read;
// page dumps are a third URLs, and the parser's time grows with them. "[a](url)" → "[a](x)",
// which still parses as a link. A title may run over lines (not over a blank one) and hold
// escaped quotes: turndown writes an element's title attribute there as it is.
const DESTINATION = /\]\((?:[^()\s\\]|\\.|\([^()\s]*\))+(?:\s+"(?:[^"\\\n]|\\.|\n(?![ \t]*\n))*")?\)/g;

const LONG_LINE = 8000;

// One pass over the lines: a regular expression like /[^\n]{8000,}/ retries at every
// position of a long line and was the costliest step of the whole Markdown reader.
export function splitLongLines(text: string): string {
  if (text.length < LONG_LINE) return text;
  let out = '';
  let done = 0; // text before this index is already in `out`
  for (let at = 0; at < text.length;) {
    let nl = text.indexOf('\n', at);
    if (nl < 0) nl = text.length;
    if (nl - at >= LONG_LINE) {
      out += text.slice(done, at);
      let rest = text.slice(at, nl);
      const parts: string[] = [];
      while (rest.length > LONG_LINE) {
        let cut = rest.lastIndexOf(' ', LONG_LINE);
        if (cut < LONG_LINE / 2) cut = LONG_LINE;
        parts.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      parts.push(rest);
      out += parts.join('\n\n');
      done = nl;
    }
    at = nl + 1;
  }
  return done === 0 ? text : out + text.slice(done);
}

// Past these, micromark costs seconds: it reads page dumps at about half a megabyte a second,
// and only about a hundred thousand characters of syntax a second ("[", "*", "<!--", "\\"…,
// slower still on links, table rows and references). The corpus's largest page has 109k
// characters, 3k syntax characters, 1.9k columns of list nesting (deep nesting costs micromark
// per level on every line), at most a quarter of the links, pipes and definitions below.
// Such documents are read line by line instead (lines.ts), in one linear pass.
const LINEAR_ABOVE = { chars: 300_000, syntax: 30_000, nesting: 20_000, links: 3000, pipes: 12_000, definitions: 1000 };

function count(text: string, needle: string, stop: number): number {
  let n = 0;
  for (let at = text.indexOf(needle); at >= 0 && n <= stop; at = text.indexOf(needle, at + needle.length)) n++;
  return n;
}

// Characters that open or close inline or block syntax: [ ] * _ ` < > ! \ | ~
const SYNTAX_CHAR = new Uint8Array(128);
for (const c of '[]*_`<>!\\|~') SYNTAX_CHAR[c.charCodeAt(0)] = 1;

function syntaxChars(text: string, stop: number): number {
  let n = 0;
  for (let i = 0; i < text.length && n <= stop; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) n += SYNTAX_CHAR[c]!;
  }
  return n;
}

/** Columns of indentation and quote markers before list items, summed over the lines. */
function listNesting(text: string, stop: number): number {
  let n = 0;
  for (const m of text.matchAll(/^([ \t>]+)(?:[-*+]|\d{1,9}[.)])[ \t]/gm)) {
    n += m[1]!.length;
    if (n > stop) break;
  }
  return n;
}

/** Would micromark take seconds on this text? Linear, and cheap next to parsing. */
export function needsLinearReading(lean: string): boolean {
  const L = LINEAR_ABOVE;
  return lean.length > L.chars || syntaxChars(lean, L.syntax) > L.syntax || listNesting(lean, L.nesting) > L.nesting
    || count(lean, '](', L.links) + count(lean, '][', L.links) > L.links
    || count(lean, '|', L.pipes) > L.pipes || count(lean, ']:', L.definitions) > L.definitions;
}

/** `reader`: 'auto' picks by cost; 'linear' forces the line reader (tests compare the two). */
export function markdownToBlocks(text: string, firstLine = 1, reader: 'auto' | 'linear' = 'auto'): MarkdownDoc {
  // Long runs of blanks make the parser quadratic; past a few indentation levels they mean
  // nothing in Markdown.
  // One enormous paragraph (a whole page of links on one line) is slow to resolve too: cut
  // lines past LONG_LINE into paragraphs of about that size.
  const lean = splitLongLines(text.replace(DESTINATION, '](x)').replace(/[ \t]{33,}/g, (m) => m.slice(0, 32)));
  if (reader === 'linear' || needsLinearReading(lean)) {
    const d = linesToBlocks(lean, { htmlBlockLines, stripTags });
    return finish(d.blocks, d.yaml, d.jsonHeader, firstLine);
  }
  const tree = (GFM_SYNTAX.test(lean) ? gfmParser : plainParser).parse(lean) as Root;
  const b = new Builder();
  for (const node of tree.children) b.visit(node, { list: 0, quote: false });
  return finish(b.blocks, b.yaml, b.jsonHeader, firstLine);
}

function finish(blocks: Block[], yaml: string | null, jsonHeader: Record<string, unknown> | null, firstLine: number): MarkdownDoc {
  markBlockLinks(blocks);
  // The closing half of a link whose "[" opened in another block is left as text: drop it.
  for (const blk of blocks) if (blk.text.includes('](')) blk.text = blk.text.replace(/\]\(x\)/g, ' ').replace(/\s+/g, ' ').trim();
  if (firstLine !== 1) for (const blk of blocks) blk.line += firstLine - 1;
  return { blocks: blocks.filter((x) => x.text !== '' || x.kind === 'rule' || x.flags?.media), yaml, jsonHeader };
}
