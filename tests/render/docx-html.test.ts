import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import { unzipSync, strFromU8 } from 'fflate';
import { render } from '../../src/render/index.js';
import { loadTemplate } from '../../src/cli/template-files.js';
import { Report } from '../../src/model/diagnostics.js';
import { fixtureBrief, answerKeyTemplate } from './fixture.js';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');

const ctx = { report: new Report() };

describe('DOCX and HTML from the same view model', () => {
  it('writes a Word file with headings, lists, tables, footnotes, links and fixed metadata', async () => {
    const [docx] = await render(fixtureBrief(), loadTemplate('handout'), ctx, { formats: ['docx'], pageSize: 'Letter' });
    const buffer = Buffer.from(docx!.bytes);
    const html = (await mammoth.convertToHtml({ buffer })).value;
    // The title uses Word's Title style; `##` sections are Heading 1.
    expect(html).toContain('Pakistan after the withdrawal');
    expect(html).toMatch(/<h1>Learning objectives<\/h1>/);
    expect(html).toMatch(/<table>/);
    expect(html).toMatch(/<ol>/);
    // An answer key's passages, written as footnotes, are real Word footnotes.
    const withNotes = answerKeyTemplate;
    const [notes] = await render(fixtureBrief(), withNotes, ctx, { formats: ['docx'], pageSize: 'Letter' });
    expect((await mammoth.convertToHtml({ buffer: Buffer.from(notes!.bytes) })).value).toMatch(/footnote-1/);
    expect(html).toContain('<a href="https://doi.org/10.1234/jt.2024.1">');
    expect(html).not.toMatch(/href="javascript|<img/);
    const files = unzipSync(docx!.bytes);
    const core = strFromU8(files['docProps/core.xml']!);
    expect(core).toContain('2023-11-14T00:00:00Z');
    expect(core).toContain('<dc:title>Pakistan after the withdrawal</dc:title>');
    const doc = strFromU8(files['word/document.xml']!);
    expect(doc).toMatch(/w:w="12240"/); // Letter width in twips
    for (const [name, data] of Object.entries(files)) if (/\.(xml|rels)$/.test(name)) expect(strFromU8(data), name).not.toMatch(/"rId[a-z0-9_-]{21}"/);
  });

  it('writes a standalone HTML page with contents, escaped text and no external resources', async () => {
    const [page] = await render(fixtureBrief(), loadTemplate('briefing'), ctx, { formats: ['html'] });
    const html = new TextDecoder().decode(page!.bytes);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<nav class="toc">');
    expect(html).toContain('<meta name="author" content="Test Institute">');
    // One inline script (the reader's), allowed by its hash in the page's CSP; nothing loaded from elsewhere.
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    const hash = createHash('sha256').update(scripts[0]![1]!).digest('base64');
    expect(html).toContain(`script-src 'sha256-${hash}'`);
    expect(html.replace(scripts[0]![0], '')).not.toMatch(/<script|<img|<link |<iframe|\ssrc="|href="(?!#|https:\/\/doi\.org\/)/);
    expect(html).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
  });

  it("name the config's font files by their family, in place of the template's body family and of the code font", async () => {
    const fonts = { regular: join(fontDir, 'DejaVuSansCondensed.ttf'), mono: join(fontDir, 'DejaVuSansMono-Bold.ttf') };
    const [page, docx] = await render(fixtureBrief(), loadTemplate('briefing'), ctx, { formats: ['html', 'docx'], fonts });
    const css = /<style>([^]*?)<\/style>/.exec(new TextDecoder().decode(page!.bytes))![1]!;
    // The briefing's body family is serif, its headings sans: only the body changes.
    expect(css).toContain('body{font-family:"DejaVu Sans Condensed","DejaVu Serif",Georgia,serif;');
    expect(css).toContain('h1,h2,h3,h4{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;');
    expect(css).toContain('code,pre{font-family:"DejaVu Sans Mono","DejaVu Sans Mono",Menlo,Consolas,monospace}');
    const styles = strFromU8(unzipSync(docx!.bytes)['word/styles.xml']!);
    expect(styles).toContain('w:ascii="DejaVu Sans Condensed"');
    // Without config fonts, a sans-bodied template is sans in HTML too (it was always serif).
    const t = loadTemplate('briefing');
    const [plain] = await render(fixtureBrief(), { ...t, config: { ...t.config!, fonts: { body: 'sans', heading: 'serif' } } }, ctx, { formats: ['html'] });
    expect(new TextDecoder().decode(plain!.bytes)).toContain('body{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;');
    // A file that is not a font is refused, naming it, as the PDF writer does.
    const notFont = join(fontDir, '..', 'package.json');
    await expect(render(fixtureBrief(), t, ctx, { formats: ['docx'], fonts: { regular: notFont } })).rejects.toMatchObject({ kind: 'input', file: notFont, message: expect.stringMatching(/expected a TrueType or OpenType font/) });
  });
});
