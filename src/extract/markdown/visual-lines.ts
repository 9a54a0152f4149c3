// A Markdown block's inline text as the lines a reader sees: a paragraph with hard breaks
// ("By Jane Doe  \nMay 5, 2016") is several visual lines, any other block one.
import { spaceRun } from '../../normalize/text.js';

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
