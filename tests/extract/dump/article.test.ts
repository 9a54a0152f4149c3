import { describe, expect, it } from 'vitest';
import { proseVocabulary } from '../../../src/extract/dump/article.js';
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
