/**
 * The package as another repository gets it: `npm pack`, then `npm ci` of that tarball into a new
 * project (offline, from npm's cache, which the repository's own `npm ci` filled), then the `brief`
 * it puts on the path, the programmatic API and its type declarations, used from that project.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliPath, repoRoot } from '../helpers.js';

interface Ran { status: number | null; stdout: string; stderr: string }

/** Runs a command without blocking the test worker. */
function sh(cmd: string, args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000', npm_config_update_notifier: 'false', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string; bin: Record<string, string>; dependencies: Record<string, string>; engines: Record<string, string>; license: string };

/**
 * A lock file for a project depending only on the tarball: our own lock's run-time packages (dev
 * ones left out) are exactly what the tarball needs, and with a lock `npm ci` fetches them by their
 * integrity from npm's cache, so no registry is asked.
 */
function consumerLock(tgz: string): object {
  const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean; link?: boolean }> };
  const packages: Record<string, object> = {
    '': { name: 'sources-repo', dependencies: { [pkg.name]: `file:${tgz}` } },
    [`node_modules/${pkg.name}`]: { version: pkg.version, resolved: `file:${tgz}`, license: pkg.license, dependencies: pkg.dependencies, bin: pkg.bin, engines: pkg.engines },
  };
  for (const [k, v] of Object.entries(lock.packages)) if (k && !v.dev && !v.link) packages[k] = v;
  return { name: 'sources-repo', lockfileVersion: 3, requires: true, packages };
}

describe.skipIf(!existsSync(cliPath) || !existsSync(join(repoRoot, 'dist/src/index.d.ts')))('the packed package, installed in a sources repository', () => {
  let work = '';
  let project = '';
  let files: string[] = [];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'bw-package-'));
    // Scripts off: `make build` has just built dist/, and `prepare` would only find it up to date.
    const packed = await sh('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], repoRoot);
    expect(packed.status, packed.stderr).toBe(0);
    const info = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
    files = info[0]!.files.map((f) => f.path);
    const tgz = join(work, info[0]!.filename);
    project = join(work, 'project');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'sources-repo', private: true, type: 'module', dependencies: { [pkg.name]: `file:${tgz}` } }, null, 2));
    writeFileSync(join(project, 'package-lock.json'), JSON.stringify(consumerLock(tgz), null, 2));
    let installed = await sh('npm', ['ci', '--offline', '--no-audit', '--no-fund'], project);
    // A cache without some package (cleaned since our own install): let npm fetch what is missing.
    if (installed.status !== 0 && /ENOTCACHED/.test(installed.stderr)) installed = await sh('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], project);
    expect(installed.status, installed.stderr).toBe(0);
    cpSync(join(repoRoot, 'sources'), join(project, 'sources'), { recursive: true });
  }, 600_000);

  it('ships the program, templates, schema and type declarations, and no tests or TypeScript sources', () => {
    for (const f of ['package.json', 'dist/brief/main.js', 'dist/brief/index.js', 'dist/brief/analyze-worker.js', 'dist/brief/code-hash.txt', 'dist/src/index.d.ts', 'templates/briefing/briefing.md.hbs', 'schema/model.schema.json']) expect(files).toContain(f);
    expect(files.filter((f) => /^(tests|sources|bench|src)\//.test(f) || (/\.ts$/.test(f) && !/\.d\.ts$/.test(f)))).toEqual([]);
  });

  it('puts `brief` on the path, and it builds the bundled papers as the repository does', async () => {
    const version = await sh('npx', ['--no-install', 'brief', '--version'], project);
    expect(version.status, version.stderr).toBe(0);
    expect(version.stdout.trim()).toBe(pkg.version);
    expect(version.stderr).toBe('');
    const built = await sh('npx', ['--no-install', 'brief', 'build', '--format', 'md,json', '--no-cache', '-q'], project);
    expect(built.status, built.stderr).toBe(0);
    const here = join(work, 'here');
    const ours = await sh(process.execPath, [cliPath, 'build', '--sources', join(project, 'sources'), '--out', here, '--format', 'md,json', '--no-cache', '-q'], project);
    expect(ours.status, ours.stderr).toBe(0);
    for (const f of ['briefing.md', 'model.json']) expect(readFileSync(join(project, 'out', f)).equals(readFileSync(join(here, f))), f).toBe(true);
  });

  it('offers build() and extract(): the model and the files written, nothing printed, a second build up to date', async () => {
    writeFileSync(
      join(project, 'api.mjs'),
      `import { build, extract, exitCodes } from 'briefwright';
const first = await build({ sources: 'sources', out: 'api-out', formats: ['md', 'json'] });
const again = await build({ sources: 'sources', out: 'api-out', formats: ['md', 'json'] });
const model = await extract({ sources: 'sources' });
let error = null;
try { await build({ sources: 'no-such-folder', out: 'x' }); } catch (e) { error = { kind: e.kind, code: exitCodes[e.kind] }; }
console.log(JSON.stringify({ files: first.files, sources: first.brief.sources.length, findings: first.brief.findings.length, upToDate: [first.upToDate, again.upToDate], againFindings: again.brief.findings.length, extracted: model.brief.findings.length, error }));
`,
    );
    const r = await sh(process.execPath, ['api.mjs'], project);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const got = JSON.parse(r.stdout);
    expect(got.files).toEqual(['api-out/briefing.md', 'api-out/model.json', 'api-out/references.json', 'api-out/references.bib']);
    expect(got.sources).toBe(readdirSync(join(project, 'sources')).filter((n) => !/^readme/i.test(n)).length);
    expect(got.findings).toBeGreaterThan(0);
    expect(got.upToDate).toEqual([false, true]);
    expect(got.againFindings).toBe(got.findings);
    expect(got.extracted).toBe(got.findings);
    expect(got.error).toEqual({ kind: 'input', code: 3 });
    expect(readFileSync(join(project, 'api-out', 'model.json'), 'utf8')).toBe(JSON.stringify(JSON.parse(readFileSync(join(project, 'api-out', 'model.json'), 'utf8')), null, 2) + '\n');
  });

  it('has type declarations a TypeScript project compiles against, and that reject a wrong option', async () => {
    const tsconfig = { compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, skipLibCheck: true, typeRoots: [join(repoRoot, 'node_modules/@types')], types: ['node'] }, files: ['use.ts'] };
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify(tsconfig));
    const good = `import { build, extract, type Brief, type BuildResult } from 'briefwright';
const r: BuildResult = await build({ sources: 'sources', formats: ['md', 'pdf'], edition: '2026-01-05' });
const b: Brief = r.brief;
const n: number = b.recommendations.length + (await extract({})).diagnostics.length;
export { n };
`;
    const tsc = join(repoRoot, 'node_modules/typescript/bin/tsc');
    writeFileSync(join(project, 'use.ts'), good);
    const ok = await sh(process.execPath, [tsc, '-p', 'tsconfig.json'], project);
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);
    writeFileSync(join(project, 'use.ts'), good.replace("['md', 'pdf']", "['md', 'odt']"));
    const bad = await sh(process.execPath, [tsc, '-p', 'tsconfig.json'], project);
    expect(bad.status).not.toBe(0);
    expect(bad.stdout).toMatch(/use\.ts\(2,.*"odt"/);
  });
});
