/**
 * Just enough of TrueType and OpenType for the PDF writer: character to glyph mapping (`cmap`
 * formats 4 and 12), advance widths (`hmtx`), standard ligatures (`GSUB` lookup type 4 of the
 * `liga`, `clig` and `rlig` features), the metrics a PDF font descriptor needs, and subsetting of
 * `glyf` fonts. Reading a font is a few table offsets, so a cold build pays microseconds instead of
 * the hundreds of milliseconds a general shaping engine costs to load and run. Kerning comes from
 * the `kern` table (format 0 pairs, as DejaVu ships them; a font with GPOS kerning only is set
 * without it); no mark positioning. Text in a script that needs shaping (right to left, Indic,
 * combining marks) is handed to fontkit, loaded only when such text appears.
 */
import { createRequire } from 'node:module';
import type fontkitType from '@pdf-lib/fontkit';

/**
 * Scripts whose glyphs depend on context or direction: combining marks, Hebrew to Myanmar
 * (Arabic, Indic, Thai, Tibetan…), Hangul jamo, Khmer, Mongolian, presentation forms, and the
 * right-to-left scripts beyond the Basic Plane.
 */
function needsShaping(cp: number): boolean {
  return cp >= 0x300 && (cp <= 0x36f || (cp >= 0x590 && cp <= 0x109f) || (cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0x1780 && cp <= 0x18af)
    || (cp >= 0x1ab0 && cp <= 0x1aff) || (cp >= 0x1dc0 && cp <= 0x1dff) || (cp >= 0x20d0 && cp <= 0x20ff) || (cp >= 0xfb1d && cp <= 0xfdff)
    || (cp >= 0xfe20 && cp <= 0xfe2f) || (cp >= 0xfe70 && cp <= 0xfeff) || (cp >= 0x10800 && cp <= 0x10fff));
}

let fontkit: typeof fontkitType | undefined;

/** Thrown for bytes that are not a font this module reads; the message says what was expected. */
export class FontFormatError extends Error {}

interface Table {
  offset: number;
  length: number;
}

/** A ligature: the glyphs after the first, and the glyph that replaces the whole sequence. */
interface Ligature {
  rest: number[];
  glyph: number;
}

/** Metrics in font units, as a PDF FontDescriptor wants them. */
export interface FontMetrics {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  capHeight: number;
  xHeight: number;
  italicAngle: number;
  bbox: readonly [number, number, number, number];
  fixedPitch: boolean;
  serif: boolean;
  script: boolean;
  italic: boolean;
}

/** A parsed font: glyph lookup, advances, ligatures, metrics, and the subsetter. */
export class TrueTypeFont {
  readonly postscriptName: string;
  /** The family name (name table id 1) that applications use to ask for the font. */
  readonly familyName: string;
  readonly metrics: FontMetrics;
  readonly numGlyphs: number;
  /** `glyf` outlines (subset here); otherwise CFF, embedded whole. */
  readonly isTrueType: boolean;
  private readonly view: DataView;
  private readonly tables = new Map<string, Table>();
  private readonly numberOfHMetrics: number;
  private readonly hmtx: number;
  private readonly cmapLookup: (cp: number) => number;
  private readonly glyphCache = new Map<number, number>();
  private readonly bmp = new Uint16Array(0x10000);
  /** Glyphs that may start a ligature: text without them needs no ligature pass. */
  private readonly ligatureStarts = new Set<number>();
  /** First glyph → ligatures starting with it, per lookup, in lookup order. */
  private readonly ligatureLookups: Map<number, Ligature[]>[];

  /** The font file, never modified (a subset copies what it changes). */
  readonly bytes: Uint8Array;
  /** Offset and count of the `kern` table's format-0 pairs (sorted by left and right glyph), if any. */
  private readonly kernPairs: { at: number; count: number } | null;
  /** The space glyph: no pair with it is kerned, so words measured apart add up to a line drawn whole. */
  private readonly spaceGlyph: number;
  /** fontkit's view of the same font, made on the first text that needs shaping. */
  private shaper?: fontkitType.Font;

  constructor(file: Uint8Array) {
    // A plain view: a Node Buffer's slice() would share memory instead of copying.
    const bytes = new Uint8Array(file.buffer, file.byteOffset, file.byteLength);
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (bytes.byteLength < 12) throw new FontFormatError('file too short');
    const tag = this.tag(0);
    if (tag === 'ttcf') throw new FontFormatError('font collection');
    if (tag !== 'OTTO' && tag !== 'true' && this.u32(0) !== 0x00010000) throw new FontFormatError(`unknown signature "${tag.replace(/[^\x20-\x7e]/g, '?')}"`);
    const count = this.u16(4);
    if (12 + 16 * count > bytes.byteLength) throw new FontFormatError('truncated table directory');
    for (let i = 0; i < count; i++) {
      const at = 12 + 16 * i;
      const t = { offset: this.u32(at + 8), length: this.u32(at + 12) };
      if (t.offset + t.length > bytes.byteLength) throw new FontFormatError(`table ${this.tag(at)} lies outside the file`);
      this.tables.set(this.tag(at), t);
    }
    const head = this.table('head');
    const hhea = this.table('hhea');
    const post = this.tables.get('post');
    const os2 = this.tables.get('OS/2');
    this.numGlyphs = this.u16(this.table('maxp').offset + 4);
    this.numberOfHMetrics = this.u16(hhea.offset + 34);
    this.hmtx = this.table('hmtx').offset;
    this.isTrueType = this.tables.has('glyf') && this.tables.has('loca');
    if (!this.isTrueType && !this.tables.has('CFF ')) throw new FontFormatError('no glyph outlines (glyf or CFF table)');
    const ascent = this.i16(hhea.offset + 4);
    const familyClass = os2 ? this.i16(os2.offset + 30) >> 8 : 0;
    const os2Version = os2 ? this.u16(os2.offset) : 0;
    this.metrics = {
      unitsPerEm: this.u16(head.offset + 18),
      ascent,
      descent: this.i16(hhea.offset + 6),
      capHeight: os2 && os2Version >= 2 && os2.length >= 90 ? this.i16(os2.offset + 88) || ascent : ascent,
      xHeight: os2 && os2Version >= 2 && os2.length >= 90 ? this.i16(os2.offset + 86) : 0,
      italicAngle: post ? this.i32(post.offset + 4) / 65536 : 0,
      bbox: [this.i16(head.offset + 36), this.i16(head.offset + 38), this.i16(head.offset + 40), this.i16(head.offset + 42)],
      fixedPitch: post ? this.u32(post.offset + 12) !== 0 : false,
      serif: familyClass >= 1 && familyClass <= 7,
      script: familyClass === 10,
      italic: (this.u16(head.offset + 44) & 2) !== 0,
    };
    this.postscriptName = this.readName(6) ?? 'Font';
    this.familyName = this.readName(1) ?? this.postscriptName;
    this.cmapLookup = this.readCmap();
    this.ligatureLookups = this.readLigatures();
    for (const lookup of this.ligatureLookups) for (const g of lookup.keys()) this.ligatureStarts.add(g);
    this.kernPairs = this.readKern();
    this.spaceGlyph = this.glyphFor(32);
  }

  /** The horizontal format-0 subtable of a version-0 `kern` table (the one older fonts carry). */
  private readKern(): { at: number; count: number } | null {
    const kern = this.tables.get('kern');
    if (!kern || kern.length < 4 || this.u16(kern.offset) !== 0) return null;
    let at = kern.offset + 4;
    const end = kern.offset + kern.length;
    for (let n = this.u16(kern.offset + 2); n > 0 && at + 6 <= end; n--) {
      const length = this.u16(at + 2);
      const coverage = this.u16(at + 4);
      // Format 0 (high byte), horizontal, not minimum values, not cross-stream.
      if (coverage >> 8 === 0 && (coverage & 0x7) === 1) {
        const count = this.u16(at + 6);
        if (at + 14 + 6 * count <= end) return count ? { at: at + 14, count } : null;
      }
      at += length;
    }
    return null;
  }

  /** Kerning between two glyphs in font units (negative brings them closer); 0 with a space. */
  kerning(left: number, right: number): number {
    const k = this.kernPairs;
    if (!k || left === this.spaceGlyph || right === this.spaceGlyph) return 0;
    const key = left * 0x10000 + right;
    let lo = 0;
    let hi = k.count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = k.at + 6 * mid;
      const pair = this.u16(at) * 0x10000 + this.u16(at + 2);
      if (pair === key) return this.i16(at + 4);
      if (pair < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  private u16 = (at: number) => this.view.getUint16(at);
  private i16 = (at: number) => this.view.getInt16(at);
  private u32 = (at: number) => this.view.getUint32(at);
  private i32 = (at: number) => this.view.getInt32(at);
  private tag = (at: number) => String.fromCharCode(this.bytes[at]!, this.bytes[at + 1]!, this.bytes[at + 2]!, this.bytes[at + 3]!);

  private table(tag: string): Table {
    const t = this.tables.get(tag);
    if (!t) throw new FontFormatError(`no ${tag} table`);
    return t;
  }

  private readName(id: number): string | undefined {
    const name = this.tables.get('name');
    if (!name) return undefined;
    const count = this.u16(name.offset + 2);
    const strings = name.offset + this.u16(name.offset + 4);
    let mac: string | undefined;
    for (let i = 0; i < count; i++) {
      const r = name.offset + 6 + 12 * i;
      if (this.u16(r + 6) !== id) continue;
      const platform = this.u16(r);
      const length = this.u16(r + 8);
      const at = strings + this.u16(r + 10);
      if (platform === 3 || platform === 0) {
        let s = '';
        for (let k = 0; k + 1 < length; k += 2) s += String.fromCharCode(this.u16(at + k));
        return s;
      }
      if (platform === 1 && mac === undefined) mac = String.fromCharCode(...this.bytes.subarray(at, at + length));
    }
    return mac;
  }

  /** The best Unicode subtable: full repertoire (format 12) first, then the BMP (format 4). */
  private readCmap(): (cp: number) => number {
    const cmap = this.table('cmap');
    const count = this.u16(cmap.offset + 2);
    const found = new Map<string, number>();
    for (let i = 0; i < count; i++) {
      const r = cmap.offset + 4 + 8 * i;
      const at = cmap.offset + this.u32(r + 4);
      found.set(`${this.u16(r)}/${this.u16(r + 2)}/${this.u16(at)}`, at);
    }
    for (const key of ['3/10/12', '0/6/12', '0/4/12', '3/1/4', '0/3/4', '0/2/4', '0/1/4', '0/0/4']) {
      const at = found.get(key);
      if (at === undefined) continue;
      if (key.endsWith('/12')) {
        const groups = this.u32(at + 12);
        return (cp) => {
          let lo = 0;
          let hi = groups - 1;
          while (lo <= hi) {
            const mid = (lo + hi) >> 1;
            const g = at + 16 + 12 * mid;
            if (cp < this.u32(g)) hi = mid - 1;
            else if (cp > this.u32(g + 4)) lo = mid + 1;
            else return this.u32(g + 8) + cp - this.u32(g);
          }
          return 0;
        };
      }
      const segs = this.u16(at + 6) >> 1;
      const ends = at + 14;
      const starts = ends + 2 * segs + 2;
      const deltas = starts + 2 * segs;
      const ranges = deltas + 2 * segs;
      return (cp) => {
        if (cp > 0xffff) return 0;
        let lo = 0;
        let hi = segs - 1;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (this.u16(ends + 2 * mid) < cp) lo = mid + 1;
          else hi = mid;
        }
        const start = this.u16(starts + 2 * lo);
        if (cp < start || cp > this.u16(ends + 2 * lo)) return 0;
        const delta = this.u16(deltas + 2 * lo);
        const range = this.u16(ranges + 2 * lo);
        if (range === 0) return (cp + delta) & 0xffff;
        const g = this.u16(ranges + 2 * lo + range + 2 * (cp - start));
        return g === 0 ? 0 : (g + delta) & 0xffff;
      };
    }
    throw new FontFormatError('no Unicode cmap subtable');
  }

  private coverage(at: number): number[] {
    const format = this.u16(at);
    const out: number[] = [];
    if (format === 1) {
      for (let i = 0, n = this.u16(at + 2); i < n; i++) out.push(this.u16(at + 4 + 2 * i));
    } else if (format === 2) {
      for (let i = 0, n = this.u16(at + 2); i < n; i++) {
        const r = at + 4 + 6 * i;
        for (let g = this.u16(r); g <= this.u16(r + 2); g++) out.push(g);
      }
    }
    return out;
  }

  /**
   * The ligature lookups of the standard ligature features in the Latin script's default
   * language (else the default script's), in lookup-list order, as the OpenType spec applies them.
   */
  private readLigatures(): Map<number, Ligature[]>[] {
    const gsub = this.tables.get('GSUB');
    if (!gsub || gsub.length < 10) return [];
    const base = gsub.offset;
    const scripts = base + this.u16(base + 4);
    const features = base + this.u16(base + 6);
    const lookups = base + this.u16(base + 8);
    let langSys = -1;
    for (const want of ['latn', 'DFLT']) {
      for (let i = 0, n = this.u16(scripts); i < n && langSys < 0; i++) {
        const r = scripts + 2 + 6 * i;
        if (this.tag(r) !== want) continue;
        const script = scripts + this.u16(r + 4);
        const def = this.u16(script);
        if (def) langSys = script + def;
      }
      if (langSys >= 0) break;
    }
    if (langSys < 0) return [];
    const indices = new Set<number>();
    for (let i = 0, n = this.u16(langSys + 4); i < n; i++) {
      const f = this.u16(langSys + 6 + 2 * i);
      const r = features + 2 + 6 * f;
      if (!['liga', 'clig', 'rlig'].includes(this.tag(r))) continue;
      const feature = features + this.u16(r + 4);
      for (let k = 0, m = this.u16(feature + 2); k < m; k++) indices.add(this.u16(feature + 4 + 2 * k));
    }
    const out: Map<number, Ligature[]>[] = [];
    for (const li of [...indices].sort((a, b) => a - b)) {
      const lookup = lookups + this.u16(lookups + 2 + 2 * li);
      const type = this.u16(lookup);
      const map = new Map<number, Ligature[]>();
      for (let s = 0, n = this.u16(lookup + 4); s < n; s++) {
        let sub = lookup + this.u16(lookup + 6 + 2 * s);
        if (type === 7) {
          // Extension: the real subtable lies behind a 32-bit offset.
          if (this.u16(sub + 2) !== 4) continue;
          sub += this.u32(sub + 4);
        } else if (type !== 4) continue;
        if (this.u16(sub) !== 1) continue;
        const firsts = this.coverage(sub + this.u16(sub + 2));
        firsts.forEach((first, ci) => {
          if (ci >= this.u16(sub + 4)) return;
          const set = sub + this.u16(sub + 6 + 2 * ci);
          const list = map.get(first) ?? [];
          for (let k = 0, m = this.u16(set); k < m; k++) {
            const lig = set + this.u16(set + 2 + 2 * k);
            const rest: number[] = [];
            for (let c = 1, cc = this.u16(lig + 2); c < cc; c++) rest.push(this.u16(lig + 4 + 2 * (c - 1)));
            list.push({ rest, glyph: this.u16(lig) });
          }
          map.set(first, list);
        });
      }
      if (map.size) out.push(map);
    }
    return out;
  }

  /** Glyph id for a code point, 0 (.notdef) when the font lacks it. */
  glyphFor(cp: number): number {
    if (cp < 0x10000) {
      // Basic plane: a flat table (glyph + 1; 0 = not looked up yet).
      const cached = this.bmp[cp]!;
      if (cached) return cached - 1;
    }
    let g = this.glyphCache.get(cp);
    if (g === undefined) {
      g = this.cmapLookup(cp);
      if (g >= this.numGlyphs) g = 0;
      if (cp < 0x10000) this.bmp[cp] = g + 1;
      else this.glyphCache.set(cp, g);
    }
    return g;
  }

  /** Advance width of a glyph in font units. */
  advance(glyph: number): number {
    const i = glyph < this.numberOfHMetrics ? glyph : this.numberOfHMetrics - 1;
    return this.view.getUint16(this.hmtx + 4 * i);
  }

  /**
   * The glyphs that draw `text`, ligatures applied, each with the code points it stands for
   * (several for a ligature), for the PDF's text-extraction map.
   */
  glyphs(text: string): { ids: number[]; codePoints: number[][] } {
    const run = this.glyphRun(text);
    if (run.codePoints) return { ids: run.ids, codePoints: run.codePoints };
    const cps = run.starts.map((from, i) => [...text.slice(from, run.starts[i + 1] ?? text.length)].map((c) => c.codePointAt(0)!));
    return { ids: run.ids, codePoints: cps };
  }

  /**
   * The glyphs that draw `text` and where each starts in it (UTF-16 offsets), so the characters
   * a glyph stands for are sliced out only when they are needed; text that fontkit shaped comes
   * with its code points instead (shaping may reorder).
   */
  glyphRun(text: string): { ids: number[]; starts: number[]; codePoints?: number[][] } {
    let ids: number[] = [];
    let starts: number[] = [];
    let ligatures = false;
    for (let i = 0; i < text.length; i++) {
      const from = i;
      let cp = text.charCodeAt(i);
      if (cp >= 0xd800 && cp < 0xdc00 && i + 1 < text.length) cp = text.codePointAt(i++)!;
      if (needsShaping(cp)) return { ...this.shape(text), starts: [] };
      const g = this.glyphFor(cp);
      if (this.ligatureStarts.has(g)) ligatures = true;
      ids.push(g);
      starts.push(from);
    }
    if (!ligatures) return { ids, starts };
    for (const lookup of this.ligatureLookups) {
      const nextIds: number[] = [];
      const nextStarts: number[] = [];
      for (let i = 0; i < ids.length; i++) {
        const candidates = lookup.get(ids[i]!);
        const lig = candidates?.find((l) => l.rest.every((g, k) => ids[i + 1 + k] === g));
        nextIds.push(lig ? lig.glyph : ids[i]!);
        nextStarts.push(starts[i]!);
        if (lig) i += lig.rest.length;
      }
      ids = nextIds;
      starts = nextStarts;
    }
    return { ids, starts };
  }

  /** Glyphs of `text` shaped by fontkit (visual order, contextual forms). */
  private shape(text: string): { ids: number[]; codePoints: number[][] } {
    fontkit ??= createRequire(import.meta.url)('@pdf-lib/fontkit') as typeof fontkitType;
    // Parsed once per font (fonts themselves are read once per file, see fonts.ts).
    this.shaper ??= fontkit.create(Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength)) as fontkitType.Font;
    const glyphs = this.shaper.layout(text).glyphs;
    return { ids: glyphs.map((g) => g.id), codePoints: glyphs.map((g) => [...g.codePoints]) };
  }

  /** Width of `text` in font units: the advances of its glyphs, kerned as `kerning` says. */
  width(text: string): number {
    let w = 0;
    let prev = -1;
    for (let i = 0; i < text.length; i++) {
      let cp = text.charCodeAt(i);
      if (cp >= 0xd800 && cp < 0xdc00 && i + 1 < text.length) cp = text.codePointAt(i++)!;
      // Text that may form ligatures or needs shaping takes the full path.
      if (needsShaping(cp)) return this.sumAdvances(text);
      const g = this.glyphFor(cp);
      if (this.ligatureStarts.has(g)) return this.sumAdvances(text);
      w += this.advance(g);
      if (prev >= 0 && this.kernPairs) w += this.kerning(prev, g);
      prev = g;
    }
    return w;
  }

  private sumAdvances(text: string): number {
    const run = this.glyphRun(text);
    let w = 0;
    run.ids.forEach((g, i) => {
      w += this.advance(g);
      // Glyphs fontkit shaped are set as it placed them, without kerning pairs.
      if (i > 0 && !run.codePoints) w += this.kerning(run.ids[i - 1]!, g);
    });
    return w;
  }

  /**
   * A TrueType font holding only `glyphs` (new id = index; glyph 0 must be .notdef) plus the
   * glyphs their composites are built from, appended in order of discovery. Returns the font
   * file and the full glyph list (the given ones first).
   */
  subset(glyphs: readonly number[]): { bytes: Uint8Array; glyphs: number[] } {
    if (!this.isTrueType) throw new Error('subset() needs glyf outlines');
    const head = this.table('head');
    const loca = this.table('loca');
    const glyf = this.table('glyf');
    const longLoca = this.i16(head.offset + 50) === 1;
    const where = (g: number): [number, number] => {
      const a = longLoca ? this.u32(loca.offset + 4 * g) : 2 * this.u16(loca.offset + 2 * g);
      const b = longLoca ? this.u32(loca.offset + 4 * g + 4) : 2 * this.u16(loca.offset + 2 * g + 2);
      return [glyf.offset + a, b - a];
    };
    const list = [...glyphs];
    const index = new Map<number, number>();
    list.forEach((g, i) => index.set(g, i));
    const data: Uint8Array[] = [];
    // Components are found while copying, so the list may grow as the loop runs.
    for (let i = 0; i < list.length; i++) {
      const [at, length] = where(list[i]!);
      const copy = this.bytes.slice(at, at + length);
      if (length > 0 && this.i16(at) < 0) {
        const view = new DataView(copy.buffer);
        let p = 10;
        for (;;) {
          const flags = view.getUint16(p);
          const component = view.getUint16(p + 2);
          let id = index.get(component);
          if (id === undefined) {
            id = list.length;
            list.push(component);
            index.set(component, id);
          }
          view.setUint16(p + 2, id);
          p += 4 + (flags & 1 ? 4 : 2) + (flags & 8 ? 2 : flags & 0x40 ? 4 : flags & 0x80 ? 8 : 0);
          if (!(flags & 0x20)) break;
        }
      }
      data.push(copy);
    }
    const n = list.length;
    const glyfOut = new Uint8Array(data.reduce((s, d) => s + ((d.length + 3) & ~3), 0));
    const locaOut = new DataView(new ArrayBuffer(4 * (n + 1)));
    let pos = 0;
    data.forEach((d, i) => {
      locaOut.setUint32(4 * i, pos);
      glyfOut.set(d, pos);
      pos += (d.length + 3) & ~3;
    });
    locaOut.setUint32(4 * n, pos);
    const hmtxOut = new DataView(new ArrayBuffer(4 * n));
    list.forEach((g, i) => {
      hmtxOut.setUint16(4 * i, this.advance(g));
      const lsb = g < this.numberOfHMetrics ? this.hmtx + 4 * g + 2 : this.hmtx + 4 * this.numberOfHMetrics + 2 * (g - this.numberOfHMetrics);
      hmtxOut.setInt16(4 * i + 2, this.i16(lsb));
    });
    const copyOf = (tag: string) => {
      const t = this.tables.get(tag);
      return t ? this.bytes.slice(t.offset, t.offset + t.length) : undefined;
    };
    const headOut = copyOf('head')!;
    new DataView(headOut.buffer).setUint32(8, 0); // checksum adjustment: recomputed below
    new DataView(headOut.buffer).setInt16(50, 1); // long loca offsets
    const hheaOut = copyOf('hhea')!;
    new DataView(hheaOut.buffer).setUint16(34, n);
    const maxpOut = copyOf('maxp')!;
    new DataView(maxpOut.buffer).setUint16(4, n);
    const tables: [string, Uint8Array | undefined][] = [
      ['cvt ', copyOf('cvt ')],
      ['fpgm', copyOf('fpgm')],
      ['glyf', glyfOut],
      ['head', headOut],
      ['hhea', hheaOut],
      ['hmtx', new Uint8Array(hmtxOut.buffer)],
      ['loca', new Uint8Array(locaOut.buffer)],
      ['maxp', maxpOut],
      ['prep', copyOf('prep')],
    ];
    const bytes = writeSfnt(tables.filter((t): t is [string, Uint8Array] => t[1] !== undefined));
    return { bytes, glyphs: list };
  }
}

function checksum(bytes: Uint8Array, from: number, length: number): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  let sum = 0;
  for (let i = 0; i < length; i += 4) sum = (sum + view.getUint32(from + i)) >>> 0;
  return sum;
}

/** An sfnt file from tables already sorted by tag, each padded to four bytes, with checksums. */
function writeSfnt(tables: [string, Uint8Array][]): Uint8Array {
  const n = tables.length;
  const dirLength = 12 + 16 * n;
  const size = dirLength + tables.reduce((s, [, t]) => s + ((t.length + 3) & ~3), 0);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  const pow = 2 ** Math.floor(Math.log2(n));
  view.setUint32(0, 0x00010000);
  view.setUint16(4, n);
  view.setUint16(6, pow * 16);
  view.setUint16(8, Math.log2(pow));
  view.setUint16(10, n * 16 - pow * 16);
  let at = dirLength;
  let headAt = -1;
  tables.forEach(([tag, data], i) => {
    const r = 12 + 16 * i;
    for (let k = 0; k < 4; k++) out[r + k] = tag.charCodeAt(k);
    out.set(data, at);
    const padded = (data.length + 3) & ~3;
    view.setUint32(r + 4, checksum(out, at, padded));
    view.setUint32(r + 8, at);
    view.setUint32(r + 12, data.length);
    if (tag === 'head') headAt = at;
    at += padded;
  });
  if (headAt >= 0) view.setUint32(headAt + 8, (0xb1b0afba - checksum(out, 0, size)) >>> 0);
  return out;
}
