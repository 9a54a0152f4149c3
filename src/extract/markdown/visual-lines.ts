// A Markdown block's inline text as the lines a reader sees: a paragraph with hard breaks
// ("By Jane Doe  \nMay 5, 2016") is several visual lines, any other block one. Both Markdown
// readers (the mdast walk in blocks.ts, the linear reader in lines.ts) build their blocks here.
import { spaceRun } from '../../normalize/text.js';
import type { Block, BlockKind } from '../dump/block.js';

export interface VisualLine {
  /** Spaces and tabs collapsed, no-break spaces as plain ones: what the rules read. */
  text: string;
  /** Set when the line has a lone no-break space between words, kept here for the body. */
  shown?: string;
}

const SPACES = /[ \t\r\f\v\u00a0]+/g;

export function visualLines(inline: string, keepBreaks: boolean): { lines: VisualLine[]; chars: number } {
  const folded = inline.replace(SPACES, ' ').replace(/ ?\n ?/g, '\n').trim();
  // Same length as `folded`, character for character, so both split at the same newlines.
  const kept = inline.includes('\u00a0') ? inline.replace(SPACES, spaceRun).replace(/[ \u00a0]?\n[ \u00a0]?/g, '\n').trim() : null;
  const split = (s: string) => (keepBreaks ? s.split('\n') : [s.replace(/\n/g, ' ')]);
  const texts = split(folded);
  const shown = kept !== null && kept !== folded ? split(kept) : null;
  const lines = texts.map((text, k) => (shown && shown[k] !== text ? { text, shown: shown[k]! } : { text }));
  return { lines, chars: folded.length };
}

/** A block's inline text, its link characters and whether it held an image. */
export interface InlineText { text: string; link: number; media: boolean }

/** The blocks of one Markdown block: one per visual line, or an image placeholder. */
export function inlineBlocks(kind: BlockKind, level: number, line: number, acc: InlineText, emphasis: boolean): Block[] {
  const { lines: parts, chars } = visualLines(acc.text, kind === 'paragraph' || kind === 'quote');
  const share = Math.min(1, acc.link / (chars || 1));
  if (parts.every((p) => p.text === '')) {
    // Image-only paragraph: keep a placeholder so the body is not split around a figure.
    return acc.media ? [{ text: '', kind: 'line', level: 0, linkShare: share, line, gapBefore: true, flags: { media: true } }] : [];
  }
  const out: Block[] = [];
  parts.forEach((p, k) => {
    if (p.text === '') return;
    const block: Block = {
      text: p.text, kind: parts.length > 1 && kind === 'paragraph' ? 'line' : kind, level, linkShare: share,
      line: line + k, gapBefore: true, ...(emphasis ? { flags: { emphasis: true } } : {}),
    };
    // Set afterwards, not spread in: blocks built from one literal share one shape, and the
    // extractor reads them hundreds of thousands of times on a long dump.
    if (p.shown !== undefined) block.shown = p.shown;
    out.push(block);
  });
  return out;
}
