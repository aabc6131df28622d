/** Markdown normalised through remark (GFM), so every output format reads the same tree. */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';

export function normalizeMarkdown(markdown: string): string {
  return String(unified().use(remarkParse).use(remarkGfm).use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*' }).processSync(markdown));
}
