/**
 * Headings: how a line announces a section (Markdown `#`, a number like `3.1.`, a bold line, an
 * all-capitals line, a known section name, or a short title line standing alone), and which kind of
 * section it opens.
 */
import type { SectionKind } from '../model/schema.js';
import { plainOf } from './lines.js';

/** A heading as recognised on one line (or one bold block). */
export interface HeadingCandidate {
  /** Heading text without number and markup. */
  title: string;
  number: string | null;
  /** Level suggested by the markup (`##` → 2, `3.1` → 2), or null when the line does not say. */
  level: number | null;
  /** How the line announced itself; weak candidates need context to be believed. */
  strength: 'markdown' | 'numbered' | 'named' | 'bold' | 'caps' | 'plain';
  /** The section's kind when the text under the heading overrides what its words say. */
  kind?: SectionKind;
}

/** Section names a reader recognises on their own line, whatever the formatting. */
const NAMED = /^(?:abstract|summary|executive summary|introduction|background|context|overview|related work|previous work|prior work|literature review|review of (?:the )?literature|theoretical framework|conceptual framework|theory|methodology|methods?|research methodology|research design|materials and methods|data and methods?|approach|analysis|results|findings|evaluation|experiments?|experimental results|discussion|results and discussion|conclusions?|concluding remarks|summary and conclusions?|conclusions? and future work|future work|recommendations?|policy recommendations|the way forward|way forward|references|bibliography|works cited|sources|literature cited|notes|endnotes|footnotes|acknowledge?ments?|appendix(?: [a-z0-9]+)?|keywords|key words|index terms|categories and subject descriptors|general terms)\s*:?$/i;

const SMALL_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'but', 'nor', 'of', 'in', 'on', 'at', 'to', 'for', 'from', 'by', 'with', 'as', 'vs', 'via', 'into', 'its', 'their', 'after', 'before', 'between', 'within', 'amid', 'over', 'under', 'towards', 'toward', 'against', 'about', 'through', 'during', 'is', 'are', 'be']);

/** Words a heading does not end with (a sentence broken by a page end does). */
const DANGLING = /\b(?:a|an|the|and|or|but|of|in|on|at|to|for|from|by|with|as|that|which|who|whose|its|their|his|her|is|are|was|were|be|been|has|have|had|this|these|those|than|into|such|not|also)$/i;

/** Recognise a heading on one line of text, without context. Linear, bounded work on long lines. */
export function headingCandidate(raw: string): HeadingCandidate | null {
  if (raw.length > 300) return null;
  const md = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(raw);
  if (md) {
    const inner = plainOf(md[2]);
    if (!inner) return null;
    // "# of documents in DB", "# docs retrieved", "# define N 10": in text pasted from tables or
    // code "#" means "number" or a directive. So no heading opens with a lower-case "of" or "in",
    // and one all in lower case is read as a heading only when it is a section name ("## introduction").
    if (/^\p{Ll}/u.test(inner) && !NAMED.test(inner) && (!/\p{Lu}/u.test(inner) || SMALL_WORDS.has(/^\p{Ll}+/u.exec(inner)![0]))) return null;
    if (/^(?:define|include|ifn?def|endif|pragma|undef)\b/.test(inner)) return null;
    const num = numberPrefix(inner);
    return { title: num ? num.rest : inner, number: num?.number ?? null, level: md[1].length, strength: 'markdown' };
  }
  const bold = /^\*\*([^*].*?)\*\*:?$/.exec(raw) ?? /^__([^_].*?)__:?$/.exec(raw);
  const t = plainOf(raw);
  if (!t || t.length > 200) return null;
  const words = t.split(/\s+/);
  const num = numberPrefix(t);
  if (num) {
    const rest = num.rest;
    const restWords = rest.split(/\s+/);
    if (restWords.length > 16 || !/^[\p{Lu}\p{N}"“'‘(]/u.test(rest)) return null;
    if (/[.,;]$/.test(rest) && !/\b(?:etc|al)\.$/.test(rest)) return null;
    if (/https?:|www\.|@/.test(rest) || /\b(1[5-9]\d\d|20\d\d)\)/.test(rest)) return null;
    const depth = num.number.split('.').length;
    if (/^\d+$/.test(num.number) && Number(num.number) > 40) return null;
    return { title: rest, number: num.number, level: Math.min(6, depth), strength: 'numbered' };
  }
  if (NAMED.test(t)) return { title: t.replace(/\s*:$/, ''), number: null, level: null, strength: 'named' };
  if (bold && words.length <= 16 && !/[.,;]$/.test(t)) return { title: t.replace(/\s*:$/, ''), number: null, level: null, strength: 'bold' };
  if (words.length <= 10 && /\p{Lu}{3}/u.test(t) && t === t.toUpperCase() && /^[\p{Lu}\p{N}]/u.test(t) && !/[.,;]$/.test(t) && !mostlyFigures(t)) {
    return { title: t, number: null, level: null, strength: 'caps' };
  }
  if (isTitleLine(t) && !/:$/.test(t) && !isFieldLine(t)) return { title: t, number: null, level: null, strength: 'plain' };
  return null;
}

/**
 * A labelled value of a document's particulars ("Status: Final", "Date: 8th July 2025", "License:
 * Creative Commons Attribution CC BY 3.0 IGO", "ISBN: …"): a field of the imprint or a memo's
 * head, never a heading or a title.
 */
export function isFieldLine(t: string): boolean {
  return /^(?:status|date|dated|version|ref(?:erence)?|prepared (?:for|by)|to|from|cc|subject|re|classification|distribution|licen[cs]e|copyright|isbn|issn|doi|e-?mail|tel(?:ephone)?|fax|internet|web(?:site)?|keywords|cite as|suggested citation|published(?: by)?|publisher|printed(?: by)?|editor|series|catalog(?:ue)? no)\s*:\s*\S/i.test(t.trim());
}

/** A line mostly of figures and signs is a code or a number line ("ISBN 978-92-3-100612-8"), not a title or heading. */
function mostlyFigures(t: string): boolean {
  return (t.match(/\p{L}/gu) ?? []).length < t.replace(/\s/g, '').length * 0.6;
}

/** A short line that could be a title: capitalised, no sentence end, not a fragment. */
export function isTitleLine(t: string): boolean {
  const words = t.split(/\s+/);
  if (words.length > 16 || t.length > 140) return false;
  if (!/^[\p{Lu}\p{N}"“‘']/u.test(t)) return false;
  if (/[.,;!]$/.test(t) && !/\?$/.test(t)) return false;
  if (/[;]/.test(t) || /https?:|www\.|@|\(\s*(?:1[5-9]|20)\d\d\s*\)/.test(t)) return false;
  if (DANGLING.test(t)) return false;
  if (!/\p{L}{2}/u.test(t)) return false;
  if (mostlyFigures(t)) return false;
  const content = words.filter((w) => !SMALL_WORDS.has(w.toLowerCase()));
  const capital = content.filter((w) => /^["“‘'(]?[\p{Lu}\p{N}]/u.test(w)).length;
  return words.length <= 8 || capital / Math.max(1, content.length) >= 0.5;
}

/** `3.1.` / `6.1.1` / `IV.` / `A.` number at the start of a line. */
export function numberPrefix(t: string): { number: string; rest: string } | null {
  const m = /^((?:\d{1,2}\.)*\d{1,2})\.?\s+(\S.*)$/.exec(t);
  if (m) return { number: m[1], rest: m[2].trim() };
  const roman = /^([IVX]{1,5})\.\s+(\S.*)$/.exec(t);
  if (roman) return { number: roman[1], rest: roman[2].trim() };
  return null;
}

/** Kinds in order of precedence when a heading names several ("Analysis and Discussion" → discussion). */
const KIND_RULES: readonly [SectionKind, RegExp][] = [
  ['references', /^(?:references?|bibliography|works cited|literature cited|sources|sources and references|references and notes|notes and references|list of references|reference list)\s*:?$/i],
  ['notes', /^(?:notes|endnotes|footnotes)$/i],
  ['abstract', /^(?:abstract|executive summary|summary)$/i],
  ['recommendations', /\b(recommendations?|way forward|policy implications|policy options|what should be done)\b/i],
  ['conclusion', /\b(conclusions?|concluding|closing remarks|final remarks|future work)\b/i],
  ['introduction', /\b(introduction|overview)\b/i],
  ['findings', /\b(findings|key results)\b/i],
  ['discussion', /\b(discussion)\b/i],
  ['literature', /\b(literature|related work|previous work|prior work|state of the art)\b/i],
  // a bare "framework" is as often a policy framework as a theoretical one
  ['theory', /\b(theor(?:y|etical)|(?:conceptual|analytical) framework)\b|^(?:the )?framework$/i],
  // "approach" names a method only as a method heading does ("Approach", "Our approach", "Research
  // approach and data"); "A human-centred approach", "A whole-of-government approach" name a policy.
  ['method', /\b(method(?:s|ology)?|research design|materials|data collection|experimental setup)\b|^(?:[\d.]+\s+)?(?:(?:our|the|this|research|methodological|empirical|analytical|experimental|proposed|modell?ing|estimation|study|evaluation)\s+)?approach(?:es)?(?:\s+(?:and|&)\s+\w+)?\s*:?$/i],
  ['background', /\b(background|context|history|historical)\b/i],
  ['analysis', /\b(analysis|analyses|results|evaluation|experiments?|implications|assessment)\b/i],
];

/** Headings whose words name a reference list only sometimes ("3.1 Sources" of data, a table's SOURCES column). */
export const UNSURE_REFERENCES = /^sources\s*:?$/i;

/** The kind of section a heading opens. */
export function kindOf(heading: string | HeadingCandidate): SectionKind {
  if (typeof heading !== 'string' && heading.kind) return heading.kind;
  const t = (typeof heading === 'string' ? heading : heading.title).trim();
  for (const [kind, re] of KIND_RULES) if (re.test(t)) return kind;
  return 'other';
}
