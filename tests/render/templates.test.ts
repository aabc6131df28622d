import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyTemplate, parseTemplateConfig, type LoadedTemplate } from '../../src/render/templates.js';
import { toViewModel } from '../../src/render/view-model.js';
import { loadTemplate } from '../../src/cli/template-files.js';
import { listTemplates } from '../../src/cli/template-folder.js';
import { BriefwrightError, exitCodes } from '../../src/model/errors.js';
import { formatDate } from '../../src/render/helpers.js';
import { fixtureBrief } from './fixture.js';
import { render } from '../../src/render/index.js';
import { Report } from '../../src/model/diagnostics.js';
import { untitled } from '../../src/model/context.js';

const view = toViewModel(fixtureBrief());
const tpl = (source: string, partials: Record<string, string> = {}): LoadedTemplate => ({
  name: 't',
  file: 'tpl/t/t.md.hbs',
  source,
  partials,
  partialFiles: Object.fromEntries(Object.keys(partials).map((k) => [k, `tpl/t/partials/${k}.hbs`])),
});

function errorOf(fn: () => unknown): BriefwrightError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(BriefwrightError);
    return e as BriefwrightError;
  }
  throw new Error('expected an error');
}

describe('template errors name file, line and column', () => {
  it('reports a syntax error', () => {
    const e = errorOf(() => applyTemplate(tpl('# {{title}}\n\n{{#each themes}}\n- {{label}}\n'), view));
    expect(e.kind).toBe('input');
    expect(exitCodes[e.kind]).toBe(3);
    expect(e.format()).toMatch(/^tpl\/t\/t\.md\.hbs:5:\d+: error: Unexpected template syntax/);
  });

  it('reports a field missing from the view model (strict mode)', () => {
    const e = errorOf(() => applyTemplate(tpl('# {{title}}\n\n   {{titel}}\n'), view));
    // The column points at the name inside the braces.
    expect(e.format()).toBe('tpl/t/t.md.hbs:3:6: error: "titel" is not in the view model (see docs/templates.md)');
  });

  it('reports a dotted path into something missing, such as the environment, with its position', () => {
    const e = errorOf(() => applyTemplate(tpl('# {{title}}\n\n  {{process.env.HOME}}\n'), view));
    expect(e.format()).toMatch(/:3:5: error: "process\.env\.HOME" is not in the view model/);
    expect(e.format()).not.toContain(process.env.HOME ?? '/root');
  });

  it('reports a helper called with the wrong arguments', () => {
    const e = errorOf(() => applyTemplate(tpl('x\n{{formatDate counts}}'), view));
    expect(e.format()).toMatch(/^tpl\/t\/t\.md\.hbs:2:1: error: helper "formatDate": unexpected object, expected an ISO date string$/);
    const e2 = errorOf(() => applyTemplate(tpl('{{plural}}'), view));
    expect(e2.format()).toMatch(/^tpl\/t\/t\.md\.hbs:1:1: error: helper "plural": unexpected 0 arguments/);
  });

  it('reports errors inside a partial against the partial file', () => {
    const e = errorOf(() => applyTemplate(tpl('# {{title}}\n{{#each themes}}\n{{> item}}\n{{/each}}', { item: 'ok {{label}}\n  {{nope}}' }), view));
    expect(e.format()).toBe('tpl/t/partials/item.hbs:2:5: error: "nope" is not in the view model (see docs/templates.md)');
    const s = errorOf(() => applyTemplate(tpl('{{> item}}', { item: '{{#if x}}' }), view));
    expect(s.file).toBe('tpl/t/partials/item.hbs');
  });

  it('refuses partials outside the template folder and dynamic partial names', () => {
    const e = errorOf(() => applyTemplate(tpl('line\n  {{> ../../x}}'), view));
    expect(e.format()).toMatch(/^tpl\/t\/t\.md\.hbs:2:3: error: Unexpected partial "\.\.\/\.\.\/x"/);
    const d = errorOf(() => applyTemplate(tpl('{{> (lookup . "title")}}'), view));
    expect(d.message).toContain('dynamic partial');
  });

  it('cannot reach prototypes', () => {
    const out = applyTemplate(tpl('[{{constructor}}][{{lookup this "__proto__"}}][{{#with this}}{{__proto__}}{{/with}}][{{lookup title "constructor"}}]'), view);
    expect(out).toBe('[][][][]');
    // Looking a field up on text is a template error, not a way in.
    const e = errorOf(() => applyTemplate(tpl('{{title.constructor}}'), view));
    expect(e.file).toBe('tpl/t/t.md.hbs');
    expect(e.message).toMatch(/"constructor" cannot be looked up on a text or number/);
  });

  it('does not escape HTML entities into Markdown (noEscape) and keeps escaped source text', () => {
    expect(applyTemplate(tpl('{{title}} & <x>'), view)).toBe('Pakistan after the withdrawal & <x>');
  });
});

describe('template files', () => {
  it('loads a user template that overrides a built-in, reading partials only from partials/', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bw-tpl-'));
    mkdirSync(join(dir, 'briefing', 'partials'), { recursive: true });
    writeFileSync(join(dir, 'briefing', 'briefing.md.hbs'), '# {{title}}\n{{> note}}\n');
    writeFileSync(join(dir, 'briefing', 'partials', 'note.hbs'), 'user note');
    writeFileSync(join(dir, 'secret.hbs'), 'outside');
    symlinkSync(join(dir, 'secret.hbs'), join(dir, 'briefing', 'partials', 'leak.hbs'));
    writeFileSync(join(dir, 'briefing', 'template.json'), '{ "title": "Mine", "pageSize": "Letter", "toc": false }');
    const t = loadTemplate('briefing', [dir]);
    expect(Object.keys(t.partials)).toEqual(['note']);
    expect(t.config!.pageSize).toBe('Letter');
    expect(applyTemplate(t, view)).toBe('# Pakistan after the withdrawal\nuser note');
    expect(listTemplates([dir])).toEqual(expect.arrayContaining(['briefing', 'handout', 'one-pager']));
  });

  it('checks a template when it is loaded, before any rendering', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bw-tpl-'));
    mkdirSync(join(dir, 'broken'));
    writeFileSync(join(dir, 'broken', 'broken.md.hbs'), '# {{title}}\n\n{{#each themes}}\n');
    const e = errorOf(() => loadTemplate('broken', [dir]));
    expect(e.file).toMatch(/broken\.md\.hbs$/);
    expect(e.line).toBe(4);
  });

  it('rejects template names that are paths and bad template.json', () => {
    expect(() => loadTemplate('../etc')).toThrow(/unexpected template name/);
    expect(() => parseTemplateConfig('{ "pageSize": "A3" }', 'x/template.json')).toThrow(BriefwrightError);
    expect(errorOf(() => parseTemplateConfig('{ "fonts": { "body": "comic" } }', 'x/template.json')).format()).toMatch(/^x\/template\.json: error: Unexpected value at "fonts\.body"/);
  });

  it('formats dates', () => {
    expect(formatDate('2023-11-04')).toBe('4 November 2023');
    expect(formatDate('2021-08', 'month')).toBe('August 2021');
    expect(formatDate('1990s')).toBe('1990s');
    expect(formatDate('2023-13')).toBeNull();
  });
});

describe('the title of a brief its user did not name', () => {
  it('is the template\'s own, in the document and not in the model', async () => {
    const brief = { ...fixtureBrief(), title: untitled, organisation: null };
    const files = await render(brief, loadTemplate('handout'), { report: new Report() }, { formats: ['md', 'json'] });
    const md = new TextDecoder().decode(files.find((f) => f.format === 'md')!.bytes);
    expect(md.split('\n').slice(0, 3)).toEqual(['# Student handout', '', `${formatDate(brief.date, 'long')} · Based on 2 sources`]);
    expect(JSON.parse(new TextDecoder().decode(files.find((f) => f.format === 'json')!.bytes)).title).toBe(untitled);
    const named = await render({ ...brief, title: 'Pakistan after the withdrawal' }, loadTemplate('handout'), { report: new Report() }, { formats: ['md'] });
    expect(new TextDecoder().decode(named[0]!.bytes)).toMatch(/^# Pakistan after the withdrawal\n\nStudent handout · /);
  });
});
