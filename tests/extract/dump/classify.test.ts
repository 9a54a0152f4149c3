import { describe, expect, it } from 'vitest';
import { boilerplateMatcher } from '../../../src/extract/boilerplate/index.js';
import { P1, P2, scoredOf } from './helpers.js';

describe('captions and credits', () => {
  it('takes the alt text printed above a credited caption for that caption', () => {
    const s = scoredOf([P1, 'Striking members of the union at the college last year.', '[ ]', 'Striking members of the union at the college last year. Photograph: Guy Smallman/Getty Images', P2]);
    expect(s.map((x) => x.credit)).toEqual([false, true, false, true, false]);
  });
  it('does not take a news agency in a dateline for a picture credit', () => {
    const [lead] = scoredOf(['WASHINGTON (Reuters) - The U.S. Federal Reserve raised interest rates on Wednesday and signaled a faster pace of increases in 2017.']);
    expect(lead!.credit).toBe(false);
    expect(scoredOf(['Police at the scene on Monday. (Reuters)'])[0]!.credit).toBe(true);
  });
});

describe('newsletter pitches', () => {
  it('are boilerplate', () => {
    expect(boilerplateMatcher().match("Get The Daily Edition by email and never miss our top stories Free Sign Up")).toBe('contains');
  });
});
