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

/** Width the text was wrapped at, or 0 when it was not hard-wrapped. */
export function wrapWidth(lines: readonly string[]): number {
  const lens = lines.map((l) => l.trimEnd().length).filter((n) => n >= 20).sort((a, b) => a - b);
  if (lens.length < 8) return 0;
  const w = lens[Math.floor(lens.length * 0.98)]!;
  if (w > WIDE || w < 40) return 0;
  // Wrapped text has many lines close to the width; a clean dump of short paragraphs does not.
  const near = lens.filter((n) => n >= w - 18).length;
  return near >= lens.length * 0.3 ? w : 0;
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
    const clean = text.replace(/\s+/g, ' ').trim();
    const kind: BlockKind = first.rule ? 'rule' : cur.bullet ? 'list-item' : cur.lines.length > 1 ? 'paragraph' : 'line';
    blocks.push({
      text: first.rule ? '' : clean,
      kind,
      level: cur.bullet ? 1 + Math.min(5, Math.floor(first.indent / 3)) : 0,
      linkShare: markers ? (clean.length === 0 ? 0 : Math.min(1, linkChars / clean.length)) : null,
      line: first.n,
      gapBefore: gap,
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
      const full = prev.raw.length + 1 + firstWordLength(line.text) > width;
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
