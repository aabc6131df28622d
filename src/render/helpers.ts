/**
 * The Handlebars helpers every template can use, registered in this one place. Each helper checks
 * its arguments and fails with a message naming the helper and what it expected; the template
 * loader adds the template file, line and column.
 */
import type { HelperOptions } from 'handlebars';
import type HandlebarsNS from 'handlebars';
import type { CitationView } from './view-model.js';

type Env = typeof HandlebarsNS;

/** A helper was called with arguments it cannot use. Carries the template position (1-based). */
export class HelperArgumentError extends Error {
  constructor(message: string, readonly line?: number, readonly column?: number) {
    super(message);
    this.name = 'HelperArgumentError';
  }
}

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function fail(name: string, options: HelperOptions | undefined, expected: string, got: unknown): never {
  const loc = (options as (HelperOptions & { loc?: { start: { line: number; column: number } } }) | undefined)?.loc;
  const shown = got === undefined ? 'nothing' : Array.isArray(got) ? 'a list' : typeof got === 'string' ? `"${got.slice(0, 30)}"` : typeof got;
  throw new HelperArgumentError(`helper "${name}": unexpected ${shown}, expected ${expected}`, loc?.start.line, loc ? loc.start.column + 1 : undefined);
}

/** Splits Handlebars' trailing options object off a helper's arguments and checks the arity. */
function args(name: string, raw: unknown[], min: number, max: number, usage: string): { a: unknown[]; options: HelperOptions } {
  const options = raw[raw.length - 1] as HelperOptions;
  const a = raw.slice(0, -1);
  if (a.length < min || a.length > max) {
    const loc = (options as HelperOptions & { loc?: { start: { line: number; column: number } } }).loc;
    throw new HelperArgumentError(`helper "${name}": unexpected ${a.length} argument${a.length === 1 ? '' : 's'}, expected ${usage}`, loc?.start.line, loc ? loc.start.column + 1 : undefined);
  }
  return { a, options };
}

/** Formats an ISO date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `YYYYs`) as `long` (14 November 2023), `month` (November 2023), `year` or `iso`. */
export function formatDate(iso: string, style: 'long' | 'month' | 'year' | 'iso' = 'long'): string | null {
  const m = /^(\d{4})(s|-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return null;
  const [, y, rest, mm, dd] = m;
  if (rest === 's') return `${y}s`;
  if (style === 'iso') return iso;
  if (style === 'year' || !mm) return y!;
  const month = months[Number(mm) - 1];
  if (!month) return null;
  if (style === 'month' || !dd) return `${month} ${y}`;
  return `${Number(dd)} ${month} ${y}`;
}

/** "1 finding", "3 findings" (or the plural given). */
export function plural(count: number, one: string, many: string = one + 's'): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Registers every helper on an isolated Handlebars environment. */
export function registerHelpers(hb: Env): void {
  hb.registerHelper('formatDate', function (...raw: unknown[]) {
    const { a, options } = args('formatDate', raw, 1, 2, '{{formatDate value ["long"|"month"|"year"|"iso"]}}');
    const [value, style = 'long'] = a;
    if (typeof value !== 'string') fail('formatDate', options, 'an ISO date string', value);
    if (!['long', 'month', 'year', 'iso'].includes(style as string)) fail('formatDate', options, 'a style "long", "month", "year" or "iso"', style);
    const out = formatDate(value, style as 'long');
    if (out === null) fail('formatDate', options, 'an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)', value);
    return out;
  });

  hb.registerHelper('refs', function (...raw: unknown[]) {
    const { a, options } = args('refs', raw, 1, 1, '{{refs citations}}');
    const [list] = a;
    if (!Array.isArray(list) || !list.every((c) => c && typeof (c as CitationView).label === 'string')) fail('refs', options, 'a list of citations (e.g. `citations` of a finding)', list);
    // In the HTML reader each label links to its passage (the first citation with that label).
    const byLabel = new Map<string, string>();
    for (const c of list as CitationView[]) if (!byLabel.has(c.label)) byLabel.set(c.label, c.href ? `[${c.label}](${c.href})` : c.label);
    const labels = [...byLabel.values()];
    return labels.length ? `[${labels.join('; ')}]` : '';
  });

  hb.registerHelper('join', function (...raw: unknown[]) {
    const { a, options } = args('join', raw, 1, 3, '{{join list [separator] [lastSeparator]}}');
    const [list, sep = ', ', last] = a;
    if (!Array.isArray(list)) fail('join', options, 'a list', list);
    if (typeof sep !== 'string') fail('join', options, 'a separator string', sep);
    if (last !== undefined && typeof last !== 'string') fail('join', options, 'a last-separator string', last);
    const items = (list as unknown[]).map((x) => (typeof x === 'string' || typeof x === 'number' ? String(x) : fail('join', options, 'a list of strings or numbers', x)));
    if (last === undefined || items.length < 2) return items.join(sep);
    return items.slice(0, -1).join(sep) + last + items[items.length - 1];
  });

  hb.registerHelper('count', function (...raw: unknown[]) {
    const { a, options } = args('count', raw, 1, 1, '{{count list}}');
    if (!Array.isArray(a[0])) fail('count', options, 'a list', a[0]);
    return (a[0] as unknown[]).length;
  });

  hb.registerHelper('plural', function (...raw: unknown[]) {
    const { a, options } = args('plural', raw, 2, 3, '{{plural n "singular" ["plural"]}}');
    const [n, one, many] = a;
    const count = Array.isArray(n) ? n.length : n;
    if (typeof count !== 'number' || !Number.isFinite(count)) fail('plural', options, 'a number or a list', n);
    if (typeof one !== 'string') fail('plural', options, 'a singular word', one);
    if (many !== undefined && typeof many !== 'string') fail('plural', options, 'a plural word', many);
    return plural(count, one, many as string | undefined);
  });

  hb.registerHelper('take', function (...raw: unknown[]) {
    const { a, options } = args('take', raw, 2, 2, '{{#each (take list n)}}');
    const [list, n] = a;
    if (!Array.isArray(list)) fail('take', options, 'a list', list);
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) fail('take', options, 'a whole number', n);
    return (list as unknown[]).slice(0, n as number);
  });

  hb.registerHelper('truncate', function (...raw: unknown[]) {
    const { a, options } = args('truncate', raw, 2, 2, '{{truncate text words}}');
    const [text, n] = a;
    if (typeof text !== 'string') fail('truncate', options, 'a string', text);
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) fail('truncate', options, 'a positive whole number of words', n);
    const w = (text as string).split(/\s+/).filter(Boolean);
    // Cutting at whitespace never splits a backslash escape, so the result stays safe Markdown.
    return w.length <= (n as number) ? w.join(' ') : w.slice(0, n as number).join(' ').replace(/[\\,;:]+$/, '') + ' …';
  });

  hb.registerHelper('inc', function (...raw: unknown[]) {
    const { a, options } = args('inc', raw, 1, 1, '{{inc n}}');
    if (typeof a[0] !== 'number') fail('inc', options, 'a number', a[0]);
    return (a[0] as number) + 1;
  });

  for (const [name, test] of [
    ['eq', (x: unknown, y: unknown) => x === y],
    ['gt', (x: unknown, y: unknown) => (x as number) > (y as number)],
  ] as const) {
    hb.registerHelper(name, function (...raw: unknown[]) {
      const { a, options } = args(name, raw, 2, 2, `(${name} a b)`);
      if (name === 'gt' && (typeof a[0] !== 'number' || typeof a[1] !== 'number')) fail(name, options, 'two numbers', typeof a[0] !== 'number' ? a[0] : a[1]);
      return test(a[0], a[1]);
    });
  }
}
