// Pathological input: deep nesting from broken markup, fragments without <body>, huge pages.
import { describe, expect, it } from 'vitest';
import { PROSE, extract, paragraphs } from './helpers.js';

describe('robustness', () => {
  it('survives nesting far deeper than the call stack, without gluing paragraphs', () => {
    const html = '<html><body>' + '<div>'.repeat(20000) + paragraphs() + '</div>'.repeat(20000) + '</body></html>';
    expect(extract(html).blocks).toEqual(PROSE);
  });
  it('survives thousands of unclosed inline tags', () => {
    const html = `<html><body><article>${'<font>x '.repeat(5000)}${paragraphs()}</article></body></html>`;
    expect(() => extract(html)).not.toThrow();
  });
  it('reads a fragment without <html> or <body> whole', () => {
    expect(extract(paragraphs(2)).blocks).toEqual(PROSE.slice(0, 2));
    expect(extract(`<p>${PROSE.join(' ')}</p>`).blocks).toEqual([PROSE.join(' ')]);
  });
  it('keeps a table at the start of an article (rows are not byline lines)', () => {
    const table = '<table><tr><th>Route</th><th>Stops</th></tr><tr><td>North line</td><td>14</td></tr></table>';
    expect(extract(`<html><body><article>${table}${paragraphs()}</article></body></html>`).blocks.slice(0, 2)).toEqual(['Route | Stops', 'North line | 14']);
  });
  it('returns nothing, without throwing, for empty and text-free pages', () => {
    expect(extract('').blocks).toEqual([]);
    expect(extract('<html><body><img src="a.jpg"><script>x()</script></body></html>').blocks).toEqual([]);
  });
  it('handles a 4 MB page in linear time', () => {
    const html = `<html><body><article>${paragraphs().repeat(4e6 / 1100)}</article></body></html>`;
    const t0 = performance.now();
    const r = extract(html);
    expect(r.blocks.length).toBeGreaterThan(10000);
    expect(performance.now() - t0).toBeLessThan(20_000);
  }, 30_000);
});
