/**
 * Sections: the headings that are not front matter, given levels, nested with a stack and given
 * their kind (a sub-section takes its parent's kind).
 */
import type { StructuredSection } from '../model/document.js';
import { kindOf } from './headings.js';
import { stripInline } from './inline.js';
import type { Line } from './lines.js';
import type { Unit } from './units.js';

/** The sections of a source, and which heading unit opened each. */
export interface SectionsRead {
  sections: StructuredSection[];
  sectionOfUnit: Map<Unit, number>;
}

/** Sections from the heading units not taken by the front matter; each ends where the next of its level or higher begins. */
export function buildSections(units: readonly Unit[], text: string): SectionsRead {
  const sections: StructuredSection[] = [];
  const sectionOfUnit = new Map<Unit, number>();
  const headingUnits = units.filter((u) => u.type === 'heading' && !u.front);
  assignLevels(headingUnits);
  for (const u of headingUnits) {
    const h = u.heading!;
    const first = u.lines[0];
    const last = u.lines[u.lines.length - 1];
    sections.push({
      heading: stripInline(h.title),
      number: h.number,
      level: u.level ?? 1,
      kind: kindOf(h),
      start: first.start,
      end: text.length,
      headingStart: first.start,
      headingEnd: last.end,
    });
    sectionOfUnit.set(u, sections.length - 1);
  }
  // one pass with a stack of open sections: a section ends where the next one of its level or
  // higher begins, and a sub-section takes its parent's kind ("6.1.1 …" under "6.1 Recommendations")
  const open: number[] = [];
  for (let i = 0; i < sections.length; i++) {
    while (open.length && sections[open[open.length - 1]].level >= sections[i].level) sections[open.pop()!].end = sections[i].start;
    const parent = open.length ? sections[open[open.length - 1]] : null;
    if (sections[i].kind === 'other' && parent && parent.kind !== 'abstract') sections[i].kind = parent.kind;
    open.push(i);
  }
  return { sections, sectionOfUnit };
}

/** Levels: Markdown depth, number depth, or nesting under a heading with no text of its own. */
function assignLevels(headings: Unit[]): void {
  type H = Unit & { level?: number };
  const hs = headings as H[];
  const mdLevels = hs.filter((h) => h.heading!.strength === 'markdown').map((h) => h.heading!.level!);
  const mdBase = mdLevels.length ? mdLevels.reduce((a, b) => Math.min(a, b), 6) - 1 : 0;
  const anyNumbered = hs.some((h) => h.heading!.strength === 'numbered');
  // Headings in heading type that carry section numbers: the number's depth is the level (type
  // sizes vary between chapters), and an unnumbered heading in the same type takes that depth.
  const depthOfSize = new Map<number, number>();
  for (const h of hs) if (h.heading!.strength === 'markdown' && numberDepth(h.heading!.number) && !depthOfSize.has(h.heading!.level!)) depthOfSize.set(h.heading!.level!, numberDepth(h.heading!.number));
  let nestUnder = 0;
  for (let i = 0; i < hs.length; i++) {
    const h = hs[i].heading!;
    if (h.strength === 'markdown') {
      hs[i].level = Math.min(6, numberDepth(h.number) || (depthOfSize.get(h.level!) ?? Math.max(1, h.level! - mdBase)));
      nestUnder = 0;
      continue;
    }
    if (h.number && /\d/.test(h.number)) { hs[i].level = Math.min(6, h.level ?? 1); nestUnder = 0; continue; }
    const kind = kindOf(h);
    if (['conclusion', 'references', 'notes', 'abstract', 'introduction'].includes(kind) || /^appendix/i.test(h.title)) nestUnder = 0;
    hs[i].level = nestUnder ? nestUnder + 1 : 1;
    // a heading followed directly by another (no text of its own) introduces sub-sections
    const next = hs[i + 1];
    if (!anyNumbered && next && directlyFollows(hs[i], next) && !(next.heading!.number && /\d/.test(next.heading!.number)) && next.heading!.strength !== 'markdown' && !nestUnder && kindOf(next.heading!) !== 'abstract') nestUnder = hs[i].level!;
  }
}

/** Depth of a section number ("2.1.3" → 3), 0 when there is none or it is not numeric. */
function numberDepth(n: string | null): number {
  return n && /^\d+(?:\.\d+)*$/.test(n) ? n.split('.').length : 0;
}

function directlyFollows(a: Unit, b: Unit): boolean {
  return a.nextHeading === b;
}

/** Record which heading comes right after which (no text between) for {@link assignLevels}. */
export function recordFollows(units: Unit[]): void {
  for (let i = 0; i + 1 < units.length; i++) {
    if (units[i].type === 'heading' && units[i + 1].type === 'heading') units[i].nextHeading = units[i + 1];
  }
}

/** All lines of reference/notes sections (including those that were not text units, e.g. after blanks). */
export function collectSectionLines(lines: Line[], sections: StructuredSection[], groups: { section: number; lines: Line[] }[]): { section: number; lines: Line[] }[] {
  const out: { section: number; lines: Line[] }[] = [];
  const bySection = new Map<number, Line[]>();
  for (const g of groups) {
    const list = bySection.get(g.section) ?? [];
    list.push(...g.lines);
    bySection.set(g.section, list);
  }
  for (const [section, ls] of [...bySection.entries()].sort((a, b) => a[0] - b[0])) {
    const first = ls[0].index;
    const last = ls[ls.length - 1].index;
    out.push({ section, lines: lines.slice(first, last + 1).filter((l) => l.role === 'text' || l.role === 'blank') });
  }
  void sections;
  return out;
}
