/**
 * Corrections of the part-of-speech tags that matter for noun-phrase chunking. The small English
 * model tags many nouns of technical compounds as verbs ("network address/VERB translation",
 * "a self-organizing map/VERB"), which cuts the phrase in two. Two general rules of English syntax
 * put them back, without another tagging pass:
 * - a word right after a determiner, an adjective, or a participle that follows a determiner is not
 *   a finite verb ("the map", "a fast cut", "a self-organizing map");
 * - a verb in its base form between a singular noun and another noun is a noun modifier: a singular
 *   subject would take "addresses" ("network address translation"); "nodes report data" (plural
 *   subject) and "system uses memory" (inflected verb) are unchanged.
 * - a participle or adjective that makes a compound adjective with the noun before it ("location
 *   based services", "traffic dependent scheduling") is a modifier when a noun follows.
 * Other participles and gerunds (-ed, -ing) keep their tag: the chunker treats them as modifiers already.
 */
import type { TaggedToken } from './text/nlp.js';
import { isStopWord } from './text/stopwords.js';

/**
 * Participles that form compound adjectives with a noun before them ("location based services",
 * "aspect oriented programming", "model driven design"), written with or without the hyphen.
 */
const compoundParticiples = new Set(['based', 'oriented', 'driven', 'centered', 'centred', 'centric', 'dependent', 'aware', 'enabled', 'specific', 'independent', 'sensitive', 'intensive', 'tolerant', 'resilient', 'preserving', 'free']);
const determiners = new Set(['a', 'an', 'the', 'this', 'these', 'those', 'each', 'every', 'our', 'their', 'its', 'his', 'her', 'my', 'your', 'any', 'no']);
const singularDeterminers = new Set(['a', 'an', 'this', 'that', 'each', 'every']);
const nounTags = new Set(['NOUN', 'PROPN']);
const plainWord = /^\p{L}[\p{L}'’-]*$/u;

/** Is this verb-tagged token in a base or present form that could as well be a noun? */
function nounLikeVerb(t: TaggedToken): boolean {
  return t.pos === 'VERB' && plainWord.test(t.value) && !/(?:ed|ing)$/.test(t.lower) && !isStopWord(t.lower);
}

/** The tokens with verb tags turned to nouns where the syntax rules out a verb (a new array; tokens are copied when changed). */
export function retagNouns(tokens: readonly TaggedToken[]): TaggedToken[] {
  const out = tokens.slice();
  for (let i = 1; i < out.length; i++) {
    const t = out[i];
    if (compoundParticiples.has(t.lower) && nounTags.has(out[i - 1].pos) && out[i + 1] && (nounTags.has(out[i + 1].pos) || out[i + 1].pos === 'VERB')) {
      out[i] = { ...t, pos: 'ADJ' };
      continue;
    }
    if (!nounLikeVerb(t)) continue;
    const prev = out[i - 1];
    const next = out[i + 1];
    const before = out[i - 2];
    const determiner = (x: TaggedToken | undefined) => x !== undefined && x.pos === 'DET' && determiners.has(x.lower);
    // "the map", "a fast cut", "a self-organizing map": a determiner, or an adjective or participle after one.
    // But "this brief argues": after "a", "this" or "each" and one word, a verb in -s agrees with
    // that word as its subject (a plural noun could not follow a singular determiner).
    const agreesWithSubject = prev.pos === 'ADJ' && before !== undefined && singularDeterminers.has(before.lower) && /[^s]s$/.test(t.lower);
    const afterDeterminer = determiner(prev) || (prev.pos === 'ADJ' && !isStopWord(prev.lower) && !agreesWithSubject) || (prev.pos === 'VERB' && /(?:ed|ing)$/.test(prev.lower) && determiner(before));
    const betweenNouns = nounTags.has(prev.pos) && !/(?<![siu])s$/.test(prev.lower) && !/(?<![siu])s$/.test(t.lower) && next !== undefined && nounTags.has(next.pos);
    if (afterDeterminer || betweenNouns) out[i] = { ...t, pos: 'NOUN' };
  }
  return out;
}
