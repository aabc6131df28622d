/**
 * Escaping text that comes from sources so it stays text in Markdown, HTML and links: a sentence
 * in a paper must never become an image, a link, raw HTML or a heading in the brief.
 */

/** Characters that start or close Markdown/GFM constructs inside a line. */
const inlineSpecials = /[\\`*_[\]<>!|~&#$]/g;

/**
 * Escapes `text` for use as inline Markdown: backslash-escapes every construct character, folds
 * line breaks into spaces (a template line stays one line) and neutralises block markers a line
 * could start with (`- `, `+ `, `1. `, `=`).
 */
export function escapeMarkdown(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat
    .replace(inlineSpecials, (c) => '\\' + c)
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Link schemes a brief may point to; anything else (javascript:, data:, file:) renders as plain text. */
export const safeUrlSchemes: readonly string[] = ['http:', 'https:', 'mailto:'];

/** Whether `url` is an absolute http(s) or mailto URL (the only links any writer emits). */
export function isSafeUrl(url: string): boolean {
  if (/[\s<>"]/.test(url)) return false;
  try {
    return safeUrlSchemes.includes(new URL(url).protocol);
  } catch {
    return false;
  }
}
