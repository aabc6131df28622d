/**
 * citeproc-js, loaded once, and a style prepared for it so that building its engine costs less.
 *
 * Building the engine for a large style is most of the sources list's cost (APA: about 1.5 s of
 * CPU and 100 MB of heap), and three things in it are waste for us:
 * - Every sort key that calls a macro is expanded inline, macros within macros included, once per
 *   key. APA's `<citation>` sort alone makes some 64,000 tokens, half of the engine. We never
 *   format a citation (only the bibliography), and a citation's sort is read only when the cites
 *   of one citation are put in order, so the style is handed over without it.
 * - The bibliography's sort keys are expanded the same way, with every branch for item types we
 *   never write (legal cases, broadcasts, treaties …): APA's author key alone is 65,000 tokens.
 *   The keys get their own copies of the macros they call, in which a branch that holds only for
 *   other item types is left empty (it is still tested, and never taken). The layout keeps the
 *   macros as written, so what building it sets up is as before.
 * - Each macro call looks the macro up by walking the whole style tree (`getNodesByName`): some
 *   8,000 walks, 11 million visits for APA. The lookup is answered from an index made by one walk.
 * The engine built this way formats every bibliography entry, in the same order, as the one built
 * from the whole style (tests/render/citeproc.test.ts compares them for each shipped style).
 */
import { createRequire } from 'node:module';

/** A parsed CSL node as citeproc's own XML parser makes it. */
interface CslNode {
  name: string;
  attrs: Record<string, string>;
  children: (CslNode | string)[];
}

/** The parts of citeproc we use. */
export interface Citeproc {
  Engine: new (sys: object, style: string | object, lang?: string, forceLang?: boolean) => {
    updateItems(ids: string[]): void;
    makeBibliography(): [{ entry_ids: string[][] }, string[]] | false;
    setOutputFormat(format: string): void;
  };
  parseXml(xml: string): CslNode;
  MODULE_MACROS: Record<string, boolean>;
  XmlJSON: { prototype: { dataObj: unknown; getNodesByName(node: unknown, name: string, attr?: string, ret?: unknown[]): unknown[] } };
}

let loaded: Citeproc | null = null;

/** citeproc-js, with macro lookups answered from an index (loaded on first use). */
export function citeproc(): Citeproc {
  if (loaded) return loaded;
  const csl = createRequire(import.meta.url)('citeproc') as Citeproc;
  indexMacroLookups(csl);
  return (loaded = csl);
}

/**
 * Makes `getNodesByName(root, 'macro', name)` on a style's root (what each macro call does) read
 * an index of the style's macros by name, made by one walk on the first such lookup. Macros are
 * not added to a style once its tokens are being built, and the nodes returned are the tree's own,
 * so what a caller sets on them is seen as before. Any other lookup, or a name the index lacks,
 * walks the tree as citeproc does.
 */
function indexMacroLookups(csl: Citeproc): void {
  const proto = csl.XmlJSON.prototype;
  const walk = proto.getNodesByName;
  const indexes = new WeakMap<object, Map<string, unknown[]>>();
  proto.getNodesByName = function (this: typeof proto, node, name, attr, ret) {
    if (name !== 'macro' || !attr || ret || node !== this.dataObj || !node || typeof node !== 'object') return walk.call(this, node, name, attr, ret);
    let index = indexes.get(node);
    if (!index) {
      index = new Map();
      for (const m of walk.call(this, node, 'macro') as CslNode[]) {
        const list = index.get(m.attrs.name);
        if (list) list.push(m);
        else index.set(m.attrs.name, [m]);
      }
      indexes.set(node, index);
    }
    const found = index.get(attr);
    return found ? [...found] : walk.call(this, node, name, attr, ret);
  };
}

/**
 * The style for an engine that only makes bibliographies of items of `types`: parsed by citeproc's
 * own parser, without the `<sort>` of its `<citation>`, and with the bibliography's sort keys
 * calling copies of their macros trimmed to those types (see above). Text that is not XML (citeproc
 * also reads a style as JSON) is returned as it is.
 */
export function bibliographyStyle(csl: Citeproc, xml: string, types: readonly string[]): string | object {
  // as citeproc reads a string: leading white space (and a byte-order mark) dropped first
  const text = xml.replace(/^\s+/, '');
  if (!text.startsWith('<')) return xml;
  const root = csl.parseXml(text);
  const prune = (node: CslNode | string): void => {
    if (typeof node !== 'object' || !node || !Array.isArray(node.children)) return;
    if (node.name === 'citation') node.children = node.children.filter((c) => typeof c !== 'object' || !c || c.name !== 'sort');
    node.children.forEach(prune);
  };
  prune(root);
  trimSortMacros(csl, root, new Set(types));
  return root;
}

/** The element children of a node. */
const elements = (node: CslNode): CslNode[] => (Array.isArray(node.children) ? node.children.filter((c): c is CslNode => typeof c === 'object' && c !== null) : []);

/** Every node below `node` (itself included), depth first. */
function* descendants(node: CslNode): Generator<CslNode> {
  yield node;
  for (const c of elements(node)) yield* descendants(c);
}

/** Suffix of a sort key's macro copies: not a character a style's own macro names use. */
const copySuffix = '\u0000sort';

/**
 * Points the bibliography's sort keys at copies of the macros they call, in which a condition
 * that tests only the item type, and that no type of `types` passes, has its branch emptied. Left
 * as written when a key's macros call each other in a loop or call one that is missing (citeproc
 * then fails as it always did, naming the style's own macro) or a jurisdiction module's macro.
 */
function trimSortMacros(csl: Citeproc, root: CslNode, types: ReadonlySet<string>): void {
  const style = root.name === 'style' ? root : elements(root).find((c) => c.name === 'style');
  const bibliography = style && elements(style).find((c) => c.name === 'bibliography');
  const sort = bibliography && elements(bibliography).find((c) => c.name === 'sort');
  if (!style || !sort) return;
  // citeproc uses the first macro of a name
  const macros = new Map<string, CslNode>();
  for (const n of descendants(style)) if (n.name === 'macro' && n.attrs?.name && !macros.has(n.attrs.name)) macros.set(n.attrs.name, n);
  const calls = (n: CslNode): string[] => [...descendants(n)].filter((d) => d !== n && d.attrs?.macro).map((d) => d.attrs.macro!);
  // the macros the keys reach, refusing loops, missing macros and module macros
  const reached = new Set<string>();
  const visit = (name: string, path: Set<string>): boolean => {
    const m = macros.get(name);
    if (!m || path.has(name) || csl.MODULE_MACROS[name]) return false;
    if (reached.has(name)) return true;
    path.add(name);
    const ok = calls(m).every((c) => visit(c, path));
    path.delete(name);
    if (ok) reached.add(name);
    return ok;
  };
  const keys = elements(sort).filter((k) => k.name === 'key' && k.attrs?.macro);
  if (!keys.every((k) => visit(k.attrs.macro!, new Set()))) return;
  for (const name of reached) {
    const copy = structuredClone(macros.get(name)!);
    copy.attrs.name = name + copySuffix;
    for (const n of descendants(copy)) {
      if (n !== copy && n.attrs?.macro) n.attrs.macro += copySuffix;
      if (neverHolds(n, types)) n.children = [];
    }
    style.children.push(copy);
  }
  for (const k of keys) k.attrs.macro += copySuffix;
}

/** Is `node` an `<if>` or `<else-if>` that tests only the item type, and that no type of `types` passes? */
function neverHolds(node: CslNode, types: ReadonlySet<string>): boolean {
  if ((node.name !== 'if' && node.name !== 'else-if') || !node.attrs?.type) return false;
  if (!Object.keys(node.attrs).every((a) => a === 'type' || a === 'match')) return false;
  const listed = node.attrs.type.split(/\s+/).filter(Boolean);
  const match = node.attrs.match ?? 'all';
  // 'any' and 'all' (the default) hold for no type when none of ours is listed; 'none' when all are
  if (match === 'any' || match === 'all') return listed.every((t) => !types.has(t));
  if (match === 'none') return [...types].every((t) => listed.includes(t));
  return false;
}
