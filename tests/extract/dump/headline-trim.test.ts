import { describe, expect, it } from 'vitest';
import { trimHeadline } from '../../../src/extract/dump/headline-trim.js';
import { P1, scoredOf } from './helpers.js';

const at = (lines: string[], i: number) => trimHeadline(lines[i]!, scoredOf(lines), i);

describe('trimHeadline', () => {
  it('takes off a breadcrumb trail flattened onto the headline without spaces', () => {
    expect(at(['HomeNews550 Kinder gezeugt: Gericht stoppt Samenspender', P1], 0)).toBe('550 Kinder gezeugt: Gericht stoppt Samenspender');
    expect(at(['ZprávyDomácíKauzyHlavní aktér Dozimetru prodává vilu', P1], 0)).toBe('Hlavní aktér Dozimetru prodává vilu');
  });
  it('keeps glued capitals that are a name, and a glued word whose rest is not a title', () => {
    expect(at(["McDonald's Raises Prices Again", P1], 0)).toBe("McDonald's Raises Prices Again");
    expect(at(['PlayStation5 review', P1], 0)).toBe('PlayStation5 review');
    expect(at(['YouTube Removes Thousands of Channels', P1], 0)).toBe('YouTube Removes Thousands of Channels');
  });
  it('takes the last item of a separated trail', () => {
    expect(at(['Home >> Recipes >> Cake Recipes >> Chocolate Buttercream Frosting Without Sugar', P1], 0)).toBe('Chocolate Buttercream Frosting Without Sugar');
    expect(at(['Home › World › Storm Floods the Coast Overnight', P1], 0)).toBe('Storm Floods the Coast Overnight');
    expect(at(['AC/DC Announce a New World Tour', P1], 0)).toBe('AC/DC Announce a New World Tour');
  });
  it('drops a site suffix only when a block beside it holds the bare title', () => {
    const lines = ["What's next for Gaza after the appointment? | CBC News", 'World', "What's next for Gaza after the appointment?", P1];
    expect(at(lines, 0)).toBe("What's next for Gaza after the appointment?");
    expect(at(["What's next for Gaza after the appointment? | CBC News", 'World', P1], 0)).toBe("What's next for Gaza after the appointment? | CBC News");
    expect(at(['Rückschlag im Titelkampf - Liverpool verliert bei Everton', P1], 0)).toBe('Rückschlag im Titelkampf - Liverpool verliert bei Everton');
  });
  it('drops an inline crumb or kicker when the bare title stands as a block nearby', () => {
    expect(at(['Home', 'Home Solar-powered streetlights boost local businesses', 'Solar-powered streetlights boost local businesses', P1], 1))
      .toBe('Solar-powered streetlights boost local businesses');
    expect(at(['Premier League Rückschlag im Titelkampf - Liverpool verliert', 'Rückschlag im Titelkampf - Liverpool verliert', P1], 0))
      .toBe('Rückschlag im Titelkampf - Liverpool verliert');
    expect(at(['Startseite Gesellschaft Rotary Club wählt einen neuen Präsidenten', P1, 'Rotary Club wählt einen neuen Präsidenten'], 0))
      .toBe('Rotary Club wählt einen neuen Präsidenten');
    // Without the bare title beside it, the line is kept as it is.
    expect(at(['Home Solar-powered streetlights boost local businesses', P1], 0)).toBe('Home Solar-powered streetlights boost local businesses');
  });
  it('keeps a headline whose tail is printed again on its own', () => {
    // The rest is not a title's start, or the prefix is not a label: one sentence.
    expect(at(['Die Schweiz ist ein großer Tummelplatz für Spione', 'ein großer Tummelplatz für Spione', P1], 0)).toBe('Die Schweiz ist ein großer Tummelplatz für Spione');
    expect(at(['Rückbau von Atomkraftwerk Kühltürme gesprengt am Morgen', 'Kühltürme gesprengt am Morgen', P1], 0)).toBe('Rückbau von Atomkraftwerk Kühltürme gesprengt am Morgen');
    expect(at(['For Holiday Parties This Year, Let’s Get Behind The Tee', 'Let’s Get Behind The Tee', P1], 0)).toBe('For Holiday Parties This Year, Let’s Get Behind The Tee');
    expect(at(["Lupita Nyong'o's Pearl Oscar Dress Stolen", 'Pearl Oscar Dress Stolen', P1], 0)).toBe("Lupita Nyong'o's Pearl Oscar Dress Stolen");
  });
});
