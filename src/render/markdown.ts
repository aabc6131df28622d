/**
 * Markdown normalised through remark (GFM: tables, footnotes, strikethrough), so every output
 * format reads the same tree.
 */
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import type { Root } from 'mdast';

/**
 * GFM for reading: tables, footnotes, strikethrough and task lists, but no "autolink literals".
 * Those would turn a URL quoted from a source into a link (only links a template writes on
 * purpose, `[text](url)` or `<url>`, should be links), and looking for them at every character
 * was half the cost of parsing.
 */
function gfmWithoutLiterals(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmFootnote(), gfmStrikethrough(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTaskListItemFromMarkdown());
}

/** Parses Markdown into an mdast tree (GFM without autolink literals: bare URLs stay text). */
export function fromMarkdown(markdown: string): Root {
  const processor = unified().use(remarkParse).use(gfmWithoutLiterals);
  return processor.runSync(processor.parse(markdown)) as Root;
}

/** Serialises an mdast tree to Markdown in the house style (`-` bullets, `*` emphasis). */
export function toMarkdown(tree: Root): string {
  return String(
    unified()
      .use(remarkGfm)
      .use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*', rule: '-', listItemIndent: 'one', fences: true })
      .stringify(tree),
  );
}

/** Normalises Markdown (as written by a template) into the canonical form every writer reads. */
export function normalizeMarkdown(markdown: string): string {
  return toMarkdown(fromMarkdown(markdown));
}
