import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { loadCslStyle, shippedStyles } from '../../src/cli/styles.js';
import { cslItemTypes, type CslItem } from '../../src/render/csl-items.js';
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
  // no author at all (the author macro's substitutes: title), many authors (et al.), a journal's
  // issue without pages, a DOI and a series
  { id: 't', type: 'report', title: 'Anonymous Assessment of Border Trade', issued: { 'date-parts': [[2021, 5]] }, publisher: 'Ministry of Commerce', number: '12', 'collection-title': 'Working Paper' },
  { id: 'u', type: 'webpage', title: 'Refugee Figures', issued: { 'date-parts': [[2020]] }, URL: 'https://example.org/figures' },
  { id: 'm', type: 'article-journal', title: 'A Large Study', author: Array.from({ length: 25 }, (_, k) => ({ family: `Author${String.fromCharCode(65 + k)}`, given: 'Q.' })), issued: { 'date-parts': [[2019]] }, 'container-title': 'Journal of Many Hands', volume: '3', issue: '1', DOI: '10.1234/jmh.2019.1' },
  { id: 'j', type: 'article-journal', title: 'Trade after 2021', author: [{ family: 'Akhtar', given: 'Nasreen' }], issued: { 'date-parts': [[2023]] }, 'container-title': 'Strategic Studies', volume: '43', genre: 'Commentary' },
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
      expect(bibliography(bibliographyStyle(citeproc(), style, cslItemTypes), locale), name).toEqual(whole);
    }
  });

  it('drops the citation sort, and points the bibliography sort at trimmed copies of its macros, leaving the layout as written', () => {
    const { style } = loadCslStyle('apa', null);
    const csl = citeproc();
    type Node = { name: string; attrs: Record<string, string>; children: (Node | string)[] };
    const kids = (n: Node) => n.children.filter((c): c is Node => typeof c === 'object' && c !== null);
    const all = (n: Node): Node[] => [n, ...kids(n).flatMap(all)];
    const styleOf = (root: Node) => (root.name === 'style' ? root : kids(root).find((c) => c.name === 'style')!);
    const whole = styleOf(csl.parseXml(style) as unknown as Node);
    const trimmed = styleOf(bibliographyStyle(csl, style, cslItemTypes) as Node);
    const part = (s: Node, name: string) => kids(s).find((c) => c.name === name)!;
    expect(kids(part(whole, 'citation')).some((c) => c.name === 'sort')).toBe(true);
    expect(kids(part(trimmed, 'citation')).some((c) => c.name === 'sort')).toBe(false);
    // the layout and the style's own macros are untouched
    expect(JSON.stringify(kids(part(trimmed, 'bibliography')).find((c) => c.name === 'layout'))).toBe(JSON.stringify(kids(part(whole, 'bibliography')).find((c) => c.name === 'layout')));
    const own = (s: Node) => kids(s).filter((c) => c.name === 'macro' && !c.attrs.name!.includes('\u0000'));
    expect(JSON.stringify(own(trimmed))).toBe(JSON.stringify(own(whole)));
    // each sort key calls a copy; a copy differs from its macro only in branches emptied, each one
    // a test of the item type alone that none of our types passes
    const keys = kids(kids(part(trimmed, 'bibliography')).find((c) => c.name === 'sort')!).filter((k) => k.attrs.macro);
    expect(keys.length).toBeGreaterThan(0);
    for (const k of keys) expect(k.attrs.macro).toMatch(/\u0000sort$/);
    const copies = kids(trimmed).filter((c) => c.name === 'macro' && c.attrs.name!.endsWith('\u0000sort'));
    let emptied = 0;
    for (const copy of copies) {
      const original = own(whole).find((m) => m.attrs.name === copy.attrs.name!.replace('\u0000sort', ''))!;
      const [a, b] = [all(original), all(copy)];
      let k = 0;
      for (let i = 0; i < a.length; i++, k++) {
        expect(b[k]!.name).toBe(a[i]!.name);
        if (b[k]!.attrs.macro) expect(b[k]!.attrs.macro).toBe(a[i]!.attrs.macro + '\u0000sort');
        if (kids(b[k]!).length === kids(a[i]!).length) continue;
        // an emptied branch: skip the original's subtree
        emptied++;
        expect(Object.keys(a[i]!.attrs).every((x) => x === 'type' || x === 'match'), a[i]!.attrs.type).toBe(true);
        expect(a[i]!.attrs.type!.split(' ').some((t) => (cslItemTypes as readonly string[]).includes(t)), a[i]!.attrs.type).toBe(false);
        i += all(a[i]!).length - 1;
      }
      expect(k).toBe(b.length);
    }
    expect(emptied).toBeGreaterThan(10);
  });

  it('leaves the sort as written when its macros call each other in a loop (citeproc fails as before, naming the macro)', () => {
    const csl = citeproc();
    const looping = '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0"><info><title>x</title><id>x</id><updated>2020-01-01T00:00:00+00:00</updated></info><macro name="a"><text macro="b"/></macro><macro name="b"><text macro="a"/></macro><citation><layout><text variable="title"/></layout></citation><bibliography><sort><key macro="a"/></sort><layout><text variable="title"/></layout></bibliography></style>';
    const trimmed = JSON.stringify(bibliographyStyle(csl, looping, cslItemTypes));
    expect(trimmed).not.toContain('\\u0000');
    expect(() => formatReferences(items, { name: 'looping', style: looping, locale: loadCslStyle('apa', null).locale })).toThrow(/"a"|"b"/);
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
