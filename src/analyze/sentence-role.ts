/**
 * Sentence role: whether a sentence that carries a duty word states what someone holds, declares or
 * foresees rather than asking anyone to act. Read from its form — who speaks (a preamble's
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

/** A table cell or note that has lost its subject: "Need to be alert to …". */
const subjectless = /^\s*Needs?\s+to\b/;

/** Whether a sentence declares, recites or describes the document instead of asking. */
export function isDeclarative(text: string): boolean {
  const op = operativeOpening.exec(text);
  if (op && !askingOperative.test(op[1]) && /(?:S|ING|ED)$/.test(op[1])) return true;
  return declaration.test(text) || selfDescription.test(text) || subjectless.test(text);
}

/**
 * Whether the duty word at `index` of `text` is foreseen rather than asked: "… will have to
 * comply", "… will need to adapt". ("Joint measures will be required to …" names what is needed, and asks.) Outside a zone of advice such a sentence
 * forecasts; inside one ("Governments will need to …") it advises.
 */
export function isForeseen(text: string, index: number): boolean {
  return (
    /\b(?:will|shall\s+henceforth)\s+(?:also\s+|still\s+|increasingly\s+)?$/i.test(text.slice(Math.max(0, index - 30), index)) && /^\s*(?:have\s+to|has\s+to|need\s+to|needs\s+to)\b/i.test(text.slice(index))
  );
}
