import { describe, expect, it } from 'vitest';
import { boilerplateMatcher, lineKey } from '../../../src/extract/boilerplate/index.js';
import PHRASES from '../../../src/extract/boilerplate/phrases.json' with { type: 'json' };

const m = boilerplateMatcher();

describe('boilerplate phrase list (data)', () => {
  it('covers the languages the held-out pages come in', () => {
    for (const lang of ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'ru', 'zh', 'ja', 'ar', 'pl', 'tr']) {
      const g = (PHRASES as unknown as Record<string, { line: string[] }>)[lang];
      expect(g?.line.length, lang).toBeGreaterThan(10);
    }
  });
  it('is lower case, so that entries match as written', () => {
    for (const [k, g] of Object.entries(PHRASES)) {
      if (k.startsWith('_')) continue;
      for (const list of Object.values(g as Record<string, string[]>)) for (const p of list) expect(p).toBe(p.toLowerCase());
    }
  });
});

describe('boilerplateMatcher', () => {
  it('matches whole short lines, ignoring bullets, counts and end punctuation', () => {
    expect(m.match('Contact Us')).toBe('line');
    expect(m.match('  • Share this »')).toBe('line');
    expect(m.match('19 Comments')).toBe('line');
    expect(m.match('Comments (19)')).toBe('line');
    expect(m.match('Kommentare')).toBe('line');
    expect(m.match('Tous droits réservés')).toBe('contains');
  });
  it('matches prefixes on short blocks only', () => {
    expect(m.match('Sign up for our daily newsletter')).toBe('prefix');
    expect(m.match('Lesen Sie auch: Die Bahn streikt wieder')).toBe('prefix');
    const long = 'Read more about how the council spent the money, ' + 'and why residents are angry about it, '.repeat(5);
    expect(m.match(long)).toBeNull();
  });
  it('finds copyright and cookie notices inside a line', () => {
    expect(m.match('© 2016 Cable News Network. A Time Warner Company. All Rights Reserved.')).toBe('contains');
    expect(m.match('Wir verwenden Cookies, um Ihnen das beste Erlebnis zu bieten.')).toBe('contains');
  });
  it('leaves article sentences alone', () => {
    expect(m.match('The mayor said the library would reopen before winter.')).toBeNull();
    expect(m.match('Share prices fell sharply on Monday after the announcement.')).toBeNull();
    expect(m.match('Home')).toBe('line');
    expect(m.match('Home prices rose again')).toBeNull();
  });
  it('knows stop headings that end an article', () => {
    expect(m.isStop('12 Comments')).toBe(true);
    expect(m.isStop('Related Articles')).toBe(true);
    expect(m.isStop('Ähnliche Artikel')).toBe(true);
    expect(m.isStop('The council approved the budget')).toBe(false);
  });
  it('adds user phrases as whole lines, and as prefixes with a trailing *', () => {
    const u = boilerplateMatcher(['Brought to you by Acme', 'Read the full story at*']);
    expect(u.match('Brought to you by ACME!')).toBe('line');
    expect(u.match('Read the full story at example.org')).toBe('prefix');
    expect(m.match('Brought to you by Acme Widgets Inc')).not.toBe('line');
  });
  it('normalizes keys the same way for phrases and text', () => {
    expect(lineKey('» Read More… ')).toBe('read more');
  });
});

describe('section labels and picture credits', () => {
  it('reads the label a section line names', () => {
    expect(m.sectionLabel('Filed to: money')).toBe('money');
    expect(m.sectionLabel('From the section US & Canada')).toBe('US & Canada');
    expect(m.sectionLabel('Rubrik: Wirtschaft')).toBe('Wirtschaft');
    expect(m.sectionLabel('The council filed to the court')).toBeNull();
  });
  it('spots picture credits as whole words, also glued to a caption', () => {
    expect(m.hasCredit('Rep. Mark Meadows. | Alex Wong/Getty Images')).toBe(true);
    expect(m.hasCredit('File photo of the president. (Reuters)')).toBe(true);
    expect(m.hasCredit('Media captionDrone footage shows burials')).toBe(true);
    expect(m.hasCredit('The battle of Gettysburg was fought in 1863')).toBe(false);
    expect(m.hasCredit('Safari users can update today')).toBe(false);
  });
});

describe('stops and disclosures', () => {
  it('does not take a key of printed data for a "Comments" heading', () => {
    expect(m.isStop('Comments')).toBe(true);
    expect(m.isStop('"Comment": {')).toBe(false);
  });
  it('knows outdated-browser notices and newsletter boxes', () => {
    expect(m.match('Thank you for visiting our site. You are using a browser version with limited support for CSS.')).toBe('contains');
    expect(m.match('Missing out on the latest developments? Enter your email below to receive future announcements direct to your inbox.')).toBe('contains');
    expect(m.match('Get the Most Popular Stories in a Weekly Newsletter')).toBe('contains');
  });
  it('takes a long block opening with a "Disclaimer:" label for boilerplate, not a short caveat', () => {
    const long = 'Disclaimer (varies based on content, section, category, etc.): News articles on this site may contain opinions of the author. ' + 'For more information please view our editorial policies. '.repeat(8);
    expect(long.length).toBeGreaterThan(400);
    expect(m.match(long)).toBe('prefix');
    expect(m.match('NOTE: The advertising disclaimer below does not apply to this article.')).toBe('contains');
    expect(m.match('Disclaimer: if you see different patch sizes when you press "update" manually, that is because we only do it in the background.')).toBeNull();
    // The word inside a sentence is not a label.
    expect(m.match('The disclaimer on the product said nothing about the risk, and the court found the company liable for the damage.')).toBeNull();
  });
  it('knows affiliate disclosures', () => {
    expect(m.match("Tom's Hardware is supported by its audience. When you purchase through links on our site, we may earn an affiliate commission. Learn more")).toBe('contains');
  });
});
