/**
 * "What changed since the last edition" for the view model: the model's edition changes as short
 * lines a reader scans first. What the brief now leads with comes first (new sources, then the key
 * messages that are new or reworded), then the themes, the recommendations, the points the sources
 * agree on, and the other findings; long lists end with how many more `brief diff` lists.
 */
import type { Brief, EditionChanges } from '../model/schema.js';
import { escapeMarkdown } from './escape.js';
import { plural } from './helpers.js';
import { words } from './prose.js';

/** How the view writes an item and its audience (the view model's own wording helpers). */
export interface ChangesWording {
  /** A finding's or recommendation's text as a short escaped sentence. */
  item: (x: { text: string }) => string;
  /** " for the United States" after "recommendation", or "" without an actor. */
  forActor: (x: { actor: string | null }) => string;
}

/** Normalised for matching a key message to a changed finding (case, spacing, punctuation). */
const key = (text: string) => text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** The lines of the section; `keyMessages` are the texts of this edition's key messages. */
export function changeLines(ch: EditionChanges, keyMessages: readonly string[], w: ChangesWording): string[] {
  const some = <T>(list: readonly T[], max: number, line: (x: T) => string, more: (n: number) => string) =>
    list.length > max ? [...list.slice(0, max).map(line), more(list.length - max)] : list.map(line);
  const keys = new Set(keyMessages.map(key));
  const isKey = (x: { text: string }) => keys.has(key(x.text));
  const foundChanged = ch.findings.changed ?? [];
  const recsChanged = ch.recommendations.changed ?? [];
  return [
    ...ch.sources.added.map((x) => `New source: ${escapeMarkdown(x.title)}`),
    ...ch.sources.removed.map((x) => `Source no longer included: ${escapeMarkdown(x.title)}`),
    ...ch.sources.changed.map((x) => `Source revised: ${escapeMarkdown(x.title)}`),
    ...ch.findings.added.filter(isKey).map((x) => `New key message: ${w.item(x)}`),
    ...foundChanged.filter(isKey).map((x) => `Key message reworded: ${w.item(x)}`),
    ...ch.themes.added.map((x) => `New theme: ${escapeMarkdown(x.label)}`),
    ...(ch.themes.renamed ?? []).map((x) => `Theme now named ${escapeMarkdown(x.to)} (was ${escapeMarkdown(x.from)})`),
    ...ch.themes.removed.map((x) => (x.into ? `Theme merged into ${escapeMarkdown(x.into)}: ${escapeMarkdown(x.label)}` : `Theme no longer found: ${escapeMarkdown(x.label)}`)),
    ...some(ch.recommendations.added, 5, (x) => `New recommendation${w.forActor(x)}: ${w.item(x)}`, (n) => `${plural(n, 'more new recommendation')} (\`brief diff\` lists them)`),
    ...some(recsChanged, 3, (x) => `Recommendation reworded${w.forActor(x)}: ${w.item(x)}`, (n) => `${plural(n, 'more recommendation')} reworded`),
    ...some(ch.recommendations.removed, 3, (x) => `Recommendation no longer made${w.forActor(x)}: ${w.item(x)}`, (n) => `${plural(n, 'more recommendation')} no longer made`),
    ...some(ch.agreements?.added ?? [], 3, (x) => `Sources now agree (${plural(x.sourceIds.length, 'source')}): ${w.item(x)}`, (n) => `${plural(n, 'more new point')} of agreement`),
    ...some(ch.agreements?.removed ?? [], 3, (x) => `No longer agreed by several sources: ${w.item(x)}`, (n) => `${plural(n, 'more point')} no longer agreed`),
    ...some(ch.findings.added.filter((x) => !isKey(x)), 5, (x) => `New finding: ${w.item(x)}`, (n) => `${plural(n, 'more new finding')} (\`brief diff\` lists them)`),
    ...some(ch.findings.removed, 3, (x) => `Finding no longer drawn: ${w.item(x)}`, (n) => `${plural(n, 'more finding')} no longer drawn`),
  ];
}

/** What the analyst overrode, as lines of "what changed". */
export function overrideLines(o: Brief['overrides']): string[] {
  if (!o) return [];
  const short = (t: string) => escapeMarkdown(words(t, 20));
  return [
    ...o.dropped.map((x) => `Left out by the analyst (${x.kind === 'glossary' ? 'glossary entry' : x.kind === 'timeline' ? 'timeline event' : x.kind}): ${short(x.text)}`),
    ...o.pinned.map((x) => `Pinned by the analyst as a key message: ${short(x.text)}`),
    ...o.themes.map((x) => `Theme named by the analyst ${escapeMarkdown(x.to)} (found as ${escapeMarkdown(x.from)})`),
    ...o.sources.map((x) => `Source details from ${escapeMarkdown(x.file)}: ${x.fields.join(', ')}`),
  ];
}
