/**
 * Hostile input, end to end through the CLI: templates cannot reach prototypes, files outside the
 * template folder or the environment; source text cannot inject raw HTML, scripts, images or
 * unsafe links into the Markdown, HTML or PDF outputs.
 */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { parseHTML } from 'linkedom';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString, PDFHexString } from 'pdf-lib';
import { brief, goodSource, makeProject, stackLine, type RunResult } from './helpers.js';

const secret = 'BW-TOP-SECRET-7f3a91';

/** A project with one good source and a user template `t` made of `body` (and optional partials). */
function templateProject(body: string, partials: Record<string, string> = {}): string {
  const p = makeProject({ 'a.txt': goodSource('grid reliability') });
  const dir = join(p, 'tpl', 't');
  mkdirSync(join(dir, 'partials'), { recursive: true });
  writeFileSync(join(dir, 't.md.hbs'), body);
  for (const [n, s] of Object.entries(partials)) writeFileSync(join(dir, 'partials', n), s);
  return p;
}

const runTemplate = (p: string) => brief(p, ['build', '--templates', 'tpl', '--template', 't', '--format', 'md'], { BW_SECRET: secret });
const outText = (p: string) => (existsSync(join(p, 'out', 't.md')) ? readFileSync(join(p, 'out', 't.md'), 'utf8') : '');

describe('templates cannot reach prototypes, other files or the environment', () => {
  // Probes that fail under strict mode get a build each; the lookups that resolve to nothing share one.
  const prototypeProbes = [
    '{{constructor.constructor}}',
    '{{title.constructor.name}}',
    '{{#each this}}{{@key}}={{constructor.name}};{{/each}}',
    '{{lookup this "constructor"}}|{{#with (lookup this "__proto__")}}[{{constructor}}]{{/with}}|{{lookup (lookup this "constructor") "prototype"}}|{{lookup title "constructor"}}',
  ];
  for (const probe of prototypeProbes) {
    it(`${probe}: no Function, prototype or native code in the output, no crash`, async () => {
      const p = templateProject(`# {{title}}\n\n${probe}\n`);
      const r = await runTemplate(p);
      expect(r.stderr).not.toMatch(stackLine);
      expect([0, 3]).toContain(r.status);
      const md = outText(p);
      expect(md).not.toMatch(/native code|function |\[object Object\]|__proto__|=Object;|=Function;|prototype/);
      if (r.status === 3) expect(r.stderr).toMatch(/tpl\/t\/t\.md\.hbs:\d+:\d+: error:/);
      else expect(md).toMatch(/^# /);
    });
  }

  it('{{> ../../x}}: a partial outside the template folder is not read', async () => {
    const p = templateProject('# {{title}}\n\n{{> ../../x}}\n{{> ../secret}}\n');
    writeFileSync(join(p, 'tpl', 'x.hbs'), secret);
    writeFileSync(join(p, 'x.hbs'), secret);
    writeFileSync(join(p, 'tpl', 't', 'secret.hbs'), secret);
    const r = await runTemplate(p);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/tpl\/t\/t\.md\.hbs:\d+:\d+: error: .*partial/i);
    expect(r.stderr).not.toContain(secret);
    expect(outText(p)).not.toContain(secret);
  });

  it('the environment is not visible: {{process.env.BW_SECRET}}, {{env.BW_SECRET}}, {{@root.process}} fail under strict mode', async () => {
    for (const probe of ['{{process.env.BW_SECRET}}', '{{env.BW_SECRET}}', '{{@root.process.env.BW_SECRET}}']) {
      const p = templateProject(`# {{title}}\n\n${probe}\n`);
      const r = await runTemplate(p);
      expect(r.status, probe).toBe(3);
      // The file is always named; a two-level path (process.env) fails inside Handlebars without a position.
      expect(r.stderr).toMatch(/tpl\/t\/t\.md\.hbs(:3:\d+)?: error:/);
      expect(r.stderr).not.toMatch(stackLine);
      expect(r.stderr + outText(p)).not.toContain(secret);
    }
  });
});

describe('template and config errors name the file, line and column (exit 3)', () => {
  it('a Handlebars syntax error', async () => {
    const p = templateProject('# {{title}}\n\nSome text\n{{#each themes}}\n- {{label}}\n');
    const r = await runTemplate(p);
    expect(r.status).toBe(3);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/tpl\/t\/t\.md\.hbs:\d+:\d+: error:/);
    expect(r.stderr).not.toMatch(stackLine);
  });

  it('an unknown helper', async () => {
    const p = templateProject('# {{title}}\n\n{{shout title}}\n');
    const r = await runTemplate(p);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/tpl\/t\/t\.md\.hbs:3:\d+: error: .*shout/);
  });

  it('a missing field under strict mode', async () => {
    const p = templateProject('# {{title}}\n\n\n{{titel}}\n');
    const r = await runTemplate(p);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/tpl\/t\/t\.md\.hbs:4:\d+: error: .*titel/);
  });

  it('a missing template: exit 2, names it', async () => {
    const p = makeProject({ 'a.txt': goodSource() });
    const r = await brief(p, ['build', '--template', 'nope']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/"nope"/);
    expect(r.stderr).not.toMatch(stackLine);
  });

  const configCases: [string, string, string, RegExp][] = [
    ['an unknown key', 'briefwright.config.yaml', 'title: A Brief\ntitel: typo\n', /briefwright\.config\.yaml:2:1: error: .*titel/],
    ['a wrong type', 'briefwright.config.yaml', 'title: A Brief\nthemes: many\n', /briefwright\.config\.yaml:2:9: error: .*themes/],
    ['a YAML syntax error', 'briefwright.config.yaml', 'title: A Brief\nthemes: [1, 2\n', /briefwright\.config\.yaml:\d+:\d+: error:/],
    ['an unknown key in JSON', 'briefwright.config.json', '{\n  "title": "A Brief",\n  "colour": "red"\n}\n', /briefwright\.config\.json:3:\d+: error: .*colour/],
  ];
  for (const [what, file, text, re] of configCases) {
    it(`config: ${what}`, async () => {
      const p = makeProject({ 'a.txt': goodSource() });
      writeFileSync(join(p, file), text);
      const r = await brief(p, ['build', '--format', 'json']);
      expect(r.status, r.stderr).toBe(3);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(re);
      expect(readdirSync(p)).not.toContain('out');
    });
  }

  it('config: out outside the project is refused unless allowOutsideOut: true', async () => {
    const p = makeProject({ 'a.txt': goodSource() }, 'bw-rob-proj-');
    mkdirSync(join(p, 'inner'));
    writeFileSync(join(p, 'inner', 'briefwright.config.yaml'), 'sources: ../sources\nout: ../elsewhere\n');
    const r = await brief(join(p, 'inner'), ['build', '--format', 'json']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/outside the project.*allowOutsideOut/);
    expect(existsSync(join(p, 'elsewhere'))).toBe(false);
    writeFileSync(join(p, 'inner', 'briefwright.config.yaml'), 'sources: ../sources\nout: ../elsewhere\nallowOutsideOut: true\n');
    const ok = await brief(join(p, 'inner'), ['build', '--format', 'json']);
    expect(ok.status, ok.stderr).toBe(0);
    expect(existsSync(join(p, 'elsewhere', 'model.json'))).toBe(true);
  });
});

/** Source text full of things that must stay text: raw HTML, scripts, images, javascript: links. */
const hostileMarkdown = [
  '# Hostile Report on School Funding',
  '',
  '## 1. Findings',
  '',
  'Our analysis shows that school funding <script>alert("XSS-SCRIPT")</script> rose by 40 percent in 2019.',
  'We find that spending <img src="x" onerror="alert(\'XSS-IMG\')"> fell sharply in rural districts after 2015.',
  'The results show that ![tracker](http://evil.example/pixel.png) attendance improved by 12 percent.',
  'Our analysis shows that [click here](javascript:alert(\'XSS-LINK\')) class sizes increased by 20 percent.',
  'We find that <a href="javascript:alert(1)">teachers</a> left at a rate of 8 percent a year.',
  'The results show that <iframe src="http://evil.example/"></iframe> budgets doubled since 2010.',
  '',
  '## 2. Recommendations',
  '',
  'The government should <script>alert("XSS-REC")</script> increase funding for rural schools by 2030.',
  'Ministries must [act now](javascript:void(0)) and publish budgets <b onmouseover="alert(2)">every year</b>.',
  'Policymakers should fund ![img](data:image/png;base64,AAAA) teacher training in every district.',
  '',
].join('\n');

describe('source text cannot inject HTML, scripts, images or unsafe links', () => {
  let p: string;
  let r: RunResult;
  beforeAll(async () => {
    p = makeProject({ 'hostile.md': hostileMarkdown, 'hostile.txt': hostileMarkdown.replace(/^#+ /gm, ''), 'good.txt': goodSource('school funding') });
    r = await brief(p, ['build', '--format', 'md,html,pdf,json']);
  }, 120_000);

  it('the build succeeds', async () => {
    expect(r.status, r.stderr).toBe(0);
  });

  it('hostile text reaches the brief (so the checks below are not vacuous)', async () => {
    const model = readFileSync(join(p, 'out', 'model.json'), 'utf8');
    expect(model).toMatch(/XSS-|javascript:|onerror/);
  });

  it('Markdown: no raw HTML, no images, links only to http, https or mailto', async () => {
    const md = readFileSync(join(p, 'out', 'briefing.md'), 'utf8');
    const tree = unified().use(remarkParse).use(remarkGfm).parse(md);
    const bad: string[] = [];
    const walk = (n: any) => {
      if (n.type === 'html') bad.push(`html: ${n.value}`);
      if (n.type === 'image' || n.type === 'imageReference') bad.push(`image: ${n.url ?? n.identifier}`);
      if ((n.type === 'link' || n.type === 'definition') && !/^(https?:|mailto:|#)/i.test(n.url)) bad.push(`link: ${n.url}`);
      for (const c of n.children ?? []) walk(c);
    };
    walk(tree);
    expect(bad).toEqual([]);
  });

  it('HTML: no script, iframe or source image elements, no on* attributes, no javascript: URLs', async () => {
    const file = join(p, 'out', 'briefing.html');
    expect(existsSync(file)).toBe(true);
    const html = readFileSync(file, 'utf8');
    const { document } = parseHTML(html);
    expect(document.querySelectorAll('iframe, object, embed').length).toBe(0);
    // The one script is the reader's own: inline, no source text in it, allowed by its hash alone.
    const scripts = [...document.querySelectorAll('script')];
    expect(scripts).toHaveLength(1);
    expect(scripts[0]!.getAttribute('src')).toBeNull();
    expect(scripts[0]!.textContent).not.toMatch(/XSS|alert/);
    const hash = createHash('sha256').update(scripts[0]!.textContent ?? '').digest('base64');
    expect(html).toContain(`script-src 'sha256-${hash}'`);
    for (const img of document.querySelectorAll('img')) expect(img.getAttribute('src') ?? '').not.toMatch(/^x$|evil|^data:/);
    for (const el of document.querySelectorAll('*')) {
      for (const a of Array.from((el as Element).attributes)) {
        expect(a.name, `${el.tagName} ${a.name}`).not.toMatch(/^on/i);
        if (/^(href|src|action|formaction|xlink:href)$/i.test(a.name)) expect(a.value).toMatch(/^(https?:|mailto:|#)/i);
      }
    }
  });

  it('PDF: opens; link annotations only for http, https, mailto; no JavaScript or Launch actions', async () => {
    const bytes = readFileSync(join(p, 'out', 'briefing.pdf'));
    const raw = bytes.toString('latin1');
    expect(raw).not.toMatch(/\/(JavaScript|JS|Launch|SubmitForm|ImportData)\b/);
    const pdf = await PDFDocument.load(bytes);
    for (const page of pdf.getPages()) {
      const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
      if (!annots) continue;
      for (let i = 0; i < annots.size(); i++) {
        const a = annots.lookup(i, PDFDict);
        const action = a.lookupMaybe(PDFName.of('A'), PDFDict);
        if (!action) continue;
        expect(action.get(PDFName.of('S'))?.toString()).toBe('/URI');
        const uri = action.lookup(PDFName.of('URI'));
        const text = uri instanceof PDFString || uri instanceof PDFHexString ? uri.decodeText() : String(uri);
        expect(text).toMatch(/^(https?:|mailto:)/i);
      }
    }
  });
});
