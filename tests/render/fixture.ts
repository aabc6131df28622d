/**
 * A brief written in code for render tests: two sources whose texts carry the awkward cases
 * (Unicode superscripts, curly quotes, long words, URLs, Markdown and HTML injection attempts).
 * Citations are real slices of the source texts, as the model requires.
 */
import type { Brief, Citation } from '../../src/model/schema.js';
import { defaultTemplateConfig, type LoadedTemplate } from '../../src/render/templates.js';

export const injection = {
  html: 'Officials said <img src=x onerror=alert(1)> and <script>alert(2)</script> were seen.',
  image: 'The report ![tracker](http://evil.example/pixel.png) was cited widely.',
  link: 'Read [the secret plan](javascript:alert(3)) before the talks.',
  bare: 'Details at https://evil.example/phish and www.evil.example today.',
  heading: '# Not a heading and | not | a table',
  footnote: 'A fake note[^1] and a fake definition.',
};

const textA = [
  'Pakistan’s counterterrorism cooperation with the United States deteriorated after the withdrawal.¹',
  'Islamabad should broaden economic diplomacy with Washington and Beijing alike.',
  'Intergovernmentalism and institutionalisation remain underdeveloped characteristics of the partnership.',
  injection.html,
  injection.image,
  'The Tehrik-i-Taliban Pakistan (TTP) expanded attacks in 2022 and 2023.',
].join(' ');
const textB = [
  'Regional connectivity through Central Asia offers Pakistan an economic alternative.',
  'The United States must re-engage Pakistan on trade, climate and education.',
  injection.link,
  injection.bare,
  injection.heading,
  injection.footnote,
  'In August 2021 the United States completed its withdrawal from Afghanistan.',
].join(' ');

function cite(sourceId: string, text: string, sentence: string, section: string | null): Citation {
  const start = text.indexOf(sentence);
  if (start < 0) throw new Error(`fixture: "${sentence}" not in source`);
  return { sourceId, start, end: start + sentence.length, quote: sentence, section, page: null };
}

/** A small, valid brief; `extraFindings` lengthens it for pagination tests. */
export function fixtureBrief(extraFindings = 0): Brief {
  const a = 'a_src';
  const b = 'b_src';
  const findings: Brief['findings'] = [
    { id: 'F1', text: 'Pakistan’s counterterrorism cooperation with the United States deteriorated after the withdrawal.¹', citations: [cite(a, textA, 'Pakistan’s counterterrorism cooperation with the United States deteriorated after the withdrawal.¹', '3.1')], themeIds: ['T1'], support: 1 },
    { id: 'F2', text: injection.html, citations: [cite(a, textA, injection.html, '4')], themeIds: ['T1'], support: 1 },
    { id: 'F3', text: injection.image, citations: [cite(a, textA, injection.image, '4')], themeIds: ['T1'], support: 1 },
    { id: 'F4', text: injection.link, citations: [cite(b, textB, injection.link, 'Introduction')], themeIds: ['T2'], support: 1 },
    { id: 'F5', text: injection.bare, citations: [cite(b, textB, injection.bare, 'Introduction')], themeIds: ['T2'], support: 1 },
    { id: 'F6', text: injection.heading, citations: [cite(b, textB, injection.heading, null)], themeIds: ['T2'], support: 1 },
    { id: 'F7', text: injection.footnote, citations: [cite(b, textB, injection.footnote, null)], themeIds: ['T2'], support: 1 },
    {
      id: 'F8',
      text: 'Regional connectivity through Central Asia offers Pakistan an economic alternative.',
      citations: [cite(b, textB, 'Regional connectivity through Central Asia offers Pakistan an economic alternative.', '5.2'), cite(a, textA, 'Islamabad should broaden economic diplomacy with Washington and Beijing alike.', '6')],
      themeIds: ['T2'],
      support: 2,
    },
  ];
  for (let i = 0; i < extraFindings; i++) {
    const sentence = 'Intergovernmentalism and institutionalisation remain underdeveloped characteristics of the partnership.';
    findings.push({ id: `FX${i}`, text: `${sentence} Observation ${i + 1} repeats it so that the brief runs over several pages and exercises pagination, widows and orphans.`, citations: [cite(a, textA, sentence, '2')], themeIds: ['T1'], support: 1 });
  }
  return {
    generator: { name: 'briefwright', version: '0.0.0-test' },
    title: 'Pakistan after the withdrawal',
    subtitle: 'What five papers say',
    organisation: 'Test Institute',
    date: '2023-11-14',
    sources: [
      { id: a, path: 'sources/a.txt', sha256: 'a'.repeat(64), format: 'txt', title: 'Strategic Implications for Pakistan', authors: ['Ayesha Khan', 'Bilal Ahmed'], keywords: [], abstract: null, year: 2024, venue: 'Journal of Tests', doi: '10.1234/jt.2024.1', sections: [], keyphrases: [{ text: 'counterterrorism', score: 1 }], summary: [{ text: textA.slice(0, textA.indexOf('¹') + 1), start: 0, end: textA.indexOf('¹') + 1 }] },
      { id: b, path: 'sources/b.md', sha256: 'b'.repeat(64), format: 'md', title: 'Reassessing Relations <b>bold</b>', authors: ['Chen Li'], keywords: [], abstract: null, year: null, venue: null, doi: 'javascript:alert(1)', sections: [], keyphrases: [], summary: [{ text: textB.slice(0, 84), start: 0, end: 84 }] },
    ],
    themes: [
      { id: 'T1', label: 'Counterterrorism cooperation', keyphrases: ['counterterrorism'], sourceIds: [a], findingIds: findings.filter((f) => f.themeIds.includes('T1')).map((f) => f.id), recommendationIds: ['R1'] },
      { id: 'T2', label: 'Regional connectivity', keyphrases: ['connectivity'], sourceIds: [a, b], findingIds: findings.filter((f) => f.themeIds.includes('T2')).map((f) => f.id), recommendationIds: ['R2'] },
    ],
    findings,
    recommendations: [
      { id: 'R1', text: 'Islamabad should broaden economic diplomacy with Washington and Beijing alike.', actor: 'Pakistan', action: null, strength: 'explicit', citations: [cite(a, textA, 'Islamabad should broaden economic diplomacy with Washington and Beijing alike.', '6')], themeIds: ['T1'] },
      { id: 'R2', text: 'The United States must re-engage Pakistan on trade, climate and education.', actor: 'United States', action: null, strength: 'explicit', citations: [cite(b, textB, 'The United States must re-engage Pakistan on trade, climate and education.', '7')], themeIds: ['T2'] },
    ],
    glossary: [{ term: 'TTP', definition: 'Tehrik-i-Taliban Pakistan', citations: [cite(a, textA, 'Tehrik-i-Taliban Pakistan (TTP)', '3.1')] }],
    timeline: [
      { date: '2021-08', text: 'In August 2021 the United States completed its withdrawal from Afghanistan.', citations: [cite(b, textB, 'In August 2021 the United States completed its withdrawal from Afghanistan.', '1')] },
      { date: '2022', text: 'The Tehrik-i-Taliban Pakistan (TTP) expanded attacks in 2022 and 2023.', citations: [cite(a, textA, 'The Tehrik-i-Taliban Pakistan (TTP) expanded attacks in 2022 and 2023.', '3.2')] },
    ],
    quotes: [],
  };
}

/** An answer key that cites each question's passage as a footnote (the handout-key's form, small). */
export const answerKeyTemplate: LoadedTemplate = {
  name: 'answers',
  file: 'answers.md.hbs',
  source: '# {{title}}\n\n## Answers\n\n{{#each questions}}\n{{n}}. {{answer}} {{cite}}[^q{{n}}]\n{{/each}}\n\n{{#each questions}}\n[^q{{n}}]: {{passage}}\n{{/each}}\n',
  partials: {},
  config: defaultTemplateConfig,
};
