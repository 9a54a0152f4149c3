// Tag of page dumps: the kicker or last breadcrumb above the headline, looked for past the
// lines that stand between (a dateline, a notice, a share row), and never the site's name or
// a row of toolbar words. Self-made pages.
import { describe, expect, it } from 'vitest';
import { isToolbarText } from '../../../src/extract/dump/fields/chrome.js';
import { findTag, firstCopy, notALabel, withoutStatus, withoutTrailRoot } from '../../../src/extract/dump/tag.js';
import { P1, P2, scoredOf } from './helpers.js';
import { fromText, textPage } from './fields/page.js';

const TITLE = 'Why Sourdough Starters Need Feeding Twice a Day';
const MENU = ['* Recipes\n* Techniques\n* Equipment\n* Bread Science\n* Shop'];

describe('dump tag', () => {
  it('reads a kicker set above the dateline that precedes the headline', () => {
    const x = fromText(textPage(['Bread Science', 'December 12, 2016 7:00 AM', TITLE], { menu: MENU }));
    expect(x.headline).toBe(TITLE);
    expect(x.tag).toBe('Bread Science');
  });

  it('reads a kicker above a notice line or a share row', () => {
    for (const between of ['This article is more than 5 years old', 'Share on Facebook Tweet Share Email']) {
      const x = fromText(textPage(['Starter Science', between, TITLE], { menu: MENU }));
      expect(x.tag, between).toBe('Starter Science');
    }
  });

  it('reads a kicker above a bare "Updated" line, but not a widget label above its "OK" button', () => {
    expect(fromText(textPage(['Bread Science\nUpdated', TITLE], { menu: MENU })).tag).toBe('Bread Science');
    expect(fromText(textPage(['Not now\nOK', TITLE], { menu: MENU })).tag).toBeNull();
  });

  it('passes a dateline set off by a bullet to the one-entry list above it', () => {
    const x = fromText(textPage([' 1. Bread Science', '· Posted on 3 Oct 2016', TITLE], { menu: MENU }));
    expect(x.tag).toBe('Bread Science');
  });

  it('passes a row of empty image bullets and a rule to the breadcrumb above them', () => {
    const x = fromText(textPage([' 1. Home\n 2. Food\n 3. Bread Science', '  •\n  •\n  •', '━━━━━━━━━━━━━━━━━━━━', 'October 22, 2019', TITLE], { menu: MENU }));
    expect(x.tag).toBe('Bread Science');
  });

  it('reads the current section printed again under the menu that lists it, but not a menu\'s last entry', () => {
    const menu = 'Starters\nFlours\nBread Science\nOvens\nBaking Pans';
    expect(fromText(textPage([`${menu}\nBread Science`, TITLE], { menu: MENU })).tag).toBe('Bread Science');
    expect(fromText(textPage([menu, TITLE], { menu: MENU })).tag).toBeNull();
  });

  it('drops a status word glued to the kicker', () => {
    expect(fromText(textPage(['Bread Science·Updated', TITLE], { menu: MENU })).tag).toBe('Bread Science');
    expect(withoutStatus('Opinion | Live')).toBe('Opinion');
    expect(withoutStatus('Food · Drink')).toBe('Food · Drink');
  });

  it('leaves a "Categories:" line between kicker zone and headline to the section rule', () => {
    const x = fromText(textPage(['Crumb Notes', 'Categories: News', TITLE], { menu: MENU }));
    expect(x.tag).toBe('News');
  });

  it('does not take the blog name over a date-first post, nor the name the copyright line gives', () => {
    expect(fromText(textPage(['Sourdough Notes', 'Sunday, May 8, 2016', TITLE], { menu: [] })).tag).toBeNull();
    const x = fromText(textPage(['* Recipes\n* Shop', 'Crumb Quarterly', 'Jane Doe/November 18, 2016', TITLE],
      { menu: ['Crumb Quarterly'], footer: ['Copyright 2022 © Crumb Quarterly. All rights reserved.'] }));
    expect(x.tag).toBeNull();
  });

  it('does not take a toolbar printed on one line', () => {
    expect(fromText(textPage(['Log out Sign in', TITLE])).tag).toBeNull();
    expect(isToolbarText('Log out Sign in')).toBe(true);
    expect(isToolbarText('Twitter Facebook Email')).toBe(true);
    expect(isToolbarText('Bread Science')).toBe(false);
    expect(isToolbarText('Share')).toBe(false); // one phrase is the phrase list's own business
  });

  it('reads a short breadcrumb list that follows a menu after a blank line', () => {
    const x = fromText(textPage(['* Home\n* Politics', TITLE], { menu: ['* Recipes\n* Techniques\n* Equipment\n* Politics\n* Shop'] }));
    expect(x.tag).toBe('Politics');
  });

  it('reads a three-entry trail of section names, not three topic links', () => {
    const trail = fromText(textPage(['* News\n* Baking\n* Baking News', TITLE], { menu: ['* News\n* Baking\n* Recipes'] }));
    expect(trail.tag).toBe('Baking News');
    const topics = fromText(textPage(['* Rye\n* Fermentation\n* Comings and Goings', TITLE], { menu: ['* News\n* Baking\n* Recipes'] }));
    expect(topics.tag).toBeNull();
  });

  it('does not take a button, a widget heading, a pager, a host name or a doubled name for the kicker', () => {
    for (const above of ['Join Today', 'take the tour', 'Responses', 'RSS Link', '« Vorige | Nächste »', 'ここから本文です', 'crumbquarterly.com', 'Jane DoeJane Doe', '(MAWD-lin) [sou]', 'a member']) {
      expect(fromText(textPage([above, TITLE], { menu: MENU })).tag, above).toBeNull();
    }
    expect(notALabel('Jane Doe Jane Doe')).toBe(true);
    for (const label of ['Bread Science', 'viral', 'U.S. News', 'Biz & IT']) expect(notALabel(label), label).toBe(false);
  });

  it('does not take a site name built on a host name for the kicker ("The Crumb.com Blog")', () => {
    expect(notALabel('The Crumb.com Blog')).toBe(true);
    for (const label of ['St. Louis', 'Node.js Tips', 'U.S. Politics']) expect(notALabel(label), label).toBe(false);
  });
});

describe('the tag past a repeated headline, and a trail without separators', () => {
  it('finds the first of the headline\'s copies printed one above the other', () => {
    const scored = scoredOf(['Follow us', '', 'Home', 'Beauty', TITLE, TITLE, P1, P2]);
    expect(firstCopy(scored, 5)).toBe(4);
    expect(firstCopy(scored, 4)).toBe(4);
    expect(findTag(scored, 4, TITLE)?.text).toBe('Beauty');
    // As a list's last entry the copy ends a breadcrumb: not passed.
    expect(firstCopy(scoredOf(['* Home', '* Beauty', `* ${TITLE}`, TITLE, P1]), 3)).toBe(3);
  });

  it('reads "Home News" as the trail it was, and keeps a label that starts with the word', () => {
    expect(withoutTrailRoot('Home News')).toBe('News');
    expect(withoutTrailRoot('Startseite Politik')).toBe('Politik');
    expect(withoutTrailRoot('Accueil › Monde')).toBe('Monde');
    expect(withoutTrailRoot('Home prices')).toBe('Home prices');
    expect(withoutTrailRoot('Homeland Security')).toBe('Homeland Security');
    expect(withoutTrailRoot('Home Is Where the Heart Is')).toBe('Home Is Where the Heart Is');
    expect(withoutTrailRoot('Politics')).toBe('Politics');
  });
});
