/**
 * Page furniture: what a reader's eye skips. Lines at the top or bottom of pages that recur on
 * several pages (page numbers folded, odd and even pages counted apart, a page number at either
 * end ignored), page numbers standing alone at an edge, stamps and watermarks, photo credits and
 * contact lines. Marks `furniture` on the lines; returns nothing.
 */
import type { LayoutLine, PdfPage } from './types.js';

/** Share of the page height, from the top and from the bottom, where running lines sit. */
const EDGE_BAND = 0.12;
/** Rows from each edge that can be running lines. */
const EDGE_ROWS = 3;

const PAGE_NUMBER = /^(?:(?:page|pg\.?|p\.)\s*)?(?:\d{1,4}|[ivxlc]{1,6})(?:\s*(?:of|\/)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$/i;
/** Stamps and disclosure banners: a short closed vocabulary printed across documents. */
const STAMP = /^(?:(?:final\s+)?draft(?:\s+(?:version|for (?:comment|consultation|discussion)))?|confidential|strictly confidential|restricted|internal|for official use only|not for (?:circulation|distribution|citation|quotation)|embargoed.*|public disclosure authori[sz]ed|status\s*:\s*\S+(?:\s+\S+)?|version\s*:?\s*\d+(?:\.\d+)*)$/i;
/** Photo and image credits: a credit label, or a stock-photo library named. */
const CREDIT = /^(?:scan (?:the |this )?qr[- ]code\b.*|(?:cover\s+|header\s+)?(?:photo|image|picture|illustration)s?(?:\s+credits?)?\s*[:©]|©?\s*\S*\s*(?:\/|-)\s*(?:shutterstock|stock\.adobe|adobe\s?stock|gettyimages|getty images|istock(?:photo)?|unsplash)\b)|^\S*(?:shutterstock|stock\.adobe|gettyimages|istockphoto|unsplash)\.com\S*$/i;
/** Contact and "find out more" lines of an imprint. */
const CONTACT = /^(?:(?:to|for)\s+(?:contact|publications?\s+enquiries|more information|further information)\b.*(?:@|www\.|https?:\/\/|\.org|\.com).*|find out more at\b.*|contact information|e-?mail\s*:\s*\S+@\S+)$/i;
/** A line that is only an e-mail or web address: furniture at a page's edge, a reference's URL elsewhere. */
const ADDRESS = /^(?:\S+@\S+\.\w+|(?:https?:\/\/)?(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:\/\S*)?)$/i;

/**
 * Key of a line for recurrence: lower case, digits folded, a page number at either end dropped,
 * and spaces and signs left out, because one running title is not always spaced alike on every
 * page (World Bank: "… EDUCATION ATTHE WORLD BANK" on one page, "AT THE" on the others).
 */
export function furnitureKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/^(?:(?:page|pg\.?|p\.)\s*)?\d{1,4}\s*[|•·:–—-]?\s*|\s*[|•·:–—-]?\s*(?:(?:page|pg\.?|p\.)\s*)?\d{1,4}$/g, '')
    .replace(/\d+/g, '#')
    .replace(/[^\p{L}#]+/gu, '');
}

/** Whether a line is a page number or a stamp wherever it stands, or a credit or contact line. */
export function isFurnitureText(text: string, edge = false): boolean {
  const t = text.trim();
  if (t.length > 160) return false;
  return STAMP.test(t) || CREDIT.test(t) || CONTACT.test(t) || (ADDRESS.test(t) && edge);
}

/** Mark furniture on all pages' lines (each page's lines in any order). */
export function markFurniture(pages: readonly PdfPage[], lines: readonly LayoutLine[][]): void {
  const n = pages.length;
  // key → pages it sits at an edge of, by parity
  const seen = new Map<string, { odd: Set<number>; even: Set<number>; lines: LayoutLine[] }>();
  lines.forEach((pageLines, p) => {
    const page = pages[p];
    const edges = edgeLines(pageLines, page.height);
    for (const l of edges) {
      if (PAGE_NUMBER.test(l.text.trim())) {
        l.furniture = true;
        continue;
      }
      if (l.text.length > 200) continue;
      const key = furnitureKey(l.text);
      if (key.length < 5 || /^[⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(l.text)) continue;
      const e = seen.get(key) ?? { odd: new Set(), even: new Set(), lines: [] };
      (page.page % 2 ? e.odd : e.even).add(page.page);
      e.lines.push(l);
      seen.set(key, e);
    }
    for (const l of pageLines) if (isFurnitureText(l.text, edges.includes(l))) l.furniture = true;
  });
  const odd = Math.ceil(n / 2);
  const even = Math.floor(n / 2);
  for (const e of seen.values()) {
    // running lines sit at one height: count the pages of the commonest height only
    const at = commonHeight(e.lines);
    const pagesAt = new Set(at.map((l) => l.page));
    const oddAt = [...pagesAt].filter((p) => p % 2).length;
    const evenAt = pagesAt.size - oddAt;
    // on three pages or more (a chapter's running title), on a good share of the pages, or of
    // the odd or the even pages (alternating headers)
    const recurs = pagesAt.size >= 2 && (pagesAt.size >= 3 || pagesAt.size >= 0.3 * n || (oddAt >= 2 && oddAt >= 0.4 * odd) || (evenAt >= 2 && evenAt >= 0.4 * even));
    if (recurs) for (const l of at) l.furniture = true;
  }
  // at the edge, what shares a furniture line's baseline (a section name beside a running title)
  // or is set in the same block with it (the other lines of a contact block) is furniture too
  lines.forEach((pageLines, p) => {
    const edges = edgeLines(pageLines, pages[p].height);
    for (let pass = 0; pass < 3; pass++) {
      const marked = edges.filter((l) => l.furniture);
      for (const l of edges) {
        if (l.furniture || l.text.split(/\s+/).length > 15) continue;
        if (marked.some((m) => m.row === l.row || (Math.abs(m.y - l.y) <= 1.6 * m.size && Math.abs(m.x0 - l.x0) <= 2 && Math.abs(m.size - l.size) < 0.5))) l.furniture = true;
      }
    }
  });
}

/** The lines of a recurring key that sit at its commonest height (within a few points). */
function commonHeight(lines: readonly LayoutLine[]): LayoutLine[] {
  let best: LayoutLine[] = [];
  for (const l of lines) {
    const near = lines.filter((m) => Math.abs(m.y - l.y) <= Math.max(3, 0.5 * l.size));
    if (near.length > best.length) best = near;
  }
  return best;
}

/** Lines in the top and bottom bands of a page, at most a few rows from each edge. */
function edgeLines(pageLines: readonly LayoutLine[], height: number): LayoutLine[] {
  if (!pageLines.length) return [];
  const rows = [...new Set(pageLines.map((l) => l.row))].sort((a, b) => a - b);
  const top = new Set(rows.slice(0, EDGE_ROWS));
  const bottom = new Set(rows.slice(-EDGE_ROWS));
  return pageLines.filter((l) => (top.has(l.row) && l.y >= height * (1 - EDGE_BAND)) || (bottom.has(l.row) && l.y <= height * EDGE_BAND));
}
