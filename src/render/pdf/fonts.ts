/**
 * Fonts for the PDF: the DejaVu families (serif, sans, mono) in regular, bold, italic and bold
 * italic, read from the `dejavu-fonts-ttf` package, or font files from the project config. Text
 * is measured from the font's own tables (each distinct word once, cached), and each face used is
 * written into the PDF at the end as a subset holding only the glyphs drawn, under a fixed name so
 * builds are reproducible. A character a face lacks falls back to the same style of DejaVu Sans,
 * then to DejaVu Sans regular.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import type { FontFamily } from '../templates.js';
import { inputError } from '../../model/errors.js';
import { FontFormatError, TrueTypeFont } from './truetype.js';
import { compress } from './content.js';
import { name, PdfLiteral, PdfStream, type PdfDict, type PdfRef, type PdfValue, type PdfWriter } from './writer.js';

export type Weight = 'regular' | 'bold';
export type Slant = 'normal' | 'italic';

/** A concrete face: family × weight × slant. */
export interface Face {
  family: FontFamily;
  weight: Weight;
  slant: Slant;
}

/** Stable key of a face, e.g. `serif-bold-italic`. */
export const faceKey = (f: Face): string => `${f.family}-${f.weight}-${f.slant}`;

const files: Record<FontFamily, Record<string, string>> = {
  serif: { 'regular-normal': 'DejaVuSerif.ttf', 'bold-normal': 'DejaVuSerif-Bold.ttf', 'regular-italic': 'DejaVuSerif-Italic.ttf', 'bold-italic': 'DejaVuSerif-BoldItalic.ttf' },
  sans: { 'regular-normal': 'DejaVuSans.ttf', 'bold-normal': 'DejaVuSans-Bold.ttf', 'regular-italic': 'DejaVuSans-Oblique.ttf', 'bold-italic': 'DejaVuSans-BoldOblique.ttf' },
  mono: { 'regular-normal': 'DejaVuSansMono.ttf', 'bold-normal': 'DejaVuSansMono-Bold.ttf', 'regular-italic': 'DejaVuSansMono-Oblique.ttf', 'bold-italic': 'DejaVuSansMono-BoldOblique.ttf' },
};

const require = createRequire(import.meta.url);
const fontDir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

interface LoadedFace {
  file: string;
  font: TrueTypeFont;
  /** Width cache: text → width in font units. */
  widths: Map<string, number>;
}

// Parsed fonts are immutable, so one cache per process (by file) is safe: a face is read once.
const loaded = new Map<string, LoadedFace>();

function loadFile(path: string): LoadedFace {
  let f = loaded.get(path);
  if (!f) {
    let font: TrueTypeFont;
    try {
      font = new TrueTypeFont(readFileSync(path));
    } catch (e) {
      const why = e instanceof FontFormatError || e instanceof RangeError ? e.message : (e as Error).message.split('\n')[0];
      if (e instanceof FontFormatError && why === 'font collection') throw inputError(path, 'Unexpected font collection, expected a single TrueType or OpenType font');
      throw inputError(path, `Unexpected font file: ${why}, expected a TrueType or OpenType font`);
    }
    f = { file: path, font, widths: new Map() };
    loaded.set(path, f);
  }
  return f;
}
/** The family name a font file gives itself ("Source Serif 4"), as word processors and browsers name it. */
export function familyName(path: string): string {
  return loadFile(path).font.familyName;
}

/**
 * Font files that replace DejaVu for the body family (and for mono), e.g. from the project
 * config. Missing styles fall back: bold italic → bold → regular; italic → regular.
 */
export interface CustomFonts {
  regular?: string;
  bold?: string;
  italic?: string;
  boldItalic?: string;
  mono?: string;
}

/** A run of text in one concrete face (after fallback). */
export interface FacedText {
  text: string;
  face: Face;
}

/** A face as drawn in one PDF: its resource name and the glyphs used so far. */
interface UsedFace {
  name: string;
  /** Key of the first face drawn with the file (names the subset). */
  key: string;
  loaded: LoadedFace;
  /** Glyph ids in the font file → ids in the PDF (subset order for TrueType, unchanged for CFF). */
  ids: Map<number, number>;
  /** Original glyph id per PDF glyph id (TrueType subsets). */
  glyphs: number[];
  /** Code points per PDF glyph id, for text extraction. */
  codePoints: Map<number, number[]>;
  /** Encoded strings by text. */
  encoded: Map<string, string>;
  /** Hex of each PDF glyph id. */
  hex: string[];
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

/** Measuring fonts, and the fonts of one PDF document. */
export class FontSet {
  /** Fonts drawn so far, by file. */
  private used = new Map<string, UsedFace>();
  private usedByObject = new WeakMap<Face, UsedFace>();
  private faces = new Map<string, LoadedFace>();

  /**
   * @param bodyFamily the family whose faces `custom` replaces
   * @param custom user font files (read on first use)
   */
  constructor(private readonly bodyFamily: FontFamily = 'serif', private readonly custom: Readonly<CustomFonts> = {}) {}

  /** The same face object is asked for again and again: remember it without building its key. */
  private byObject = new WeakMap<Face, LoadedFace>();

  private load(face: Face): LoadedFace {
    let f = this.byObject.get(face);
    if (f) return f;
    const key = faceKey(face);
    f = this.faces.get(key);
    if (f) {
      this.byObject.set(face, f);
      return f;
    }
    const c = this.custom;
    let path: string | undefined;
    if (face.family === 'mono') path = c.mono;
    else if (face.family === this.bodyFamily && c.regular) {
      path = face.weight === 'bold'
        ? (face.slant === 'italic' ? c.boldItalic ?? c.bold : c.bold) ?? c.regular
        : face.slant === 'italic' ? c.italic ?? c.regular : c.regular;
    }
    f = loadFile(path ?? join(fontDir, files[face.family][`${face.weight}-${face.slant}`]!));
    this.faces.set(key, f);
    this.byObject.set(face, f);
    return f;
  }

  /** Width of `text` in `face` at `size` points (cached per face and text). */
  width(text: string, face: Face, size: number): number {
    const f = this.load(face);
    let w = f.widths.get(text);
    if (w === undefined) {
      w = f.font.width(text);
      f.widths.set(text, w);
    }
    return (w * size) / f.font.metrics.unitsPerEm;
  }

  /** Ascent and descent (positive, points) of a face at a size. */
  metrics(face: Face, size: number): { ascent: number; descent: number } {
    const m = this.load(face).font.metrics;
    return { ascent: (m.ascent * size) / m.unitsPerEm, descent: (-m.descent * size) / m.unitsPerEm };
  }

  private covers(face: Face, cp: number): boolean {
    return this.load(face).font.glyphFor(cp) !== 0;
  }

  /** Splits `text` into runs each drawn in a face that has its glyphs (font fallback). */
  resolve(text: string, face: Face): FacedText[] {
    const font = this.load(face).font;
    let all = true;
    for (let i = 0; i < text.length && all; i++) {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
      all = font.glyphFor(cp) !== 0;
    }
    if (all) return [{ text, face }];
    const chain: Face[] = [face, { ...face, family: 'sans' }, { family: 'sans', weight: 'regular', slant: 'normal' }];
    const out: FacedText[] = [];
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      let use = chain.find((f) => this.covers(f, cp));
      let glyph = ch;
      if (!use) { use = face; glyph = this.covers(face, 0xfffd) ? '\ufffd' : '?'; }
      const last = out[out.length - 1];
      if (last && faceKey(last.face) === faceKey(use)) last.text += glyph;
      else out.push({ text: glyph, face: use });
    }
    return out;
  }

  /**
   * The font resource name and the operator that shows `text` in `face` (text already resolved to a
   * face that has its glyphs): `<glyphs> Tj`, or `[<glyphs> n <glyphs>] TJ` where kerning moves a
   * glyph (n in thousandths of an em, positive to the left). Glyphs are added to the face's subset
   * as they are first used.
   */
  encode(text: string, face: Face): { font: string; show: string } {
    let u = this.usedByObject.get(face);
    if (!u) {
      // One font in the PDF per file: faces that fall back to the same file share it.
      const loaded = this.load(face);
      u = this.used.get(loaded.file);
      if (!u) {
        u = { name: `F${this.used.size + 1}`, key: faceKey(face), loaded, ids: new Map([[0, 0]]), glyphs: [0], codePoints: new Map(), encoded: new Map(), hex: ['0000'] };
        this.used.set(loaded.file, u);
      }
      this.usedByObject.set(face, u);
    }
    let show = u.encoded.get(text);
    if (show === undefined) {
      const font = u.loaded.font;
      const run = font.glyphRun(text);
      const trueType = font.isTrueType;
      const em = font.metrics.unitsPerEm;
      let hex = '';
      const parts: string[] = [];
      for (let i = 0; i < run.ids.length; i++) {
        const g = run.ids[i]!;
        let id = u.ids.get(g);
        if (id === undefined) {
          id = trueType ? u.glyphs.length : g;
          u.ids.set(g, id);
          u.glyphs.push(g);
          u.hex[id] = hex4(id);
          const chars = run.codePoints?.[i] ?? [...text.slice(run.starts[i], run.starts[i + 1] ?? text.length)].map((c) => c.codePointAt(0)!);
          u.codePoints.set(id, chars);
        }
        // The same pairs `width` counted (none in text fontkit shaped).
        const kern = i > 0 && !run.codePoints ? font.kerning(run.ids[i - 1]!, g) : 0;
        if (kern) {
          parts.push(`<${hex}>`, String(Math.round((-kern * 1000 * 1000) / em) / 1000));
          hex = '';
        }
        hex += u.hex[id];
      }
      show = parts.length ? `[${parts.join(' ')} <${hex}>] TJ` : `<${hex}> Tj`;
      u.encoded.set(text, show);
    }
    return { font: u.name, show };
  }

  /** Writes every face used into the PDF; returns the font resources (name → font dictionary). */
  writeFonts(pdf: PdfWriter): Map<string, PdfRef> {
    const out = new Map<string, PdfRef>();
    for (const u of this.used.values()) out.set(u.name, writeFont(pdf, u));
    return out;
  }
}

/** A fixed subset tag instead of a random one keeps builds byte-identical. */
function subsetTag(file: string, key: string): string {
  let h = 2166136261;
  // Named by file name and face, not path, so the bytes do not depend on where things are installed.
  for (const c of basename(file) + key) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  let tag = '';
  for (let i = 0; i < 6; i++, h = Math.floor(h / 26)) tag += String.fromCharCode(65 + (h % 26));
  return tag;
}

const round = (v: number) => Math.round(v * 1000) / 1000;

/**
 * A Type 0 font with Identity-H encoding over a CIDFontType2 (TrueType subset, CID = glyph id
 * in the subset) or a CIDFontType0 (CFF-flavoured OpenType embedded whole, CID = glyph id), with
 * widths for the glyphs used and a ToUnicode map so the text can be copied and searched.
 */
function writeFont(pdf: PdfWriter, u: UsedFace): PdfRef {
  const font = u.loaded.font;
  const m = font.metrics;
  const scale = 1000 / m.unitsPerEm;
  // A subset is named with a tag; a CFF font goes in whole, under its own name.
  const baseFont = name(font.isTrueType ? `${subsetTag(u.loaded.file, u.key)}+${font.postscriptName}` : font.postscriptName);
  let program: Uint8Array;
  let widths: [number, number][];
  if (font.isTrueType) {
    const subset = font.subset(u.glyphs);
    program = subset.bytes;
    widths = subset.glyphs.map((g, i) => [i, font.advance(g)]);
  } else {
    program = font.bytes;
    widths = [...u.ids.keys()].sort((a, b) => a - b).map((g) => [g, font.advance(g)]);
  }
  const fontFile = pdf.add(new PdfStream({ Filter: name('FlateDecode'), Length1: program.length, Subtype: font.isTrueType ? undefined : name('OpenType') }, compress(program)));
  const flags = (m.fixedPitch ? 1 : 0) | (m.serif ? 2 : 0) | 4 | (m.script ? 8 : 0) | (m.italic ? 64 : 0);
  const descriptor = pdf.add({
    Type: name('FontDescriptor'),
    FontName: baseFont,
    Flags: flags,
    FontBBox: m.bbox.map((v) => round(v * scale)),
    ItalicAngle: m.italicAngle,
    Ascent: round(m.ascent * scale),
    Descent: round(m.descent * scale),
    CapHeight: round(m.capHeight * scale),
    XHeight: round(m.xHeight * scale),
    StemV: 0,
    [font.isTrueType ? 'FontFile2' : 'FontFile3']: fontFile,
  });
  // W: runs of consecutive CIDs as `first [w1 w2 …]`.
  const w: PdfValue[] = [];
  let run: number[] = [];
  for (let i = 0; i < widths.length; i++) {
    if (i === 0 || widths[i]![0] !== widths[i - 1]![0] + 1) {
      run = [];
      w.push(widths[i]![0], run);
    }
    run.push(round(widths[i]![1] * scale));
  }
  const cidFont: PdfDict = {
    Type: name('Font'),
    Subtype: name(font.isTrueType ? 'CIDFontType2' : 'CIDFontType0'),
    CIDToGIDMap: font.isTrueType ? name('Identity') : undefined,
    BaseFont: baseFont,
    CIDSystemInfo: { Registry: new PdfLiteral('Adobe'), Ordering: new PdfLiteral('Identity'), Supplement: 0 },
    FontDescriptor: descriptor,
    W: w,
  };
  return pdf.add({
    Type: name('Font'),
    Subtype: name('Type0'),
    BaseFont: baseFont,
    Encoding: name('Identity-H'),
    DescendantFonts: [pdf.add(cidFont)],
    ToUnicode: pdf.add(new PdfStream({ Filter: name('FlateDecode') }, compress(unicodeCmap(u.codePoints)))),
  });
}

/** The ToUnicode CMap: each glyph id to the UTF-16 of the characters it draws. */
function unicodeCmap(codePoints: Map<number, number[]>): string {
  const utf16 = (cps: number[]) => cps.map((cp) => String.fromCodePoint(cp)).join('').split('').map((c) => hex4(c.charCodeAt(0))).join('');
  const entries = [...codePoints].sort((a, b) => a[0] - b[0]).map(([id, cps]) => `<${hex4(id)}> <${utf16(cps)}>`);
  let body = '';
  // At most 100 entries per block, as the CMap format requires.
  for (let i = 0; i < entries.length; i += 100) {
    const block = entries.slice(i, i + 100);
    body += `${block.length} beginbfchar\n${block.join('\n')}\nendbfchar\n`;
  }
  return '/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n'
    + '/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <ffff>\nendcodespacerange\n'
    + body + 'endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n';
}
