// Test helper: a page context from an inline HTML string.
import { loadHtml } from '../../../src/extract/html/load.js';
import { buildContext, type PageContext } from '../../../src/extract/html/meta/context.js';

export function ctxOf(html: string): PageContext {
  return buildContext(loadHtml(html));
}

/** A minimal page: head markup and body markup. */
export function page(head: string, body: string, htmlAttrs = ''): string {
  return `<!doctype html><html${htmlAttrs ? ' ' + htmlAttrs : ''}><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
}
