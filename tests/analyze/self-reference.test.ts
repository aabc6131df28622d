/**
 * Sentences about the document or its publisher, not its subject: the wordings of real report
 * summaries (UNESCO GenAI guidance, World Bank EdTech paper, Takshashila papers) and claims of the
 * same shape that must stay.
 */
import { describe, expect, it } from 'vitest';
import { aboutThePublisher, presentsItself, publisherNames } from '../../src/analyze/self-reference.js';
import type { StructuredSource } from '../../src/model/document.js';

function withPublisher(publisher: string | null): StructuredSource {
  return { metadata: { publisher } } as unknown as StructuredSource;
}

describe('the document presenting itself', () => {
  it('is told by its subject and a verb of presenting', () => {
    for (const t of [
      'It outlines requirements for GenAI providers to enable their ethical and effective use in education.',
      'The guidance presents an assessment of potential risks GenAI could pose to core humanistic values.',
      'UNESCO’s first global guidance on GenAI in education aims to support countries to implement immediate actions.',
      'This report also examines India’s interests in the region.',
      'In this section, the brief reviews the standards adopted so far.',
      // the document asking is its advice, not a finding
      'It calls on the international community to reflect on their long-term implications for knowledge, teaching and learning.',
      'The guidance stresses the need for educational institutions to validate GenAI systems on their ethical and pedagogical appropriateness.',
      // a numbered part of the document as the subject
      'Section 6 concludes the Guidance with considerations around the long-term implications of GenAI for education and research.',
      'Section 4 then proposes measures that can be taken to develop coherent, comprehensive policy frameworks.',
    ]) expect(presentsItself(t), t).toBe(true);
  });

  it('leaves the document’s claims, and sentences about other things', () => {
    for (const t of [
      'This report argues that the Taliban victory in Afghanistan will impact the regional geopolitical dynamics.',
      'The paper further demonstrates that it is not even clear if Pakistan’s civilian establishment wants peace with India.',
      'It is not possible to ascertain how their outputs are determined.',
      'The report highlights that only one country had released regulation on GenAI by July 2023.',
      'The Recommendation identifies five complementary values-based principles for the responsible stewardship of trustworthy AI.',
      'The absence of national regulations on GenAI in most countries leaves the data privacy of users unprotected.',
      'Section 2 concludes that no country has yet regulated GenAI in schools.',
    ]) expect(presentsItself(t), t).toBe(false);
  });
});

describe('the publisher as the subject', () => {
  it('names the publisher by its name, the name before a comma and its acronym', () => {
    expect(publisherNames(withPublisher('United Nations Educational, Scientific and Cultural Organization (UNESCO)'))).toEqual(
      expect.arrayContaining(['UNESCO', 'United Nations Educational']),
    );
    expect(publisherNames(withPublisher('The Takshashila Institution'))).toEqual(['Takshashila Institution']);
    expect(publisherNames(withPublisher(null))).toEqual([]);
  });

  it('is about the maker when it says what the publisher is and does now, not when it judges or tells a past act', () => {
    const wb = publisherNames(withPublisher('World Bank'));
    expect(aboutThePublisher(wb, 'The World Bank supports the appropriate, cost-effective use of EdTech at all levels of education.')).toBe(true);
    expect(aboutThePublisher(wb, 'In pursuit of this goal, the World Bank works to discover evidence-based technology solutions.')).toBe(true);
    expect(aboutThePublisher(wb, 'The World Bank is committed to support countries in adopting digital technologies.')).toBe(true);
    expect(aboutThePublisher(wb, 'The World Bank estimates that 258 million students are out of school.')).toBe(false);
    expect(aboutThePublisher(wb, 'Education systems face many daunting challenges.')).toBe(false);
    const eu = publisherNames(withPublisher('European Union, Joint Research Centre (JRC)'));
    expect(aboutThePublisher(eu, 'The European Union adopted the AI Act in August 2024.')).toBe(false);
    expect(aboutThePublisher([], 'The World Bank supports the use of EdTech.')).toBe(false);
  });
});
