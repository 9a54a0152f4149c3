// Vocabulary and thresholds of the body extractor, in one place so every heuristic is named.
// Class/id words are generic web vocabulary (what CMSs and front-end frameworks call things),
// never a particular site's names.

/** Never content: their text is code, styling, metadata or form UI. Skipped in the index walk. */
export const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title', 'meta', 'link', 'base', 'svg', 'math',
  'canvas', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'video', 'audio', 'source',
  'track', 'img', 'picture', 'map', 'area', 'input', 'button', 'select', 'option', 'optgroup',
  'textarea', 'datalist', 'output', 'progress', 'meter', 'dialog', 'param',
]);

/** Skipped elements worth counting: an embed inside a short block suggests a media/ad widget. */
export const EMBED_TAGS = new Set(['iframe', 'object', 'embed', 'video', 'audio', 'canvas']);
/** Form fields (buttons excluded: share bars and players are full of them). */
export const INPUT_TAGS = new Set(['input', 'select', 'textarea']);

/**
 * Elements that start and end a block of text. Anything else is inline, except unknown custom
 * elements (names with a dash), which frameworks style as blocks: a boundary there never glues
 * words, while treating them inline could.
 */
export const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dir', 'div', 'dl', 'figcaption',
  'dt', 'fieldset', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section',
  'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'caption', 'listing',
  'plaintext', 'xmp', 'noframes', 'search',
]);

/** Landmarks that hold site chrome, not the article: pruned in strict passes. */
export const CHROME_TAGS = new Set(['nav', 'aside', 'footer', 'header', 'menu', 'search']);
export const CHROME_ROLES = new Set([
  'navigation', 'menu', 'menubar', 'complementary', 'banner', 'contentinfo', 'search', 'alert',
  'alertdialog', 'dialog', 'tablist', 'toolbar',
]);

// Class/id vocabulary. A word matches at the start of a class token (tokens split on anything but
// letters and digits), so "related-posts" and "relatedPosts" match "related", but "header" never
// matches "ad" and "download" never matches "load".

/** Words for boxes around or beside the article: pruned before scoring in the strict pass. */
export const UNLIKELY_WORDS = [
  'ad-break', 'agegate', 'banner', 'breadcrumb', 'combx', 'comment', 'community', 'consent', 'cookie',
  'cover-wrap', 'disqus', 'extra', 'footer', 'gdpr', 'header', 'legends', 'masthead', 'menu',
  'newsletter', 'outbrain', 'pager', 'pagination', 'popup', 'popular', 'promo', 'recirc',
  'recommend', 'related', 'remark', 'replies', 'rss', 'share', 'sharing', 'shoutbox', 'sidebar',
  'signup', 'skyscraper', 'social', 'sponsor', 'subscribe', 'subscription', 'supplemental', 'taboola',
  'trending', 'widget', 'toolbar', 'modal', 'overlay', 'login', 'nav', 'disclaimer', 'disclosure', 'cta',
];
/** Words that rescue an element named with an unlikely word too ("comment-and-article-body"). */
export const MAYBE_WORDS = ['and', 'article', 'body', 'column', 'content', 'main', 'shadow', 'story', 'entry', 'post', 'text'];

/** Class/id words that speak for content. */
export const POSITIVE_WORDS = [
  'article', 'body', 'content', 'entry', 'hentry', 'h-entry', 'e-content', 'main',
  'post', 'text', 'blog', 'story', 'prose', 'markdown', 'richtext', 'rich-text', 'articlebody', 'postbody',
  'storybody', 'content-body',
];
/** Class/id words that speak against content. */
export const NEGATIVE_WORDS = [
  'ad', 'ads', 'adv', 'advert', 'advertisement', 'banner', 'byline', 'caption', 'combx', 'comment', 'contact',
  'credit', 'disqus', 'foot', 'footer', 'gdpr', 'hidden', 'masthead', 'media', 'meta', 'modal',
  'nav', 'newsletter', 'outbrain', 'pagination', 'popup', 'promo', 'related', 'recommend', 'remark', 'rss',
  'scroll', 'share', 'sharing', 'shoutbox', 'sidebar', 'skyscraper', 'social', 'sponsor', 'subscribe',
  'tags', 'taboola', 'toolbar', 'tool', 'trending', 'widget', 'author', 'bio', 'cookie', 'consent', 'signup',
  'breadcrumb', 'tooltip', 'teaser', 'card', 'overlay', 'print', 'login', 'recirc', 'inline-ad',
  'disclaimer', 'disclosure', 'cta',
];

/**
 * Classes that hide an element without inline style: framework conventions for hidden and
 * screen-reader-only text (those labels — "Share on X", "Opens in new window" — are not prose).
 */
export const HIDDEN_CLASS = /(?:^|\s)(?:hidden|hide|is-hidden|d-none|visually-hidden|visuallyhidden|sr-only|screen-reader-text|screenreader-only|a11y-hidden|offscreen|u-hidden|invisible)(?:\s|$)/i;

/** Blocks shorter than this (weighted chars) do not vote in content scoring. */
export const MIN_SCORED_CHARS = 25;
