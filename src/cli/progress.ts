/**
 * Progress of a build: one line per stage on a terminal (with a bar while many sources are
 * analysed), plain lines when not a terminal (CI logs), one JSON object per event with `--json`,
 * and nothing with `--quiet` (errors still go to stderr). Colour only on a terminal without NO_COLOR.
 */

/** How progress is shown. */
export type ProgressMode = 'tty' | 'plain' | 'json' | 'quiet';

/** Events a build reports, in the shape `--json` prints them. */
export type ProgressEvent =
  | { event: 'start'; command: string; sources: number; config: string | null }
  | { event: 'stage'; stage: string; status: 'start' }
  | { event: 'stage'; stage: string; status: 'end'; ms: number; detail?: string }
  | { event: 'source'; path: string; done: number; total: number; from: 'cache' | 'analysis' }
  | { event: 'cache-corrupt'; path: string; reason: string }
  | { event: 'diagnostic'; severity: string; file: string; line?: number; column?: number; message: string; rule: string }
  | {
      event: 'done';
      ms: number;
      outputs: string[];
      sources: number;
      cached: number;
      analysed: number;
      /** Set when nothing changed since the last build, so nothing was redone or rewritten. */
      upToDate?: boolean;
      threads?: number;
      /** Wall ms per phase (read, analyze, synthesize, render, write, total). */
      phases?: Record<string, number>;
      /** Per-source stage ms summed over the sources analysed (not cached); CPU time across threads. */
      stages?: Record<string, number>;
      /** Peak resident memory of the process (MB), worker threads included. */
      maxRssMb?: number;
    }
  | { event: 'watch'; status: 'waiting' | 'change'; paths?: string[] }
  | { event: 'error'; message: string };

/** Picks the mode from flags and whether the stream is a terminal. */
export function progressMode(flags: { quiet?: boolean; json?: boolean }, isTTY: boolean): ProgressMode {
  if (flags.json) return 'json';
  if (flags.quiet) return 'quiet';
  return isTTY ? 'tty' : 'plain';
}

/** Colour is used on a terminal unless NO_COLOR is set to anything non-empty (no-color.org). */
export function useColor(mode: ProgressMode, env: NodeJS.ProcessEnv): boolean {
  return mode === 'tty' && !(env.NO_COLOR !== undefined && env.NO_COLOR !== '');
}

/** Where progress goes: anything with `write` (stdout in the CLI, an array in tests). */
export interface ProgressSink {
  write(text: string): unknown;
}

const barWidth = 24;
/** From this many sources on, a terminal shows a bar instead of nothing during analysis. */
export const barThreshold = 8;

function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

/** Reports a build's progress in the chosen mode. */
export class Progress {
  private readonly color: boolean;
  private barShown = false;
  private lastBar = -1;

  constructor(
    readonly mode: ProgressMode,
    private readonly sink: ProgressSink,
    env: NodeJS.ProcessEnv = process.env,
  ) {
    this.color = useColor(mode, env);
  }

  private paint(code: string, text: string): string {
    return this.color ? `\u001b[${code}m${text}\u001b[0m` : text;
  }

  private line(text: string): void {
    if (this.barShown) {
      // Replace the bar with the line.
      this.sink.write('\r\u001b[2K');
      this.barShown = false;
      this.lastBar = -1;
    }
    this.sink.write(text + '\n');
  }

  /** A line that the next one overwrites (a running stage, the bar). */
  private transient(text: string): void {
    this.sink.write(`\r\u001b[2K${text}`);
    this.barShown = true;
  }

  /** Reports one event. */
  emit(e: ProgressEvent): void {
    if (this.mode === 'quiet') return;
    if (this.mode === 'json') {
      this.sink.write(JSON.stringify(e) + '\n');
      return;
    }
    switch (e.event) {
      case 'start':
        this.line(`${this.paint('1', 'brief ' + e.command)}: ${e.sources} source${e.sources === 1 ? '' : 's'}${e.config ? ` (config ${e.config})` : ''}`);
        break;
      case 'stage':
        // On a terminal, show the running stage until its line replaces it.
        if (e.status === 'start' && this.mode === 'tty') {
          this.transient(`  ${e.stage}…`);
          break;
        }
        if (e.status === 'end') this.line(`${this.paint('32', this.mode === 'tty' ? '✓' : '-')} ${e.stage}${e.detail ? ` ${e.detail}` : ''} ${this.paint('2', formatMs(e.ms))}`);
        break;
      case 'source':
        // Only a terminal gets a bar, and only for many sources; CI logs get the stage lines.
        if (this.mode === 'tty' && e.total >= barThreshold) {
          const filled = Math.round((e.done / e.total) * barWidth);
          if (filled === this.lastBar && e.done !== e.total) break;
          this.lastBar = filled;
          this.transient(`  ${this.paint('36', '█'.repeat(filled))}${'░'.repeat(barWidth - filled)} ${e.done}/${e.total} sources`);
        }
        break;
      case 'cache-corrupt':
        this.line(`${this.paint('33', '!')} cache entry for ${e.path} was damaged (${e.reason}); recomputed`);
        break;
      case 'diagnostic':
        break; // printed on stderr by the diagnostics printer
      case 'done':
        if (e.upToDate) {
          this.line(`${this.paint('32', this.mode === 'tty' ? '✓' : '-')} up to date: nothing changed since the last build (${formatMs(e.ms)})`);
          break;
        }
        this.line(`${this.paint('32', this.mode === 'tty' ? '✓' : '-')} built ${e.outputs.length} file${e.outputs.length === 1 ? '' : 's'} from ${e.sources} source${e.sources === 1 ? '' : 's'} (${e.cached} cached) in ${formatMs(e.ms)}`);
        break;
      case 'watch':
        this.line(e.status === 'waiting' ? this.paint('2', 'watching for changes (Ctrl-C to stop)') : `change: ${(e.paths ?? []).join(', ')}`);
        break;
      case 'error':
        this.line(`${this.paint('31', 'error')}: ${e.message}`);
        break;
    }
  }

  /** Starts a stage; the returned function ends it (with optional detail) and reports its time. */
  stage(name: string): (detail?: string) => number {
    const t0 = performance.now();
    this.emit({ event: 'stage', stage: name, status: 'start' });
    return (detail?: string) => {
      const ms = performance.now() - t0;
      this.emit({ event: 'stage', stage: name, status: 'end', ms: Math.round(ms * 10) / 10, ...(detail ? { detail } : {}) });
      return ms;
    };
  }
}
