// One parse per page. htmlparser2 (cheerio/slim) is several times faster than parse5 on big
// pages and forgiving enough for scraped HTML.
import { load, type CheerioAPI } from 'cheerio/slim';

export function loadHtml(html: string): CheerioAPI {
  return load(html);
}
