import { describe, expect, it } from 'vitest';
import { boilerplateMatcher } from '../../../src/extract/boilerplate/index.js';
import { leadStart } from '../../../src/extract/dump/body.js';
import { bioName, closingBio } from '../../../src/extract/dump/tail.js';
import { extractText } from '../../../src/extract/text/index.js';
import { DEFAULT_EXTRACT_OPTIONS } from '../../../src/types.js';
import { P1, P2, P3, scoredOf } from './helpers.js';

const m = boilerplateMatcher();
const run = (n: number) => ({ start: 0, end: n - 1, prose: 1 });
const P4 = 'Officials said the closures would remain in place until engineers had inspected every slope, which could take until the end of the season.';
const BIO = 'Maria Keller is a senior writer covering climate science. She was previously an editor at a science magazine in Zurich.';

describe('closing author bio', () => {
  it('reads a name followed by a bio verb, in several languages', () => {
    expect(bioName(BIO, m)).toEqual(['maria', 'keller']);
    expect(bioName('TIM ANDERSON has done many amazing things in his short life.', m)).toEqual(['tim', 'anderson']);
    expect(bioName('Jean Dupont est journaliste au service science depuis 2010.', m)).toEqual(['jean', 'dupont']);
    expect(bioName('Scientists from three universities said on Tuesday that glaciers shrank.', m)).toBeNull();
  });
  it('cuts a bio set apart from the article by its name line, with the label lines above it', () => {
    const s = scoredOf([P1, P2, P3, P4, 'Author', 'Maria Keller', BIO]);
    expect(closingBio(s, run(s.length), [], m)).toBe(4);
  });
  it('cuts a bio that names the byline even when a paragraph precedes it', () => {
    const s = scoredOf([P1, P2, P3, P4, BIO]);
    expect(closingBio(s, run(s.length), ['Maria Keller'], m)).toBe(4);
    // Without the byline, a last paragraph about a person is article text.
    expect(closingBio(s, run(s.length), [], m)).toBeNull();
  });
  it('does not take a sentence opening with a capitalised word and a verb for a bio', () => {
    for (const last of ['There’s a decided feel difference with the side rails of the phone too, which are sharper than before.', 'It is not clear how many of the glaciers will survive the next decade, the authors said in the report.']) {
      const s = scoredOf([P1, P2, P3, P4, '--', last]);
      expect(closingBio(s, run(s.length), [], m), last).toBeNull();
    }
  });
  it('does not take a last paragraph about the article\'s subject for a bio', () => {
    const shop = (t: string) => `At Dezuka Suisan ${t}`;
    const s = scoredOf([shop('the fish cakes come out of the fryer golden and hot, and the queue reaches the door.'), P1, shop('we tried six kinds of cake and everything was tasty, even the squid ones.'), P2, 'Review 8/10', 'Dezuka Suisan is a great place to get snacks for a long drive along the coast.']);
    expect(closingBio(s, run(s.length), [], m)).toBeNull();
  });
  it('takes the author from a bare name line of the header, and the earliest bio before the site\'s blurb', () => {
    const more = [P1, P2, P3, P4].map((p) => p.replace('.', ', the report says.'));
    const page = ['Glacier Loss Doubles in Alpine Valleys', '', 'Maria Keller', 'Science', '01.21.2020 07:00 AM', '', P1, '', P2, '', P3, '', P4, '', ...more.flatMap((p) => [p, '']),
      '* Want the best tools to stay warm? Check out our team’s picks for jackets, boots, gloves and the best thermal socks', '', BIO, '', 'Senior Writer', '',
      'GLACIERWIRE', 'GLACIERWIRE is where the future of ice is told. It is the essential source of news about frozen places and the people who study them.'];
    const x = extractText(page.join('\n'), DEFAULT_EXTRACT_OPTIONS);
    expect(x.body.join('\n')).not.toContain('senior writer covering');
    expect(x.body.join('\n')).toContain(P4);
  });
  it('leaves the bio out of a page dump', () => {
    const page = ['Glacier Loss Doubles in Alpine Valleys', '', 'By Maria Keller', '', P1, '', P2, '', P3, '', P4, '', 'Maria Keller', BIO, '', 'Contact us', 'Privacy policy'];
    const x = extractText(page.join('\n'), DEFAULT_EXTRACT_OPTIONS);
    expect(x.byline).toBe('Maria Keller');
    expect(x.body[x.body.length - 1]).toBe(P4);
  });
});

describe('leadStart', () => {
  it('starts the body at the first paragraph, past credits, bylines and subtitles the header left', () => {
    const s = scoredOf(['Warner Bros.', 'ByNatasha Daly', 'Electoral College picks Trump amid protests', P1, P2]);
    expect(leadStart(s, 0, s.length - 1)).toBe(3);
  });
  it('keeps a short sentence that opens the text', () => {
    const s = scoredOf(['Image of the author', 'Welcome to issue #130 of the newsletter.', P1, P2]);
    expect(leadStart(s, 0, s.length - 1)).toBe(1);
    const hi = scoredOf(['Image of the author', 'Hi everyone! 👋', 'Welcome to issue #130 of the newsletter.', P1, P2]);
    expect(leadStart(hi, 0, hi.length - 1)).toBe(1);
    const code = scoredOf(['import ctypes', 'return ctypes.cast(addr, ctypes.POINTER(type_))', P1]);
    expect(leadStart(code, 0, code.length - 1)).toBe(0);
  });
});
