/**
 * Sentence role: whether a sentence that carries a duty word states what someone holds, declares,
 * what a law requires, or foresees rather than asking anyone to act. Read from its form — who speaks (a preamble's
 * "RECOGNISING that …", "We also affirm that …"), what the subject is (a section of the document
 * describing itself), tense (future necessity "will have to" forecasts) — not from its topic.
 */

// Operative words of resolutions and legal instruments that ask someone to act; every other
// capitalised operative word ("AGREES", "UNDERLINES", "RECOGNISING", "NOTING") declares or recites.
const askingOperative = /^(?:RECOMMENDS?|CALLS|INVITES?|INSTRUCTS?|URGES?|ENCOURAGES?|REQUESTS?|DECIDES?|DIRECTS?|ASKS?|APPEALS?|DEMANDS?|EXHORTS?|SUPPORTS?)$/;
const operativeOpening = /^\s*(?:[IVX]+\.\s*|\d{1,2}\.\s*)?([A-Z]{4,})\b(?=\s+(?:[A-Z]{2,}\s+)?(?:that|to|the|all|on|upon|[a-z]))/;

/** A declaration of the speakers' own stance ("We also affirm that AI should …"): not an ask. */
const declaration = /^\s*(?:[\d.]+\s+)?we\s+(?:also\s+|further\s+|hereby\s+|therefore\s+)?(?:affirm|reaffirm|recogni[sz]e|note|acknowledge|recall|welcome|agree|observe|stress|underline|emphasi[sz]e)\s+that\b/i;

/** The document or one of its parts as the subject of a verb that describes its contents. */
const selfDescription = /^\s*(?:(?:the|this|its)\s+(?:first|second|third|fourth|fifth|next|following|present|final|last)?\s*(?:section|chapter|part|annex|appendix|instrument|recommendation|declaration|resolution)|section\s+\d+)\s+(?:also\s+|further\s+|then\s+)?(?:sets?\s+out|identifies|includes|describes|outlines|presents|contains|covers|lists|calls\s+(?:on|upon)|recommends|provides|focuses|addresses|invites)\b/i;

// What a law, rule or contract requires, reported: "Under the Export Control Reform Act, the
// department must …", "Its statute requires that grants must …", "Operators are required by their
// licences to …", "the terms of use require that users must …". The duty is the instrument's.
const instrument = String.raw`(?:act|acts|law|laws|convention|treaty|regulations?|rules|statutes?|directive|code|constitution|charter|agreement|licen[cs]es?|contracts?|terms(?:\s+of\s+(?:use|service))?|guidelines|standards?|mandate)`;
const underInstrument = new RegExp(String.raw`^\s*(?:under|according\s+to|pursuant\s+to|as\s+required\s+by)\s+[^,;]{0,100}?\b${instrument}\b[^,;]{0,80},`, 'i');
const instrumentRequires = new RegExp(String.raw`\b${instrument}(?:\s+(?:of|for|on|in)\s+(?:the\s+)?[\p{L}\d-]+(?:\s+[\p{L}\d-]+)?)?\s+(?:also\s+|further\s+|now\s+)?(?:requires?|required|mandates?|stipulates?|obliges?|provides?)\s+(?:that|for)\b|\b(?:are|is)\s+required\s+by\s+(?:the|their|its|law|statute)\b`, 'iu');
const instrumentNamed = new RegExp(String.raw`\b${instrument}\b`, 'i');

/**
 * Whether a clause names a law, rule or contract ("China, through its regulation on GenAI, requires
 * …"): an actor that "requires" something through one imposes a duty it describes; it does not
 * need anything.
 */
export function namesInstrument(text: string): boolean {
  return instrumentNamed.test(text);
}

/** A minimal duty described, not set: "a distributor only has to certify …". */
const onlyHasTo = /\bonly\s+(?:has|have|needs?)\s+to\b/i;

/**
 * A call retold with a pronoun for its caller ("It calls on the international community to …",
 * "It also calls for further actions …"): the pronoun stands for a document or body named before,
 * whose call the writers report.
 */
const retoldCall = /^\s*(?:it|they|he|she)\s+(?:also\s+|further\s+|therefore\s+)?(?:calls?\s+(?:on|upon|for)|urges?|invites?|recommends?|proposes?)\b/i;

/**
 * A glossary entry: a term, a colon, then what it is ("AI system: an AI system is a machine-based
 * system that …", "Decisions: OECD legal instruments which are legally binding …").
 */
const definition = /^\s*\p{Lu}[^:.;]{1,40}:\s+(?:(?:an?|the)\s+)?[^.:;]{0,80}?\b(?:(?:is|are)\s+(?:an?|the)\b|refers?\s+to\b|means\b|denotes\b|(?:which|that)\s+(?:is|are)\b)/u;

/** A table cell or note that has lost its subject: "Need to be alert to …". */
const subjectless = /^\s*Needs?\s+to\b/;

/** Whether a sentence reports what a law, rule or contract requires ("Under the Act, the department must …"). */
export function describesInstrument(text: string): boolean {
  return underInstrument.test(text) || instrumentRequires.test(text);
}

/** Whether a sentence declares, recites or describes the document instead of asking. */
export function isDeclarative(text: string): boolean {
  const op = operativeOpening.exec(text);
  if (op && !askingOperative.test(op[1]) && /(?:S|ING|ED)$/.test(op[1])) return true;
  return declaration.test(text) || retoldCall.test(text) || definition.test(text) || selfDescription.test(text) || subjectless.test(text) || underInstrument.test(text) || instrumentRequires.test(text) || onlyHasTo.test(text);
}

/**
 * Whether the duty word at `index` of `text` is foreseen rather than asked: "… will have to
 * comply", "… will need to adapt", "… will be required when …". ("Joint measures will be required to …" names what is needed, and asks.) Outside a zone of advice such a sentence
 * forecasts; inside one ("Governments will need to …") it advises.
 */
export function isForeseen(text: string, index: number): boolean {
  return (
    (/\b(?:will|shall\s+henceforth)\s+(?:also\s+|still\s+|increasingly\s+)?$/i.test(text.slice(Math.max(0, index - 30), index)) && /^\s*(?:have\s+to|has\s+to|need\s+to|needs\s+to)\b/i.test(text.slice(index))) ||
    // "Flexibility will be required when applying these requirements": what a circumstance will call
    // for, not a purpose anyone is asked to pursue ("will be required to …").
    /^\s*will\s+(?:also\s+|still\s+)?be\s+(?:required|needed|necessary)\s+(?:when|whenever|once|as|if)\b/i.test(text.slice(index))
  );
}
