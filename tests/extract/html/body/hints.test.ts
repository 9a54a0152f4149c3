// What class and id names say about an element.
import { describe, expect, it } from 'vitest';
import { classWeight, isContentNamed } from '../../../../src/extract/html/body/hints.js';
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

describe('utility-class pages', () => {
  it('does not join a newsletter pitch styled with text utilities to the article (postlight mashable)', () => {
    const html = `<html><body><main class="max-w-8xl mx-auto"><article class="prose">${paragraphs()}</article></main>
      <div class="mt-20 px-6 text-center bg-gray-100"><h2>Sign up</h2><div class="text-left font-sans mt-4">By signing up to the newsletter you agree to receive electronic communications that may sometimes include advertisements or sponsored content</div></div></body></html>`;
    expect(bodyText(extract(html))).not.toContain('By signing up');
  });
});
