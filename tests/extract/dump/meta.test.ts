import { describe, expect, it } from 'vitest';
import { bylineOf, findDate, isDateLine, isMetaLine, isMetaText, isReadingTime, startsWithClock } from '../../../src/extract/dump/meta.js';
import { wordCountOf } from '../../../src/extract/dump/measure.js';

describe('dates', () => {
  it('finds the date in a dateline, with its time', () => {
    expect(findDate('by Ahiza Garcia February 1, 2016: 12:41 PM ET')).toBe('February 1, 2016: 12:41 PM ET');
    expect(findDate('AFP 30 avril 2015 à 07:19')).toBe('30 avril 2015 à 07:19');
    expect(findDate('08.04.2015 12:46')).toBe('08.04.2015 12:46');
    expect(findDate('2015年4月8日')).toBe('2015年4月8日');
  });
  it('does not invent dates from words and numbers', () => {
    expect(findDate('Apollo 2016')).toBeNull();
    expect(findDate('Route 66 in 2016')).toBeNull();
    expect(findDate('Top 100 Metal Vocalists')).toBeNull();
  });
  it('tells a dateline from a sentence that mentions a date', () => {
    expect(isDateLine('Sunday, May 8, 2016')).toBe(true);
    expect(isDateLine('Published Thursday 27 July 2017')).toBe(true);
    expect(isDateLine('On May 8, 2016 the council voted to close the library for good.')).toBe(false);
  });
});

describe('bylines and other header lines', () => {
  it('reads names after By/Von/Par, up to the date or a separator', () => {
    expect(bylineOf('By Maria Keller')).toBe('Maria Keller');
    expect(bylineOf('by Ahiza Garcia @ahiza_garcia February 1, 2016')).toBe('Ahiza Garcia');
    expect(bylineOf('Von Max Muster und Erika Mustermann')).toBe('Max Muster und Erika Mustermann');
    expect(bylineOf('By the end of the year the council had spent the money.')).toBeNull();
  });
  it('classifies reading times and combined datelines as metadata', () => {
    expect(isReadingTime('5 min read')).toBe(true);
    expect(isReadingTime('Lesezeit: 3 Minuten')).toBe(true);
    expect(isMetaLine('Tuesday 15 October 2019 by Bradley M. Kuhn', 7)).toBe(true);
    expect(isMetaLine('Le Monde | 04.05.2015 à 13h36 | Par Martin Untersinger', 9)).toBe(true);
    expect(isMetaLine('The council met on May 8, 2016 and voted to close the library.', 13)).toBe(false);
  });
});

describe('time stamps', () => {
  it('takes a line opening with a clock time as a ticker entry or stamp, not a sentence with a time in it', () => {
    expect(startsWithClock('14:44 Accusations de viols : 14 militaires mis en cause')).toBe(true);
    expect(startsWithClock('9:05 pm')).toBe(true);
    expect(startsWithClock('13h36')).toBe(true);
    expect(startsWithClock('At 14:44 the soldiers were accused.')).toBe(false);
    expect(startsWithClock('12:30:45 elapsed')).toBe(false);
    expect(isMetaLine('14:32 Un artiste arrêté pour avoir coloré un geyser', 9)).toBe(true);
  });
  it('no longer takes a fraction for a slide counter', () => {
    expect(isMetaLine('1/2 teaspoon ginger garlic paste', 5)).toBe(false);
  });
});

describe('isMetaText', () => {
  it('answers as isMetaLine with the classifier\'s word count, asked once or again', () => {
    const lines = ['By Jane Doe', 'Published 3 March 2021, 14:05', '14:44 Accusations de viols', '5 min read', 'JanBeek Jun 20th at 2:41 am', 'Sign up for our newsletter', 'The mayor said on Tuesday that the library would reopen.', ''];
    for (const t of [...lines, ...lines]) expect(isMetaText(t), t).toBe(isMetaLine(t, wordCountOf(t)));
    expect(isMetaText('By Jane Doe')).toBe(true);
    expect(isMetaText('Sign up for our newsletter')).toBe(false);
  });
});
