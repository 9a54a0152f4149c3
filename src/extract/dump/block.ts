// The common model of a dump: plain-text lines and Markdown blocks both become a sequence of
// Blocks, and one extractor (./article.ts) finds the article in that sequence. Whatever a format
// knows beyond the text (Markdown knows headings and link text; plain text only has line
// shapes) is carried here so the extractor can use it without knowing the format.

export type BlockKind =
  | 'line' // one visual line of a dump that was not joined with others
  | 'paragraph'
  | 'heading'
  | 'list-item'
  | 'quote'
  | 'code'
  | 'table'
  | 'rule'; // a horizontal rule or separator line: no text, only a boundary

export interface Block {
  /** Inline text, whitespace collapsed; links are their text, images dropped. */
  text: string;
  /**
   * The text as the body shows it, set only when it differs from `text`: the same characters,
   * a no-break space the dump put between two words kept where `text` has a plain one. The
   * rules read `text`, so how a page encoded its spaces never changes a label.
   */
  shown?: string;
  kind: BlockKind;
  /** Heading level 1–6 for headings, list nesting depth (1 = top) for list items, else 0. */
  level: number;
  /**
   * Share of the characters that are link text, 0–1; null when the format cannot tell
   * (plain text without link markers).
   */
  linkShare: number | null;
  /** 1-based line in the source where the block starts, for provenance ("text:line-3"). */
  line: number;
  /** Preceded by a blank line (or is the first block): a standalone line in a dump. */
  gapBefore: boolean;
  /** Format hints that the shared extractor may use. */
  flags?: BlockFlags;
}

export interface BlockFlags {
  /** The block is (or only holds) a media placeholder: "[photo]", an image alt text. */
  media?: boolean;
  /** Emphasised as a whole (Markdown `*…*`/`**…**`), as decks and kickers often are. */
  emphasis?: boolean;
}

export const isRule = (b: Block): boolean => b.kind === 'rule';

/** What a body paragraph made of this block reads: its no-break spaces kept. */
export const shownText = (b: Block): string => b.shown ?? b.text;
