/**
 * Shared part-of-speech tagging: one lazily created wink-nlp instance (its English lite model),
 * used by keyphrases and summaries. Tagging is pure and deterministic; the instance is created on
 * first use so that importing the analyze stage costs nothing.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** One token of a text, with UTF-16 offsets into that text. */
export interface TaggedToken {
  start: number;
  end: number;
  /** The token as written. */
  value: string;
  /** Lower-cased value. */
  lower: string;
  /** Universal POS tag from wink-nlp ('NOUN', 'PROPN', 'ADJ', 'VERB', 'PUNCT', …). */
  pos: string;
  /** wink-nlp token type ('word', 'number', 'punctuation', 'symbol', …). */
  type: string;
}

type Nlp = ReturnType<typeof winkNLP>;
let instance: Nlp | null = null;

function nlp(): Nlp {
  // Only sentence splitting and POS tagging: negation, sentiment and entities are not used here.
  instance ??= winkNLP(model, ['sbd', 'pos']);
  return instance;
}

/** Tags a text; token offsets are recovered from wink-nlp's preceding-space record, so they are exact. */
export function tagText(text: string): TaggedToken[] {
  const n = nlp();
  const its = n.its;
  const tokens = n.readDoc(text).tokens();
  const values = tokens.out(its.value) as string[];
  const spaces = tokens.out(its.precedingSpaces) as string[];
  const pos = tokens.out(its.pos) as string[];
  const types = tokens.out(its.type) as string[];
  const out: TaggedToken[] = [];
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    at += spaces[i].length;
    let start = at;
    // Guard against any normalisation by the tokenizer: re-find the token from the cursor.
    if (text.slice(at, at + values[i].length) !== values[i]) {
      const found = text.indexOf(values[i], at);
      if (found < 0) continue;
      start = found;
    }
    const end = start + values[i].length;
    out.push({ start, end, value: values[i], lower: values[i].toLowerCase(), pos: pos[i], type: types[i] });
    at = end;
  }
  return out;
}
