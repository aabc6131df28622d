/**
 * The PDF writer's own font reading, subsetting and hyphenation, checked against the libraries
 * they replace (fontkit's layout and glyph outlines, the `hyphen` package) on real text: the
 * bundled papers and the torture fixture.
 */
import { describe, expect, it } from 'vitest';
import fontkit from '@pdf-lib/fontkit';
import hyphenEnUs from 'hyphen/en-us/index.js';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { TrueTypeFont } from '../../src/render/pdf/truetype.js';
import { syllablesOf } from '../../src/render/pdf/hyphenate.js';
import { markdownToPdf } from '../../src/render/pdf/index.js';
import { fromMarkdown } from '../../src/render/markdown.js';
import { repoRoot } from '../helpers.js';
import { readPdf } from './read-pdf.js';

const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const sources = readdirSync(join(repoRoot, 'sources')).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(repoRoot, 'sources', f), 'utf8'));
const torture = readFileSync(join(repoRoot, 'tests', 'render', 'fixtures', 'torture.md'), 'utf8');

describe('TrueType reading', () => {
  const words = [...new Set((sources[0]! + torture).split(/\s+/).filter(Boolean))];

  it.each(['DejaVuSerif-Italic.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSansMono.ttf'])('gives fontkit’s glyphs, ligatures and kerned advances for every word (%s)', (file) => {
    const bytes = readFileSync(join(fontDir, file));
    const ours = new TrueTypeFont(bytes);
    const theirs = fontkit.create(bytes) as fontkit.Font;
    expect(words.length).toBeGreaterThan(1000);
    let ligatures = 0;
    let kerned = 0;
    const differ: string[] = [];
    for (const w of words) {
      const layout = theirs.layout(w);
      const expected = layout.glyphs;
      const got = ours.glyphs(w);
      // fontkit kerns from GPOS; ours reads the font's kern table: the widths must agree.
      const width = layout.positions.reduce((s, p) => s + p.xAdvance, 0);
      if (got.ids.join() !== expected.map((g) => g.id).join()) differ.push(`${w}: glyphs ${got.ids} for ${expected.map((g) => g.id)}`);
      else if (ours.width(w) !== width) differ.push(`${w}: width ${ours.width(w)} for ${width}`);
      if (got.ids.length < [...w].length) ligatures++;
      if (width !== expected.reduce((s, g) => s + g.advanceWidth, 0)) kerned++;
    }
    expect(differ).toEqual([]);
    // DejaVu Sans Mono has no ligatures and no kerning; the proportional faces join ff, fi, fl and kern pairs such as "Te".
    if (!file.includes('Mono')) expect(ligatures).toBeGreaterThan(10);
    if (!file.includes('Mono')) expect(kerned).toBeGreaterThan(100);
    expect(ours.metrics.ascent).toBe(theirs.ascent);
    expect(ours.metrics.descent).toBe(theirs.descent);
    expect(ours.metrics.italicAngle).toBe(theirs.italicAngle);
    expect(ours.postscriptName).toBe(theirs.postscriptName);
  });

  it('writes a subset whose glyphs have the original outlines and advances, composites included', () => {
    const bytes = readFileSync(join(fontDir, 'DejaVuSerif.ttf'));
    const font = new TrueTypeFont(bytes);
    const original = fontkit.create(bytes) as fontkit.Font;
    // é and Å are composites in DejaVu (base letter + accent): their parts must come along.
    const used = [0, ...new Set(font.glyphs('Afﬁce éÅ qz').ids)];
    const { bytes: subsetBytes, glyphs } = font.subset(used);
    expect(glyphs.slice(0, used.length)).toEqual(used);
    expect(glyphs.length).toBeGreaterThan(used.length);
    const subset = fontkit.create(Buffer.from(subsetBytes)) as fontkit.Font;
    expect(subset.numGlyphs).toBe(glyphs.length);
    glyphs.forEach((g, i) => {
      expect(subset.getGlyph(i).advanceWidth).toBe(original.getGlyph(g).advanceWidth);
      expect(subset.getGlyph(i).path.toSVG()).toBe(original.getGlyph(g).path.toSVG());
    });
  });

  it('kerns pairs inside a word but never a pair with a space, and draws the kerning it measured', async () => {
    const font = new TrueTypeFont(readFileSync(join(fontDir, 'DejaVuSerif.ttf')));
    const [T, o, A, V, space] = ['T', 'o', 'A', 'V', ' '].map((c) => font.glyphFor(c.codePointAt(0)!));
    expect(font.kerning(T!, o!)).toBeLessThan(0);
    expect(font.width('AV')).toBe(font.advance(A!) + font.advance(V!) + font.kerning(A!, V!));
    expect(font.kerning(space!, A!)).toBe(0);
    expect(font.width('A V')).toBe(font.width('A') + font.width(' ') + font.width('V'));
    const pdf = await readPdf(await markdownToPdf(fromMarkdown('# Tokyo AVATAR\n\nTowards a Yearly Volume of Toys.\n'), { title: 'T', author: 'A', date: '2023-01-01', pageSize: 'A4' }));
    expect(pdf.pages[0]!.text).toContain('Tokyo AVATAR');
    expect(pdf.pages[0]!.text).toContain('Towards a Yearly Volume of Toys.');
  });

  it('rejects what is not a font, naming the problem', () => {
    expect(() => new TrueTypeFont(new TextEncoder().encode('{"name": "not a font"}'))).toThrow(/signature/);
    expect(() => new TrueTypeFont(new Uint8Array(4))).toThrow(/too short/);
  });

  it('keeps ligatures and shaped scripts searchable in the PDF', async () => {
    const pdf = await readPdf(await markdownToPdf(fromMarkdown('# T\n\nAn official office affair, filed in Arabic: العربية.'), { title: 'T', author: 'A', date: '2023-01-01', pageSize: 'A4' }));
    const text = pdf.pages[0]!.text;
    expect(text).toContain('An official office affair, filed in Arabic:');
    expect(text).toMatch(/العربية|ةيبرعلا/);
  });
});

describe('hyphenation', () => {
  it('finds the same points as the hyphen package for every word of the bundled papers', () => {
    const words = new Set<string>();
    for (const s of sources) for (const w of s.match(/\p{L}+/gu) ?? []) words.add(w);
    expect(words.size).toBeGreaterThan(3000);
    const differ = [...words].filter((w) => syllablesOf(w).join('-') !== hyphenEnUs.hyphenateSync(w, { hyphenChar: '-' }));
    expect(differ).toEqual([]);
  });
});

describe('CFF-flavoured OpenType from the config', () => {
  // test-serif-cff.otf: DejaVu Serif's printable ASCII, outlines converted to CFF, renamed (DejaVu licence).
  const otf = join(repoRoot, 'tests', 'render', 'fixtures', 'test-serif-cff.otf');

  it('is read like a TrueType font and embedded whole, once, with its text extractable', async () => {
    const font = new TrueTypeFont(readFileSync(otf));
    expect(font.isTrueType).toBe(false);
    expect(font.postscriptName).toBe('TestSerifCFF');
    const serif = new TrueTypeFont(readFileSync(join(fontDir, 'DejaVuSerif.ttf')));
    expect(font.width('Office affairs')).toBe(serif.width('Office affairs'));
    const md = '# T\n\nMeta.\n\nAn official office affair, *in italic*, with counterterrorism internationalisation.';
    const pdf = await readPdf(await markdownToPdf(fromMarkdown(md), { title: 'T', author: 'A', date: '2023-01-01', pageSize: 'A4', fonts: { regular: otf } }));
    expect(pdf.fontsEmbedded).toBe(true);
    // Regular and the italic that falls back to the same file share one embedded font.
    expect(pdf.fontNames.filter((n) => n.includes('TestSerifCFF'))).toEqual(['/TestSerifCFF']);
    expect(pdf.pages[0]!.text.replace(/\s+/g, ' ')).toContain('An official office affair, in italic, with counterterror');
  });
});
