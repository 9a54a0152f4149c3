// Synthetic plain-text page dumps for the scale benchmark: the articles of ../shared/corpus/text
// dressed as full-page dumps of a few made-up news sites (menu, section, headline, byline, date,
// body, related links, footer) with variations, about 3 KB each. Deterministic: file i is always
// the same bytes, whatever n. Every file is distinct, and so is every article in it: each body
// mixes paragraphs of two source articles and carries a sentence no other file has, so a batch
// of n files is n new rows, not n files folding onto a few hundred articles.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../src/learn/random.js';

export interface SourceArticle { headline: string; paragraphs: string[] }

/** The corpus's text articles: first line the headline, then blank-line separated paragraphs. */
export function loadSourceArticles(dir: string): SourceArticle[] {
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => {
    const blocks = readFileSync(join(dir, f), 'utf8').replace(/\r\n?/g, '\n').split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean);
    const [headline = 'Untitled', ...paragraphs] = blocks;
    return { headline: headline.replace(/\s+/g, ' '), paragraphs };
  }).filter((a) => a.paragraphs.length >= 2);
}

const rng = seededRandom;

interface Site { name: string; menu: string[]; sections: string[]; footer: string[] }

const SITES: Site[] = [
  { name: 'The Northern Ledger', menu: ['Skip to content', 'Home News Sport Business Culture Opinion', 'Subscribe  Sign in', 'Search [                    ]'],
    sections: ['News', 'Politics', 'Business', 'Sport', 'Culture'], footer: ['About us · Contact us · Careers · Advertise', 'Terms of use · Privacy policy · Cookie settings', '© The Northern Ledger Ltd. All rights reserved.'] },
  { name: 'Riverside Daily', menu: ['Menu', '  • Local', '  • World', '  • Money', '  • Tech', '  • Arts', 'Newsletter  Log in'],
    sections: ['Local', 'World', 'Money', 'Tech', 'Arts'], footer: ['Riverside Daily', 'Contact Us', 'Corrections | Ethics policy | Accessibility', 'Copyright Riverside Media Group'] },
  { name: 'Metro Wire', menu: ['METRO WIRE', 'Latest | Top stories | Video | Podcasts', '[Search]'],
    sections: ['Latest', 'Economy', 'Entertainment', 'Science', 'Elections'], footer: ['Follow us: Facebook Twitter Instagram', 'Help centre  Site map  Archive', 'Metro Wire is a trading name of MW Publishing.'] },
  { name: 'Coastal Herald', menu: ['Coastal Herald', 'Today\'s paper  E-edition  Puzzles', 'News  Sport  Weather  Lifestyle  Jobs'],
    sections: ['News', 'Sport', 'Lifestyle', 'Weather', 'Business'], footer: ['Most read', 'Back to top', 'Contact Us · Advertise with us · Subscriptions', '© Coastal Herald Newspapers'] },
];

const AUTHORS = ['Jane Doe', 'Omar Haddad', 'Li Wei', 'Maria Rossi', 'Tom Baker', 'Aisha Bello', 'Pieter de Vries', 'Sofia Lind', 'Kenji Sato', 'Grace Okafor'];
const CITIES = ['Leeds', 'Cardiff', 'Glasgow', 'Bristol', 'Norwich', 'Belfast', 'Hull', 'Exeter', 'York', 'Derby', 'Bath', 'Perth'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const TARGET_BYTES = 3200;

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** Dump number i (0-based) of a run over `articles`. */
export function syntheticDump(articles: readonly SourceArticle[], i: number): string {
  const r = rng(i * 2654435761 + 1);
  const a = articles[i % articles.length]!;
  const b = articles[(i * 7 + 3 + Math.floor(i / articles.length)) % articles.length]!;
  const site = SITES[i % SITES.length]!;
  const section = pick(r, site.sections);
  const author = pick(r, AUTHORS);
  const day = 1 + Math.floor(r() * 28);
  const month = MONTHS[Math.floor(r() * 12)]!;
  const year = 2004 + Math.floor(r() * 20);
  const hh = String(Math.floor(r() * 24)).padStart(2, '0');
  const mm = String(Math.floor(r() * 60)).padStart(2, '0');
  const date = pick(r, [`${day} ${month} ${year}`, `${month} ${day}, ${year}`, `${year}-${String(MONTHS.indexOf(month) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`]);
  const byline = pick(r, [`By ${author}`, `${author}, ${pick(r, CITIES)} correspondent`, `Words: ${author}`]);
  const updated = pick(r, [`Published ${date}, ${hh}:${mm}`, `${date} · ${hh}:${mm}`, `Last updated ${date}`]);

  // The body: paragraphs of article a, one of b spliced in, and one sentence only this file has.
  const paras = [...a.paragraphs];
  paras.splice(1 + Math.floor(r() * (paras.length - 1)), 0, pick(r, b.paragraphs));
  const unique = `Figures released in ${pick(r, CITIES)} on ${day} ${month} put the number at ${(1000 + i * 37 % 90000).toLocaleString('en-GB')}, against ${(500 + i % 4999).toLocaleString('en-GB')} a year earlier (report ${i + 1}).`;
  paras.splice(Math.min(2, paras.length), 0, unique);
  const related = Array.from({ length: 3 }, () => pick(r, articles).headline);

  const head = [...site.menu, '', section, '', a.headline, '', byline, updated, ''];
  const tail = ['', 'Related stories', ...related.map((h) => `  • ${h}`), '', 'Share this article  Email  Print', '', ...site.footer, ''];
  const fixed = head.join('\n').length + tail.join('\n').length;
  // About TARGET_BYTES: whole paragraphs, at least three (the unique sentence among them).
  const body: string[] = [];
  let size = fixed;
  // Short source articles run on with b's other paragraphs.
  for (const p of [...paras, ...b.paragraphs.filter((x) => !paras.includes(x))]) {
    if (body.length >= 3 && size + p.length > TARGET_BYTES) break;
    body.push(p);
    size += p.length + 2;
  }
  return [...head, body.join('\n\n'), ...tail].join('\n');
}

/** Writes dumps 0..n-1 under dir in folders of 1000 (000/, 001/, …); returns the folders. */
export function writeSyntheticDumps(dir: string, articles: readonly SourceArticle[], n: number): string[] {
  const folders: string[] = [];
  for (let i = 0; i < n; i++) {
    if (i % 1000 === 0) {
      folders.push(join(dir, String(i / 1000).padStart(3, '0')));
      mkdirSync(folders.at(-1)!, { recursive: true });
    }
    writeFileSync(join(folders.at(-1)!, `dump-${String(i).padStart(6, '0')}.txt`), syntheticDump(articles, i));
  }
  return folders;
}
