/**
 * Dates in settings, apart from the zod schema so that reading flags does not load zod (the
 * no-change rebuild, which never reads a config file, starts without it).
 */

/** A real day written as YYYY-MM-DD (not "2026-13-45", not "2026-02-30"). */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}
