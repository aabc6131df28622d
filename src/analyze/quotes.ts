/**
 * Quotes: direct quotations in the body ("…" or “…”), at least a few words long so that scare
 * quotes and titles of terms are left out, with the speaker where the sentence names one
 * ("Trump had said, "…"", "According to Bajwa, "…"", ""…," Khan said").
 */
import type { ExtractedQuote, StructuredSource } from '../model/document.js';
import { bodyParagraphs, maskBibliographic, maskCitations, textOf } from './body-text.js';

const speechVerb = '(?:said|says|saying|stated|states|stating|declared|declares|declaring|remarked|remarks|told|noted|notes|noting|wrote|writes|writing|warned|warns|warning|argued|argues|arguing|asserted|asserts|added|adds|adding|claimed|claims|claiming|announced|announces|insisted|insists|observed|stressed|emphasi[sz]ed|explained|maintained|tweeted|put\\s+it|commented|acknowledged|admitted|urged|vowed|replied|responded|contends|contended|congratulated|as\\s+such)';
// A name-like phrase: up to six capitalised words, possibly joined by "of (the)".
const nameRe = "(\\p{Lu}[\\p{L}'’.-]+(?:\\s+(?:of\\s+(?:the\\s+)?)?\\p{Lu}[\\p{L}'’.-]+){0,5})";

// "<Name>[, <appositive Name>,] (had) said (in an interview) (that)" at the end of the text before the quote.
const before = new RegExp(`(?:${nameRe}|([\\p{Ll}][\\p{L}\\s]{2,40}))(?:\\s*,\\s*${nameRe}\\s*,)?\\s+(?:had\\s+|has\\s+|have\\s+|once\\s+|also\\s+|reportedly\\s+|publicly\\s+|strongly\\s+)*${speechVerb}\\b(?:\\s+[^,“"]{0,40}?)?(?:\\s+that)?[\\s,:]*$`, 'u');
const verbAtEnd = new RegExp(`\\b${speechVerb}\\b(?:\\s+[^,“"]{0,40}?)?(?:\\s+that)?[\\s,:]*$`, 'u');
// Case-sensitive: with the `i` flag `\\p{Lu}` matches any letter, and "according to some analysts"
// named "some analysts" the speaker.
const according = new RegExp(`[Aa]ccording\\s+to\\s+${nameRe}[^“"]{0,40}$`, 'u');
const after = new RegExp(`^[\\s,]*(?:${speechVerb}\\s+${nameRe}|${nameRe}\\s+${speechVerb})`, 'u');
const opener = /^\s*(?:(?:In|On|At|During|After|Before|Since|By)\s+[^,]{1,40},\s*)?(?:However|Moreover|Meanwhile|Similarly|Thus|Also|But|And|Then)?,?\s*/u;
const subjectRe = new RegExp(`^(?:the\\s+|The\\s+)?((?:then\\s+|former\\s+|current\\s+)?(?:\\p{L}[\\p{L}'’.-]*\\s+){0,5}?\\p{Lu}[\\p{L}'’.-]+)`, 'u');

/** The subject at the start of a sentence ("In 2013, Trump had said" → "Trump"). */
function sentenceSubject(head: string): string | null {
  const rest = head.replace(opener, '').replace(/^(?:the|The)\s+/, '');
  const title = /^(?:of|the|then|former|and|foreign|prime|minister|president|secretary|advisor|adviser|spokesperson|ambassador|general|chief|security|national|defence|defense|army|interior)$/;
  const words: string[] = [];
  for (const w of rest.split(/\s+/)) {
    if (/^\p{Lu}/u.test(w) || title.test(w)) words.push(w.replace(/[,:;]$/, ''));
    else break;
    if (/[,:;]$/.test(w)) break;
  }
  while (words.length && title.test(words[words.length - 1]) && /^(?:of|the|and)$/.test(words[words.length - 1])) words.pop();
  return words.length ? words.join(' ') : null;
}

/** Whether a capitalised phrase is a plausible speaker (not a sentence opener like "However"). */
function cleanSpeaker(s: string | undefined): string | null {
  if (!s) return null;
  const t = s.replace(/^(?:In|On|At|When|After|Before|However|Moreover|Thus|As|But|And|The)\s+/u, '').trim();
  if (!t || /^(?:It|This|That|These|They|He|She|We|There|I)$/u.test(t)) return null;
  // A bare adjective of nationality or a possessive is no speaker ("Pakistani", "Pakistan's").
  if (/['’]s$/.test(t) || /^\p{Lu}\p{Ll}+(?:i|an|ese|ish)$/u.test(t)) return null;
  if (/^\d/.test(t)) return null;
  return t;
}

const roleNoun = /\b(?:minister|president|senator|spokesperson|spokesman|spokeswoman|official|officials|secretary|advisor|adviser|ambassador|envoy|envoys|general|chief|leader|leaders|commander|diplomat|analyst|expert|governor|premier|chancellor|king|prince|representative)$/i;

/** Headline-style text (most words capitalised): the title of a cited work, not a quotation. */
function isTitle(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => /^[\p{L}‘'“]/u.test(w));
  const caps = words.filter((w) => /^[‘'“]?\p{Lu}/u.test(w)).length;
  return words.length >= 3 && caps / words.length >= 0.6;
}

/** Direct quotations of one source, in document order. */
export function findQuotes(doc: StructuredSource): ExtractedQuote[] {
  const text = doc.source.text;
  const out: ExtractedQuote[] = [];
  for (const p of bodyParagraphs(doc)) {
    const para = textOf(doc, p);
    // Quotation marks inside footnote entries and link tails mark titles, not speech.
    const masked = maskBibliographic(para);
    const re = /“([^“”]{3,600}?)”|"([^"\n]{3,600}?)"/g;
    for (let m = re.exec(para); m; m = re.exec(para)) {
      const inner = (m[1] ?? m[2]).trim();
      const words = inner.split(/\s+/).filter(Boolean).length;
      if (words < 5 || isTitle(inner)) continue;
      if (masked.slice(m.index, m.index + m[0].length).trim() !== m[0].trim()) continue;
      const head = maskCitations(para.slice(Math.max(0, m.index - 200), m.index));
      // Only the current sentence before the quote counts.
      const sentenceHead = head.slice(Math.max(head.lastIndexOf('. '), head.lastIndexOf('? '), head.lastIndexOf('! ')) + 1);
      const tail = para.slice(m.index + m[0].length, m.index + m[0].length + 80);
      let speaker: string | null = null;
      // `before` ends with the speech verb and what may follow it, i.e. with `verbAtEnd`: where that
      // fails, `before` (slow: names tried at every position of the head) fails too.
      const verbEnds = verbAtEnd.test(sentenceHead);
      const b = verbEnds ? before.exec(sentenceHead) : null;
      if (b) speaker = cleanSpeaker(b[3] ?? b[1]);
      // "… and said, "…"" or "X congratulated Y as such:": the speaker is the sentence's subject.
      if (!speaker && verbEnds) speaker = cleanSpeaker(sentenceSubject(sentenceHead) ?? undefined);
      // "the senator had said": a role named by a short noun phrase is the speaker.
      if (!speaker && b?.[2]) {
        const role = b[2].trim().replace(/^.*\b(?:the|a|an)\s+/i, '').replace(/(?:\s+(?:had|has|have|once|also|reportedly|publicly|strongly))+$/i, '');
        if (role.split(/\s+/).length <= 3 && roleNoun.test(role) && !/^(?:and|or|but|s)\b/i.test(role)) speaker = role;
      }
      if (!speaker) {
        const a = according.exec(sentenceHead);
        if (a) speaker = cleanSpeaker(a[1]);
      }
      if (!speaker) {
        const t = after.exec(tail);
        if (t) speaker = cleanSpeaker(t[1] ?? t[2]);
      }
      out.push({ text: inner.replace(/\s+/g, ' '), speaker, start: p.start + m.index, end: p.start + m.index + m[0].length });
    }
  }
  return out;
}
