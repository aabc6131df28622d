/**
 * An enumeration running inside a sentence ("taken by: (1) agencies, (2) providers …") whose label
 * wraps to a line start stays in its paragraph; a list set as items stays a list.
 */
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/index.js';
import { structure } from '../../src/structure/index.js';
import { Report } from '../../src/model/diagnostics.js';
import { layoutPdf, type Run } from './fixtures.js';

async function sentencesOf(runs: Run[]): Promise<string[]> {
  const ctx = { report: new Report() };
  const source = await ingest({ path: 'inline.pdf', bytes: await layoutPdf([runs]) }, ctx);
  return structure(source!, ctx).sentences.map((s) => s.text.replace(/\s+/g, ' '));
}

describe('enumerations inside a sentence', () => {
  it('a wrapped "(2)" at a line start continues the sentence it is part of', async () => {
    const lines = [
      'This section proposes actions that can be taken by (1) regulatory agencies,',
      '(2) providers of the tools, (3) institutional users and (4) individual users.',
      'Each of them is treated in a part of its own below.',
    ];
    const s = await sentencesOf([{ text: 'Regulating New Tools', x: 60, y: 760, size: 20 }, ...lines.map((t, i) => ({ text: t, x: 60, y: 700 - i * 14 }))]);
    expect(s).toContain('This section proposes actions that can be taken by (1) regulatory agencies, (2) providers of the tools, (3) institutional users and (4) individual users.');
  });

  it('items set one per line after a lead-in stay items', async () => {
    const lines = ['The ministry should act on two fronts:', '(1) publish the allocations every season;', '(2) fund meters before it funds dams.'];
    const ctx = { report: new Report() };
    const source = await ingest({ path: 'list.pdf', bytes: await layoutPdf([lines.map((t, i) => ({ text: t, x: 60, y: 700 - i * 14 }))]) }, ctx);
    expect(source!.regions!.filter((r) => r.role === 'list-item').length).toBe(2);
  });
});
