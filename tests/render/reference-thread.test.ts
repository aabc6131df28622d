import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { CslItem } from '../../src/render/csl-items.js';

// The thread runs the compiled worker, so this test uses dist/ (like the analyze-worker test).
const dist = join(process.cwd(), 'dist/src');

const items: CslItem[] = [
  { id: 'a', type: 'report', title: 'Information Warfare and the Open Society', author: [{ family: 'Khanna', given: 'Shrey' }], issued: { 'date-parts': [[2024]] }, publisher: 'Centre for International Governance Innovation', number: '6', 'collection-title': 'Policy Brief' },
  { id: 'b', type: 'article-journal', title: 'US Withdrawal from Afghanistan', author: [{ family: 'Akhtar', given: 'Nasreen' }, { family: 'Holland', given: 'Kenneth' }], issued: { 'date-parts': [[2023]] }, 'container-title': 'Pakistan Journal of American Studies', volume: '41', issue: '2', page: '40-69' },
];

describe('the sources list formatted in a thread of its own', () => {
  it('gives exactly the entries of formatting on the calling thread, for every shipped style', async () => {
    const { startReferenceFormatter } = await import(join(dist, 'cli/workers/reference-thread.js'));
    const { formatReferences } = await import(join(dist, 'render/references.js'));
    const { loadCslStyle, shippedStyles } = await import(join(dist, 'cli/styles.js'));
    for (const name of shippedStyles() as string[]) {
      const style = loadCslStyle(name, null);
      const threaded = await startReferenceFormatter(style)(items);
      const inline = formatReferences(items, style);
      expect(threaded.markdown.size, name).toBe(2);
      expect(threaded, name).toEqual(inline);
    }
  });

  it('fails as formatting on the calling thread fails when citeproc cannot build the style', async () => {
    const { startReferenceFormatter } = await import(join(dist, 'cli/workers/reference-thread.js'));
    const { formatReferences } = await import(join(dist, 'render/references.js'));
    const { loadCslStyle } = await import(join(dist, 'cli/styles.js'));
    const broken = { ...loadCslStyle('apa', null), name: 'broken', style: '<style xmlns="http://purl.org/net/xbiblio/csl"><macro name="x"><text macro="x"/></macro></style>' };
    let inlineError = '';
    try {
      formatReferences(items, broken);
    } catch (e) {
      inlineError = String((e as Error).message ?? e);
    }
    expect(inlineError).not.toBe('');
    await expect(startReferenceFormatter(broken)(items)).rejects.toThrow(inlineError.slice(0, 40));
  });
});
