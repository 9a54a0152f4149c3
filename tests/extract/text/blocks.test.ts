import { describe, expect, it } from 'vitest';
import { textToBlocks } from '../../../src/extract/text/blocks.js';
import { shownText } from '../../../src/extract/dump/block.js';

const texts = (t: string) => textToBlocks(t.split('\n')).map((b) => [b.kind, b.text]);

describe('textToBlocks: numbered lines', () => {
  it('keeps a number written at the start of the line (a rank, a step) as text', () => {
    expect(texts('The happiest countries:\n\n1. Finland\n2. Norway\n\n10. Sweden')).toEqual([
      ['line', 'The happiest countries:'], ['list-item', '1. Finland'], ['list-item', '2. Norway'], ['list-item', '10. Sweden'],
    ]);
    expect(texts('01. Robert Plant\n02. Rob Halford')).toEqual([['list-item', '01. Robert Plant'], ['list-item', '02. Rob Halford']]);
  });
  it('drops the numbers w3m right-aligns for an ordered list', () => {
    expect(texts(' 1. First step of the list\n 2. Second step\n10. Tenth step')).toEqual([
      ['list-item', 'First step of the list'], ['list-item', 'Second step'], ['list-item', 'Tenth step'],
    ]);
  });
});

describe('textToBlocks: no-break spaces', () => {
  it('reads them as plain spaces and shows a lone one between words as the dump had it', () => {
    const [b] = textToBlocks(['The letter\u00a0threatened to cut\u00a0 the funds.\u00a0']);
    expect(b!.text).toBe('The letter threatened to cut the funds.');
    expect(shownText(b!)).toBe('The letter\u00a0threatened to cut the funds.');
    expect(textToBlocks(['No such space here.'])[0]!.shown).toBeUndefined();
  });
});
