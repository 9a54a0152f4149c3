// Pathological Markdown and text dumps (issue 9): shapes no article has, at sizes that made the
// Markdown parser super-linear. Shared by `npm run bench` (time) and tests (output sanity).
const P = (i: number) => `The harbour project reached stage ${i} on Monday morning, three weeks earlier than planned, after engineers finished replacing corroded cables along the northern span.`;
export const PATHOLOGICAL_BODY = [0, 1, 2, 3].map(P).join('\n\n');

export interface Pathological { name: string; markdown: string; text: string }

export function pathologicalCases(scale = 1): Pathological[] {
  const n = (k: number) => Math.max(1, Math.round(k * scale));
  const range = (k: number) => Array.from({ length: n(k) }, (_, i) => i);
  const md = (middle: string) => `# Harbour works finish early\n\n${PATHOLOGICAL_BODY}\n\n${middle}\n\n${PATHOLOGICAL_BODY.replace(/stage/g, 'phase')}\n`;
  // Text dumps of the same pages as a text browser writes them: "[12]" before each link, the
  // URLs in a numbered "References" list at the end.
  const text = (middle: string, references = '') => `Harbour works finish early\n\n${PATHOLOGICAL_BODY}\n\n${middle}\n\n${PATHOLOGICAL_BODY.replace(/stage/g, 'phase')}\n${references}`;
  const refList = (k: number) => `\nReferences\n\n${range(k).map((i) => `${String(i + 1).padStart(6)}. https://example.com/p/${i}`).join('\n')}\n`;
  return [
    {
      name: `${n(100_000)}-link line`,
      markdown: md(range(100_000).map((i) => `[link ${i}](https://example.com/p/${i})`).join(' ')),
      text: text(range(100_000).map((i) => `[${i + 1}]link ${i}`).join(' '), refList(100_000)),
    },
    {
      name: `${n(60_000)}-row table`,
      markdown: md(['| Year | Place | Value |', '| --- | --- | ---: |', ...range(60_000).map((i) => `| ${1900 + (i % 120)} | Town ${i} | ${i * 7} |`)].join('\n')),
      text: text(['Year   Place        Value', ...range(60_000).map((i) => `${1900 + (i % 120)}   ${`Town ${i}`.padEnd(12)} ${String(i * 7).padStart(6)}`)].join('\n')),
    },
    {
      name: `${n(50_000)} reference links`,
      markdown: md(`${range(50_000).map((i) => `[story ${i}][r${i}]`).join(' ')}\n\n${range(50_000).map((i) => `[r${i}]: https://example.com/story/${i} "Story ${i}"`).join('\n')}`),
      text: text(range(50_000).map((i) => `[${i + 1}]story ${i}`).join('\n'), refList(50_000)),
    },
  ];
}
