import { describe, expect, it } from 'vitest';
import { detectFormat, formatFromExtension } from '../../src/input/detect.js';

describe('detectFormat', () => {
  it('sniffs HTML whatever the extension says', () => {
    expect(detectFormat('<!DOCTYPE html><html><head><title>x</title></head><body><p>x</p></body></html>', 'page.txt')).toBe('html');
    expect(detectFormat('\n  <!-- saved from url=(0042) -->\n<html lang="en"><body>hi</body></html>')).toBe('html');
    expect(detectFormat('<?xml version="1.0"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN"><html>')).toBe('html');
  });

  it('treats a tag soup fragment as HTML', () => {
    const frag = '<div class="a"><h1>Title</h1><p>One</p><p>Two</p><p>Three</p><a href="/">x</a><span>y</span><br><img src="z"></div>';
    expect(detectFormat(frag)).toBe('html');
  });

  it('sniffs Markdown from front matter and structure when nothing says otherwise', () => {
    expect(detectFormat('---\ntitle: Hi\n---\n\nBody text.')).toBe('markdown');
    expect(detectFormat('# Title\n\nSome [link](https://example.com) and **bold**.\n\n- one\n- two\n')).toBe('markdown');
  });

  it('keeps a .md file Markdown and a plain dump text', () => {
    expect(detectFormat('Just a line of text.', 'note.md')).toBe('markdown');
    expect(detectFormat('Headline\n\nA paragraph of text. Another sentence here.\n\nContact Us', 'dump.txt')).toBe('text');
    expect(detectFormat('Headline\n\nA paragraph of text.\n\n- a list item in a text dump\n')).toBe('text');
  });

  it('a text dump that quotes some markup stays text (w3m prints stray tags as text)', () => {
    const dump = ['Menu', 'Headline of the story', ...Array.from({ length: 12 }, (_, i) => `Paragraph ${i} says <span class=x>something</span> and more words follow here.`), '<noun>', '</script>', '<html>', '<head>'].join('\n');
    expect(detectFormat(dump, 'page.txt')).toBe('text');
    expect(detectFormat(dump)).toBe('text');
  });

  it('a Markdown dump with a table kept as HTML stays Markdown; one that is all markup is HTML', () => {
    const md = ['# Title', '', 'Intro with a [link](https://example.com).', '', '<table><tbody><tr><td>a</td><td>b</td></tr>', '<tr><td>c</td><td>d</td></tr></tbody></table>', '', ...Array.from({ length: 10 }, (_, i) => `Paragraph ${i} with **bold** text and more words.`)].join('\n');
    expect(detectFormat(md, 'page.md')).toBe('markdown');
    const allMarkup = Array.from({ length: 20 }, (_, i) => `<tr><td class="c${i}"><a href="/x">cell</a></td><td><p>Text ${i}</p></td></tr>`).join('\n');
    expect(detectFormat(`<table>${allMarkup}</table>`, 'page.md')).toBe('html');
  });

  it('mentions of tags inside prose do not make a text dump HTML', () => {
    expect(detectFormat('The <p> element starts a paragraph, the author wrote.', 'dump.txt')).toBe('text');
  });
});

describe('formatFromExtension', () => {
  it('knows the default extensions, with and without .gz', () => {
    expect(formatFromExtension('a/B.HTML')).toBe('html');
    expect(formatFromExtension('a.xhtml.gz')).toBe('html');
    expect(formatFromExtension('a.markdown')).toBe('markdown');
    expect(formatFromExtension('a.text')).toBe('text');
    expect(formatFromExtension('a.pdf')).toBeNull();
  });
});
