/**
 * Tables found by their column grid, before the page is put in reading order. A table's rows
 * hold three or more cells side by side, row after row, and its cells start at a few shared left
 * edges; read column by column (as a gutter search would read it) its cells turn into word salad.
 * A table found here is taken out of the page, read as rows × cells, and stands in the reading
 * order as one full-width band.
 */
import type { LayoutLine } from './types.js';

/** Rows of three or more cells a table needs. */
const MIN_ROWS = 3;
/** Columns (left edges several of its lines start at) a table needs. */
const MIN_COLUMNS = 3;
/** How far (points) the cells of one column drift from row to row. */
const EDGE_DRIFT = 3.5;
/** With only three columns, cells this short on average (characters) tell a table from three columns of prose. */
const NARROW_CELL = 30;

/** The tables of one page's lines (any order), each as its lines tagged with their cells. */
export function findTables(lines: readonly LayoutLine[]): LayoutLine[][] {
  const rows = new Map<number, LayoutLine[]>();
  for (const l of lines) rows.set(l.row, [...(rows.get(l.row) ?? []), l]);
  const multi = [...rows.values()].filter((r) => r.length >= 3).sort((a, b) => b[0].y - a[0].y);
  const tables: LayoutLine[][] = [];
  const taken = new Set<LayoutLine>();
  let band: LayoutLine[][] = [];
  const close = (): void => {
    const t = band.length >= MIN_ROWS ? tableOf(band, lines, taken) : null;
    if (t) {
      for (const l of t) taken.add(l);
      tables.push(t);
    }
    band = [];
  };
  for (const r of multi) {
    const last = band[band.length - 1];
    // rows of cells a few lines apart belong to one table (cells of one or two lines lie between)
    if (last && last[0].y - r[0].y > 4.5 * Math.max(size(last), size(r))) close();
    band.push(r);
  }
  close();
  // a tall row with few side-by-side lines can cut one table in two: join parts on one grid
  const joined: LayoutLine[][] = [];
  for (const t of tables) {
    const prev = joined[joined.length - 1];
    const gap = prev ? Math.min(...prev.map((l) => l.y)) - Math.max(...t.map((l) => l.y)) : Infinity;
    if (prev && gap < 8 * size(t) && sameGrid(prev, t)) prev.push(...t);
    else joined.push(t);
  }
  // whatever else lies within a table's box (a cell's second paragraph, a prompt set in italics) is its too
  for (const t of joined) {
    growUpwards(t, lines, taken);
    const top = Math.max(...t.map((l) => l.y));
    const bottom = Math.min(...t.map((l) => l.y));
    const x0 = Math.min(...t.map((l) => l.x0));
    const x1 = Math.max(...t.map((l) => l.x1));
    for (const l of lines) {
      if (taken.has(l) || l.y > top + 0.5 || l.y < bottom - 0.5 || l.x0 < x0 - 1 || l.x1 > x1 + 1) continue;
      taken.add(l);
      t.push(l);
    }
    // and a cell running on below the rest, its ragged lines a little past the table's right edge
    for (const l of [...lines].filter((m) => !taken.has(m) && m.y < bottom - 0.5 && m.x0 >= x0 - 1 && m.x1 <= x1 + 2 * m.size).sort((a, b) => b.y - a.y)) {
      if (!t.some((m) => Math.abs(m.x0 - l.x0) < 1.5 && m.y > l.y && m.y - l.y < 2.5 * l.size)) continue;
      taken.add(l);
      t.push(l);
    }
  }
  joined.forEach((t, i) => tagCells(t, i));
  return joined;
}

/**
 * A table's head (cells of one or two words, too few side by side to make a row of their own) and
 * cells set higher than their row's first line (vertically centred) lie just above the rows found:
 * lines a line or two above the table, each within one of its columns, belong to it. A line that
 * crosses a column edge (a paragraph above the table, its caption) stops the search.
 */
function growUpwards(t: LayoutLine[], lines: readonly LayoutLine[], taken: Set<LayoutLine>): void {
  const edges = columnEdges(t);
  const x0 = Math.min(...t.map((l) => l.x0));
  const x1 = Math.max(...t.map((l) => l.x1));
  for (;;) {
    const top = Math.max(...t.map((l) => l.y));
    const near = lines.filter((l) => !taken.has(l) && l.y > top + 0.5 && l.y - top < 2.5 * l.size && l.x1 > x0 && l.x0 < x1);
    if (!near.length) return;
    const inColumn = (l: LayoutLine): boolean => {
      const k = edges.findIndex((e) => Math.abs(e - l.x0) <= EDGE_DRIFT);
      return k >= 0 && (k === edges.length - 1 ? l.x1 <= x1 + 2 * l.size : l.x1 <= edges[k + 1] + 1);
    };
    // a head cell of a word or two may run over its neighbour's edge ("MODEL LAUNCHED")
    const headCell = (l: LayoutLine): boolean => edges.some((e) => Math.abs(e - l.x0) <= EDGE_DRIFT) && l.text.split(/\s+/).length <= 3 && !/[.;:]$/.test(l.text);
    if (!near.every((l) => inColumn(l) || headCell(l))) return;
    for (const l of near) {
      taken.add(l);
      t.push(l);
    }
  }
}

/** Largest type of a row. */
const size = (row: readonly LayoutLine[]): number => Math.max(...row.map((l) => l.size));

/**
 * The lines of the table a band of multi-cell rows outlines (every line within its height and
 * width), or null when the band reads as columns of prose: too few shared left edges, or three
 * columns of long lines.
 */
function tableOf(band: readonly LayoutLine[][], lines: readonly LayoutLine[], taken: ReadonlySet<LayoutLine>): LayoutLine[] | null {
  const cells = band.flat();
  const top = Math.max(...cells.map((l) => l.y));
  const bottom = Math.min(...cells.map((l) => l.y));
  const x0 = Math.min(...cells.map((l) => l.x0));
  const x1 = Math.max(...cells.map((l) => l.x1));
  const within = (l: LayoutLine): boolean => !taken.has(l) && l.x0 >= x0 - 1 && l.x1 <= x1 + 1;
  const body = lines.filter((l) => within(l) && l.y <= top + 0.5 && l.y >= bottom - 0.5);
  // the last row's cells run on below its first line: a line a line-height under a table line
  // at its left edge continues that cell
  for (const l of [...lines].filter((m) => within(m) && m.y < bottom - 0.5).sort((a, b) => b.y - a.y)) {
    if (body.some((m) => Math.abs(m.x0 - l.x0) < 1.5 && m.y > l.y && m.y - l.y < 2.5 * l.size)) body.push(l);
  }
  const edges = columnEdges(body);
  if (edges.length < MIN_COLUMNS) return null;
  const chars = body.reduce((n, l) => n + l.text.length, 0) / body.length;
  if (edges.length === MIN_COLUMNS && chars > NARROW_CELL) return null;
  return body;
}

/**
 * Left edges (to within 2 points) that three lines or more start at, and a fifth as many as the
 * commonest edge (centred heading cells start anywhere, a column's cells at its edge), left to right.
 */
function columnEdges(lines: readonly LayoutLine[]): number[] {
  const xs = lines.map((l) => l.x0).sort((a, b) => a - b);
  const groups: number[][] = [];
  for (const x of xs) {
    const g = groups[groups.length - 1];
    if (g && x - g[g.length - 1] <= EDGE_DRIFT) g.push(x);
    else groups.push([x]);
  }
  const most = Math.max(0, ...groups.map((g) => g.length));
  return groups.filter((g) => g.length >= Math.max(3, 0.2 * most)).map((g) => g[0]);
}

/** Whether two tables one above the other share their column edges (one table cut by a tall row). */
function sameGrid(a: readonly LayoutLine[], b: readonly LayoutLine[]): boolean {
  const ea = columnEdges(a);
  const eb = columnEdges(b);
  const shared = ea.filter((x) => eb.some((y) => Math.abs(x - y) <= EDGE_DRIFT)).length;
  return shared >= MIN_COLUMNS && shared >= 0.6 * Math.max(ea.length, eb.length);
}

/**
 * Tag each line of a table with its cell: the column is the last left edge at or before the line
 * (a centred heading cell falls in the column it starts in); rows break where no line of any
 * column sits for well over a line's height.
 */
function tagCells(table: LayoutLine[], index: number): void {
  const edges = columnEdges(table);
  const ys = [...new Set(table.map((l) => Math.round(l.y)))].sort((a, b) => b - a);
  const steps = ys.slice(1).map((y, i) => ys[i] - y).sort((a, b) => a - b);
  const step = steps.length ? steps[Math.floor(steps.length / 2)] : size(table) * 1.2;
  const rowOf = new Map<number, number>();
  let row = 0;
  // with no wider gap anywhere, every baseline is a row (cells of one line each)
  const spaced = ys.some((y, i) => i && ys[i - 1] - y > 1.7 * step);
  ys.forEach((y, i) => {
    if (i && (!spaced || ys[i - 1] - y > 1.7 * step)) row++;
    rowOf.set(y, row);
  });
  for (const l of table) {
    let col = 0;
    edges.forEach((e, k) => {
      if (e <= l.x0 + 2) col = k;
    });
    l.cell = { table: index, row: rowOf.get(Math.round(l.y)) ?? 0, col };
  }
}
