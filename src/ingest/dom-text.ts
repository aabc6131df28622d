/**
 * A DOM (from HTML or from DOCX via mammoth) → Markdown-like plain text: headings as `#` lines,
 * paragraphs separated by blank lines, list items as `- `, quotations as `> `, table rows as
 * `| … |`. The walk uses an explicit stack, so a document nested ten thousand levels deep cannot
 * overflow the call stack.
 */

/** The minimal DOM node shape used (linkedom's nodes satisfy it). */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<DomNode>;
}

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'EMBED', 'HEAD', 'CANVAS', 'BUTTON', 'SELECT', 'TEXTAREA', 'INPUT', 'MATH']);
const BLOCK = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'FOOTER', 'ASIDE', 'NAV', 'UL', 'OL', 'LI', 'BLOCKQUOTE', 'PRE', 'TABLE', 'THEAD', 'TBODY', 'TR', 'FIGURE', 'FIGCAPTION', 'DL', 'DT', 'DD', 'ADDRESS', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HR', 'BODY', 'HTML', 'CENTER', 'DETAILS', 'SUMMARY']);

/** Convert the children of `root` to text blocks joined by blank lines. */
export function domToText(root: DomNode): string {
  const blocks: string[] = [];
  let inline = '';
  let prefix = '';
  const flush = (): void => {
    const t = inline.replace(/\s+/g, ' ').trim();
    if (t) blocks.push(prefix + t);
    inline = '';
    prefix = '';
  };
  // stack of [node, leaving?]
  const stack: [DomNode, boolean][] = [[root, false]];
  let quoteDepth = 0;
  // Inside a table cell, paragraphs and lists (as DOCX tables hold them) are part of the cell's text.
  let cellDepth = 0;
  const inCell = (name: string): boolean => cellDepth > 0 && name !== 'TABLE' && name !== 'TR';
  while (stack.length) {
    const [node, leaving] = stack.pop()!;
    const name = node.nodeName.toUpperCase();
    if (node.nodeType === 3) {
      inline += node.nodeValue ?? '';
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    if (SKIP.has(name)) continue;
    if (leaving) {
      if (name === 'BLOCKQUOTE') quoteDepth = Math.max(0, quoteDepth - 1);
      // A table row is written as a Markdown pipe row, which the structure stage leaves out of the
      // reading text (cells are not sentences).
      if (name === 'TD' || name === 'TH') cellDepth--;
      if (name === 'TR' && inline.trim()) inline += ' |';
      if (inCell(name)) inline += ' ';
      else if (BLOCK.has(name)) flush();
      continue;
    }
    if (name === 'BR') { inline += ' '; continue; }
    if (BLOCK.has(name) && inCell(name)) inline += ' ';
    else if (BLOCK.has(name)) {
      flush();
      if (/^H[1-6]$/.test(name)) prefix = `${'#'.repeat(Number(name[1]))} `;
      else if (name === 'LI') prefix = '- ';
      else if (quoteDepth > 0) prefix = '> ';
      if (name === 'BLOCKQUOTE') quoteDepth++;
      if (quoteDepth > 0 && !prefix) prefix = '> ';
    } else if (name === 'TD' || name === 'TH') {
      inline += ' | ';
      cellDepth++;
    }
    stack.push([node, true]);
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], false]);
  }
  flush();
  return blocks.join('\n\n');
}

/** Depth of the deepest element (iterative), stopping early past `limit`. */
export function domDepth(root: DomNode, limit: number): number {
  let max = 0;
  const stack: [DomNode, number][] = [[root, 0]];
  while (stack.length) {
    const [node, d] = stack.pop()!;
    if (d > max) max = d;
    if (max > limit) return max;
    const kids = node.childNodes;
    for (let i = 0; i < kids.length; i++) if (kids[i].nodeType === 1) stack.push([kids[i], d + 1]);
  }
  return max;
}
