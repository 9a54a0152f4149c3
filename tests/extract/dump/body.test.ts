import { describe, expect, it } from 'vitest';
import { cutAtStop, densestRun, isCleanDump, keepInBody, trimEdges } from '../../../src/extract/dump/body.js';
import { P1, P2, P3, scoredOf } from './helpers.js';

const MENU = ['* Home', '* News', '* Sport', '* Business', '* Weather', '* Culture'];

describe('densestRun', () => {
  it('finds the prose between menu and footer, bridging a caption and a subheading', () => {
    const s = scoredOf([...MENU, 'Glacier Loss Doubles', P1, 'A caption line', '# What next', P2, P3, 'Contact us', 'Privacy policy', '© 2021 Example']);
    const run = densestRun(s)!;
    expect(s[run.start]!.block.text).toBe(P1);
    expect(s[run.end]!.block.text).toBe(P3);
  });
  it('returns null when nothing is prose', () => {
    expect(densestRun(scoredOf(MENU))).toBeNull();
  });
});

describe('cutAtStop', () => {
  it('ends the article at a comments heading followed by comments', () => {
    const lines = [P1, P2, P3, '3 Comments', 'Anna B.', P1.replace('Scientists', 'Readers'), 'Reply', 'Tom R.', P2.replace('The survey', 'My survey'), 'Reply'];
    const s = scoredOf(lines);
    const run = cutAtStop(s, { start: 0, end: lines.length - 1, prose: 1 });
    expect(run.end).toBe(2);
  });
  it('does not cut at a sidebar heading when the article resumes after it', () => {
    const lines = [P1, P2, 'Most read', '* A teaser headline here', P3, P1 + ' Again.', P2 + ' Again.', P3 + ' Again.'];
    const s = scoredOf(lines);
    expect(cutAtStop(s, { start: 0, end: lines.length - 1, prose: 1 }).end).toBe(lines.length - 1);
  });
});

describe('trimEdges', () => {
  it('drops a list of promo blurbs that a menu separates from the article', () => {
    const promo = ['* Reporting on what you care about. We hold major institutions accountable and expose wrongdoing.', '* Self care and ideas to help you live a healthier, happier life, every single day.'];
    const lines = [...promo, ...MENU, ...MENU.map((m) => m + ' 2'), P1, P2, P3, P1, P2];
    const s = scoredOf(lines);
    const run = trimEdges(s, densestRun(s)!);
    expect(s[run.start]!.block.text).toBe(P1);
  });
});

describe('clean dumps and body filtering', () => {
  it('knows a clean article from a page dump', () => {
    expect(isCleanDump(scoredOf(['A Headline', P1, P2, P3, 'Arsenal v Stoke']))).toBe(true);
    expect(isCleanDump(scoredOf([...MENU, 'A Headline', P1, P2, 'Contact us', 'Privacy policy']))).toBe(false);
  });
  it('keeps prose and headings, drops boilerplate; short lines depend on the mode', () => {
    const [prose, boiler, short, heading] = scoredOf([P1, 'Advertisement', 'A caption line', '# Subheading']);
    expect(keepInBody(prose!, 'balanced')).toBe(true);
    expect(keepInBody(boiler!, 'recall')).toBe(false);
    expect(keepInBody(short!, 'balanced')).toBe(true);
    expect(keepInBody(short!, 'precision')).toBe(false);
    expect(keepInBody(heading!, 'precision')).toBe(true);
  });
});
