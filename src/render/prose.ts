/**
 * How the view model writes the sources' words into the brief's sentences: titles, counts, lists,
 * names with their article, and whether a sentence reads on its own out of its context.
 */
import type { SourceEntry } from '../model/schema.js';
import { escapeMarkdown } from './escape.js';
/** A citation's label: `3, p. 12` (a page), `3 §2.1` (a section), or `3`; no-break spaces keep it on one line. */
export const citationLabel = (n: number, locator: string): string => (!locator ? `${n}` : locator.startsWith('p.') ? `${n},\u00a0${locator}` : `${n}\u00a0${locator}`);

export function words(text: string, max: number): string {
  const w = text.split(/\s+/).filter(Boolean);
  return w.length <= max ? w.join(' ') : w.slice(0, max).join(' ') + ' …';
}

export function cleanTitle(s: SourceEntry): string {
  const t = s.title.replace(/\s+/g, ' ').trim();
  // a subtitle printed on a line of its own is part of what a reference names
  const sub = s.subtitle?.replace(/\s+/g, ' ').trim();
  if (sub && (t.match(/\p{L}/gu) ?? []).length >= 4 && !t.toLowerCase().includes(sub.toLowerCase())) return `${t.replace(/[:.\s]+$/, '')}: ${sub}`;
  if ((t.match(/\p{L}/gu) ?? []).length >= 4) return t;
  const base = s.path.split(/[\\/]/).pop() ?? s.id;
  return base.replace(/\.[a-z0-9]+$/i, '');
}

/**
 * A finding or recommendation as a sentence: its claim may start inside the source's sentence
 * ("… indicates that the primary cause …", see `claimOf`), so its first letter is capitalised.
 */
export function asSentence(text: string): string {
  return text.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
}

/**
 * A theme's label inside a sentence: the label capitalises its first phrase as a heading does, so
 * the phrase's own first letter is restored when the label starts with it ("regional security",
 * not "Regional security"; "Afghan Taliban" stays).
 */
export function inSentence(label: string, firstPhrase: string | undefined): string {
  if (!firstPhrase || !label.toLowerCase().startsWith(firstPhrase.toLowerCase())) return label;
  const head = firstPhrase.charAt(0) + label.slice(1);
  return takesThe.test(firstPhrase) ? `the ${head}` : head;
}

/** A name as it reads inside a sentence: "the United States", "Pakistan". */
export const withArticle = (name: string): string => (takesThe.test(name) ? `the ${name}` : name);

/** A count as prose writes it: in words up to twelve, in figures above. */
export const inWords = (n: number): string => ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'][n] ?? String(n);

/** Items as a reader lists them: "A", "A and B", "A, B and C"; "A; B and C; and D" when an item has its own "and". */
export const listed = (items: readonly (string | number)[]): string => {
  if (items.length < 2) return items.join('');
  if (items.length > 2 && items.some((x) => / and /.test(String(x)))) return `${items.slice(0, -1).join('; ')}; and ${items[items.length - 1]}`;
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
};

/**
 * Names read with "the" inside a sentence: a capitalised name ending in a kind of body, pact or
 * place ("the United States", "the Afghan Taliban", "the China-Pakistan Economic Corridor"), while
 * "South Asia" and "Pakistan" take none.
 */
export const takesThe = /^(?:\p{Lu}[\p{L}'’-]*\s+)*\p{Lu}[\p{L}'’-]*\s+(?:States|Nations|Kingdom|Union|Emirates|Republic|Taliban|Corridor|Initiative|Organi[sz]ation|Agreement|Accord|Treaty|Alliance|Council|Commission|Bank|Fund|Forum|Forces|Army|Movement|Party|Front|War|Process|Programme|Program|Strategy|Doctrine|Ocean|Sea|Gulf|East|West|Region|Belt|Road)$/u;

/**
 * Whether a sentence reads on its own: it does not open with a pronoun or connective, nor lean on
 * a thing named before it ("Much of the evidence it draws on …", "these measures", "such a shift").
 */
export function standsAlone(text: string): boolean {
  return !leansOnOpening.test(text) && !leansOnPronoun.test(text) && !leansOnNamed.test(text) && !leansOnThis.test(text) && !leansOnThey(text);
}

/**
 * An early "they"/"them"/"their" with no plural before it in the sentence to stand for ("What is
 * new is the evidence that, taken together, they could cut …"); "they" is never a dummy subject.
 */
function leansOnThey(text: string): boolean {
  const m = /^(?:\S+\s+){1,10}?(?:they|them|their)\b/i.exec(text);
  if (!m) return false;
  const before = m[0].split(/[^\p{L}'’-]+/u).slice(0, -1);
  return !before.some((w) => w.length >= 4 && /s$/i.test(w) && !notPlural.has(w.toLowerCase()));
}
const notPlural = new Set(['this', 'thus', 'has', 'was', 'its', 'across', 'less', 'unless', 'always', 'perhaps', 'whereas', 'towards', 'afterwards', 'besides', 'analysis', 'crisis', 'basis', 'process', 'progress', 'access', 'success', 'business', 'status', 'focus', 'consensus', 'congress', 'address', 'emphasis', 'thesis']);
/** "This paper", "this study": the source naming itself, which needs no earlier sentence. */
const selfReference = 'paper|study|report|article|research|analysis|brief';
const leansOnOpening = new RegExp(
  `^(?:it|its|this(?!\\s+(?:${selfReference})\\b)|these|they|their|them|he|she|his|her|such|that|those|but|and|or|so|yet|however|thus|therefore|also|hence|moreover|furthermore|additionally|in addition|consequently|accordingly|nevertheless|nonetheless|similarly|likewise|instead|otherwise|in contrast|on the other hand|as a result|finally|secondly|thirdly|next)\\b`,
  'i',
);
// An early "it"/"they" acting on something ("the evidence it draws on"), not "it is", "it may be".
const leansOnPronoun = /^(?:\S+\s+){1,6}?(?:it|they)\s+(?!is\b|was\b|will\b|would\b|can\b|could\b|may\b|might\b|has\b|had\b|seems\b|appears\b|remains\b|becomes\b|should\b|must\b|needs\b|takes\b)\p{Ll}/iu;
// "these measures", "such a shift": things named in a sentence the brief does not show ("such as",
// "those who", "those of" introduce what follows, not what came before).
const leansOnNamed = /\b(?:these|those(?!\s+(?:who|that|which|whose|of|in|with|for)\b)|such(?!\s+as\b|\s+that\b))\s+(?:a\s+|an\s+)?\p{Ll}+/u;
const leansOnThis = new RegExp(`\\bthis\\s+(?!${selfReference}|chapter|section|work|year|decade|century|region|country|basin)\\p{Ll}+`, 'u');


/** A publisher's short name: its acronym in parentheses ("… Organization (UNESCO)" → "UNESCO"), or the name when short. */
export function bodyName(publisher: string | null | undefined): string {
  if (!publisher) return '';
  const acronym = /\(([\p{Lu}][\p{Lu}\p{N}&-]{1,11})\)\s*$/u.exec(publisher);
  if (acronym) return acronym[1]!;
  return publisher.split(/\s+/).length <= 5 ? escapeMarkdown(publisher) : '';
}
