// What class and id names say about an element.
import { describe, expect, it } from 'vitest';
import { captionNamed, classWeight, contentNamed, isContentNamed, isHidden, nameFacts, unlikelyNamed } from '../../../../src/extract/html/body/hints.js';
import type { DomElement } from '../../../../src/extract/html/body/dom.js';
import { bodyText, extract, paragraphs } from './helpers.js';

const el = (attribs: Record<string, string>): DomElement => ({ type: 'tag', name: 'div', attribs, children: [], parent: null });

describe('classWeight', () => {
  it('scores content words up and boilerplate words down, on class and id separately', () => {
    expect(classWeight(el({ class: 'entry-content' }))).toBe(25);
    expect(classWeight(el({ class: 'related-posts' }))).toBe(-25);
    expect(classWeight(el({ class: 'post-body', id: 'comments' }))).toBe(0);
  });
  it('reads no content word into CSS text utilities (postlight mashable)', () => {
    expect(classWeight(el({ class: 'mt-4 text-center md:text-lg text-gray-700 font-sans' }))).toBe(0);
    expect(isContentNamed(el({ class: 'px-6 text-left text-black' }))).toBe(false);
    // A class that names the text is still content.
    expect(classWeight(el({ class: 'article-text text-left' }))).toBe(25);
    expect(classWeight(el({ class: 'text' }))).toBe(25);
  });
});

describe('nameFacts', () => {
  const facts = (attribs: Record<string, string>) => nameFacts(el(attribs));
  it('answers for class and id together, as one "class id" text', () => {
    expect(unlikelyNamed(facts({ class: 'comments' }))).toBe(true);
    expect(unlikelyNamed(facts({ id: 'sidebar' }))).toBe(true);
    expect(unlikelyNamed(facts({ class: 'Comment-List' }))).toBe(true);
    // A maybe-content word in the id saves a box the class calls unlikely.
    expect(unlikelyNamed(facts({ class: 'comments', id: 'main' }))).toBe(false);
    expect(contentNamed(facts({ class: 'entry-content' }))).toBe(true);
    // A boilerplate word in the id spoils a content-named class.
    expect(contentNamed(facts({ class: 'entry-content', id: 'sidebar' }))).toBe(false);
  });
  it('weighs class and id each on its own', () => {
    expect(classWeight(el({ class: 'entry-content', id: 'article-body' }))).toBe(50);
    expect(classWeight(el({ class: 'share', id: 'story' }))).toBe(0);
  });
  it('hides by a utility class in any case, never by the id', () => {
    expect(isHidden(el({ class: 'sr-only' }))).toBe(true);
    expect(isHidden(el({ class: 'box Hidden' }))).toBe(true);
    expect(isHidden(el({ id: 'hidden' }))).toBe(false);
    expect(isHidden(el({ class: 'hidden-xs' }))).toBe(false);
  });
  it('knows caption and credit names at the start of a word only', () => {
    expect(captionNamed(facts({ class: 'wp-caption-text' }))).toBe(true);
    expect(captionNamed(facts({ id: 'photo-credit' }))).toBe(true);
    expect(captionNamed(facts({ class: 'recaption' }))).toBe(false);
    expect(captionNamed(facts({}))).toBe(false);
  });
});

describe('utility-class pages', () => {
  it('does not join a newsletter pitch styled with text utilities to the article (postlight mashable)', () => {
    const html = `<html><body><main class="max-w-8xl mx-auto"><article class="prose">${paragraphs()}</article></main>
      <div class="mt-20 px-6 text-center bg-gray-100"><h2>Sign up</h2><div class="text-left font-sans mt-4">By signing up to the newsletter you agree to receive electronic communications that may sometimes include advertisements or sponsored content</div></div></body></html>`;
    expect(bodyText(extract(html))).not.toContain('By signing up');
  });
});
