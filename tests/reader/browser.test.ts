/**
 * The HTML reader in a real browser (headless Chromium through playwright-core): every citation
 * link resolves, a click opens its passage in place with the quote marked, Escape closes it, and
 * without JavaScript a citation is still a link to its (highlighted) passage.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { repoRoot, runCli } from '../helpers.js';

const executablePath = '/usr/bin/chromium';
const haveChromium = existsSync(executablePath);
// CI installs Chromium (.ci/run): there a missing browser is a failure, not a skip.
if (!haveChromium && process.env.CI) throw new Error(`${executablePath} is missing: .ci/run installs Debian's chromium package`);

describe.skipIf(!haveChromium)('the HTML reader in Chromium', () => {
  let out: string;
  const profiles: string[] = [];
  const contexts: BrowserContext[] = [];
  /** A browser on a fresh profile (the flags keep it off the network and quiet). */
  const launch = async (javaScriptEnabled = true, viewport = { width: 1100, height: 900 }): Promise<BrowserContext> => {
    const profile = mkdtempSync(join(tmpdir(), 'brief-reader-profile-'));
    profiles.push(profile);
    const context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      javaScriptEnabled,
      viewport,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    contexts.push(context);
    return context;
  };
  let browser: BrowserContext;
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'brief-reader-'));
    const r = await runCli(['build', '--sources', join(repoRoot, 'sources'), '--out', out, '--format', 'html', '--template', 'briefing,handout,one-pager', '--no-cache', '--quiet'], { env: { SOURCE_DATE_EPOCH: '1767225600' } });
    expect(r.status, r.stderr).toBe(0);
    browser = await launch();
  }, 180_000);
  afterAll(async () => {
    for (const c of contexts) await c.close();
    rmSync(out, { recursive: true, force: true });
    for (const p of profiles) rmSync(p, { recursive: true, force: true });
  });

  for (const name of ['briefing', 'handout', 'one-pager']) {
    it(`${name}: every citation link resolves and ≥ 95% of cited quotes are marked in their passage`, async () => {
      const file = join(out, `${name}.html`);
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on('request', (r) => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
      await page.goto(pathToFileURL(file).href);
      const links = await page.$$eval('a.cite', (as) => as.map((a) => a.getAttribute('href')!));
      expect(links.length).toBeGreaterThan(name === 'one-pager' ? 3 : 20);
      const missing = await page.evaluate((hrefs) => hrefs.filter((h) => !document.getElementById(h.slice(1))), links);
      expect(missing).toEqual([]);
      const passages = await page.$$eval('article.passage', (as) => as.map((a) => ({ marked: !!a.querySelector('mark:not(.unverified)'), why: !!a.querySelector('.why') })));
      const marked = passages.filter((p) => p.marked).length;
      expect(marked / passages.length).toBeGreaterThanOrEqual(0.95);
      // The rest say why.
      expect(passages.every((p) => p.marked || p.why)).toBe(true);
      expect(requests).toEqual([]);
      await page.close();
    });
  }

  it('opens the cited passage under a citation on click, marks the exact quote, and closes it with Escape', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(out, 'briefing.html')).href);
    const model = JSON.parse(readFileSync(join(out, 'editions', '2026-01-01', 'model.json'), 'utf8')) as import('../../src/model/schema.js').Brief;
    const quotes = new Map<string, string>();
    for (const item of [...model.findings, ...model.recommendations, ...model.glossary, ...model.timeline]) {
      for (const c of item.citations) quotes.set(`#cite-${model.sources.findIndex((s) => s.id === c.sourceId) + 1}-${c.start}-${c.end}`, c.quote);
    }
    const count = await page.locator('a.cite[href^="#cite-"]').count();
    for (const k of [0, Math.floor(count / 2), count - 1]) {
      const link = page.locator('a.cite[href^="#cite-"]').nth(k);
      const href = (await link.getAttribute('href'))!;
      await link.click();
      const panel = page.locator('.cite-panel');
      await expect.poll(() => panel.count()).toBe(1);
      expect(await panel.isVisible()).toBe(true);
      expect(await link.getAttribute('aria-expanded')).toBe('true');
      // The panel has focus, so a screen reader reads the passage next.
      expect(await page.evaluate(() => document.activeElement?.classList.contains('cite-panel'))).toBe(true);
      const mark = (await panel.locator('mark').allTextContents()).join(' ').replace(/\s+/g, ' ').trim();
      const quote = quotes.get(href);
      if (quote) expect(mark).toBe(quote.replace(/\s+/g, ' ').trim());
      else expect(mark.length).toBeGreaterThan(10);
      expect(await panel.locator('a[href^="#source-"]').count()).toBe(1);
      expect(await panel.textContent()).toMatch(/Source \d+/);
      await page.keyboard.press('Escape');
      expect(await page.locator('.cite-panel').count()).toBe(0);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(href);
    }
    await page.close();
  });

  it('works without JavaScript: a citation is a link to its highlighted passage', async () => {
    const context = await launch(false);
    const page = await context.newPage();
    await page.goto(pathToFileURL(join(out, 'briefing.html')).href);
    const link = page.locator('a.cite[href^="#cite-"]').first();
    const href = (await link.getAttribute('href'))!;
    await link.click();
    expect(new URL(page.url()).hash).toBe(href);
    const target = page.locator(href);
    expect(await target.isVisible()).toBe(true);
    expect(await target.locator('mark').count()).toBeGreaterThan(0);
    expect(await target.evaluate((el) => el.matches(':target'))).toBe(true);
  });

  it('is small, self-contained and readable on a phone', async () => {
    const file = join(out, 'briefing.html');
    expect(statSync(file).size).toBeLessThan(1024 * 1024);
    const html = readFileSync(file, 'utf8');
    expect(html).not.toMatch(/<(?:script|link|img)[^>]+(?:src|href)=["']?(?:https?:|\/\/)/i);
    const page = await (await launch(true, { width: 375, height: 740 })).newPage();
    await page.goto(pathToFileURL(file).href);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await page.close();
  });
});
