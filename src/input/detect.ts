// Format is sniffed from the content; the file extension only breaks ties, because scrapers
// save HTML as .txt and Markdown as .txt as often as not.
import type { Format } from '../types.js';

const HTML_START = /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|\?xml[^>]*>\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html))/i;
const HTML_TAGS = /<\/?(?:html|head|body|div|p|span|a|meta|title|script|article|section|table|br|h[1-6]|ul|li|img)\b[^>]*>/gi;

const MD_SIGNALS: RegExp[] = [
  /^#{1,6}\s+\S/gm, // ATX heading
  /\[[^\]\n]*\]\((?:https?:|\/|#|\.)[^)\s]*(?:\s+"[^"]*")?\)/g, // inline link
  /^\s{0,3}```/gm, // fence
  /^\s{0,3}(?:[-*+]|\d+\.)\s+\S/gm, // list item
  /^\s{0,3}>\s?\S/gm, // blockquote
  /^(?:=+|-+)\s*$/gm, // setext underline
  /\*\*[^*\n]+\*\*|__[^_\n]+__/g, // strong
];
const FRONT_MATTER = /^(?:\ufeff)?---\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)\r?\n/;

export function formatFromExtension(path: string): Format | null {
  const p = path.toLowerCase().replace(/\.gz$/, '');
  if (/\.(?:html?|xhtml|xht|shtml|php|aspx?)$/.test(p)) return 'html';
  if (/\.(?:md|markdown|mdown|mkd)$/.test(p)) return 'markdown';
  if (/\.(?:txt|text)$/.test(p)) return 'text';
  return null;
}

function markdownScore(head: string): number {
  let score = FRONT_MATTER.test(head) ? 5 : 0;
  for (const re of MD_SIGNALS) score += Math.min(3, head.match(re)?.length ?? 0);
  return score;
}

// Share of non-blank lines that begin with a tag: near 1 for markup, near 0 for a text or
// Markdown dump that merely quotes a few tags (code samples, tables kept as HTML by converters).
function tagLineShare(head: string): number {
  let lines = 0;
  let tagged = 0;
  for (const line of head.split('\n')) {
    const t = line.trim();
    if (t === '') continue;
    lines++;
    if (/^<[a-zA-Z!/]/.test(t)) tagged++;
  }
  return lines === 0 ? 0 : tagged / lines;
}

/** Decide the format of decoded text; `hint` is usually the file name. */
export function detectFormat(text: string, hint?: string): Format {
  const head = text.slice(0, 16384);
  const byExt = hint ? formatFromExtension(hint) : null;
  if (HTML_START.test(head)) return 'html';
  const tags = head.match(HTML_TAGS)?.length ?? 0;
  // A saved page that is nothing but comments (a crawler's placeholder) is still a page.
  if (byExt === 'html' && (tags > 0 || /^\s*<!--/.test(head))) return 'html';
  // A fragment without <html>: markup only when tags carry the file, not when a dump quotes some.
  const share = tags >= 8 ? tagLineShare(head) : 0;
  const md = markdownScore(head);
  if (byExt === 'markdown') return share > 0.6 ? 'html' : 'markdown';
  if (byExt === 'text') return share > 0.6 ? 'html' : md >= 8 ? 'markdown' : 'text';
  if (share > 0.4 && share * 20 > md) return 'html';
  return md >= 4 ? 'markdown' : 'text';
}
