/**
 * Types of the layout step: pages of positioned text (what a PDF reader gives) → lines → blocks
 * with roles, in reading order. Coordinates are PDF user-space points, y growing upwards.
 */

/** One run of text as the PDF places it. */
export interface PdfItem {
  str: string;
  /** Left edge and baseline. */
  x: number;
  y: number;
  /** Advance width of the run. */
  w: number;
  /** Font size (height of the text matrix). */
  size: number;
  /** Font resource name: runs set in the same font share it. */
  font: string;
  /** Set when the run is not horizontal (watermarks, margin stamps, rotated labels). */
  rotated?: boolean;
}

/** The positioned text of one page (1-based number). */
export interface PdfPage {
  page: number;
  width: number;
  height: number;
  items: PdfItem[];
}

/** A line fragment: runs on one baseline with no wide gap between them. */
export interface LayoutLine {
  page: number;
  text: string;
  x0: number;
  x1: number;
  /** Baseline. */
  y: number;
  /** Largest size of the line's letters. */
  size: number;
  /** Font of most of the line's letters. */
  font: string;
  /** Index of the baseline row on its page: fragments of one row share it (table cells, columns). */
  row: number;
  /** Table cells, left to right, when this line is a table row (then `text` is the whole row). */
  cells?: string[];
  /** Where this line sits in a table found by its column grid: table on the page, row, column. */
  cell?: { table: number; row: number; col: number };
  /** Set by the furniture pass. */
  furniture?: boolean;
}

/** What a block is to a reader. */
export type BlockRole = 'body' | 'heading' | 'list-item' | 'footnote' | 'caption' | 'table' | 'furniture';

/** Consecutive lines read as one unit. */
export interface Block {
  page: number;
  role: BlockRole;
  /** Heading level (1 = largest type) for headings. */
  level?: number;
  lines: LayoutLine[];
}

/** A span of the emitted text that is not body text, for later stages. */
export interface Region {
  start: number;
  end: number;
  role: Exclude<BlockRole, 'body' | 'furniture'>;
}

/** A furniture line removed from the reading text, kept for metadata (running titles, stamps). */
export interface FurnitureLine {
  page: number;
  text: string;
}

/** A text-layer problem found on some pages. */
export interface QualityIssue {
  rule: 'garbled-ligatures' | 'garbled-glyphs' | 'control-chars' | 'letter-spaced' | 'no-text-layer' | 'odd-hyphens';
  /** 1-based pages. */
  pages: number[];
  /** What is wrong, for the diagnostic ("ligatures missing"). */
  what: string;
  /** Whether the reader repaired it (the warning then says so). */
  repaired: boolean;
}

/** The layout step's result: one text, where each page starts in it, and the marked regions. */
export interface LayoutResult {
  text: string;
  pageStarts: number[];
  regions: Region[];
  furniture: FurnitureLine[];
  quality: QualityIssue[];
}
