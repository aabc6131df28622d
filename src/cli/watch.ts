/**
 * `brief build --watch`: build, then rebuild whenever a source, a user template or the config
 * changes. Changes are debounced (editors write a file in several steps) and a change during a
 * build queues exactly one more build. A failed build is reported and watching goes on.
 */
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { BriefwrightError } from '../model/errors.js';
import type { Progress } from './progress.js';
import { runBuild, type BuildCommandFlags, type BuildOutcome } from './commands/build.js';
import type { BuildSettings } from '../config/resolve.js';
import { globBase } from '../config/glob.js';
import { findConfig } from '../config/find.js';

export interface WatchOptions {
  /** Quiet period after the last change before rebuilding (ms). */
  debounceMs?: number;
  /** Stops watching (tests, Ctrl-C). */
  signal?: AbortSignal;
  /** Called after every build attempt. */
  onBuild?: (outcome: BuildOutcome | null, error: unknown) => void;
}

/** What to watch for a build: folders, and whether to look below them. */
export function watchTargets(settings: BuildSettings, configPath: string | null): { dir: string; recursive: boolean; only?: string }[] {
  const targets: { dir: string; recursive: boolean; only?: string }[] = [];
  if (settings.sources.kind === 'folder') targets.push({ dir: settings.sources.dir, recursive: false });
  else for (const g of new Set(settings.sources.include.map(globBase))) targets.push({ dir: resolve(settings.sources.base, g), recursive: true });
  for (const d of settings.templatesDirs) targets.push({ dir: d, recursive: true });
  // Watch the config's folder, not the file: editors replace files by renaming, which ends a file watch.
  if (configPath) targets.push({ dir: dirname(configPath), recursive: false, only: basename(configPath) });
  return targets;
}

/** Builds, then rebuilds on changes until `signal` aborts (or forever, from the CLI). */
export async function watchBuild(flags: BuildCommandFlags, progress: Progress, options: WatchOptions = {}): Promise<void> {
  const debounceMs = options.debounceMs ?? 150;
  let watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  let building = false;
  let again = false;
  const changed = new Set<string>();

  const build = async (): Promise<void> => {
    building = true;
    let outcome: BuildOutcome | null = null;
    let error: unknown = null;
    try {
      outcome = await runBuild(flags, progress);
    } catch (err) {
      error = err;
      const msg = err instanceof BriefwrightError ? err.format() : `internal error: ${(err as Error)?.message ?? String(err)}`;
      process.stderr.write(`brief: ${msg}\n`);
      progress.emit({ event: 'error', message: msg });
    }
    // Exit codes belong to the last build only; watching itself is not a failure.
    process.exitCode = undefined;
    building = false;
    rewatch(outcome?.settings ?? null);
    options.onBuild?.(outcome, error);
    progress.emit({ event: 'watch', status: 'waiting' });
    if (again) {
      again = false;
      schedule();
    }
  };

  const schedule = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (options.signal?.aborted) return;
      if (building) {
        again = true;
        return;
      }
      progress.emit({ event: 'watch', status: 'change', paths: [...changed].sort() });
      changed.clear();
      void build();
    }, debounceMs);
  };

  let lastSettings: BuildSettings | null = null;
  const rewatch = (settings: BuildSettings | null): void => {
    // Keep the previous targets when a build failed before settling its settings (e.g. a bad config).
    const s = settings ?? lastSettings;
    if (!s) {
      // Nothing known yet: at least watch the config file's folder so fixing it triggers a build.
      const cfg = flags.config ?? findConfig(process.cwd());
      if (watchers.length === 0 && cfg) watchers = open([{ dir: dirname(cfg), recursive: false, only: basename(cfg) }]);
      return;
    }
    lastSettings = s;
    const targets = watchTargets(s, s.configFile ? resolve(s.configFile) : flags.config ?? findConfig(process.cwd()));
    // Unchanged targets keep their watchers (closing and reopening them would drop a change made in
    // between), unless some folder could not be watched last time and may exist now.
    const key = JSON.stringify(targets);
    if (key === watchedKey && watchers.length === targets.length) return;
    for (const w of watchers) w.close();
    watchers = open(targets);
    watchedKey = key;
  };
  let watchedKey = '';

  const open = (targets: ReturnType<typeof watchTargets>): FSWatcher[] => {
    const ws: FSWatcher[] = [];
    for (const t of targets) {
      try {
        const w = watch(t.dir, { recursive: t.recursive }, (_event, name) => {
          const file = name ? String(name) : '';
          if (t.only && file !== t.only) return;
          if (file.endsWith('.tmp') || file.startsWith('.')) return;
          changed.add(file ? `${t.dir}/${file}` : t.dir);
          schedule();
        });
        w.on('error', () => w.close());
        ws.push(w);
      } catch {
        // A folder that does not exist (yet) is simply not watched.
      }
    }
    return ws;
  };

  await build();
  await new Promise<void>((done) => {
    const stop = () => {
      if (timer) clearTimeout(timer);
      for (const w of watchers) w.close();
      done();
    };
    if (options.signal?.aborted) return stop();
    options.signal?.addEventListener('abort', stop, { once: true });
    if (!options.signal) {
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    }
  });
}
