// User rules (remove selectors, body selectors, extra phrases) and the precision/recall switch.
import { describe, expect, it } from 'vitest';
import { PROSE, bodyText, extract, page, paragraphs } from './helpers.js';

describe('rules.remove', () => {
  it('removes matching elements before scoring', () => {
    const html = page(`<article>${paragraphs(3)}<div class="weekend-box"><p>Buy the weekend edition now, with a free tote bag, while stocks last.</p></div>${paragraphs(3, 3)}</article>`);
    expect(bodyText(extract(html))).toContain('tote bag');
    expect(bodyText(extract(html, { rules: { remove: ['.weekend-box'] } }))).not.toContain('tote bag');
  });
  it('ignores invalid selectors', () => {
    const r = extract(page(`<article>${paragraphs()}</article>`), { rules: { remove: ['[[[', 'p:nonsense('] } });
    expect(r.blocks).toEqual(PROSE);
  });
});

describe('rules.selectors.body', () => {
  const html = page(`<div class="story">${paragraphs(2)}</div><div class="main-text">${paragraphs(4, 2)}</div>`);
  it('takes the selected container as the body', () => {
    const r = extract(html, { rules: { selectors: { body: ['.story'] } } });
    expect(r.rule).toBe('selector');
    expect(r.blocks).toEqual(PROSE.slice(0, 2));
  });
  it('tries selectors in order and falls back to scoring when none matches', () => {
    expect(extract(html, { rules: { selectors: { body: ['.nothing', '.story'] } } }).blocks).toEqual(PROSE.slice(0, 2));
    const r = extract(html, { rules: { selectors: { body: ['.nothing', '#nope'] } } });
    expect(r.rule).toMatch(/^score:/);
    expect(r.blocks.length).toBeGreaterThanOrEqual(4);
  });
  it('keeps only the outermost of nested matches', () => {
    const r = extract(page(`<div class="x"><div class="x">${paragraphs(2)}</div></div>`), { rules: { selectors: { body: ['.x'] } } });
    expect(r.blocks).toEqual(PROSE.slice(0, 2));
  });
});

describe('rules.boilerplate', () => {
  it('drops user phrases as whole blocks', () => {
    const html = page(`<article>${paragraphs()}<p>Filed from the Transit Desk</p></article>`);
    expect(bodyText(extract(html))).toContain('Transit Desk');
    expect(bodyText(extract(html, { rules: { boilerplate: ['Filed from the Transit Desk'] } }))).not.toContain('Transit Desk');
  });
});

describe('modes', () => {
  // A box with a sixth of its text in links: balanced keeps it, precision drops it.
  const box = `<div><p>Ticket prices will stay the same, the council said, and <a href="/fares">the new fare table</a> will be published next week.</p></div>`;
  const html = page(`<article>${paragraphs(3)}${box}${paragraphs(3, 3)}</article>`);
  it('precision prunes harder than balanced, recall keeps at least as much', () => {
    const balanced = bodyText(extract(html));
    const precision = bodyText(extract(html, { mode: 'precision' }));
    const recall = bodyText(extract(html, { mode: 'recall' }));
    expect(balanced).toContain('Ticket prices');
    expect(precision).not.toContain('Ticket prices');
    expect(recall).toContain('Ticket prices');
    for (const p of PROSE) expect(precision).toContain(p);
  });
});
