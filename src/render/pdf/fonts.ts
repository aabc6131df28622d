/**
 * Fonts for the PDF: the DejaVu families (serif, sans, mono) in regular, bold, italic and bold
 * italic, read from the `dejavu-fonts-ttf` package. Text is measured with fontkit (each distinct
 * word once, cached) and embedded into the PDF lazily and subset, under a fixed name so builds
 * are reproducible. A character a face lacks falls back to the same style of DejaVu Sans, then to
 * DejaVu Sans regular.
 */
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import type { FontFamily } from '../templates.js';
import { inputError } from '../../model/errors.js';

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
  key: string;
  file: string;
  bytes: Uint8Array;
  font: fontkit.Font;
  /** Width cache: text → width in font units. */
  widths: Map<string, number>;
  covers: Map<number, boolean>;
}

// Parsed fonts are immutable, so one cache per process (by file) is safe and saves ~100 ms per render.
const loaded = new Map<string, LoadedFace>();
const parsed = new WeakMap<Uint8Array, fontkit.Font>();

/**
 * A fontkit for pdf-lib that hands back the fonts already parsed for measuring instead of
 * parsing the same bytes again for every document.
 */
export const cachedFontkit = {
  create: (bytes: Uint8Array, postscriptName?: string) => parsed.get(bytes) ?? fontkit.create(bytes, postscriptName),
} as unknown as typeof fontkit;

function loadFile(path: string, key: string): LoadedFace {
  let f = loaded.get(path);
  if (!f) {
    let bytes: Uint8Array;
    let font: fontkit.Font;
    try {
      bytes = readFileSync(path);
      font = fontkit.create(bytes);
    } catch (e) {
      throw inputError(path, `Unexpected font file: ${(e as Error).message.split('\n')[0]}, expected a TrueType or OpenType font`);
    }
    if (!('layout' in font)) throw inputError(path, 'Unexpected font collection, expected a single TrueType or OpenType font');
    f = { key, file: path, bytes, font, widths: new Map(), covers: new Map() };
    loaded.set(path, f);
    parsed.set(bytes, font);
  }
  return f;
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

/** Measuring and embedding fonts for one document. */
export class FontSet {
  private embedded = new Map<string, PDFFont>();

  /**
   * @param bodyFamily the family whose faces `custom` replaces
   * @param custom user font files (read on first use)
   */
  constructor(private readonly bodyFamily: FontFamily = 'serif', private readonly custom: Readonly<CustomFonts> = {}) {}

  private load(face: Face): LoadedFace {
    const key = faceKey(face);
    const c = this.custom;
    let path: string | undefined;
    if (face.family === 'mono') path = c.mono;
    else if (face.family === this.bodyFamily && c.regular) {
      path = face.weight === 'bold'
        ? (face.slant === 'italic' ? c.boldItalic ?? c.bold : c.bold) ?? c.regular
        : face.slant === 'italic' ? c.italic ?? c.regular : c.regular;
    }
    return path ? loadFile(path, key) : loadFile(join(fontDir, files[face.family][`${face.weight}-${face.slant}`]!), key);
  }

  /** Width of `text` in `face` at `size` points (cached per face and text). */
  width(text: string, face: Face, size: number): number {
    const f = this.load(face);
    let w = f.widths.get(text);
    if (w === undefined) {
      w = 0;
      for (const g of f.font.layout(text).glyphs) w += g.advanceWidth;
      f.widths.set(text, w);
    }
    return (w * size) / f.font.unitsPerEm;
  }

  /** Ascent and descent (positive, points) of a face at a size. */
  metrics(face: Face, size: number): { ascent: number; descent: number } {
    const f = this.load(face).font;
    return { ascent: (f.ascent * size) / f.unitsPerEm, descent: (-f.descent * size) / f.unitsPerEm };
  }

  private covers(face: Face, cp: number): boolean {
    const f = this.load(face);
    let c = f.covers.get(cp);
    if (c === undefined) {
      c = f.font.hasGlyphForCodePoint(cp);
      f.covers.set(cp, c);
    }
    return c;
  }

  /** Splits `text` into runs each drawn in a face that has its glyphs (font fallback). */
  resolve(text: string, face: Face): FacedText[] {
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

  /** The embedded (subset) font for a face, embedding it on first use. */
  async embed(pdf: PDFDocument, face: Face): Promise<PDFFont> {
    const key = faceKey(face);
    let font = this.embedded.get(key);
    if (!font) {
      const f = this.load(face);
      // A fixed subset tag instead of pdf-lib's random suffix keeps builds byte-identical.
      let h = 2166136261;
      // Named by file name and face, not path, so the bytes do not depend on where things are installed.
      for (const c of basename(f.file) + key) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
      let tag = '';
      for (let i = 0; i < 6; i++, h = Math.floor(h / 26)) tag += String.fromCharCode(65 + (h % 26));
      font = await pdf.embedFont(f.bytes, { subset: true, customName: `${tag}+${f.font.postscriptName}` });
      // pdf-lib shapes the text again on every drawText; the same word always encodes the same
      // way (and its glyphs are already in the subset after the first call), so remember it.
      const encode = font.encodeText.bind(font);
      const encoded = new Map<string, ReturnType<PDFFont['encodeText']>>();
      font.encodeText = (text: string) => {
        let e = encoded.get(text);
        if (!e) { e = encode(text); encoded.set(text, e); }
        return e;
      };
      this.embedded.set(key, font);
    }
    return font;
  }
}
