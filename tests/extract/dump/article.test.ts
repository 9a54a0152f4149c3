import { describe, expect, it } from 'vitest';
import { proseVocabulary, ruleLayout } from '../../../src/extract/dump/article.js';
import { DEFAULT_EXTRACT_OPTIONS } from '../../../src/types.js';
import { blocks } from './helpers.js';
import { contentTokens } from '../../../src/extract/dump/measure.js';
import type { Scored } from '../../../src/extract/dump/classify.js';
import { P1, P2, P3, scoredOf } from './helpers.js';

/** What the vocabulary was before: the tokens of the prose texts joined by spaces. */
function joinedVocabulary(scored: readonly Scored[], start: number, end: number): string[] {
  let text = '';
  for (let i = start; i <= end && text.length < 2500; i++) if (scored[i]!.cls === 'prose') text += ' ' + scored[i]!.block.text;
  return [...new Set(contentTokens(text))];
}

describe('proseVocabulary', () => {
  it('holds the tokens of the prose blocks, in order, as tokenizing their joined text does', () => {
    const greek = 'Ο ΠΡΩΘΥΠΟΥΡΓΟΣ ΕΙΠΕ ΟΤΙ Η ΚΥΒΕΡΝΗΣΗ ΘΑ ΣΥΝΕΧΙΣΕΙ ΤΙΣ ΜΕΤΑΡΡΥΘΜΙΣΕΙΣ, ΑΝ ΚΑΙ ΟΙ ΣΥΝΔΙΚΑΤΟΙ ΔΙΑΜΑΡΤΥΡΟΝΤΑΙ ΕΔΩ ΚΑΙ ΜΗΝΕΣ ΣΤΟΥΣ ΔΡΟΜΟΥΣ.';
    const cjk = '東京都は月曜日、新しい図書館を来年春に開館すると発表した。建設費は約三十億円で、蔵書は五十万冊を予定している。関係者によると、地域の住民の要望が強かったという。';
    const scored = scoredOf(['Menu', P1, 'Share', greek, cjk, P2, P3]);
    expect(scored.filter((s) => s.cls === 'prose').length).toBeGreaterThanOrEqual(4);
    for (const [a, b] of [[0, 6], [1, 4], [3, 3], [2, 1]] as const) {
      expect([...proseVocabulary(scored, a, b)]).toEqual(joinedVocabulary(scored, a, b));
    }
    expect(proseVocabulary(scored, 0, 6).has('glaciers')).toBe(true);
  });

  it('stops after about 2,500 characters of prose, block by block', () => {
    const paras = Array.from({ length: 30 }, (_, i) => `${P1} Paragraph marker${String.fromCharCode(97 + (i % 26))}${i} closes it.`);
    const scored = scoredOf(paras);
    const vocab = proseVocabulary(scored, 0, scored.length - 1);
    expect([...vocab]).toEqual(joinedVocabulary(scored, 0, scored.length - 1));
    expect(vocab.has('markera0')).toBe(true);
    expect(vocab.has('markerd29')).toBe(false);
  });
});

describe('ruleLayout runVocabulary', () => {
  const ctx = { prefix: 'text' as const, plainText: true, meta: null };
  it('is the vocabulary of the run as it ended up, for the features to reuse', () => {
    const lines = ['Home News Sport', '', 'Glacier loss doubles in the Alps', 'By Jane Doe', P1, P2, P3, 'Related stories', '* Other story one', '* Other story two'];
    const { layout } = ruleLayout(blocks(lines), DEFAULT_EXTRACT_OPTIONS, ctx);
    expect(layout.run).not.toBeNull();
    expect(layout.runVocabulary).not.toBeNull();
    expect([...layout.runVocabulary!]).toEqual([...proseVocabulary(layout.scored, layout.run!.start, layout.run!.end)]);
  });
  it('is null when the headline was stated (the finder built none)', () => {
    const meta = { fields: { headline: 'Glacier loss doubles in the Alps' }, source: 'text:header' };
    const { layout } = ruleLayout(blocks(['Glacier loss doubles in the Alps', P1, P2, P3]), DEFAULT_EXTRACT_OPTIONS, { ...ctx, meta });
    expect(layout.runVocabulary).toBeNull();
  });
});
