/** YAML front matter of a Markdown source: title, subtitle, authors, date, keywords. */
import { parse as parseYaml } from 'yaml';
import type { SourceText } from '../model/document.js';
import type { StageContext } from '../model/context.js';
import type { Line } from './lines.js';
import { splitKeywords } from './metadata.js';

/** Read the YAML block between lines `span.from` and `span.to`; a block that does not parse is a warning and nothing. */
export function readYaml(text: string, lines: Line[], span: { from: number; to: number }, source: SourceText, ctx: StageContext): Record<string, unknown> {
  const body = text.slice(lines[span.from].end + 1, lines[span.to].start);
  try {
    const data = parseYaml(body, { maxAliasCount: 50 }) as unknown;
    if (!data || typeof data !== 'object' || Array.isArray(data)) return {};
    const d = data as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : v instanceof Date ? v.toISOString().slice(0, 10) : null);
    const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(str).filter((x): x is string => !!x) : typeof v === 'string' ? splitKeywords(v) : []);
    if (str(d.title)) out.title = str(d.title);
    if (str(d.subtitle)) out.subtitle = str(d.subtitle);
    const authors = d.authors ?? d.author;
    if (authors !== undefined) out.authors = list(authors).length ? list(authors) : str(authors) ? [str(authors)!] : [];
    if (str(d.date)) out.date = str(d.date);
    const kw = d.keywords ?? d.tags;
    if (kw !== undefined) out.keywords = list(kw);
    return out;
  } catch (e) {
    ctx.report.warn(source.path, lines[span.from].start, `Unexpected YAML front matter that does not parse (${(e as Error).message.split('\n')[0]}), expected key: value lines`, 'bad-front-matter');
    return {};
  }
}
