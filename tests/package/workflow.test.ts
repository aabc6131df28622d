/**
 * The GitHub Actions example (examples/github-actions/brief.yml) as GitHub would read it: its
 * permissions, Node version, how it installs and runs `brief`, and that a failed build fails the job.
 * The commands it runs are checked against the CLI's own options, so a renamed flag breaks this test.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { repoRoot, runCli, cliPath } from '../helpers.js';
import { existsSync } from 'node:fs';

interface Step { name?: string; uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string>; 'continue-on-error'?: boolean }
interface Workflow { on: Record<string, unknown>; permissions: Record<string, string>; jobs: Record<string, { 'runs-on': string; steps: Step[] }> }

const workflow = parse(readFileSync(join(repoRoot, 'examples/github-actions/brief.yml'), 'utf8')) as Workflow;
const steps = Object.values(workflow.jobs)[0]!.steps;
const stepRunning = (re: RegExp) => steps.find((s) => s.run !== undefined && re.test(s.run));
/** The `brief …` command lines of a step's script, as arguments. */
const briefCommands = (s: Step) => [...(s.run ?? '').matchAll(/npx --no-install brief ([^>|&\n]*)/g)].map((m) => m[1]!.trim().split(/\s+/));

describe('the GitHub Actions example', () => {
  it('runs on a schedule and on demand, with read access to the repository and to earlier runs\' artifacts', () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['schedule', 'workflow_dispatch']));
    expect(workflow.permissions).toEqual({ contents: 'read', actions: 'read' });
  });

  it('sets up Node 24 and installs briefwright from the lock file, never by `npx` of a package name', () => {
    const node = steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
    expect(node?.with?.['node-version']).toBe(24);
    const install = stepRunning(/npm ci/)!;
    expect(steps.indexOf(install)).toBeGreaterThan(steps.indexOf(node!));
    for (const s of steps) for (const line of (s.run ?? '').split('\n')) if (/\bnpx\b/.test(line)) expect(line).toMatch(/npx --no-install brief /);
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'examples/github-actions/package.json'), 'utf8'));
    expect(pkg.devDependencies.briefwright).toMatch(/^github:/);
  });

  it('fetches the previous edition with the job token before building, and a missing one does not stop the job', () => {
    const fetch = stepRunning(/gh run download/)!;
    const build = stepRunning(/brief build/)!;
    expect(steps.indexOf(fetch)).toBeLessThan(steps.indexOf(build));
    expect(fetch.env?.GH_TOKEN).toBe('${{ github.token }}');
    expect(fetch.run).toMatch(/if .*gh run download .* --dir out; then/);
    expect(fetch.run).toMatch(/else\n\s+echo/);
  });

  it('lets a failed build fail the job, and writes the edition diff to the job summary', () => {
    const build = stepRunning(/brief build/)!;
    expect(build['continue-on-error']).toBeUndefined();
    expect(build.run).not.toMatch(/\|\| *true|; *true|set \+e/);
    expect(build.run).toMatch(/SOURCE_DATE_EPOCH=/);
    const diff = stepRunning(/brief diff/)!;
    expect(diff.run).toMatch(/>> "\$GITHUB_STEP_SUMMARY"/);
    expect(steps.indexOf(diff)).toBeGreaterThan(steps.indexOf(build));
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.with?.path).toBe('out/');
    expect(upload?.with?.name).toBe('brief');
    expect(fetchArtifactName()).toBe('brief');
  });

  it.skipIf(!existsSync(cliPath))('uses only options the CLI has', async () => {
    const commands = steps.flatMap(briefCommands);
    expect(commands.map((c) => c[0])).toEqual(['--version', 'build', 'diff']);
    for (const args of commands.filter((c) => c[0] !== '--version')) {
      const help = await runCli([args[0]!, '--help']);
      for (const flag of args.filter((a) => a.startsWith('--'))) expect(help.stdout, `${args[0]} ${flag}`).toContain(flag);
    }
  });
});

/** The artifact name the fetch step downloads (`--name X`). */
function fetchArtifactName(): string | undefined {
  return /gh run download \S+ --name (\S+)/.exec(stepRunning(/gh run download/)?.run ?? '')?.[1];
}
