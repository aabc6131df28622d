/**
 * A lean wink-nlp language model: the English lite model with only what sentence splitting and
 * part-of-speech tagging use.
 *
 * The package's own entry (`wink-eng-lite-web-model`) loads every annotation at import time:
 * named entities, sentiment and negation machines, the lemmatizer's WordNet exception lists, and
 * its core model, which it parses (as a `require`d JSON file), then deep-copies through
 * `JSON.parse(JSON.stringify(…))` and decodes from base64 one character at a time. About 0.7 s of
 * CPU on our machine before the first word is tagged, most of it for things we never ask for.
 *
 * Here the core model's JSON is parsed once into a private object (no copy needed: nobody else
 * holds it), the packed arrays are decoded natively, and the annotations outside our pipe get
 * empty machines, which wink accepts and never runs. The resulting model object has the same shape
 * and contents as the package's for the parts wink reads when tagging, so tags are unchanged
 * (`tests/analyze/wink-model.test.ts` compares both on real text).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const modelDir = 'wink-eng-lite-web-model/dist/';

/** An automaton with no states: valid for wink's `importJSON`, recognises nothing. */
const emptyMachine = JSON.stringify([100, 0, { 0: {} }, {}, {}, {}]);

type FeatureData = { list: string[] | string[][]; hash?: Record<string, number>; intrinsicSize?: number; index?: number; maxIndex?: number };
interface CoreModel {
  packing: { layout: Record<string, number[]>; efList?: string[] };
  features: Record<string, FeatureData>;
  pos: { hash: Record<string, number> };
  lexicon: unknown;
  xpansions: unknown;
  [key: string]: unknown;
}

/** Decodes base64 into a fresh (aligned, unshared) Uint32Array. */
function uint32FromBase64(data: string): Uint32Array {
  const bytes = Buffer.from(data, 'base64');
  const out = new Uint32Array(bytes.length >>> 2);
  new Uint8Array(out.buffer).set(bytes.subarray(0, out.length * 4));
  return out;
}

/** A lookup table from each value of a list to its index (a null-prototype object, as wink expects). */
function indexOf(list: readonly string[]): Record<string, number> {
  const hash: Record<string, number> = Object.create(null);
  for (let k = 0; k < list.length; k++) hash[list[k]] = k;
  return hash;
}

/**
 * The same table for the lexeme list (87,000 words) as a Map seen through a proxy. Wink only
 * reads and sets entries by word (`hash[word]`, `hash[word] = index` for a word it learns), which
 * the proxy passes to the Map; filling a Map costs half of filling an object with that many keys
 * (about 60 ms of CPU less per process), and a proxied read is a few tens of nanoseconds more,
 * a few milliseconds over a build's tokens.
 */
function mapIndexOf(list: readonly string[]): Record<string, number> {
  const index = new Map<string, number>();
  for (let k = 0; k < list.length; k++) index.set(list[k], k);
  return new Proxy(Object.create(null) as Record<string, number>, {
    get: (_, key) => (typeof key === 'string' ? index.get(key) : undefined),
    set: (_, key, value: number) => {
      if (typeof key === 'string') index.set(key, value);
      return true;
    },
    has: (_, key) => typeof key === 'string' && index.has(key),
  });
}

/** The core model, prepared as the package's loader prepares it (a fresh object on every call). */
function readCoreModel(): CoreModel {
  const file = require.resolve(`${modelDir}languages/cur/models/eng-core-web-model.json`);
  const model = JSON.parse(readFileSync(file, 'utf8')) as CoreModel;
  const { packing, features, pos } = model;
  model.lexicon = uint32FromBase64(model.lexicon as string);
  model.xpansions = uint32FromBase64(model.xpansions as string);
  for (const f in packing.layout) if (packing.layout[f][3] === 0) features[f].hash = indexOf(features[f].list as string[]);
  features.lexeme.hash = mapIndexOf(features.lexeme.list as string[]);
  const clusters = features.posClusters.list as unknown[];
  for (let k = 0; k < clusters.length; k++) clusters[k] = new Set((clusters[k] as string).split('_').map((tag) => pos.hash[tag] || 0));
  // What the package's load step adds on top of the read model: sizes of the growable lists and
  // the features stored per lexeme.
  packing.efList = [];
  for (const f in packing.layout) {
    const layout = packing.layout[f];
    if (layout[3] === 0) {
      const size = features[f].list.length;
      features[f].intrinsicSize = size;
      features[f].index = size;
      features[f].maxIndex = layout[1] >>> layout[2];
    }
    if (layout[4] === 1) packing.efList.push(f);
  }
  features.lexeme.intrinsicSize = features.lexeme.list.length;
  features.lexeme.index = features.lexeme.list.length;
  return model;
}

/** The lean model object for `winkNLP(model, ['sbd', 'pos'])`. */
export function leanWinkModel(): unknown {
  const sbdMachines = require(`${modelDir}languages/cur/models/eng-sbd-model.json`);
  const posMachines = require(`${modelDir}languages/cur/models/eng-pos-model.json`);
  const model = Object.create(null);
  model.core = readCoreModel;
  model.sbd = () => ({ machines: sbdMachines, setter: require(`${modelDir}sbd-setter.js`), transformers: require(`${modelDir}sbd-transformers.js`) });
  model.pos = () => ({ machines: posMachines, setter: require(`${modelDir}pos-setter.js`), updater: require(`${modelDir}pos-updater.js`), transformers: require(`${modelDir}pos-transformers.js`) });
  // Not in our pipe: wink still builds an automaton for each, so each gets an empty one.
  model.ner = () => ({ machines: [], transformers: [] });
  model.negation = () => ({ machines: [emptyMachine], setter: () => undefined });
  model.sa = () => ({ machines: [emptyMachine], setter: () => undefined });
  model.metaCER = () => ({ machines: emptyMachine, transformers: [() => undefined] });
  model.featureFn = require(`${modelDir}feature.js`);
  // Stems and lemmas are computed elsewhere (the `stemmer` package); no add-on is read.
  model.addons = Object.create(null);
  return model;
}
