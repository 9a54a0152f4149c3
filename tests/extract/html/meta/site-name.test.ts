import { describe, expect, it } from 'vitest';
import { guessTitleHeadline, hostName, isSiteName, stripKnownSite, titleSegments } from '../../../../src/extract/html/meta/site-name.js';

describe('site names in titles', () => {
  it('splits at the separators sites use', () => {
    expect(titleSegments('A | B')).toEqual(['A', 'B']);
    expect(titleSegments('A – B — C')).toEqual(['A', 'B', 'C']);
    expect(titleSegments('A » B :: C · D')).toEqual(['A', 'B', 'C', 'D']);
    expect(titleSegments('long-term well-being')).toEqual(['long-term well-being']);
    expect(titleSegments('海外留学生看两会_教育频道_中国青年网')).toEqual(['海外留学生看两会', '教育频道', '中国青年网']);
  });

  it('recognizes a site name however it is spelled', () => {
    expect(isSiteName('TechCrunch', ['techcrunch'])).toBe(true);
    expect(isSiteName('The Verge', ['Verge'])).toBe(true);
    expect(isSiteName('Example.com', ['example'])).toBe(true);
    expect(isSiteName('Rates rise', ['example'])).toBe(false);
  });

  it('cuts known site names at either end, and only those', () => {
    expect(stripKnownSite('Rates rise again | Politics | Example News', ['Example News'])).toBe('Rates rise again | Politics');
    expect(stripKnownSite('Example News: Rates rise again', ['Example News'])).toBe('Rates rise again');
    expect(stripKnownSite('Coronavirus: New York ramps up burials', ['BBC'])).toBeNull();
    // a headline's own dash survives
    expect(stripKnownSite('Paris - the city that never sleeps - Example', ['example'])).toBe('Paris - the city that never sleeps');
  });

  it('guesses the headline part when the site is unknown', () => {
    expect(guessTitleHeadline('How the mayor lost the vote | The Daily Planet')).toBe('How the mayor lost the vote');
    expect(guessTitleHeadline('Paris: a city in three walks')).toBe('Paris: a city in three walks');
  });

  it('names a site from its host', () => {
    expect(hostName('https://www.news.example.co.uk/a/b')).toBe('example');
    expect(hostName('https://www.theverge.com/x')).toBe('theverge');
    expect(hostName('not a url')).toBeNull();
  });
});
