/**
 * A Word document from the Markdown tree with the `docx` package: headings, justified paragraphs,
 * bullets and numbered lists, block quotes, tables, external links (http/https/mailto only), real
 * footnotes, running header and "Page X of Y" footer. `docx` stamps the clock and random ids into
 * the package; `reproducible()` rewrites them so the same brief gives the same bytes.
 */
import type { DocumentMeta } from './document-meta.js';
import {
  AlignmentType, BorderStyle, Document, ExternalHyperlink, FootnoteReferenceRun, Footer, Header, HeadingLevel,
  LevelFormat, Packer, PageNumber, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType,
  type ParagraphChild,
} from 'docx';
import { unzipSync, zipSync, strFromU8, strToU8, type Zippable } from 'fflate';
import type { FootnoteDefinition, List, PhrasingContent, Root, RootContent } from 'mdast';
import { defaultTemplateConfig, type TemplateConfig } from './templates.js';
import { isSafeUrl } from './escape.js';

export interface DocxOptions extends DocumentMeta {
  pageSize: 'A4' | 'Letter';
}

const fontName = { serif: 'DejaVu Serif', sans: 'DejaVu Sans', mono: 'DejaVu Sans Mono' } as const;

interface RunStyle { bold?: boolean; italics?: boolean; mono?: boolean }

interface State {
  notes: Map<string, number>;
  defs: Map<string, FootnoteDefinition>;
  lists: number;
  body: string;
  heading: string;
  mono: string;
}

function runs(nodes: readonly PhrasingContent[], st: State, style: RunStyle = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const n of nodes) {
    switch (n.type) {
      case 'text': out.push(new TextRun({ text: n.value.replace(/\n/g, ' '), bold: style.bold, italics: style.italics, font: style.mono ? st.mono : undefined })); break;
      case 'emphasis': out.push(...runs(n.children, st, { ...style, italics: !style.italics })); break;
      case 'strong': out.push(...runs(n.children, st, { ...style, bold: true })); break;
      case 'delete': out.push(...runs(n.children, st, style)); break;
      case 'inlineCode': out.push(new TextRun({ text: n.value, font: st.mono })); break;
      case 'break': out.push(new TextRun({ text: '', break: 1 })); break;
      case 'link':
        if (isSafeUrl(n.url)) out.push(new ExternalHyperlink({ link: n.url, children: (runs(n.children, st, style) as TextRun[]).map((r) => r) }));
        else out.push(...runs(n.children, st, style));
        break;
      case 'footnoteReference':
        if (!st.notes.has(n.identifier)) st.notes.set(n.identifier, st.notes.size + 1);
        out.push(new FootnoteReferenceRun(st.notes.get(n.identifier)!));
        break;
      case 'image': out.push(new TextRun({ text: `[${n.alt ?? 'image'}]` })); break;
      case 'html': out.push(new TextRun({ text: n.value })); break;
      default: if ('children' in n) out.push(...runs(n.children as PhrasingContent[], st, style));
    }
  }
  return out;
}

function listParagraphs(list: List, level: number, st: State): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  const instance = ++st.lists;
  for (const item of list.children) {
    item.children.forEach((child, k) => {
      if (child.type === 'paragraph') {
        out.push(new Paragraph({
          children: runs(child.children, st),
          ...(k === 0 ? (list.ordered ? { numbering: { reference: 'numbers', level, instance } } : { bullet: { level } }) : { indent: { left: 720 * (level + 1) } }),
          spacing: { after: 60 },
        }));
      } else if (child.type === 'list') out.push(...listParagraphs(child, Math.min(level + 1, 8), st));
      else out.push(...blocks([child], st));
    });
  }
  return out;
}

function blocks(nodes: readonly RootContent[], st: State): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  const levels = [HeadingLevel.TITLE, HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5];
  for (const n of nodes) {
    switch (n.type) {
      case 'heading': out.push(new Paragraph({ heading: levels[n.depth - 1] ?? HeadingLevel.HEADING_5, children: runs(n.children, st), keepNext: true })); break;
      case 'paragraph': out.push(new Paragraph({ children: runs(n.children, st), alignment: AlignmentType.JUSTIFIED, spacing: { after: 120 } })); break;
      case 'list': out.push(...listParagraphs(n, 0, st)); break;
      case 'blockquote':
        for (const c of n.children) {
          if (c.type === 'paragraph') out.push(new Paragraph({ children: runs(c.children, st, { italics: true }), indent: { left: 567 }, border: { left: { style: BorderStyle.SINGLE, size: 12, color: 'C0C7D6', space: 8 } }, spacing: { after: 120 } }));
          else out.push(...blocks([c], st));
        }
        break;
      case 'table': {
        const rows = n.children.map((row, ri) => new TableRow({
          tableHeader: ri === 0,
          cantSplit: true,
          children: row.children.map((cell) => new TableCell({
            children: [new Paragraph({ children: runs(cell.children, st, { bold: ri === 0 }) })],
            shading: ri === 0 ? { type: ShadingType.CLEAR, color: 'auto', fill: 'EEF2F9' } : undefined,
          })),
        }));
        out.push(new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }));
        out.push(new Paragraph({ children: [] }));
        break;
      }
      case 'thematicBreak': out.push(new Paragraph({ children: [], border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '999999', space: 1 } } })); break;
      case 'code': out.push(...n.value.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, font: st.mono })] }))); break;
      case 'html': out.push(new Paragraph({ children: [new TextRun({ text: n.value })] })); break;
      default: break;
    }
  }
  return out;
}

/**
 * Makes a `docx` package reproducible: fixed timestamps in the zip and in the core properties,
 * and the random relationship ids renamed in order of first appearance.
 */
function reproducible(bytes: Uint8Array, date: string): Uint8Array {
  const files = unzipSync(bytes);
  const names = Object.keys(files).sort();
  const ids = new Map<string, string>();
  const stamp = `${date}T00:00:00Z`;
  const out: Zippable = {};
  // Zip times are local wall-clock fields: building the date from local fields keeps the bytes the
  // same in every time zone (the edition date lives in the core properties instead).
  const mtime = new Date(1980, 0, 1, 0, 0, 0);
  for (const name of names) {
    let data = files[name]!;
    if (/\.(xml|rels)$/.test(name)) {
      let xml = strFromU8(data);
      xml = xml.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/g, `$1${stamp}$2`);
      xml = xml.replace(/"rId([a-z0-9_-]{21})"/g, (_m, id: string) => {
        if (!ids.has(id)) ids.set(id, `rIdL${ids.size + 1}`);
        return `"${ids.get(id)}"`;
      });
      data = strToU8(xml);
    }
    out[name] = [data, { mtime }];
  }
  return zipSync(out, { level: 6, mtime });
}

/** Renders a Markdown tree as a Word document (.docx). */
export async function toDocx(tree: Root, options: DocxOptions): Promise<Uint8Array> {
  const config = options.config ?? defaultTemplateConfig;
  const names = options.fontNames ?? {};
  const family = (f: keyof typeof fontName) => names[f] ?? fontName[f];
  const st: State = { notes: new Map(), defs: new Map(), lists: 0, body: family(config.fonts.body), heading: family(config.fonts.heading), mono: family('mono') };
  const content = tree.children.filter((n) => (n.type === 'footnoteDefinition' ? (st.defs.set(n.identifier, n), false) : true));
  const children = blocks(content, st);
  const footnotes: Record<number, { children: Paragraph[] }> = {};
  for (const [id, def] of st.defs) {
    const n = st.notes.get(id);
    if (n === undefined) continue;
    footnotes[n] = { children: blocks(def.children, st).filter((b): b is Paragraph => b instanceof Paragraph) };
  }
  const page = options.pageSize === 'A4' ? { width: 11906, height: 16838 } : { width: 12240, height: 15840 };
  const headingRun = { font: st.heading, color: '173A6B', bold: true };
  const doc = new Document({
    creator: options.producer ?? 'Briefwright',
    lastModifiedBy: options.producer ?? 'Briefwright',
    title: options.title,
    subject: options.subject,
    keywords: options.keywords?.join(', '),
    description: options.subject,
    revision: 1,
    styles: {
      default: {
        document: { run: { font: st.body, size: Math.round(config.fontSize * 2) }, paragraph: { spacing: { line: 290 } } },
        title: { run: { ...headingRun, size: 44 } },
        heading1: { run: { ...headingRun, size: 36 } },
        heading2: { run: { ...headingRun, size: 30 }, paragraph: { spacing: { before: 360, after: 120 } } },
        heading3: { run: { ...headingRun, size: 24 }, paragraph: { spacing: { before: 240, after: 80 } } },
        heading4: { run: { ...headingRun, size: 22 } },
      },
    },
    numbering: {
      config: [{
        reference: 'numbers',
        levels: Array.from({ length: 9 }, (_, level) => ({ level, format: LevelFormat.DECIMAL, text: `%${level + 1}.`, alignment: AlignmentType.START, style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } } })),
      }],
    },
    footnotes,
    sections: [{
      properties: { page: { size: page, margin: { top: 1400, bottom: 1300, left: 1300, right: 1300 } } },
      headers: config.runningHeader ? { default: new Header({ children: [new Paragraph({ children: [new TextRun({ text: options.title, size: 16, color: '606068', font: st.heading })] })] }) } : undefined,
      footers: config.runningHeader
        ? { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: 16, color: '606068', font: st.heading })] })] }) }
        : undefined,
      children,
    }],
  });
  return reproducible(new Uint8Array(await Packer.toBuffer(doc)), options.date);
}
