import { describe, expect, it } from 'vitest';
import { visualLines } from '../../../src/extract/markdown/visual-lines.js';
import { markdownToBlocks } from '../../../src/extract/markdown/blocks.js';
import { shownText } from '../../../src/extract/dump/block.js';

describe('visualLines', () => {
  it('splits at hard breaks only when asked, and collapses spaces around them', () => {
    expect(visualLines(' By Jane  \n May 5 ', true)).toEqual({ lines: [{ text: 'By Jane' }, { text: 'May 5' }], chars: 13 });
    expect(visualLines('By Jane\nMay 5', false).lines).toEqual([{ text: 'By Jane May 5' }]);
  });
  it('gives the rules plain spaces and the body the no-break ones, line for line', () => {
    const { lines } = visualLines('10\u00a0km away\u00a0\nM.\u00a0\u00a0Dupont \u00a0said', true);
    expect(lines).toEqual([{ text: '10 km away', shown: '10\u00a0km away' }, { text: 'M. Dupont said' }]);
  });
});

describe('markdownToBlocks with no-break spaces', () => {
  it('keeps them in what the body shows, not in what the rules read', () => {
    const { blocks } = markdownToBlocks('The letter\u00a0threatened to cut off the funds.\n');
    expect(blocks[0]!.text).toBe('The letter threatened to cut off the funds.');
    expect(shownText(blocks[0]!)).toBe('The letter\u00a0threatened to cut off the funds.');
  });
});
