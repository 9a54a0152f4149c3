import { describe, expect, it } from 'vitest';
import { parseTextDump } from '../../src/extract/text/index.js';
import { LABELS } from '../../src/extract/dump/labels.js';
import { alignBlocks, matchTokens } from '../../src/learn/align.js';

const P1 = 'The city council voted on Tuesday to approve the new harbor plan after a long debate about costs and the schedule.';
const P2 = 'Residents who spoke at the meeting said they worried about traffic, noise and the loss of the old fishing piers.';
const P3 = 'The plan now goes to the state for review, which officials expect to take at least six months to complete.';
const DUMP = ['Home', 'News', 'Sports', '', 'Local Politics', '', 'Council Approves Harbor Plan', '',
  'A vote after months of delay', '', 'By Jane Doe', 'March 3, 2017', '', P1, '', P2, '', 'Share this story', '', P3, '', 'Contact Us', '© 2017 Example News'].join('\n');
const TRUTH = { headline: 'Council Approves Harbor Plan', deck: 'A vote after months of delay', tag: 'Local Politics', body: [P1, P2, P3].join('\n\n'), byline: 'Jane Doe' };

const labelled = (labels: Int8Array, texts: string[]) => texts.map((t, i) => `${labels[i]! < 0 ? '?' : LABELS[labels[i]!]}: ${t}`);

describe('alignBlocks', () => {
  const blocks = parseTextDump(DUMP).blocks;
  const texts = blocks.map((b) => b.text);

  it('labels each field and the body, leaving in-body chrome out', () => {
    const a = alignBlocks(blocks, TRUTH);
    const got = labelled(a.labels, texts);
    expect(got).toContain('tag: Local Politics');
    expect(got).toContain('headline: Council Approves Harbor Plan');
    expect(got).toContain('deck: A vote after months of delay');
    expect(got).toContain('meta: By Jane Doe');
    expect(got).toContain('meta: March 3, 2017');
    expect(got).toContain(`body: ${P1}`);
    expect(got).toContain(`body: ${P3}`);
    expect(got).toContain('chrome: Share this story');
    expect(got).toContain('chrome: Contact Us');
    expect(got).toContain('chrome: Home');
    expect(a.coverage).toBe(1);
    expect(a.clean).toBe(true);
  });

  it('does not train on blocks whose label the truth cannot tell', () => {
    const a = alignBlocks(blocks, { ...TRUTH, deck: undefined, tag: undefined });
    const got = labelled(a.labels, texts);
    expect(got).toContain('?: A vote after months of delay');
    expect(got).toContain('?: Local Politics');
    expect(got).toContain('headline: Council Approves Harbor Plan');
  });

  it('takes the copy of the headline that has the body below it', () => {
    const teaser = parseTextDump(['Council Approves Harbor Plan', 'Menu', DUMP, 'More stories', 'Council Approves Harbor Plan'].join('\n')).blocks;
    const a = alignBlocks(teaser, TRUTH);
    const h = [...a.labels].indexOf(LABELS.indexOf('headline'));
    expect(teaser[h + 1]!.text).toBe('A vote after months of delay');
  });

  it('leaves a page out when the truth body is not in the dump', () => {
    const a = alignBlocks(blocks, { ...TRUTH, body: 'Something else entirely was written here by somebody, at a different time and place.' });
    expect(a.coverage).toBe(0);
    expect(a.clean).toBe(false);
  });

  it('splits scripts without spaces into characters for matching', () => {
    expect(matchTokens('東京都 Tokyo')).toEqual(['東', '京', '都', 'tokyo']);
  });
});
