/**
 * Duty cues: the words by which a sentence prescribes (should, must, needs to, it is essential that,
 * we urge …, recommends — `explicit`) or advises through benefit or possibility (X can strengthen …,
 * it would be beneficial … — `implicit`), found in a sentence whose citations are masked. Cues that
 * address the reader ("it must be noted", "we must contend with the fact"), deny a duty ("do not
 * have to") or form an idiom or inverted conditional are not returned. Whether a cue's sentence is
 * advice (who speaks, its clause, its zone) is judged by the caller.
 */
import { tagText } from './text/nlp.js';

/** A prescribing cue found in a sentence. */
export interface Cue {
  /** Offset of the cue in the (masked) sentence text. */
  index: number;
  length: number;
  strength: 'explicit' | 'implicit';
  /** Where the advised action starts (after the modal), when known. */
  actionFrom: number;
  /** An actor named inside the cue itself ("it is imperative for Pakistan to"). */
  subjectHint?: string;
  passive: boolean;
}

// Verbs that a writer uses about the text itself ("it must be noted"): not policy advice.
const discourse = /^(?:\s+(?:also|further|therefore|thus|again|here|first|not|merely|only|simply))*\s+be\s+(?:noted|mentioned|highlighted|emphasi[sz]ed|stressed|understood|remembered|recalled|pointed out|clarified|acknowledged|added|said|observed|seen|analy[sz]ed|studied|examined|explored|investigated|researched|discussed|considered as|viewed)\b/i;

const benefitVerbs = 'develop|help|improve|strengthen|enhance|foster|promote|benefit|boost|build|bridge|ease|reduce|mitigate|resolve|transform|contribute|pave|serve|enable|deepen|restore|rebuild|revive|facilitate|ensure|advance|support|secure|stabili[sz]e|increase|expand|diversify|address|counter|tackle|overcome|minimi[sz]e|maximi[sz]e|leverage|utili[sz]e|use|play|open|create|attract|bring|make|achieve|gain|offer|provide|turn|work|engage|cooperate|collaborate|invest|focus|shift|prevent|avoid|curb|contain|manage|balance|preserve|protect|normali[sz]e|reset|redefine|recalibrate|reorient|broaden|encourage|assist|step|take';
const participles = benefitVerbs
  .split('|')
  .map((v) => (v.endsWith('e') ? `${v}d` : /[^aeiou]y$/.test(v) ? `${v.slice(0, -1)}ied` : `${v}ed`))
  .join('|');
const implicitModal = new RegExp(`\\b(?:can|could|might|may\\s+(?:wish\\s+to|want\\s+to|consider))\\s+(?:also\\s+|further\\s+|significantly\\s+|greatly\\s+|potentially\\s+|then\\s+|thus\\s+|therefore\\s+|still\\s+|effectively\\s+|together\\s+)*(?:(?:be\\s+(?:(?:better|further|greatly|significantly)\\s+)?(?:${participles}|achieved|brought|given|held|set|put|kept|sought|undertaken|driven|chosen|transformed|improved|strengthened|enhanced|resolved|addressed|built|made|taken|used|utili[sz]ed|leveraged|mitigated|reduced|overcome|rebuilt))|(?:${benefitVerbs}))\\b`, 'gi');

/**
 * The subject of a that-clause in the mandative subjunctive ("that Pakistan and the US reinforce
 * …", "that the Council establish …"): a noun phrase, then a verb in its base form that someone can
 * be asked to do — not an auxiliary, not "-ed" or "-s" ("that trade has grown", "that teachers
 * uses"), not a verb of state ("that the two countries remain apart"). Null when the clause reports.
 */
function mandative(m: RegExpExecArray): string | null {
  const clause = m[1];
  const tokens = tagText(clause);
  const v = tokens.findIndex((t, i) => i > 0 && (t.pos === 'VERB' || t.pos === 'AUX'));
  if (v < 1 || tokens[v].pos !== 'VERB' || !tokens.slice(0, v).some((t) => t.pos === 'NOUN' || t.pos === 'PROPN')) return null;
  const verb = tokens[v].lower;
  if (/(?:ed|[^s]s)$/.test(verb) || /^(?:remain|seem|appear|continue|differ|exist|tend|lack|face|share|need|know|believe|depend|belong|agree|disagree|stay)$/.test(verb)) return null;
  return clause.slice(0, tokens[v].start).trim();
}


/** What every match of implicitModal starts with (same flags). */
const anyModal = /\b(?:can|could|might|may)\s/i;

const explicitPatterns: { re: RegExp; passiveGroup?: boolean; hint?: number; holds?: (m: RegExpExecArray) => string | null }[] = [
  { re: /\b(?:should|must|ought\s+to|shall)\b(?!\s+(?:not\s+)?have\s+(?:been|[a-z]+ed)\b)/gi },
  { re: /(?<!\b(?:the|a|an|of|no|their|its|his|her|this|that|urgent|pressing|any|without)\s+)\b(?:needs|need)\s+to\b/gi },
  { re: /\b(?:has|have)\s+to\b(?!\s+do\s+with)/gi },
  { re: /\bit\s+is\s+(?:therefore\s+|thus\s+|also\s+|now\s+|hence\s+)?(?:imperative|essential|necessary|vital|crucial|critical|important|incumbent|advisable|indispensable|high\s+time|time|urgent|paramount)\s+(?:that|(?:for|upon|on)\s+([^,;]{2,60}?)\s+to|to)\b/gi, hint: 1 },
  // The writers' call on someone: "We urge the Board and contributor governments to …".
  // ("We invite speakers to …", "we encourage students to …" describe a practice more often.)
  { re: /\bwe\s+(?:therefore\s+|also\s+|strongly\s+)?(?:urge|call\s+(?:on|upon))\s+([^;:]{2,120}?)\s+to\b/gi, hint: 1 },
  // The writers' proposal in the mandative subjunctive: "The paper suggests that Pakistan and the
  // US reinforce their relationship …", "We propose that the Council establish …" (a base verb,
  // not "are", "has", "-ed" or "-s": "suggests that trade has grown" reports; nor a verb of state,
  // which no one can be asked to do: "suggests that the two countries remain apart").
  { re: /\b(?:(?:this|the\s+present|our|the)\s+(?:paper|study|article|report|brief|analysis|research)|we)\s+(?:therefore\s+|also\s+|further\s+)?(?:suggests?|proposes?)\s+that\s+([^,;:]{2,100})/giu, hint: 1, holds: mandative },
  // The noun only as the writer's own advice: "a recommendation system" is a kind of software.
  // ("despite calls for regulation", "growing calls for reform": the noun, someone else's call.)
  { re: /\b(?:recommends?|recommended|urges|(?<!\b(?:the|these|those|its|their|his|her|our|many|several|repeated|recent|renewed|growing|increasing|mounting|frequent|loud|louder|public|despite|amid|amidst|with|of|to|and|or|by|after)\s+)calls\s+(?:on|upon|for))\b|\b(?:our|my|the)\s+(?:(?:main|key|first|second|third|final|central|principal)\s+)?recommendations?\s+(?:is|are|would\s+be)\b/gi },
  { re: /\b(?:is|are|will\s+be|would\s+be|remains?)\s+(?:therefore\s+|thus\s+|also\s+|urgently\s+|badly\s+|clearly\s+|still\s+|greatly\s+)*(?:needed|required|necessary|essential|imperative|indispensable|a\s+must|called\s+for|warranted)\b/gi, passiveGroup: true },
  { re: /\b(?:is|are|remains?)\s+the\s+need\s+of\s+the\s+hour\b/gi, passiveGroup: true },
  { re: /\bthere\s+(?:is|remains)\s+(?:an?\s+)?(?:urgent\s+|pressing\s+|dire\s+|strong\s+|clear\s+|great\s+|critical\s+)?need\s+(?:for|to)\b/gi, passiveGroup: true },
];
const implicitPatterns: RegExp[] = [
  /\b(?:it\s+)?would\s+be\s+(?:more\s+|most\s+|very\s+|highly\s+)?(?:beneficial|wise|advisable|prudent|useful|helpful|better|desirable|sensible|in\s+the\s+(?:best\s+)?interests?\s+of)\b/gi,
  /\b(?:the\s+)?way\s+forward\s+(?:is|lies|would\s+be)\b/gi,
  /\b(?:would|will)\s+(?:also\s+)?be\s+(?:critical|crucial|essential|vital|key|necessary|indispensable)\b(?!\s+(?:for|to)\s+(?:its|their|the)\s+(?:future|survival))/gi,
  /\bit\s+would\s+be\s+(?:imprudent|unwise|a\s+mistake|counterproductive|short-sighted|ill-advised)\s+(?:for\s+[^,;]{2,60}?\s+)?to\b/gi,
  /\bthe\s+best\s+(?:approach|option|course|way|policy|strategy)\s+(?:for\s+[^,;]{2,40}?\s+)?(?:is|would\s+be|remains)\s+to\b/gi,
  /\bit\s+is\s+(?:in\s+the\s+(?:best\s+)?interests?\s+of)\b/gi,
];

/** A participle that describes the subject before it: "established under the UNFCCC", "based in Suva". */
const describingParticiple = String.raw`(?:\w+ed|set\s+up|known|led|run)\s+(?:under|by|in|at|for|with|through|from|on|as)\b`;
/** The subject, then such an aside, then the comma before the cue: "The fund, established under the treaty, ". */
const describingAside = new RegExp(String.raw`^[^,;:]{2,80},\s*${describingParticiple}[^,;:]{0,80},\s*$`, 'i');
/** Such a participle opening a comma-separated part of the clause before a cue. */
export const describingPart = new RegExp(`^${describingParticiple}`, 'i');

/** Find every prescribing cue in a masked sentence. */
export function cuesIn(masked: string): Cue[] {
  const cues: Cue[] = [];
  for (const p of explicitPatterns) {
    p.re.lastIndex = 0;
    for (let m = p.re.exec(masked); m; m = p.re.exec(masked)) {
      const held = p.holds ? p.holds(m) : null;
      if (p.holds && !held) continue;
      const end = m.index + m[0].length;
      if (discourse.test(masked.slice(end))) continue;
      // "it is crucial to recognize that …" instructs the reader's thinking, not an actor.
      if (/^\s+(?:recogni[sz]e|note|notice|understand|remember|mention|highlight|emphasi[sz]e|stress|acknowledge|realize|realise|keep in mind|bear in mind|consider)(?:\s+\p{L}+ly)?\s+(?:that|how|why|what)\b/iu.test(masked.slice(end)) || /\bto\s+(?:recogni[sz]e|note|notice|understand|remember|mention|highlight|emphasi[sz]e|realize)$/i.test(m[0])) continue;
      // "we should point out …", "one must note …": the writer addressing the reader.
      if (/\b(?:we|one|i)\s+(?:\w+\s+)?$/i.test(masked.slice(Math.max(0, m.index - 12), m.index)) && /^\s+(?:also\s+|first\s+|again\s+)?(?:point\s+out|note|notice|mention|remember|recall|emphasi[sz]e|stress|clarify|add|highlight|distinguish|recogni[sz]e|acknowledge|keep\s+in\s+mind|bear\s+in\s+mind|turn|look|ask|consider|accept|admit|be\s+(?:aware|cognizant|cognisant|conscious|mindful)\s+(?:that|of)|contend\s+with\s+the\s+fact)\b/i.test(masked.slice(end))) continue;
      // "standards do not have to prescribe …", "X need not …": no duty is laid.
      if (/\b(?:do|does|did)\s+not\s+$/i.test(masked.slice(Math.max(0, m.index - 10), m.index))) continue;
      // "…, and so must be the response": an ellipsis comparing, not asking; "X can claim an
      // accident, and investigators must then prove intent": a consequence of a possibility.
      if (/\bso\s+$/i.test(masked.slice(0, m.index)) && /^\s+be\b/i.test(masked.slice(end))) continue;
      if (/^\s+then\b/i.test(masked.slice(end)) && /\b(?:can|could|may|might|if|when|once)\b[^.;]*,\s*(?:and\s+)?[^,;]*$/i.test(masked.slice(0, m.index))) continue;
      // "it should come as no surprise that …" is an idiom of expectation.
      if (/^\s+(?:not\s+)?come\s+as\s+(?:no|a|any)\s+surprise\b/i.test(masked.slice(end))) continue;
      // "Should the US decide to …", "…, should it fail": an inverted conditional. But after an aside
      // that describes the subject ("The fund, set up by the treaty, should publish …") it advises.
      if (/^should$/i.test(m[0]) && /(?:^|[,;:]\s*)$/.test(masked.slice(0, m.index)) && !describingAside.test(masked.slice(0, m.index))) continue;
      // "X is essential for Y" assesses; it does not prescribe.
      if (p.passiveGroup && /^\s+(?:for|in|as|because|to\s+the)\b/i.test(masked.slice(end)) && /(?:essential|necessary|vital|crucial|important|critical|indispensable)$/i.test(m[0])) continue;
      const passive = !!p.passiveGroup || /^\s+(?:also\s+|further\s+|therefore\s+)*be\s+[a-z]+ed\b/i.test(masked.slice(end));
      cues.push({ index: m.index, length: m[0].length, strength: 'explicit', actionFrom: end, subjectHint: held ?? (p.hint ? m[p.hint] : undefined), passive });
    }
  }
  implicitModal.lastIndex = 0;
  // The modal pattern is long (every benefit verb and participle); most sentences hold no modal at all.
  if (anyModal.test(masked)) for (let m = implicitModal.exec(masked); m; m = implicitModal.exec(masked)) {
    const modal = /^\S+/.exec(m[0])![0];
    const after = m.index + modal.length;
    cues.push({ index: m.index, length: m[0].length, strength: 'implicit', actionFrom: after, passive: /\bbe\s+\S+$/.test(m[0]) });
  }
  for (const re of implicitPatterns) {
    re.lastIndex = 0;
    for (let m = re.exec(masked); m; m = re.exec(masked)) {
      // "it would be imprudent for the US to …", "the best approach for Pakistan is to …" name the actor.
      const hint = /\bfor\s+([^,;]{2,60}?)\s+(?:to|is|would)\b/i.exec(m[0])?.[1];
      cues.push({ index: m.index, length: m[0].length, strength: 'implicit', actionFrom: m.index + m[0].length, passive: !hint, subjectHint: hint });
    }
  }
  return cues.sort((a, b) => a.index - b.index || (a.strength === 'explicit' ? -1 : 1));
}

