/**
 * General word lists (not fitted to any data set): English function words, discourse words that
 * open or link sentences, and the generic nouns of expository prose that never make a keyphrase
 * on their own ("paper", "section", "result").
 */

const words = (s: string): ReadonlySet<string> => new Set(s.trim().split(/\s+/));

/** English function words. */
export const stopWords: ReadonlySet<string> = words(`
a about above across after afterwards again against all almost alone along already also although always am among amongst
an and another any anybody anyhow anyone anything anyway anywhere are around as at be became because become becomes
becoming been before beforehand behind being below beside besides between beyond both but by can cannot could did do
does doing done down due during each either else elsewhere enough etc even ever every everybody everyone everything
everywhere except few for former formerly from further furthermore had has have having he hence her here hereafter
hereby herein hers herself him himself his how however i if in indeed into is it its itself just last latter latterly
least less many may me meanwhile might mine more moreover most mostly much must my myself namely neither never
nevertheless next no nobody none noone nor not nothing now nowhere of off often on once one only onto or other others
otherwise our ours ourselves out over own per perhaps rather same several she should since so some somehow someone
something sometime sometimes somewhere still such than that the their theirs them themselves then thence there
thereafter thereby therefore therein thereupon these they this those though through throughout thru thus to together
too toward towards under until up upon us very via was we well were what whatever when whence whenever where
whereafter whereas whereby wherein whereupon wherever whether which while whither who whoever whole whom whose why
will with within without would yet you your yours yourself yourselves shall let lets ie eg viz vs cf al et
`);

/** Words that link or frame sentences rather than name things. */
export const discourseWords: ReadonlySet<string> = words(`
accordingly additionally admittedly alternatively anyway besides certainly clearly consequently conversely currently
especially eventually finally firstly generally hence however importantly indeed instead likewise meanwhile moreover
namely nevertheless nonetheless notably obviously particularly presumably previously recently respectively secondly
similarly specifically subsequently thereby therefore thirdly thus typically ultimately usually
`);

/**
 * Generic nouns and adjectives of expository and academic prose: fine inside a phrase only when it
 * does not begin or end with them ("new method" is not a keyphrase; "method of moments" might be).
 * Currency codes and "percent" belong here too: "USD" says how a figure is counted, not what about.
 */
export const genericWords: ReadonlySet<string> = words(`
paper papers article articles section sections chapter chapters figure figures fig table tables appendix
example examples case cases way ways number numbers lot lots kind kinds type types sort part parts
result results work works study studies approach approaches method methods technique techniques
problem problems issue issues question questions aspect aspects fact facts point points thing things
time times use uses purpose purposes reason reasons order respect terms term step steps
idea ideas notion notions set sets value values amount amounts level levels degree degrees
author authors reader readers researcher researchers literature discussion conclusion conclusions
introduction summary future related previous prior following above below new novel other same different various
several many much few first second third last main major minor important significant large small high low
good better best bad simple general specific particular certain possible current recent given existing
well able like un non due based using used use show shows shown et al i ii iii iv v
vein regard extent manner basis sense
usd eur gbp jpy cny rmb inr pkr bdt aud nzd cad chf fjd xcd bbd percent
`);

const stopOrDiscourse: ReadonlySet<string> = new Set([...stopWords, ...discourseWords]);

/** True when a lower-cased word is a stop word or a discourse word. */
export function isStopWord(w: string): boolean {
  return stopOrDiscourse.has(w);
}
