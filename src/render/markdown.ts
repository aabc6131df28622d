/**
 * Markdown normalised through remark (GFM: tables, footnotes, strikethrough), so every output
 * format reads the same tree.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import type { Root, RootContent, Parent, PhrasingContent } from 'mdast';

/**
 * Parses Markdown into an mdast tree (GFM). Bare URLs and e-mail addresses are kept as text:
 * GFM's "autolink literals" would otherwise turn a URL quoted from a source into a link, so only
 * links a template writes on purpose (`[text](url)` or `<url>`) survive as links.
 */
export function fromMarkdown(markdown: string): Root {
  const processor = unified().use(remarkParse).use(remarkGfm);
  const tree = processor.runSync(processor.parse(markdown)) as Root;
  unlinkLiterals(tree, markdown);
  return tree;
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

function unlinkLiterals(node: Root | Parent, source: string): void {
  const kids = node.children as RootContent[];
  for (let i = 0; i < kids.length; i++) {
    const kid = kids[i]!;
    if (kid.type === 'link') {
      const at = kid.position?.start.offset;
      // Links the GFM literal transform makes carry no position; parsed ones start with [ or <.
      const opener = at === undefined ? '' : source[at];
      if (opener !== '[' && opener !== '<') {
        const text: PhrasingContent = { type: 'text', value: kid.children.map((c) => ('value' in c ? c.value : '')).join('') };
        kids[i] = text;
        continue;
      }
    }
    if ('children' in kid) unlinkLiterals(kid as Parent, source);
  }
  // Merge neighbouring text nodes the unlinking produced.
  for (let i = kids.length - 1; i > 0; i--) {
    const a = kids[i - 1]!;
    const b = kids[i]!;
    if (a.type === 'text' && b.type === 'text') {
      a.value += b.value;
      kids.splice(i, 1);
    }
  }
}
