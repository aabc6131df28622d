import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/index.js';
import { apartSections, bodySentences, isBoilerplate } from '../../src/analyze/body-text.js';
import { summarize } from '../../src/analyze/summary.js';
import { defaultAnalyzeOptions } from '../../src/model/context.js';
import { Report } from '../../src/model/diagnostics.js';
import { docOf, paper } from '../synthesize/doc.js';

// A report with the parts about itself that think-tank papers and journal articles print after the
// conclusion: each reads like a finding, a recommendation or a term, and none is about the subject.
const report = paper({
  Abstract: ['This paper examines how falling groundwater tables in the Indus basin affect farm incomes and what provinces can do about it.'],
  Findings: [
    'The analysis shows that groundwater use rose by a third between 2001 and 2020 while recharge fell across the basin.',
    'Subsidised electricity for tube wells is the main driver of over-pumping in the Punjab plains.',
  ],
  Recommendations: ['Provincial governments should meter agricultural wells and publish annual aquifer data.'],
  Acknowledgements: ['We thank the Water and Power Development Authority (WAPDA) for data, and the reviewers, whose comments show that the analysis improved greatly.'],
  'About the authors': ['Ayesha Khan is a senior fellow whose research shows that water policy in Pakistan has been shaped by the Indus Waters Treaty since 1960.'],
  'Disclaimer': ['Readers should consult the original data before relying on any figure in this paper, and the institute must not be held responsible for errors.'],
  'Conflict of interest': ['The authors declare that the findings are not influenced by the International Water Management Institute (IWMI), which funded part of the work.'],
});

describe('parts about the document, not its subject', () => {
  it('give no finding, recommendation, term or event, whatever their wording', async () => {
    const doc = await docOf(report);
    expect([...apartSections(doc)].map((i) => doc.sections[i].heading)).toEqual(['Acknowledgements', 'About the authors', 'Disclaimer', 'Conflict of interest']);
    const a = analyze(doc, { report: new Report() }, defaultAnalyzeOptions);
    const items = [...a.findings, ...a.recommendations].map((x) => x.text).join('\n');
    expect(items).toMatch(/groundwater use rose by a third/);
    expect(items).toMatch(/meter agricultural wells/);
    expect(items).not.toMatch(/reviewers|senior fellow|Readers should|must not be held|declare/);
    expect(a.terms.map((t) => t.term)).not.toContain('WAPDA');
    expect(a.terms.map((t) => t.term)).not.toContain('IWMI');
    expect(a.events.some((e) => /1960/.test(e.date))).toBe(false);
  });

  it('are named by their whole heading: a section on licensing or declarations of war is content', async () => {
    const doc = await docOf(
      paper({
        Introduction: ['Export licences for dual-use goods were tightened in 2019 after a review of the licensing regime.'],
        'Export licence requirements': ['Exporters must now declare the end user of every shipment of controlled goods.'],
        'Variable declaration': ['Each variable is declared before use.'],
        'Appendix A Copying Information': ['Permission is granted to copy this document under the terms of the licence.'],
        'A.1 GNU Free Documentation License': ['You may copy and distribute the Document in any medium, provided that this License is reproduced.'],
      }),
    );
    expect([...apartSections(doc)].map((i) => doc.sections[i].heading)).toEqual(['Appendix A Copying Information', 'A.1 GNU Free Documentation License']);
  });

  it('and notices printed on the document, and how to cite it, are left out of summaries, findings and advice', async () => {
    const notices = [
      'Permission is granted to copy, distribute and modify this document under the terms of the licence published by the foundation.',
      '© 2024 The Authors. Published by the Institute under a licence that allows reuse in teaching and research.',
      'The views expressed in this paper are those of the authors and should not be attributed to the institute or its funders.',
    ];
    const doc = await docOf(
      paper({
        Abstract: [notices[0], 'Falling groundwater tables in the Indus basin cut farm incomes, and provinces should meter wells to slow the fall.'],
        Introduction: [notices[1], notices[2], 'Groundwater use in the Indus basin rose by a third between 2001 and 2020 while recharge fell.'],
        Acknowledgements: ['We are grateful to the Indus basin farmers who answered our survey on groundwater use and farm incomes.'],
        Conclusion: [
          'Groundwater use in the basin will keep rising unless crop choices change.',
          'Suggested citation: Rafiq, H. and Chauhan, N. (2024). Pumps, Power and Politics: Rethinking Tubewell Electricity Subsidies in the Indus Basin. Policy Brief No. 14.',
        ],
      }),
    );
    for (const n of notices) expect(isBoilerplate(n), n).toBe(true);
    expect(isBoilerplate("Exports need the ministry's permission to export dual-use goods, and copyright law protects software.")).toBe(false);
    const body = bodySentences(doc).map((x) => x.text).join('\n');
    expect(body).toMatch(/rose by a third/);
    expect(body).toMatch(/keep rising/);
    expect(body).not.toMatch(/Permission is granted|©|views expressed|grateful|Rafiq|Pumps, Power and Politics/);
    const summary = summarize(doc, { summaryWords: 200 }).map((x) => x.text).join('\n');
    expect(summary).toMatch(/rose by a third/);
    expect(summary).not.toMatch(/Permission is granted|©|views expressed|grateful|Rafiq|Pumps, Power and Politics/);
  });
});
