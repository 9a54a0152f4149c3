// Small page builders for the body extractor's tests: realistic prose so the scoring has
// something to vote on, wrapped in whatever chrome a test needs.
import { loadHtml } from '../../../../src/extract/html/load.js';
import { extractHtmlBody, type BodyResult } from '../../../../src/extract/html/body/index.js';
import { DEFAULT_EXTRACT_OPTIONS, type ExtractOptions } from '../../../../src/types.js';

export const PROSE = [
  'The city council voted on Tuesday to expand the bus network, adding four routes that will connect the northern suburbs with the hospital district, the university and the main railway station.',
  'Officials said the plan, which has been debated for almost two years, would cost about 14 million euros in its first phase, most of it paid for by a regional transport fund.',
  'Residents of the northern suburbs, many of whom commute for more than an hour each way, welcomed the decision, although some complained that the new timetable still ends too early in the evening.',
  'The opposition, which voted against the plan, argued that the money would be better spent on repairing existing roads, several of which have been closed for months because of flooding.',
  'Construction of the new stops is due to begin in the spring, and the first buses are expected to run before the end of next year, according to the council’s transport department.',
  'A spokeswoman for the bus operator said drivers had already been hired for two of the routes, and that the company was in talks with the unions about shift patterns for the others.',
];

/** n paragraphs of prose as <p> elements. */
export const paragraphs = (n = 6, from = 0): string =>
  Array.from({ length: n }, (_, i) => `<p>${PROSE[(from + i) % PROSE.length]}</p>`).join('\n');

/** A page: site chrome around `main`, with extra HTML after the article. */
export function page(main: string, extra = ''): string {
  return `<!doctype html><html><head><title>Buses</title><style>p { color: red }</style>
<script>var tracking = "Tracking script text that must never appear";</script></head><body>
<header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<div id="page"><main>${main}</main>${extra}</div>
<footer class="site-footer"><p>Copyright 2024 Example Media. All rights reserved.</p><ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li></ul></footer>
</body></html>`;
}

export function extract(html: string, options: Partial<ExtractOptions> = {}, hints = { headline: null as string | null, deck: null as string | null }): BodyResult {
  return extractHtmlBody(loadHtml(html), hints, { ...DEFAULT_EXTRACT_OPTIONS, ...options });
}

export const bodyText = (r: BodyResult): string => r.blocks.join('\n\n');
