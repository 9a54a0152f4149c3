// Plain-text dump → blocks. Three shapes of text arrive here: clean dumps (one paragraph per
// line, blank lines between), page dumps from w3m or a browser's select-all (one line per
// visual block, menus as runs of short lines or bullets), and hard-wrapped dumps from lynx or
// mail (~79 columns, indented, paragraphs split over lines). Wrapped lines are joined back
// into paragraphs only when the wrap width proves they were wrapped; otherwise every line is
// its own block, because a menu entry glued onto the next line would look like prose.
import { joinWrappedLines, vocabularyOf } from '../../normalize/text.js';
import type { Block, BlockKind } from '../dump/block.js';
import { hasLinkMarkers, stripLinkMarkers } from './links.js';

interface Line {
  /** Line number, 1-based. */
  n: number;
  raw: string;
  indent: number;
  /** Text after indentation and bullet. */
  text: string;
  bullet: boolean;
  rule: boolean;
}

// Bullets of w3m (• ◦ □ ▪), lynx (* + o #), Markdown-ish text (- *), numbered lists.
const BULLET = /^([•◦▪▫●○■□◆◇‣⁃∙·*+#–-]|o(?=\s)|\d{1,3}[.)]|[a-z][.)](?=\s))\s+/u;
// A separator line: ━━━━, ----, ====, ____, * * *, ~~~~, ────.
const RULE = /^(?:[━─═—_=~*+#-]\s?){3,}$/u;
// A line that is only a bracketed placeholder or symbols (w3m images, form fields) is kept as
// its own block so the classifier can see it.
const WIDE = 110;
const WIDGETS = /\((?:BUTTON|IMAGE|INLINE|LINK|FORM)\)|\[(?:IMG|INLINE|BUTTON|LINK)\]|_{6,}|^\s*IFRAME:|\bIFRAME:\s*/g;

function parseLine(raw: string, n: number): Line {
  const trimmed = raw.trimEnd();
  const body = trimmed.replace(/^[\s\u00a0]+/u, '');
  const indent = trimmed.length - body.length;
  const rule = RULE.test(body);
  const m = rule ? null : BULLET.exec(body);
  // "1. Finland" is a list entry; "2016. The year…" is not (years are long numbers).
  const bullet = m !== null && (m[1] !== 'o' || indent >= 2) && body.length > m[0].length;
  return { n, raw: trimmed, indent, text: bullet ? body.slice(m![0].length) : body, bullet, rule };
}

/**
 * Width the text was wrapped at, or 0 when it was not hard-wrapped. Wrapped text has a sharp
 * edge: many lines end just short of the width and few go past it (the odd long URL does).
 */
export function wrapWidth(lines: readonly string[]): number {
  const lens = lines.map((l) => l.trimEnd().length).filter((n) => n >= 20);
  if (lens.length < 8) return 0;
  const hist = new Map<number, number>();
  for (const n of lens) hist.set(n, (hist.get(n) ?? 0) + 1);
  const count = (a: number, b: number) => { let c = 0; for (let n = a; n <= b; n++) c += hist.get(n) ?? 0; return c; };
  let best = 0, bestScore = 0;
  for (let w = 40; w <= WIDE; w++) {
    const score = count(w - 12, w) - 3 * count(w + 1, w + 12);
    if (score > bestScore) { bestScore = score; best = w; }
  }
  // Cut at the longest line within that edge.
  while (best > 40 && (hist.get(best) ?? 0) === 0) best--;
  // Page dumps with one line per paragraph have plenty of lines far past any edge.
  const beyond = lens.filter((n) => n > best + 12).length;
  return bestScore >= Math.max(8, lens.length * 0.1) && beyond <= lens.length * 0.05 ? best : 0;
}

function firstWordLength(text: string): number {
  return text.split(/\s+/, 1)[0]!.length;
}

/** Split into blocks. `vocabulary` (the document's words) guides hyphenation repair. */
export function textToBlocks(allLines: readonly string[], firstLine = 1): Block[] {
  const width = wrapWidth(allLines);
  const markers = allLines.some((l) => hasLinkMarkers(l));
  const vocab = width > 0 ? vocabularyOf(allLines.join('\n')) : undefined;
  const blocks: Block[] = [];
  let gap = true;
  let cur: { lines: Line[]; bullet: boolean; textIndent: number } | null = null;

  const flush = () => {
    if (!cur) return;
    const first = cur.lines[0]!;
    const joined = cur.lines.length === 1 ? first.text : joinWrappedLines(cur.lines.map((l) => l.text), vocab);
    const { text, linkChars } = markers ? stripLinkMarkers(joined) : { text: joined, linkChars: 0 };
    // Text-browser widgets: "(BUTTON) Search", "____________________", "IFRAME:".
    const clean = text.replace(WIDGETS, ' ').replace(/\s+/g, ' ').trim();
    const widgetOnly = clean === '' && text.trim() !== '';
    const kind: BlockKind = first.rule ? 'rule' : cur.bullet ? 'list-item' : cur.lines.length > 1 ? 'paragraph' : 'line';
    blocks.push({
      text: first.rule ? '' : clean,
      kind,
      level: cur.bullet ? 1 + Math.min(5, Math.floor(first.indent / 3)) : 0,
      linkShare: markers ? (clean.length === 0 ? 0 : Math.min(1, linkChars / clean.length)) : null,
      line: first.n,
      gapBefore: gap,
      ...(widgetOnly ? { flags: { media: true } } : {}),
    });
    gap = false;
    cur = null;
  };

  for (let i = 0; i < allLines.length; i++) {
    const line = parseLine(allLines[i]!, i + firstLine);
    if (line.text === '' && !line.rule) { flush(); gap = true; continue; }
    // Setext-style underline: the line above is a heading.
    if (line.rule && cur && cur.lines.length === 1 && !cur.bullet && /^[=-]+$/.test(line.text.replace(/\s/g, ''))) {
      const head = cur.lines[0]!;
      if (Math.abs(line.text.length - head.raw.trim().length) <= Math.max(3, head.raw.trim().length * 0.3)) {
        flush();
        const b = blocks[blocks.length - 1]!;
        b.kind = 'heading';
        b.level = line.text.startsWith('=') ? 1 : 2;
        continue;
      }
    }
    if (cur && width > 0 && !line.bullet && !line.rule) {
      const prev = cur.lines[cur.lines.length - 1]!;
      // Wrapped: the previous line was full (this line's first word would not have fitted),
      // and this line continues at the paragraph's text column.
      // Wrappers keep a small right margin and count some characters double (lynx and
      // multi-byte text), so "full" is within a few columns of the edge.
      const full = prev.raw.length + 1 + firstWordLength(line.text) > width - 8 || prev.raw.length >= width * 0.85;
      if (full && Math.abs(line.indent - cur.textIndent) <= 1) { cur.lines.push(line); continue; }
    }
    flush();
    cur = {
      lines: [line],
      bullet: line.bullet,
      textIndent: line.bullet ? line.raw.length - line.text.length : line.indent,
    };
    if (line.rule) flush();
  }
  flush();
  return blocks;
}
