/**
 * citeproc-js, loaded once, and a style prepared for it so that building its engine costs less.
 *
 * Building the engine for a large style is most of the sources list's cost (APA: about 1.5 s of
 * CPU and 100 MB of heap), and two things in it are waste for us:
 * - Every sort key that calls a macro is expanded inline, macros within macros included, once per
 *   key. APA's `<citation>` sort alone makes some 64,000 tokens, half of the engine. We never
 *   format a citation (only the bibliography), and a citation's sort is read only when the cites
 *   of one citation are put in order, so the style is handed over without it.
 * - Each macro call looks the macro up by walking the whole style tree (`getNodesByName`): some
 *   8,000 walks, 11 million visits for APA. The lookup is answered from an index made by one walk.
 * The engine built this way formats every bibliography entry as the one built from the whole style
 * (tests/render/citeproc.test.ts compares them, and the state of both engines, for each shipped style).
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
 * The style for an engine that only makes bibliographies: parsed by citeproc's own parser, without
 * the `<sort>` of its `<citation>` (see above). Text that is not XML (citeproc also reads a style
 * as JSON) is returned as it is.
 */
export function bibliographyStyle(csl: Citeproc, xml: string): string | object {
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
  return root;
}
