// A linear, line-by-line reading of Markdown into the shared block model, for documents the
// full parser cannot read in time. micromark reads page dumps at about half a megabyte a second
// and slower still on link-, table- and reference-heavy text (a 100k-link line, a 60k-row
// table, 50k reference links took tens of seconds); this reader makes one pass over the lines
// and a few bounded regular-expression passes over each paragraph. It knows what the block
// model needs — headings, paragraphs, list items and their depth, quotes, fenced code, tables,
// raw HTML blocks, rules, front matter, reference definitions; link text, images, code spans,
// emphasis markers — and no more. Ordinary documents never come here (see blocks.ts).
import type { Block, BlockKind } from '../dump/block.js';
import { parseJsonHeader } from './metadata.js';
import { inlineBlocks, type InlineText } from './visual-lines.js';

export interface LineDoc {
  blocks: Block[];
  yaml: string | null;
  jsonHeader: Record<string, unknown> | null;
}

/** The tools of blocks.ts this reader shares (passed in to keep one module per job and no import cycle). */
export interface LineReaderDeps {
  htmlBlockLines(raw: string): { text: string; kind: 'line' | 'heading' | 'table'; level: number; link: number }[];
  stripTags(html: string): string;
}

// Private-use characters: link boundaries, and punctuation that must not be read as syntax
// (escaped, or brackets that turned out not to be a link).
const OPEN = '\uE000';
const CLOSE = '\uE001';
const ESC_BASE = 0xe100;
const protect = (c: string) => String.fromCharCode(ESC_BASE + c.charCodeAt(0));
const PROTECTED = /[\uE100-\uE17F]/g;
const unprotect = (s: string) => s.replace(PROTECTED, (c) => String.fromCharCode(c.charCodeAt(0) - ESC_BASE));

const labelKey = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

// Innermost constructs only (no bracket inside): every match attempt stops at the next bracket
// or parenthesis, so a pass is linear however the brackets are strewn.
const IMAGE = /!\[([^[\]]*)\](?:\(([^()]*)\)|\[([^[\]]*)\])?/g;
const LINK = /\[([^[\]]*)\](?:\(([^()]*)\)|\[([^[\]]*)\])?/g;
const AUTOLINK = /<((?:https?|ftp|mailto):[^\s<>]*|[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)>/gi;
const ESCAPE = /\\([!-/:-@[-`{-~])/g;
// Emphasis and strikethrough markers at a word's edge ("**_a_**"), and asterisks inside a word
// (CommonMark emphasises "a**b**c"; underscores there are part of the word, as in snake_case).
const EMPHASIS = /(^|[\s\p{P}\p{S}])[*_~]{1,6}(?=[^\s*_~])|([^\s*_~])[*_~]{1,6}(?=$|[\s\p{P}\p{S}])|(?<=[\p{L}\p{N}])\*{1,3}(?=[\p{L}\p{N}])/gu;

type Inline = InlineText;

/** Code spans aside (kept verbatim), in one left-to-right pass with a memo per fence length. */
function splitCode(src: string): { code: boolean; s: string }[] {
  const out: { code: boolean; s: string }[] = [];
  const next = new Map<number, number>(); // fence length → next start found (-1: none left)
  const find = (ticks: number, from: number): number => {
    let at = next.get(ticks);
    if (at === -1) return -1;
    if (at === undefined || at < from) {
      at = from;
      for (;;) {
        at = src.indexOf('`'.repeat(ticks), at);
        if (at < 0) break;
        let end = at;
        while (src[end] === '`') end++;
        if (end - at === ticks && src[at - 1] !== '`') break;
        at = end;
      }
      next.set(ticks, at);
    }
    return at;
  };
  let done = 0;
  for (let i = src.indexOf('`'); i >= 0 && i < src.length; i = src.indexOf('`', i)) {
    let end = i;
    while (src[end] === '`') end++;
    const ticks = end - i;
    const close = src[i - 1] === '\\' ? -1 : find(ticks, end);
    if (close < 0) { i = end; continue; }
    if (i > done) out.push({ code: false, s: src.slice(done, i) });
    out.push({ code: true, s: src.slice(end, close).replace(/^ (.*) $/s, '$1') });
    done = i = close + ticks;
  }
  if (done < src.length) out.push({ code: false, s: src.slice(done) });
  return out;
}

function inlinePart(s: string, defs: ReadonlySet<string>, deps: LineReaderDeps, acc: { media: boolean }): string {
  let t = s.replace(ESCAPE, (_m, c: string) => protect(c));
  t = t.replace(AUTOLINK, (_m, url: string) => `${OPEN}${url}${CLOSE}`);
  if (t.includes('<')) {
    if (/<img\b/i.test(t)) acc.media = true;
    t = deps.stripTags(t);
  }
  const literal = (inner: string) => `${protect('[')}${inner}${protect(']')}`;
  t = t.replace(IMAGE, (m, alt: string, dest?: string, ref?: string) => {
    if (dest !== undefined || defs.has(labelKey(ref || alt))) { acc.media = true; return ''; }
    return `!${literal(alt)}`;
  });
  // Two passes: a link whose text holds an image or a bracketed word ("[a [b] c](x)").
  for (let pass = 0; pass < 2 && t.includes('['); pass++) {
    t = t.replace(LINK, (m, text: string, dest?: string, ref?: string) => {
      if (dest !== undefined) return `${OPEN}${text}${CLOSE}`;
      if (ref !== undefined) {
        if (defs.has(labelKey(ref || text))) return `${OPEN}${text}${CLOSE}`;
        return literal(text) + literal(ref);
      }
      return defs.has(labelKey(text)) ? `${OPEN}${text}${CLOSE}` : literal(text);
    });
  }
  return t.replace(EMPHASIS, '$1$2');
}

/** Plain text of a paragraph's source, with the number of characters inside links. */
// Characters that can start inline syntax; text without them is already plain.
const SYNTAX = /[\\`<[\]!*_~\uE000-\uE17F]/;

export function inlineLinear(src: string, defs: ReadonlySet<string>, deps: LineReaderDeps): Inline {
  if (!SYNTAX.test(src)) return { text: src, link: 0, media: false };
  const acc = { media: false };
  let raw = '';
  for (const part of splitCode(src)) raw += part.code ? part.s.replace(/[\uE000\uE001]/g, '') : inlinePart(part.s, defs, deps, acc);
  // Hard breaks: two trailing spaces or a backslash before a newline.
  raw = raw.replace(/(?: {2,}|\\)\n/g, '\n');
  let text = '', link = 0, depth = 0, from = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c !== OPEN && c !== CLOSE) continue;
    const piece = raw.slice(from, i);
    text += piece;
    if (depth > 0) link += piece.replace(/\s+/g, ' ').length;
    depth = c === OPEN ? depth + 1 : Math.max(0, depth - 1);
    from = i + 1;
  }
  const tail = raw.slice(from);
  text += tail;
  if (depth > 0) link += tail.length;
  return { text: unprotect(text), link, media: acc.media };
}

const FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*([^`\s]*)/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const LIST = /^([ \t]*)([-*+]|\d{1,9}[.)])(?:[ \t]+(.*))?$/;
const DEFINITION = /^ {0,3}\[((?:[^[\]\\]|\\.){1,999})\]:[ \t]*\S/;
const TABLE_DELIMITER = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const HTML_START = /^ {0,3}<(?:!--|\/?(?:address|article|aside|blockquote|body|center|details|dialog|dd|div|dl|dt|fieldset|figcaption|figure|footer|form|h[1-6]|header|hr|html|iframe|legend|li|main|menu|nav|ol|p|pre|script|section|style|summary|table|tbody|td|tfoot|th|thead|title|tr|ul|template|noscript)(?:[\s/>]|$))/i;

/** Cells of a table row, split at pipes that are not escaped or inside code. */
function cells(row: string): string[] {
  if (!row.includes('`') && !row.includes('\\')) return trimEdges(row.split('|'));
  const out: string[] = [];
  let cur = '', code = false;
  for (let i = 0; i < row.length; i++) {
    const c = row[i]!;
    if (c === '\\' && row[i + 1] === '|') { cur += '|'; i++; continue; }
    if (c === '`') code = !code;
    if (c === '|' && !code) { out.push(cur); cur = ''; continue; }
    cur += c;
  }
  out.push(cur);
  return trimEdges(out);
}

/** The empty cells outside a row's leading and trailing pipes. */
function trimEdges(out: string[]): string[] {
  if (out.length > 1 && out[0]!.trim() === '') out.shift();
  if (out.length > 1 && out[out.length - 1]!.trim() === '') out.pop();
  return out;
}

export function linesToBlocks(text: string, deps: LineReaderDeps): LineDoc {
  const lines = text.split('\n');
  const defs = new Set<string>();
  for (const l of lines) {
    const m = l.length < 2000 ? DEFINITION.exec(l) : null;
    if (m) defs.add(labelKey(m[1]!));
  }
  const blocks: Block[] = [];
  let yaml: string | null = null;
  let jsonHeader: Record<string, unknown> | null = null;
  let seenContent = false;

  const push = (kind: BlockKind, level: number, line: number, acc: Inline, emphasis = false) => {
    seenContent = true;
    blocks.push(...inlineBlocks(kind, level, line, acc, emphasis));
  };


  // The open paragraph: its source lines, where it started, and what contains it.
  let para: string[] = [];
  let paraLine = 0, paraKind: BlockKind = 'paragraph', paraLevel = 0;
  const flush = () => {
    if (para.length === 0) return;
    const src = para.join('\n');
    const whole = /^\s*(\*{1,3}|_{1,3})[^*_\s][^\n]*[^*_\s]\1\s*$/.test(src);
    push(paraKind, paraLevel, paraLine, inlineLinear(src, defs, deps), whole);
    para = [];
  };
  const listIndents: number[] = [];
  let blankBefore = true;

  let i = 0;
  // Front matter: YAML between "---" lines (TOML between "+++") at the very top.
  if (lines[0] === '---' || lines[0] === '+++') {
    const end = lines.indexOf(lines[0], 1);
    if (end > 0) {
      if (lines[0] === '---') yaml = lines.slice(1, end).join('\n');
      i = end + 1;
    }
  }
  for (; i < lines.length; i++) {
    let line = lines[i]!;
    const n = i + 1;
    if (line.trim() === '') { flush(); blankBefore = true; continue; }
    // Quote markers, however deep (one pass over the line's start).
    let quote = false;
    let q = 0;
    while (true) {
      let k = q;
      while (k < q + 3 && line[k] === ' ') k++;
      if (line[k] !== '>') break;
      quote = true;
      q = k + 1;
      if (line[q] === ' ') q++;
    }
    if (quote) line = line.slice(q);
    if (quote !== (paraKind === 'quote') && para.length > 0) flush();

    // Blocks indented under a list item (a heading, code, HTML in a card) are read as blocks.
    const lead = /^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length;
    const nested = listIndents.length > 0 && lead > listIndents[0]!;
    const b = nested ? line.trimStart() : line;
    const fence = FENCE.exec(b);
    if (fence) {
      flush();
      const mark = fence[1]!;
      const body: string[] = [];
      let j = i + 1;
      const closer = new RegExp(`^ {0,3}${mark[0] === '`' ? '`' : '~'}{${mark.length},}[ \\t]*$`);
      for (; j < lines.length && !closer.test(lines[j]!); j++) body.push(lines[j]!);
      const value = body.join('\n');
      if (!seenContent) {
        seenContent = true;
        jsonHeader = parseJsonHeader(fence[2] || null, value);
        if (jsonHeader) { i = j; blankBefore = false; continue; }
      }
      push('code', 0, n, { text: value.replace(/\n/g, ' '), link: 0, media: false });
      i = j;
      blankBefore = false;
      continue;
    }
    const atx = ATX.exec(b);
    if (atx) {
      flush();
      push('heading', atx[1]!.length, n, inlineLinear(atx[2] ?? '', defs, deps));
      if (!nested) listIndents.length = 0;
      blankBefore = false;
      continue;
    }
    const setext = SETEXT.exec(line);
    if (setext && para.length > 0 && paraKind === 'paragraph' && !quote) {
      const acc = inlineLinear(para.join('\n'), defs, deps);
      acc.text = acc.text.replace(/\n/g, ' ');
      const start = paraLine;
      para = [];
      push('heading', setext[1]![0] === '=' ? 1 : 2, start, acc);
      blankBefore = false;
      continue;
    }
    if (RULE.test(b) && !(nested && LIST.test(line) && para.length === 0 && /^[-*][ \t]+\S/.test(b) && !/^([-*])(?:[ \t]*\1){2,}/.test(b))) {
      flush();
      blocks.push({ text: '', kind: 'rule', level: 0, linkShare: 0, line: n, gapBefore: true });
      seenContent = true;
      if (!nested) listIndents.length = 0;
      blankBefore = false;
      continue;
    }
    if (line.includes('|') && i + 1 < lines.length && lines[i + 1]!.includes('-') && lines[i + 1]!.includes('|') && TABLE_DELIMITER.test(lines[i + 1]!)) {
      flush();
      const rows = [line];
      let j = i + 2;
      for (; j < lines.length && lines[j]!.trim() !== ''; j++) rows.push(quote ? lines[j]!.replace(/^(?: {0,3}> ?)+/, '') : lines[j]!);
      rows.forEach((r, k) => {
        const acc: Inline = { text: '', link: 0, media: false };
        cells(r).forEach((cell, c) => {
          const x = inlineLinear(cell, defs, deps);
          if (c > 0) acc.text += ' | ';
          acc.text += x.text;
          acc.link += x.link;
          acc.media ||= x.media;
        });
        acc.text = acc.text.replace(/^[\s|]+|[\s|]+$/g, '');
        push('table', 0, k === 0 ? n : n + k + 1, acc);
      });
      i = j - 1;
      blankBefore = false;
      continue;
    }
    if (para.length === 0 && b.length < 2000 && DEFINITION.test(b)) { blankBefore = false; continue; }
    if (para.length === 0 && HTML_START.test(b)) {
      // A raw HTML block runs to the next blank line.
      let j = i;
      const raw: string[] = [];
      for (; j < lines.length && lines[j]!.trim() !== ''; j++) raw.push(lines[j]!);
      const src = raw.join('\n');
      const parts = deps.htmlBlockLines(src);
      if (parts.length === 0 && /<img\b/i.test(src)) blocks.push({ text: '', kind: 'line', level: 0, linkShare: 0, line: n, gapBefore: true, flags: { media: true } });
      for (const p of parts) blocks.push({ text: p.text, kind: p.kind, level: p.level, linkShare: p.link, line: n, gapBefore: true });
      seenContent = true;
      i = j - 1;
      blankBefore = true;
      continue;
    }
    const item = LIST.exec(line);
    if (item && (item[3] !== undefined || para.length === 0) && !(para.length > 0 && /^\d/.test(item[2]!) && item[2] !== '1.' && item[2] !== '1)')) {
      flush();
      const indent = item[1]!.replace(/\t/g, '    ').length;
      while (listIndents.length > 0 && listIndents[listIndents.length - 1]! > indent) listIndents.pop();
      if (listIndents.length === 0 || listIndents[listIndents.length - 1]! < indent) listIndents.push(indent);
      const heading = ATX.exec(item[3] ?? '');
      if (heading) { push('heading', heading[1]!.length, n, inlineLinear(heading[2] ?? '', defs, deps)); blankBefore = false; continue; }
      para = [item[3] ?? ''];
      paraLine = n;
      paraKind = 'list-item';
      paraLevel = listIndents.length;
      blankBefore = false;
      continue;
    }
    if (para.length > 0) { para.push(line); blankBefore = false; continue; }
    // A new paragraph: inside the list when indented under it, after the list otherwise.
    if (listIndents.length > 0 && (nested || (!blankBefore && !quote))) {
      paraKind = 'list-item';
      paraLevel = listIndents.length;
    } else {
      listIndents.length = 0;
      paraKind = quote ? 'quote' : 'paragraph';
      paraLevel = 0;
    }
    para = [line];
    paraLine = n;
    blankBefore = false;
  }
  flush();
  return { blocks, yaml, jsonHeader };
}
