import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../src/config/load.js';

const cli = join(process.cwd(), 'dist/brief/main.js');
const run = (cwd: string, args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });

describe('brief init', () => {
  it('writes a commented config that loads, and will not overwrite it without --force', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bw-init-'));
    const r = run(dir, ['init']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('wrote briefwright.config.yaml\n');
    const text = readFileSync(join(dir, 'briefwright.config.yaml'), 'utf8');
    expect(text).toMatch(/^# /);
    for (const key of ['title', 'organisation', 'authors', 'edition', 'sources', 'templates', 'formats', 'pageSize', 'fonts', 'summaryWords', 'themes', 'keyMessages', 'actorAliases']) expect(text).toContain(`# ${key}:`);
    expect(text).toContain('#   exclude:');
    expect(parseConfig(text, 'briefwright.config.yaml')).toEqual({});
    const again = run(dir, ['init']);
    expect(again.status).toBe(3);
    expect(again.stderr).toContain('already exists');
    expect(run(dir, ['init', '--force']).status).toBe(0);
  });

  it('copies a built-in template to edit and points the config at it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bw-init-t-'));
    const r = run(dir, ['init', '--template', 'briefing']);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(join(dir, 'templates', 'briefing')).sort()).toEqual(readdirSync(join('templates', 'briefing')).sort());
    expect(readFileSync(join(dir, 'templates/briefing/briefing.md.hbs'), 'utf8')).toBe(readFileSync('templates/briefing/briefing.md.hbs', 'utf8'));
    expect(parseConfig(readFileSync(join(dir, 'briefwright.config.yaml'), 'utf8'), 'x')).toEqual({ templates: ['briefing'], templatesDir: 'templates' });
    expect(run(dir, ['templates', '--templates', 'templates']).stdout).toContain('briefing');
    expect(run(dir, ['init', '--template', 'no-such']).status).toBe(2);
    expect(existsSync(join(dir, 'templates', 'no-such'))).toBe(false);
  });
});
