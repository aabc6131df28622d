/**
 * One small paper built in code as PDF (pdf-lib), DOCX (docx) and HTML (a string), so the same
 * document can be read from each format without committing binary files.
 */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';

export interface Block {
  kind: 'title' | 'h1' | 'h2' | 'p';
  text: string;
}

/** The paper: a title, an author line, an abstract and numbered sections with a sub-section. */
export const paper: Block[] = [
  { kind: 'title', text: 'Water Policy in Arid Regions: A Comparative Review' },
  { kind: 'p', text: 'Jane Doe and John Smith' },
  { kind: 'h1', text: 'Abstract' },
  { kind: 'p', text: 'This review compares how three arid regions allocate scarce water between farms, cities and rivers. It finds that transparent metering and tradable permits reduce conflict, while informal allocation favours upstream users. The review closes with recommendations for basin authorities and donors.' },
  { kind: 'h1', text: '1. Introduction' },
  { kind: 'p', text: 'Water scarcity shapes the politics of arid regions. Dr. Amal Haddad, a hydrologist, estimated in 2019 that demand exceeds renewable supply by 3.5 times in some basins. Governments respond with rationing, pricing and new infrastructure, e.g. desalination plants, but the results differ widely.' },
  { kind: 'p', text: 'This paper asks which allocation rules keep the peace between users. It draws on reports by the U.S. Geological Survey and regional agencies, and on interviews with officials.' },
  { kind: 'h1', text: '2. Methods' },
  { kind: 'p', text: 'We reviewed forty policy documents published between 2000 and 2022 and coded each allocation rule by its transparency and its flexibility. Two coders agreed on most codes.' },
  { kind: 'h2', text: '2.1. Data Sources' },
  { kind: 'p', text: 'The documents come from basin authorities, ministries and international donors. Where a document was unavailable in English, a summary by the authors was used instead.' },
  { kind: 'h1', text: '3. Conclusion' },
  { kind: 'p', text: 'Transparent metering reduces disputes more than any other rule we found. Basin authorities should publish allocations every season, and donors should fund meters before dams.' },
];

/** The HTML version: the paper inside a page with navigation, a script and a footer Readability should drop. */
export function paperHtml(): string {
  const body = paper.map((b) => {
    if (b.kind === 'title') return `<h1>${b.text}</h1>`;
    if (b.kind === 'h1') return `<h2>${b.text}</h2>`;
    if (b.kind === 'h2') return `<h3>${b.text}</h3>`;
    return `<p>${b.text}</p>`;
  }).join('\n');
  return `<!doctype html><html><head><title>${paper[0].text}</title><script>document.write("INJECTED")</script><style>p{color:red}</style></head>
<body><nav><a href="/">Home</a> <a href="/about">About us</a></nav><article>${body}</article>
<script>alert("x")</script><footer>Copyright Example Press. All rights reserved.</footer></body></html>`;
}

/** The DOCX version, with Word's Title and Heading styles. */
export async function paperDocx(): Promise<Uint8Array> {
  const children = paper.map((b) => {
    if (b.kind === 'title') return new Paragraph({ text: b.text, heading: HeadingLevel.TITLE });
    if (b.kind === 'h1') return new Paragraph({ text: b.text, heading: HeadingLevel.HEADING_1 });
    if (b.kind === 'h2') return new Paragraph({ text: b.text, heading: HeadingLevel.HEADING_2 });
    return new Paragraph({ text: b.text });
  });
  const doc = new Document({ creator: 'test', title: paper[0].text, sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** The PDF version: title, headings and body at different sizes, lines wrapped by width, two pages. */
export async function paperPdf(options: { runningHeader?: string } = {}): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setCreationDate(new Date(0));
  pdf.setModificationDate(new Date(0));
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const width = 420;
  let page = pdf.addPage([595, 842]);
  let pageNo = 1;
  let y = 780;
  const header = (): void => {
    if (options.runningHeader) page.drawText(options.runningHeader, { x: 60, y: 815, size: 8, font: regular });
    page.drawText(String(pageNo), { x: 290, y: 30, size: 8, font: regular });
  };
  header();
  const newPage = (): void => {
    page = pdf.addPage([595, 842]);
    pageNo++;
    y = 780;
    header();
  };
  for (const [i, b] of paper.entries()) {
    const size = b.kind === 'title' ? 20 : b.kind === 'h1' ? 15 : b.kind === 'h2' ? 13 : 11;
    const font = b.kind === 'p' ? regular : bold;
    const words = b.text.split(' ');
    let line = '';
    const lines: string[] = [];
    for (const w of words) {
      const next = line ? `${line} ${w}` : w;
      if (font.widthOfTextAtSize(next, size) > width && line) { lines.push(line); line = w; } else line = next;
    }
    if (line) lines.push(line);
    y -= b.kind === 'p' ? 6 : 14;
    for (const l of lines) {
      if (y < 80) newPage();
      page.drawText(l, { x: 60, y, size, font });
      y -= size * 1.35;
    }
    // force a page break in the middle of the document
    if (i === 6) newPage();
  }
  return pdf.save({ useObjectStreams: false });
}
