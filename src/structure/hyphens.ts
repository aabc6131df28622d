/** Words a source prints with a hyphen, so that a line-end hyphen in them is kept. */

/** Words printed with a hyphen somewhere inside a line ("post-withdrawal"): keep their hyphen at line ends too. */
export function hyphenatedWords(text: string): Set<string> {
  // The matches of /(?<!\p{L})(\p{L}{1,40})-(\p{Ll}{1,40})/gu, found from the hyphens instead of
  // trying the look-behind at every character: a match starts where the run of letters before its
  // hyphen starts (at most 40 of them), so the sticky pattern is tried there only, and a match
  // overlapping the previous one is skipped as the global search would.
  const out = new Set<string>();
  const re = /(?<!\p{L})(\p{L}{1,40})-(\p{Ll}{1,40})/uy;
  let resume = 0;
  for (let h = text.indexOf('-'); h >= 0; h = text.indexOf('-', h + 1)) {
    let start = h;
    let letters = 0;
    while (start > 0 && letters <= 40) {
      const c = text.charCodeAt(start - 1);
      let size = 1;
      if (c >= 0xdc00 && c <= 0xdfff && start >= 2) {
        const hi = text.charCodeAt(start - 2);
        if (hi >= 0xd800 && hi <= 0xdbff) size = 2;
      }
      const letter = c < 128 ? (c >= 65 && c <= 90) || (c >= 97 && c <= 122) : isLetterPoint.test(text.slice(start - size, start));
      if (!letter) break;
      start -= size;
      letters++;
    }
    if (letters === 0 || letters > 40 || start < resume) continue;
    re.lastIndex = start;
    const m = re.exec(text);
    if (!m) continue;
    out.add(m[0].toLowerCase());
    resume = start + m[0].length;
  }
  return out;
}

const isLetterPoint = /^\p{L}$/u;
