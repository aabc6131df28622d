import { describe, expect, it } from 'vitest';
import type { Root, RootContent } from 'mdast';
import { fromMarkdown, normalizeMarkdown } from '../../src/render/markdown.js';
import { escapeMarkdown } from '../../src/render/escape.js';
import { standsAlone, toViewModel } from '../../src/render/view-model.js';
import { applyTemplate } from '../../src/render/templates.js';
import { toHtml } from '../../src/render/html.js';
import { loadTemplate } from '../../src/cli/template-files.js';
import { fixtureBrief, injection } from './fixture.js';

function nodes(tree: Root | RootContent): RootContent[] {
  const kids = 'children' in tree ? (tree.children as RootContent[]) : [];
  return [tree as RootContent, ...kids.flatMap(nodes)];
}

describe('escaping text from sources', () => {
  it('keeps every injection attempt as plain text in the Markdown tree', () => {
    for (const attempt of Object.values(injection)) {
      const tree = fromMarkdown(`- ${escapeMarkdown(attempt)} [1]`);
      const kinds = new Set(nodes(tree).map((n) => n.type));
      for (const bad of ['html', 'image', 'link', 'heading', 'table', 'footnoteReference', 'linkReference', 'imageReference']) expect(kinds.has(bad as never), `${bad} in ${attempt}`).toBe(false);
      const text = nodes(tree).filter((n) => n.type === 'text').map((n) => (n as { value: string }).value).join('');
      expect(text).toBe(`${attempt} [1]`);
    }
  });

  it('renders the bundled briefing template over hostile source text without links other than the DOI', () => {
    const md = normalizeMarkdown(applyTemplate(loadTemplate('briefing'), toViewModel(fixtureBrief())));
    const tree = fromMarkdown(md);
    const links = nodes(tree).filter((n) => n.type === 'link').map((n) => (n as { url: string }).url);
    expect(links).toEqual(['https://doi.org/10.1234/jt.2024.1']);
    expect(nodes(tree).some((n) => n.type === 'html' || n.type === 'image')).toBe(false);
    // The text survives (escaped in Markdown, literal after parsing).
    expect(md).toContain('onerror=alert(1)');
    // The source whose DOI is not a DOI gets no link; its HTML title stays text.
    expect(md).toContain('Reassessing Relations \\<b>bold\\</b>');
    const html = toHtml(tree, { title: 'T <x>', author: 'A', date: '2023-11-14' });
    expect(html).not.toMatch(/<img|<script|href="javascript|href="http:\/\/evil/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<title>T &lt;x&gt;</title>');
  });

  it('turns bare URLs written by templates into text but keeps explicit links', () => {
    const tree = fromMarkdown('See https://example.org and [the site](https://example.org/a) or <mailto:a@example.org>.');
    const links = nodes(tree).filter((n) => n.type === 'link').map((n) => (n as { url: string }).url);
    expect(links).toEqual(['https://example.org/a', 'mailto:a@example.org']);
  });

  it('normalises to GFM with tables and footnotes', () => {
    const md = normalizeMarkdown('# T\n\n* a\n* b\n\n|x|y|\n|-|-|\n|1|2|\n\nNote[^n].\n\n[^n]: The note.\n');
    expect(md).toContain('- a');
    expect(md).toMatch(/\| x +\| y +\|/);
    expect(md).toContain('[^n]: The note.');
    expect(normalizeMarkdown(md)).toBe(md);
  });
});

describe('the view model', () => {
  it('numbers citations by source and groups recommendations by actor', () => {
    const vm = toViewModel(fixtureBrief());
    expect(vm.sources.map((s) => s.n)).toEqual([1, 2]);
    expect(vm.findings.find((f) => f.id === 'F8')!.cite).toBe('[1\u00a0§6; 2\u00a0§5.2]');
    expect(vm.recommendationGroups.map((g) => g.actor).sort()).toEqual(['Pakistan', 'the United States']);
    expect(vm.agreements.map((f) => f.id)).toEqual(['F8']);
    expect(vm.keyMessages.length).toBeGreaterThanOrEqual(2);
    expect(vm.keyMessages.length).toBeLessThanOrEqual(5);
    expect(vm.sources[0]!.reference).toBe('Ayesha Khan, Bilal Ahmed (2024). *Strategic Implications for Pakistan*. Journal of Tests. <https://doi.org/10.1234/jt.2024.1>');
    expect(vm.sources[1]!.doi).toBe('');
  });

  it('treats the same set of actors in any order as one audience', () => {
    const brief = fixtureBrief();
    const [r1, r2] = brief.recommendations;
    brief.recommendations = [
      { ...r1!, actor: 'Pakistan and United States', actors: ['Pakistan', 'United States'] },
      { ...r2!, actor: 'United States and Pakistan', actors: ['United States', 'Pakistan'] },
    ];
    const groups = toViewModel(brief).recommendationGroups;
    expect(groups.map((g) => [g.actor, g.recommendations.length])).toEqual([['Pakistan and the United States', 2]]);
  });

  it('gives the handout questions whose answers cite their passage', () => {
    const vm = toViewModel(fixtureBrief());
    expect(vm.questions.length).toBeGreaterThan(0);
    for (const q of vm.questions) {
      expect(q.cite).toMatch(/^\[\d/);
      expect(q.passage).toMatch(/^Source \d/);
    }
    const md = normalizeMarkdown(applyTemplate(loadTemplate('handout'), vm));
    for (const heading of ['Learning objectives', 'Reading guide', 'Key concepts', 'Timeline', 'Discussion questions', 'Further reading']) expect(md).toContain(`## ${heading}`);
    // The answers are in the instructor's key, not in the student handout.
    expect(md).not.toContain('Answer key');
    const key = normalizeMarkdown(applyTemplate(loadTemplate('handout-key'), vm));
    for (const heading of ['Learning objectives', 'Discussion questions', 'Reading guide: where the answers are', 'The sources in brief']) expect(key).toContain(`## ${heading}`);
    expect(key).toContain('A good answer covers:');
  });

  it('writes a theme label inside a sentence as its phrase is written, and findings as sentences', () => {
    const brief = fixtureBrief();
    brief.themes[0] = { ...brief.themes[0], label: 'Counterterrorism and border security', keyphrases: ['counterterrorism', 'border security'] };
    brief.themes[1] = { ...brief.themes[1], label: 'Afghan Taliban', keyphrases: ['Afghan Taliban'] };
    const f = brief.findings.find((x) => x.themeIds.includes('T1'))!;
    // A claim whose reporting clause was left out starts in lower case in the model.
    f.text = f.text.charAt(0).toLowerCase() + f.text.slice(1);
    const vm = toViewModel(brief);
    expect(vm.themes.find((t) => t.id === 'T1')!.labelInText).toBe('counterterrorism and border security');
    // A name of a body or a pact takes "the" inside a sentence; "South Asia" takes none.
    expect(vm.themes.find((t) => t.id === 'T2')!.labelInText).toBe('the Afghan Taliban');
    expect(vm.objectives.join(' ')).toContain('what the sources say about counterterrorism and border security');
    const shown = vm.findings.find((x) => x.id === f.id)!;
    expect(shown.text.charAt(0)).toBe(f.text.charAt(0).toUpperCase());
    brief.themes[1] = { ...brief.themes[1], label: 'South Asia and United States', keyphrases: ['South Asia', 'United States'] };
    expect(toViewModel(brief).themes.find((t) => t.id === 'T2')!.labelInText).toBe('South Asia and United States');
  });

  it('asks of each theme the discussion question its evidence supports, no kind more than twice while another fits', () => {
    const brief = fixtureBrief();
    const ids = brief.sources.map((s) => s.id);
    brief.themes = brief.themes.map((t) => ({ ...t, sourceIds: ids }));
    // Some sources discuss it most: what do they add?
    brief.themes[0] = { ...brief.themes[0], leadSourceIds: [ids[1]!] };
    // Discussed evenly, and every finding stated by both sources: how do they compare?
    for (const f of brief.findings) if (f.themeIds.includes('T2')) f.support = 2;
    let vm = toViewModel(brief);
    expect(vm.discussionQuestions[0]).toMatch(/^Source 2 gives .+ the most attention\. What does it say on this subject that the other sources do not\?$/);
    expect(vm.discussionQuestions[1]).toMatch(/^Both sources discuss .+\. Where do they agree/);
    // Its leading claim comes from one source: how well do the others support it?
    for (const f of brief.findings) if (f.themeIds.includes('T2')) f.support = 1;
    vm = toViewModel(brief);
    expect(vm.discussionQuestions[1]).toMatch(/^Source \d states: “.+” How well do the other sources support this claim\?/);
    // Five themes that all have lead sources: two ask what the leads add, the others change kind.
    brief.themes = [0, 1, 2, 3, 4].map((k) => ({ ...brief.themes[0]!, id: `T${k + 1}`, label: `Theme ${k + 1}`, keyphrases: [`theme ${k + 1}`] }));
    const kinds = toViewModel(brief).discussionQuestions.map((q) => (/most attention/.test(q) ? 'leads' : /states:/.test(q) ? 'claim' : 'compare'));
    expect(kinds.filter((k) => k === 'leads')).toHaveLength(2);
    expect(new Set(kinds).size).toBeGreaterThan(1);
  });

  it('sets the context from the sources that lead the themes when there are more than four', () => {
    const brief = fixtureBrief();
    const [a] = brief.sources;
    const summary = (k: number) => [{ text: `Source number ${k} opens with a sentence long enough to be read as context.`, start: 0, end: 10 }];
    brief.sources = Array.from({ length: 6 }, (_, k) => ({ ...a!, id: `s${k + 1}`, summary: summary(k + 1) }));
    brief.themes = brief.themes.map((t) => ({ ...t, sourceIds: brief.sources.map((s) => s.id), leadSourceIds: ['s6', 's5'] }));
    const context = toViewModel(brief).context;
    // Sources 5 and 6 lead the themes; then the first files; shown in source order.
    expect(context.match(/\[\d\]/g)).toEqual(['[1]', '[2]', '[5]', '[6]']);
  });

  it('writes the audience of recommendations with the articles a reader expects', () => {
    const brief = fixtureBrief();
    brief.recommendations = brief.recommendations.map((r) => ({ ...r, actor: 'Pakistan and United States', actors: ['United States', 'Pakistan'] }));
    const vm = toViewModel(brief);
    expect(vm.recommendationGroups[0]!.actor).toBe('Pakistan and the United States');
    // The objectives name each actor advised once, not the audiences of the groups.
    expect(vm.objectives.find((x) => x.startsWith('Identify'))).toBe('Identify what the sources recommend, and to whom (Pakistan and the United States).');
    brief.recommendations[0] = { ...brief.recommendations[0]!, actors: ['Afghan Taliban'], actor: 'Afghan Taliban' };
    brief.recommendations.push({ ...brief.recommendations[1]!, id: 'R3', text: 'Pakistan should reopen the border crossings.', actors: ['Pakistan'], actor: 'Pakistan' });
    expect(toViewModel(brief).objectives.find((x) => x.startsWith('Identify'))).toBe('Identify what the sources recommend, and to whom (Pakistan, the Afghan Taliban and the United States).');
  });

  it('says what changed since the last edition, new and removed, dated as the edition is', () => {
    const brief = fixtureBrief();
    const src = { id: 'c', title: 'Ports and shipping', path: 'sources/c.md' };
    const item = (n: number) => ({ text: `container traffic at the port rose by ${n} per cent.`, sourceIds: ['c'] });
    brief.changes = {
      since: '2026-01-05',
      sources: { added: [src], removed: [], changed: [], unchanged: 2 },
      themes: {
        added: [],
        removed: [
          { label: 'Border trade', keyphrases: ['border trade'] },
          { label: 'Transit', keyphrases: ['transit trade', 'Iranian ports'], into: 'Shipping' },
        ],
        renamed: [{ from: 'Sea freight', to: 'Shipping' }],
        unchanged: 3,
      },
      findings: { added: [1, 2, 3, 4, 5, 6, 7].map(item), removed: [item(0)], unchanged: 9 },
      recommendations: {
        added: [{ text: 'Both should reopen the crossings.', sourceIds: ['c'], actor: 'Pakistan and United States' }],
        removed: [{ text: 'Donors should fund customs modernisation.', sourceIds: ['b'], actor: 'Donors' }],
        unchanged: 4,
      },
    };
    const changes = toViewModel(brief).changes!;
    expect(changes.since).toBe('5 January 2026');
    expect(changes.lines).toEqual([
      'New source: Ports and shipping',
      'Theme now named Shipping (was Sea freight)',
      'Theme no longer found: Border trade',
      'Theme merged into Shipping: Transit',
      // What readers act on before the other findings.
      'New recommendation for Pakistan and the United States: Both should reopen the crossings.',
      'Recommendation no longer made for Donors: Donors should fund customs modernisation.',
      ...[1, 2, 3, 4, 5].map((n) => `New finding: Container traffic at the port rose by ${n} per cent.`),
      '2 more new findings (`brief diff` lists them)',
      'Finding no longer drawn: Container traffic at the port rose by 0 per cent.',
    ]);
    // A new finding the brief leads with is a new key message, listed right after the sources.
    const lead = toViewModel(brief).keyMessages[0]!;
    brief.changes.findings.added.push({ text: brief.findings.find((f) => f.id === lead.id)!.text, sourceIds: ['a'] });
    expect(toViewModel(brief).changes!.lines[1]).toBe(`New key message: ${lead.text}`);
    const md = normalizeMarkdown(applyTemplate(loadTemplate('briefing'), toViewModel(brief)));
    expect(md).toContain('## What changed since 5 January 2026\n\n- New source: Ports and shipping\n');
    // At the top: right after the bottom line, before the key judgements.
    expect(md.indexOf('## What changed')).toBeGreaterThan(md.indexOf('## Bottom line'));
    expect(md.indexOf('## What changed')).toBe(md.indexOf('\n## ', md.indexOf('## Bottom line')) + 1);
    expect(md.indexOf('## What changed')).toBeLessThan(md.indexOf('## Themes'));
  });

  it('gathers the audiences past the limit into a last group instead of leaving their advice out', () => {
    const brief = fixtureBrief();
    const base = brief.recommendations[0]!;
    const actors = ['Pakistan', 'Pakistan', 'Donors', 'Regulators', 'India', 'Provincial governments', 'Federal Ministry of Water Resources', 'Utilities', ''];
    brief.recommendations = actors.map((actor, i) => ({ ...base, id: `R${i + 1}`, text: `Recommendation ${i + 1} should be acted on.`, actor: actor || null, actors: actor ? [actor] : [] }));
    const groups = toViewModel(brief, { actors: 4 }).recommendationGroups;
    expect(groups.map((g) => g.actor)).toEqual(['Pakistan', 'Donors', 'Regulators', 'other actors']);
    // Ranked as the brief ranks them (equal support: their order), the unattributed one among them.
    expect(groups[3]!.recommendations.map((r) => r.text)).toEqual([5, 6, 7, 8].map((n) => `Recommendation ${n} should be acted on.`));
    // Within the limit, nothing is pooled and unattributed advice keeps its own group, last.
    expect(toViewModel(brief, { actors: 9 }).recommendationGroups.map((g) => g.actor).slice(-2)).toEqual(['Utilities', 'all actors']);
  });

  it("names a source's authors without their titles, and shortly as a citation does", () => {
    const brief = fixtureBrief();
    brief.sources[0] = { ...brief.sources[0]!, authors: ['Dr. Saima Qaisrani', 'Rohan Gill'] };
    brief.sources[1] = { ...brief.sources[1]!, authors: ['Imran H. Chaudhry', 'Gurpreet K. Sandhu', 'Prof. Ali Raza Malik'] };
    const [a, b] = toViewModel(brief).sources;
    expect([a!.authors, a!.authorsShort]).toEqual(['Saima Qaisrani, Rohan Gill', 'Qaisrani and Gill']);
    expect([b!.authors, b!.authorsShort]).toEqual(['Imran H. Chaudhry, Gurpreet K. Sandhu, Ali Raza Malik', 'Chaudhry et al.']);
    expect(b!.reference.startsWith('Imran H. Chaudhry, Gurpreet K. Sandhu, Ali Raza Malik')).toBe(true);
    const onePager = normalizeMarkdown(applyTemplate(loadTemplate('one-pager'), toViewModel(brief)));
    expect(onePager).toMatch(/\n2\. Chaudhry et al\.: \*/);
  });

  it('takes key messages that read on their own before those that lean on a sentence not shown', () => {
    expect(standsAlone('Much of the evidence it draws on compares regions with different crop mixes.')).toBe(false);
    expect(standsAlone('These measures cut pumping by a tenth within two years.')).toBe(false);
    expect(standsAlone('However, the reform stalled after the election.')).toBe(false);
    expect(standsAlone('Furthermore, the results suggest that combined approaches overfit less.')).toBe(false);
    expect(standsAlone('Crop mix accounts for 58 percent of the explained variation in pumped volumes.')).toBe(true);
    expect(standsAlone('Issues such as terrorism, refugees and trade require regional cooperation, and those who pump most pay least.')).toBe(true);
    expect(standsAlone('In Punjab it is the price of power that sets the price of water.')).toBe(true);
    expect(standsAlone('This paper finds that subsidies matter less than crop choice.')).toBe(true);
    // "they" always stands for something: in the sentence (a plural before it), or in one not shown.
    expect(standsAlone('What is new is the evidence that, taken together, they could cut the time to a completed seawall.')).toBe(false);
    expect(standsAlone('Small islands have been clear about what they need: money that arrives fast.')).toBe(true);
    const brief = fixtureBrief();
    const [a, b] = brief.findings;
    // The theme's best finding leans on context; the next one reads on its own.
    a!.text = 'These measures cut pumping by a tenth within two years.';
    a!.score = 9;
    b!.text = 'Metered farms cut pumping by a tenth within two years.';
    b!.score = 1;
    brief.themes = [{ ...brief.themes[0]!, findingIds: [a!.id, b!.id] }];
    expect(toViewModel(brief, { keyMessages: 1 }).keyMessages.map((k) => k.text)).toEqual(['Metered farms cut pumping by a tenth within two years.']);
  });
});
