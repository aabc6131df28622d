import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Report } from '../../src/model/diagnostics.js';
import { ingest } from '../../src/ingest/index.js';
import { structure } from '../../src/structure/index.js';
import { collectCandidates } from '../../src/analyze/keyphrases.js';
import { rankKeyphrases } from '../../src/analyze/rank-keyphrases.js';
import { stemPhrase, wordsOf } from '../../src/analyze/text/stem.js';
import { discourseWords, stopWords } from '../../src/analyze/text/stopwords.js';
import type { StructuredSource } from '../../src/model/document.js';
import { repoRoot } from '../helpers.js';

async function bundled(): Promise<StructuredSource[]> {
  const dir = join(repoRoot, 'sources');
  const ctx = { report: new Report() };
  const out: StructuredSource[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) {
    const src = await ingest({ path: `sources/${name}`, bytes: readFileSync(join(dir, name)) }, ctx);
    if (src) out.push(structure(src, ctx));
  }
  return out;
}

/** A tiny structured source built by hand: one sentence per line, no sections. */
function handMade(title: string, lines: string[]): StructuredSource {
  let text = `${title}\n\n`;
  const sentences = lines.map((l) => {
    const start = text.length;
    text += l + '\n';
    return { start, end: start + l.length, text: l, paragraph: 0, section: -1 };
  });
  return {
    source: { id: 'hand', path: 'hand.txt', format: 'txt', sha256: '0'.repeat(64), encoding: 'utf-8', text },
    metadata: { title, titleSpan: null, subtitle: null, authors: [], affiliations: [], keywords: [], abstract: null, abstractSpan: null, dates: [], doi: null, venue: null, year: null },
    sections: [], paragraphs: [], sentences, references: [], notes: [], inlineCitations: [],
  };
}

describe('keyphrase candidates', () => {
  it('are noun phrases keyed by Porter stem, with their features', () => {
    const doc = handMade('Ramsey graphs and independent sources', [
      'However, we construct Ramsey graphs from independent sources.',
      'The Ramsey graph is explicit, and independent sources are weak random sources.',
      'Moreover, the construction uses a Ramsey graph again.',
    ]);
    const c = collectCandidates(doc);
    expect(c['ramsei graph']).toBeDefined();
    expect(c['ramsei graph'].tf).toBe(3);
    expect(c['ramsei graph'].title).toBe(1);
    expect(c['ramsei graph'].words).toBe(2);
    expect(c['independ sourc'].tf).toBe(2);
    expect(c['independ sourc'].first).toBeLessThan(c['ramsei graph'].last);
    for (const key of Object.keys(c)) {
      for (const w of key.split(' ')) expect(stopWords.has(w) || discourseWords.has(w), key).toBe(false);
    }
    expect(c['howev']).toBeUndefined();
  });

  it('keep written compounds whole ("client-server", "3D", "US–Pakistan"), but not across a stop word', () => {
    const doc = handMade('A client-server library for 3D graphics', [
      'Our client-server design renders 3D graphics with meta-reasoning.',
      'The us-versus-them framing used client-server links for 3D graphics.',
      'A peer-to-peer overlay needs bootstrapping; bootstrapping is slow.',
      'The US–Pakistan talks stalled, and the Pak-US dialogue resumed.',
    ]);
    const c = collectCandidates(doc);
    expect(c['client server design']?.tf).toBe(1);
    expect(c['3d graphic']?.tf).toBe(2);
    expect(c['3d graphic'].title).toBe(1);
    expect(c['meta reason']).toBeDefined();
    // The pronoun opens no compound; the acronym, written in capitals, does (en dash included).
    expect(Object.keys(c).some((k) => k.startsWith('us vers'))).toBe(false);
    expect(c['us pakistan talk']).toBeDefined();
    expect(c['pak us dialogu']).toBeDefined();
    expect(c['peer to peer overlai']).toBeDefined();
    expect(c['bootstrap']?.tf).toBe(2);
  });
});

describe('keyphrase term signals', () => {
  it('mark a phrase the text spells out with an acronym, and only when the initials agree', () => {
    const doc = handMade('Routing behind middleboxes', [
      'Many hosts sit behind network address translation (NAT) boxes.',
      'A self-organizing map (SOM) clusters the traces.',
      'The packet filter (TCP) drops traffic.',
      'Network address translation hides hosts, and the self-organizing map is small.',
    ]);
    const c = collectCandidates(doc);
    expect(c['network address translat'].acronym).toBe(1);
    // Two mentions, plus the one of its acronym.
    expect(c['network address translat'].tf).toBe(3);
    expect(c['self organ map'].acronym).toBe(1);
    expect(c['packet filter'].acronym).toBe(0);
  });

  it("count an acronym's mentions as mentions of the phrase it stands for", () => {
    const doc = handMade('Learning with kernels', [
      'We train support vector machines (SVMs) on the data.',
      'SVMs separate the classes; an SVM needs a kernel.',
      'The kernel of the SVMs is fixed.',
    ]);
    const c = collectCandidates(doc);
    expect(c['svm'].tf).toBe(4);
    expect(c['support vector machin'].tf).toBe(5);
    expect(c['support vector machin'].acronym).toBe(1);
    expect(c['support vector machin'].last).toBe(c['svm'].last);
  });

  it('let a generic noun modify a head but not a generic adjective open a phrase; generic heads are flagged', () => {
    const doc = handMade('Table detection on the web', [
      'We study table detection with a new method.',
      'Our type theory gives a short response time.',
      'Different kinds of tables need care.',
    ]);
    const c = collectCandidates(doc);
    expect(c['tabl detect']?.tf).toBe(1);
    expect(c['tabl detect'].title).toBe(1);
    expect(c['type theori']).toBeDefined();
    expect(c['respons time']?.genericHead).toBe(1);
    expect(c['type theori'].genericHead).toBe(0);
    expect(c['new method']).toBeUndefined();
    expect(c['method']).toBeUndefined();
    expect(Object.keys(c).some((k) => k.startsWith('differ '))).toBe(false);
  });
});

describe('keyphrase candidates with numbers and short acronyms', () => {
  it('keep names with a number (MPEG-7) and two-character acronyms (3G, IR), not number fragments', () => {
    const doc = handMade('MPEG-7 descriptors for IR in 3G networks', [
      'Eight visual MPEG-7 descriptors were compared on 3G networks.',
      'The IR community uses MPEG-7 too.',
      'After post-9/11 rules, version v-1.2 of the tool shipped.',
      'It was a quiet time in it.',
    ]);
    const c = collectCandidates(doc);
    expect(c['mpeg 7']?.tf).toBe(2);
    expect(c['mpeg 7 descriptor']).toBeDefined();
    expect(c['3g']).toBeDefined();
    expect(c['3g network']?.title).toBe(1);
    expect(c['ir']).toBeDefined();
    expect(c['post 9']).toBeUndefined();
    expect(c['v 1']).toBeUndefined();
    expect(c['it']).toBeUndefined();
  });

  it('never make a currency code a keyphrase ("USD 1.31 billion" says how a figure is counted)', () => {
    const doc = handMade('Adaptation finance in the Pacific', [
      'Adaptation finance reached USD 1.31 billion in 2024, against needs of USD 4.9 billion.',
      'Loans grew from USD 178 million to USD 498 million, and grants by 29 percent.',
    ]);
    const c = collectCandidates(doc);
    expect(c['usd']).toBeUndefined();
    expect(c['percent']).toBeUndefined();
    expect(c['adapt financ']).toBeDefined();
  });
});

describe('keyphrase candidates in texts with markup left over', () => {
  it('skip tag and attribute names (<A href=…>, &lt;TABLE&gt;) but keep the prose around them', () => {
    const doc = handMade('Reflection', [
      'Reflection is well-known <A href="3.html#10">[Mos52] in logic.',
      'A document entity enclosed by &lt;TABLE&gt; tags holds a genuine table.',
    ]);
    const c = collectCandidates(doc);
    expect(c['href']).toBeUndefined();
    expect(Object.keys(c).some((k) => k.split(' ').includes('href'))).toBe(false);
    expect(Object.keys(c).some((k) => k.startsWith('tabl tag'))).toBe(false);
    expect(c['document entiti']).toBeDefined();
    expect(c['genuin tabl']).toBeDefined();
  });
});

describe('keyphrase candidates named like object properties', () => {
  it('count "constructor" or "valueOf" like any other word (no prototype lookups)', () => {
    const doc = handMade('Constructors', [
      'Constructors build objects; the constructor runs first.',
      'A valueOf method and hasOwnProperty checks follow.',
    ]);
    const c = collectCandidates(doc);
    expect(c['constructor']?.tf).toBe(2);
    expect(c['constructor'].title).toBe(1);
    expect(typeof c['constructor'].text).toBe('string');
    expect(Object.prototype.hasOwnProperty.call(c, 'constructor')).toBe(true);
    expect(rankKeyphrases([c], { singleWords: 'all', limit: 5 }).flat().some((k) => k.text === 'constructor' || k.text === 'constructors')).toBe(true);
  });
});

describe('keyphrases of the bundled papers', () => {
  let docs: StructuredSource[] = [];
  beforeAll(async () => {
    docs = await bundled();
  });

  it('are ranked, de-duplicated by stem, mostly multi-word, never stop or discourse words', () => {
    expect(docs.length).toBe(5);
    const lists = rankKeyphrases(docs.map(collectCandidates), { limit: 15 });
    expect(lists).toHaveLength(5);
    for (const list of lists) {
      expect(list.length).toBe(15);
      const stems = list.map((k) => stemPhrase(k.text));
      expect(new Set(stems).size).toBe(stems.length);
      for (let i = 1; i < list.length; i++) expect(list[i - 1].score).toBeGreaterThanOrEqual(list[i].score);
      for (const k of list) {
        const words = wordsOf(k.text);
        expect(words.length).toBeGreaterThan(0);
        // An acronym in capitals is not the stop word it spells ("US-Pakistan relations").
        const acronym = (w: string) => new RegExp(`\\b${w.toUpperCase()}\\b`).test(k.text);
        expect((stopWords.has(words[0]) && !acronym(words[0])) || discourseWords.has(words[0]), k.text).toBe(false);
        expect(stopWords.has(words[words.length - 1]) && !acronym(words[words.length - 1]), k.text).toBe(false);
      }
      const multi = list.slice(0, 10).filter((k) => wordsOf(k.text).length > 1).length;
      expect(multi).toBeGreaterThanOrEqual(6);
    }
  });

  it('are the same on a second run (deterministic)', async () => {
    const a = rankKeyphrases(docs.map(collectCandidates));
    const b = rankKeyphrases((await bundled()).map(collectCandidates));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('single words only when distinctive (acronyms here), or none at all on request', () => {
    for (const list of rankKeyphrases(docs.map(collectCandidates))) {
      for (const k of list) if (wordsOf(k.text).length === 1) expect(k.text, k.text).toMatch(/^\p{Lu}[\p{Lu}\d]+s?$/u);
    }
    const lists = rankKeyphrases(docs.map(collectCandidates), { singleWords: 'none' });
    for (const list of lists) for (const k of list) expect(wordsOf(k.text).length, k.text).toBeGreaterThan(1);
  });
});

describe('keyphrase display forms', () => {
  it('keep the capitals of names met inside sentences and drop those of sentence starts', () => {
    const c = collectCandidates(handMade('Notes', [
      'Regional security worsened after the withdrawal.',
      'The United States reduced its regional security aid to the Shanghai Cooperation Organization members.',
      'Analysts expect regional security to improve once the United States re-engages.',
    ]));
    const text = (phrase: string) => c[stemPhrase(phrase)]?.text;
    expect(text('regional security')).toBe('regional security');
    expect(text('united states')).toBe('United States');
    expect(text('shanghai cooperation organization')).toBe('Shanghai Cooperation Organization');
  });
});
