import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { loadCslStyle, shippedStyles } from '../../src/cli/styles.js';
import type { CslItem } from '../../src/render/csl-items.js';
import { bibliographyStyle, citeproc } from '../../src/render/citeproc.js';
import { formatReferences } from '../../src/render/references.js';

// Items of every type the sources list makes, with the cases a bibliography's order decides:
// one author's two reports of one year (year suffixes a/b), a same-named author, an institution.
const items: CslItem[] = [
  { id: 'k2', type: 'report', title: 'Open Societies under Pressure', author: [{ family: 'Khanna', given: 'Shrey' }], issued: { 'date-parts': [[2024]] }, publisher: 'Centre for International Governance Innovation', number: '7', 'collection-title': 'Policy Brief' },
  { id: 'k1', type: 'report', title: 'Information Warfare and the Open Society', author: [{ family: 'Khanna', given: 'Shrey' }], issued: { 'date-parts': [[2024]] }, publisher: 'Centre for International Governance Innovation', number: '6', 'collection-title': 'Policy Brief' },
  { id: 'k3', type: 'report', title: 'Deterrence in Cyberspace', author: [{ family: 'Khanna', given: 'Parag' }], issued: { 'date-parts': [[2024]] }, publisher: 'Brookings' },
  { id: 'a', type: 'article-journal', title: 'US Withdrawal from Afghanistan', author: [{ family: 'Akhtar', given: 'Nasreen' }, { family: 'Holland', given: 'Kenneth' }], issued: { 'date-parts': [[2023]] }, 'container-title': 'Pakistan Journal of American Studies', volume: '41', issue: '2', page: '40-69' },
  { id: 'w', type: 'webpage', title: 'Education in Emergencies', author: [{ literal: 'UNESCO' }], issued: { 'date-parts': [[2022, 3, 1]] }, URL: 'https://example.org/eie' },
  { id: 'n', type: 'report', title: 'An Undated Note', author: [{ literal: 'World Bank' }] },
];

/** Entries (id → HTML) and their order from an engine built on `style`. */
function bibliography(style: string | object, locale: string): [string[], string[]] {
  const byId = new Map(items.map((i) => [i.id, i]));
  const engine = new (citeproc().Engine)({ retrieveLocale: () => locale, retrieveItem: (id: string) => byId.get(id) }, style, 'en-US', true);
  engine.updateItems(items.map((i) => i.id));
  const made = engine.makeBibliography();
  if (!made) throw new Error('no bibliography');
  return [made[0].entry_ids.map(([id]) => id!), made[1]];
}

describe('citeproc prepared for bibliographies only', () => {
  it('formats every entry, in the same order, as an engine given the whole style, for every shipped style', () => {
    expect(shippedStyles().length).toBeGreaterThanOrEqual(3);
    for (const name of shippedStyles()) {
      const { style, locale } = loadCslStyle(name, null);
      const whole = bibliography(style, locale);
      expect(whole[1].join('\n'), name).toMatch(/Khanna/);
      expect(bibliography(bibliographyStyle(citeproc(), style), locale), name).toEqual(whole);
    }
  });

  it('drops the citation sort and nothing else', () => {
    const { style } = loadCslStyle('apa', null);
    const csl = citeproc();
    const pruned = JSON.stringify(bibliographyStyle(csl, style));
    const whole = csl.parseXml(style) as unknown as { children: { name: string; children: { name: string }[] }[] };
    const citation = JSON.stringify(whole).length - pruned.length;
    expect(citation).toBeGreaterThan(0);
    const sort = whole.children.find((c) => c.name === 'citation')!.children.find((c) => c.name === 'sort');
    expect(JSON.stringify(sort).length + 1).toBe(citation);
  });

  it('answers a macro lookup as a walk of the style would', () => {
    const { style } = loadCslStyle('apa', null);
    const csl = citeproc();
    const xml = new (createRequire(import.meta.url)('citeproc').XmlJSON)(csl.parseXml(style));
    for (const name of ['title', 'author-bib', 'no-such-macro']) {
      const walked: unknown[] = [];
      const visit = (n: { name?: string; attrs?: Record<string, string>; children?: unknown[] }): void => {
        if (n.name === 'macro' && n.attrs?.name === name) walked.push(n);
        for (const c of n.children ?? []) if (c && typeof c === 'object') visit(c as typeof n);
      };
      visit(xml.dataObj);
      const found = xml.getNodesByName(xml.dataObj, 'macro', name);
      expect(found.length, name).toBe(walked.length);
      found.forEach((n: unknown, k: number) => expect(n).toBe(walked[k]));
    }
  });

  it('leaves formatting errors as they were: a style citeproc cannot build still throws', () => {
    const broken = { ...loadCslStyle('apa', null), name: 'broken', style: '<style xmlns="http://purl.org/net/xbiblio/csl"><macro name="x"><text macro="x"/></macro></style>' };
    expect(() => formatReferences(items, broken)).toThrow();
  });
});
