import { describe, expect, it } from 'vitest';
import { tagText, type TaggedToken } from '../../src/analyze/text/nlp.js';
import { retagNouns } from '../../src/analyze/keyphrase-retag.js';

const tok = (value: string, pos: string, start: number): TaggedToken => ({ start, end: start + value.length, value, lower: value.toLowerCase(), pos, type: 'word' });
const seq = (...pairs: [string, string][]): TaggedToken[] => {
  let at = 0;
  return pairs.map(([v, p]) => {
    const t = tok(v, p, at);
    at += v.length + 1;
    return t;
  });
};
const tags = (ts: TaggedToken[]) => ts.map((t) => `${t.value}/${t.pos}`).join(' ');

describe('noun re-tagging for chunking', () => {
  it('turns a base-form verb between a singular noun and a noun into a noun', () => {
    const out = retagNouns(seq(['network', 'NOUN'], ['address', 'VERB'], ['translation', 'NOUN']));
    expect(tags(out)).toBe('network/NOUN address/NOUN translation/NOUN');
  });

  it('turns a verb after a determiner, an adjective, or a determiner and participle into a noun', () => {
    expect(tags(retagNouns(seq(['the', 'DET'], ['map', 'VERB'])))).toBe('the/DET map/NOUN');
    expect(tags(retagNouns(seq(['a', 'DET'], ['self-organizing', 'VERB'], ['map', 'VERB'])))).toBe('a/DET self-organizing/VERB map/NOUN');
    expect(tags(retagNouns(seq(['fast', 'ADJ'], ['cut', 'VERB'])))).toBe('fast/ADJ cut/NOUN');
    // A plural after an adjective is still a noun when no singular determiner rules it out.
    expect(tags(retagNouns(seq(['the', 'DET'], ['fast', 'ADJ'], ['cuts', 'VERB'])))).toBe('the/DET fast/ADJ cuts/NOUN');
  });

  it('leaves real verbs alone: after a plural subject, inflected, participles, or after a pronoun', () => {
    const same = [
      seq(['nodes', 'NOUN'], ['report', 'VERB'], ['data', 'NOUN']),
      seq(['system', 'NOUN'], ['uses', 'VERB'], ['memory', 'NOUN']),
      seq(['we', 'PRON'], ['map', 'VERB'], ['nodes', 'NOUN']),
      seq(['the', 'DET'], ['selected', 'VERB']),
      seq(['such', 'ADJ'], ['show', 'VERB']),
      // "This brief argues": after a singular determiner and one word, a verb in -s is that word's verb.
      seq(['This', 'DET'], ['brief', 'ADJ'], ['argues', 'VERB'], ['that', 'SCONJ']),
      seq(['a', 'DET'], ['recent', 'ADJ'], ['survey', 'NOUN'], ['shows', 'VERB']),
    ];
    for (const s of same) expect(tags(retagNouns(s))).toBe(tags(s));
  });

  it('does not change the input array and keeps offsets', () => {
    const text = 'Many hosts sit behind network address translation boxes.';
    const input = tagText(text);
    const before = JSON.stringify(input);
    const out = retagNouns(input);
    expect(JSON.stringify(input)).toBe(before);
    expect(out).toHaveLength(input.length);
    for (const t of out) expect(text.slice(t.start, t.end)).toBe(t.value);
    expect(out.find((t) => t.value === 'address')?.pos).toBe('NOUN');
  });
});
