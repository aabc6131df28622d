/**
 * Actors: who is asked to act. Names are normalised through an alias table (built-in data merged
 * with the user's `actorAliases`), so "Islamabad" and "Pakistan" group together.
 */
import { builtinActorAliases } from './data/actor-aliases.js';

/** A compiled alias table: matches aliases in a piece of text, longest first. */
export interface ActorTable {
  aliases: ReadonlyMap<string, string>;
  pattern: RegExp;
}

/** A text as a regular expression matching it literally (actor names, acronym expansions). */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Build the table from the built-in aliases and the user's (the user's win on conflicts). */
export function compileActorTable(user: Readonly<Record<string, string>> = {}): ActorTable {
  const aliases = new Map<string, string>();
  for (const [k, v] of Object.entries(builtinActorAliases)) aliases.set(k.toLowerCase().trim(), v);
  for (const [k, v] of Object.entries(user)) aliases.set(k.toLowerCase().trim(), v);
  const keys = [...aliases.keys()].filter(Boolean).sort((a, b) => b.length - a.length || a.localeCompare(b));
  // Short all-letter aliases ("us", "un") only match when written in capitals in the text, so the
  // pronoun "us" is not the United States; the check is done in `actorsIn`.
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${keys.map(escapeRegExp).join('|')})(?:['’]s)?(?![\\p{L}\\p{N}])`, 'giu');
  return { aliases, pattern };
}

const cache = new Map<string, ActorTable>();
/** Memoised `compileActorTable` keyed by the user's table. */
export function actorTable(user: Readonly<Record<string, string>> = {}): ActorTable {
  const key = JSON.stringify(Object.entries(user).sort());
  let t = cache.get(key);
  if (!t) {
    t = compileActorTable(user);
    cache.set(key, t);
  }
  return t;
}

/** One actor mention in a text. */
export interface ActorMention {
  actor: string;
  start: number;
  end: number;
}

/** Every actor named in `text`, in order (the longest alias at each place). */
export function actorsIn(text: string, table: ActorTable): ActorMention[] {
  const out: ActorMention[] = [];
  table.pattern.lastIndex = 0;
  for (let m = table.pattern.exec(text); m; m = table.pattern.exec(text)) {
    const raw = m[0].replace(/['’]s$/, '');
    const key = raw.toLowerCase();
    const actor = table.aliases.get(key);
    if (!actor) continue;
    // Two-letter aliases must be capitals ("US", "UN"), never the pronoun "us".
    if (/^[a-z]{2}$/.test(key) && raw !== raw.toUpperCase()) continue;
    // "US" inside "US-Pakistan relations" names a relation, not an actor; so does "Pakistan-US".
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 1);
    const before = text.slice(Math.max(0, m.index - 1), m.index);
    if (/[-–]/.test(after) || /[-–]/.test(before)) {
      // …unless the compound names the relation between actors ("Pakistan-US relations can …").
      const rest = text.slice(m.index + m[0].length);
      const head = text.slice(0, m.index);
      const relation = /^(?:[-–][\p{L}.']+)*\s+(?:bilateral\s+)?(?:relations|ties|relationship|partnership|cooperation|dialogue|engagement|alliance)\b/iu;
      if (!relation.test(rest) && !(/[-–]$/.test(head) && relation.test(rest.replace(/^[\p{L}.']*/u, '')))) continue;
    }
    out.push({ actor, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Distinct actors in `text`, in order of first mention. */
export function distinctActors(text: string, table: ActorTable): string[] {
  const seen: string[] = [];
  for (const m of actorsIn(text, table)) if (!seen.includes(m.actor)) seen.push(m.actor);
  return seen;
}

/** The display form of a set of actors: one name, or names joined in order ("Pakistan and United States"). */
export function joinActors(actors: readonly string[]): string | null {
  if (!actors.length) return null;
  if (actors.length === 1) return actors[0];
  return `${actors.slice(0, -1).join(', ')} and ${actors[actors.length - 1]}`;
}
