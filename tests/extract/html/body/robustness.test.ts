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
  it('stays fast on deep chains of tiny boxes, control labels and link lists (bounded scans)', () => {
    const tiny = '<div class="x">'.repeat(3000) + '<span>ok</span>' + '</div>'.repeat(3000);
    const buttons = '<div role="button">'.repeat(3000) + '<span>Play</span>' + '</div>'.repeat(3000);
    const links = '<div class="y">'.repeat(2000) + '<ul>' + '<li><a href="/a">Link.</a> note.</li>'.repeat(2000) + '</ul>' + '</div>'.repeat(2000);
    const t0 = performance.now();
    const r = extract(`<html><body><article>${paragraphs(3)}${tiny}${buttons}${links}${paragraphs(3, 3)}</article></body></html>`);
    expect(r.blocks).toContain(PROSE[5]);
    expect(performance.now() - t0).toBeLessThan(10_000);
  }, 30_000);
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
