/**
 * Bounded time, in process: every adversarial shape (tests/robustness/adversarial.ts) at 256 KB goes
 * through ingest → structure → analyze → synthesize without throwing. The test checks completion
 * within a generous limit that only a super-linear regression would break (these inputs took 40 s
 * to several minutes before their fixes); timings are measured by measure.ts, not here.
 */
import { describe, expect, it } from 'vitest';
import { adversarialCases } from './adversarial.js';
import { ingest } from '../../src/ingest/index.js';
import { structure } from '../../src/structure/index.js';
import { analyze } from '../../src/analyze/index.js';
import { synthesize } from '../../src/synthesize/index.js';
import { Report } from '../../src/model/diagnostics.js';
import { defaultAnalyzeOptions, defaultSynthesizeOptions } from '../../src/model/context.js';

describe('adversarial inputs of 256 KB complete without super-linear blow-up', () => {
  for (const c of adversarialCases) {
    it(c.name, async () => {
      const report = new Report();
      const path = `sources/${c.file}`;
      const source = await ingest({ path, bytes: Buffer.from(c.make(256 * 1024)) }, { report });
      if (!source) {
        // Refused: with one fatal diagnostic naming the file.
        expect(report.messages.filter((m) => m.severity === 'fatal' && m.file === path)).toHaveLength(1);
        return;
      }
      const a = analyze(structure(source, { report }), { report }, defaultAnalyzeOptions);
      const brief = synthesize([a], { report }, { ...defaultSynthesizeOptions, date: '2024-01-02', generator: { name: 'briefwright', version: 'test' } });
      expect(brief.sources).toHaveLength(1);
    }, 60_000);
  }
});
