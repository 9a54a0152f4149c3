// The few facts about cheerio's (htmlparser2/domhandler) nodes the body extractor relies on,
// declared structurally so the algorithm works on plain node objects and needs no extra package.
import type { CheerioAPI } from 'cheerio/slim';

export interface DomNode {
  /** 'tag' | 'script' | 'style' | 'text' | 'comment' | 'cdata' | 'directive' | 'root' */
  type: string;
  parent: DomNode | null;
}
export interface DomText extends DomNode { data: string }
export interface DomParent extends DomNode { children: DomNode[] }
export interface DomElement extends DomParent { name: string; attribs: Record<string, string> }

export const isElement = (n: DomNode): n is DomElement =>
  n.type === 'tag' || n.type === 'script' || n.type === 'style';
export const isText = (n: DomNode): n is DomText => n.type === 'text';

/** The document root of a loaded page. */
export function rootOf($: CheerioAPI): DomParent {
  return $.root()[0] as unknown as DomParent;
}

/** Class and id of an element, lower-cased, the vocabulary most hints are written in. */
export function hintOf(el: DomElement): string {
  const c = el.attribs.class ?? '';
  const id = el.attribs.id ?? '';
  return c === '' && id === '' ? '' : `${c} ${id}`.toLowerCase();
}
