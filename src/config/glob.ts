/**
 * Source globs from the config (`sources/**\/*.md`, `!`-free): `*` and `?` within one path
 * segment, `**` across segments, `{a,b}` alternatives, `[abc]` classes. Paths use `/`.
 */

/** A regular expression matching the whole of a `/`-separated relative path. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  let i = 0;
  let braces = 0;
  const g = glob.replace(/^\.\//, '');
  while (i < g.length) {
    const ch = g[i];
    if (ch === '*') {
      if (g[i + 1] === '*') {
        const atStart = i === 0 || g[i - 1] === '/';
        const atEnd = i + 2 === g.length || g[i + 2] === '/';
        if (atStart && atEnd) {
          // `**/` matches zero or more whole folders; a trailing `**` matches anything below.
          if (i + 2 === g.length) re += '.*';
          else re += '(?:[^/]*/)*';
          i += i + 2 === g.length ? 2 : 3;
          continue;
        }
        re += '[^/]*';
        i += 2;
        continue;
      }
      re += '[^/]*';
    } else if (ch === '?') re += '[^/]';
    else if (ch === '{') {
      re += '(?:';
      braces++;
    } else if (ch === '}' && braces > 0) {
      re += ')';
      braces--;
    } else if (ch === ',' && braces > 0) re += '|';
    else if (ch === '[') {
      const close = g.indexOf(']', i + 1);
      if (close > i + 1) {
        re += '[' + g.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\') + ']';
        i = close + 1;
        continue;
      }
      re += '\\[';
    } else re += ch.replace(/[.+^$()|\\\]]/g, '\\$&');
    i++;
  }
  return new RegExp(`^${re}$`);
}

/** The folder a glob starts in: its segments before the first one with a wildcard. */
export function globBase(glob: string): string {
  const parts = glob.replace(/^\.\//, '').split('/');
  const fixed: string[] = [];
  for (const p of parts.slice(0, -1)) {
    if (/[*?{[]/.test(p)) break;
    fixed.push(p);
  }
  return fixed.join('/') || '.';
}

/** True when `path` matches one of `include` and none of `exclude`. */
export function matchesGlobs(path: string, include: readonly RegExp[], exclude: readonly RegExp[]): boolean {
  return include.some((r) => r.test(path)) && !exclude.some((r) => r.test(path));
}
