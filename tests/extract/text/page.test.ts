import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractText } from '../../../src/extract/text/index.js';
import { DEFAULT_EXTRACT_OPTIONS, type ExtractOptions } from '../../../src/types.js';

const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, '../../fixtures/text', name), 'utf8');

describe('full-page w3m-style dump (self-made fixture)', () => {
  const x = extractText(fixture('page-dump.txt'), DEFAULT_EXTRACT_OPTIONS);
  const body = x.body.join('\n');
  it('finds headline, deck, kicker, byline and date around the article', () => {
    expect(x.headline).toBe('Glacier Loss Doubles in Alpine Valleys, Survey Finds');
    expect(x.deck).toBe('Researchers measured twice the expected retreat over a single summer');
    expect(x.tag).toBe('Science');
    expect(x.byline).toBe('Maria Keller');
    expect(x.published).toMatch(/^March 3, 2021/);
  });
  it('keeps the article paragraphs and its subheading', () => {
    expect(body).toContain('Scientists from three universities said on Tuesday');
    expect(body).toContain('What comes next');
    expect(x.body[x.body.length - 1]).toBe('Local authorities have already closed two hiking routes where the ice had become unstable.');
  });
  it('leaves out the menu, share bar, ads, related stories, comments and footer', () => {
    for (const junk of ['Sign in', 'Tweet', 'Advertisement', 'Related stories', 'Ski resorts', 'Comments', 'This is alarming', 'Contact us', 'All rights reserved']) {
      expect(body, junk).not.toContain(junk);
    }
    expect(x.notArticle).toBeFalsy();
  });
});

describe('hard-wrapped lynx dump (self-made fixture)', () => {
  const x = extractText(fixture('lynx-page.txt'), DEFAULT_EXTRACT_OPTIONS);
  it('joins wrapped lines back into paragraphs and drops link markers', () => {
    expect(x.body).toHaveLength(4);
    expect(x.body[1]).toBe('The survey, which combined drone photography with stake measurements taken every two weeks, covered forty glaciers in Switzerland, Austria and Italy, and found that the smallest of them had lost more than a fifth of their volume.');
    expect(x.body.join(' ')).not.toMatch(/\[\d+\]/);
  });
  it('reads the headline and byline and ignores the References list', () => {
    expect(x.headline).toBe('Glacier Loss Doubles in Alpine Valleys, Survey Finds');
    expect(x.byline).toBe('Maria Keller');
    expect(x.body.join(' ')).not.toContain('https://');
  });
});

describe('options', () => {
  const text = fixture('page-dump.txt');
  it('user boilerplate phrases remove lines the built-in list keeps', () => {
    const rules: ExtractOptions = { ...DEFAULT_EXTRACT_OPTIONS, rules: { boilerplate: ['What comes next'] } };
    expect(extractText(text, rules).body).not.toContain('What comes next');
    expect(extractText(text, DEFAULT_EXTRACT_OPTIONS).body).toContain('What comes next');
  });
  it('precision mode drops short non-sentence lines, recall mode keeps them', () => {
    const precise = extractText(text, { ...DEFAULT_EXTRACT_OPTIONS, mode: 'precision' }).body;
    const recall = extractText(text, { ...DEFAULT_EXTRACT_OPTIONS, mode: 'recall' }).body;
    expect(precise).not.toContain('What comes next');
    expect(recall.length).toBeGreaterThanOrEqual(precise.length);
  });
  it('fallbackTag is used only when the dump shows no tag', () => {
    const withFallback = { ...DEFAULT_EXTRACT_OPTIONS, fallbackTag: 'science-folder' };
    expect(extractText(text, withFallback).tag).toBe('Science');
    const plain = 'A Headline For A Plain Story\n\nThe first paragraph of a plain story, long enough to be read as prose by anyone.\n\nThe second paragraph of the same plain story, also long enough to count as prose.\n';
    const x = extractText(plain, withFallback);
    expect(x.tag).toBe('science-folder');
    expect(x.provenance.tag).toBe('folder');
  });
});

describe('clean text and empty pages', () => {
  it('reads a clean dump: first line headline, everything else body, closing list included', () => {
    const clean = 'Cup draw pairs holders with rivals\n\nThe holders were drawn against their oldest rivals in the third round of the cup on Sunday, setting up a repeat of last year\'s final.\n\nThe full draw for the third round was as follows:\n\nArsenal v Stoke\n\nLeeds v Derby\n';
    const x = extractText(clean, DEFAULT_EXTRACT_OPTIONS);
    expect(x.headline).toBe('Cup draw pairs holders with rivals');
    expect(x.deck).toBeNull();
    expect(x.body).toEqual([
      'The holders were drawn against their oldest rivals in the third round of the cup on Sunday, setting up a repeat of last year\'s final.',
      'The full draw for the third round was as follows:', 'Arsenal v Stoke', 'Leeds v Derby',
    ]);
  });
  it('marks a page of menus only as not an article', () => {
    const menu = ['Home', 'News', 'Sport', 'Weather', 'Contact us', 'Privacy policy', '© 2024 Example'].join('\n');
    const x = extractText(menu, DEFAULT_EXTRACT_OPTIONS);
    expect(x.notArticle).toBe(true);
  });
});

describe('lynx apostrophes', () => {
  it('reads U+02BC beside Latin letters as the apostrophe lynx printed it for', () => {
    const x = extractText(`Whatʼs the Hold-Up at SpaceX?\n\nItʼs been a rough few months for the company, and the launch schedule has slipped again this week.\n\nEngineers say the companyʼs new engine still needs a long series of tests before it can fly with people on board.\n\nThe delays have not changed the agencyʼs plans for the next crewed mission, officials said on Monday.`, DEFAULT_EXTRACT_OPTIONS);
    expect(x.headline).toBe("What's the Hold-Up at SpaceX?");
    expect(x.body.join(' ')).toContain("It's been a rough few months");
  });
  it('leaves U+02BC between Cyrillic letters (the Ukrainian apostrophe) alone', () => {
    const x = extractText(`Мʼясо подорожчало\n\n${'Ціни на мʼясо зросли вже втретє за рік, повідомляє статистичне бюро у своєму звіті. '.repeat(3)}`, DEFAULT_EXTRACT_OPTIONS);
    expect(x.headline).toBe('Мʼясо подорожчало');
  });
});
