import type { SourceIndex } from "../source-index.js";
import { creditByRarity, recordMatch } from "./rarity-credit.js";

/** Names every other file defines: matching them says nothing about where the bug is. */
const GENERIC_DEFINITIONS = new Set(["__init__", "forward", "__call__", "call", "build", "run", "main", "setup", "get_config", "__repr__", "__str__", "test"]);

export interface DefinitionMatch {
  scores: Float64Array;
  /**
   * Names from the issue that each file defines, spelt as the file defines them, with the line of the definition and
   * how many files define the name (1 = only this one: telling evidence; 200 = `hybrid_forward`, little).
   */
  matches: Map<number, { name: string; line: number; files: number }[]>;
}

/**
 * Files that define (as a class, function or method) a name the issue's code mentions: `Trainer.fit`,
 * `SoftmaxOutput`, `pad_sequence`. `issueWords` (the issue's words, lower-cased) place a method's evidence in the
 * class the issue names. Each matched name adds its inverse definition frequency
 * ({@link creditByRarity}), so a name defined in one file outweighs one defined in twenty.
 */
export function definitionMatches(index: SourceIndex, names: readonly string[], issueWords: ReadonlySet<string> = new Set()): DefinitionMatch {
  const matches = new Map<number, { name: string; line: number; files: number }[]>();
  const wanted = new Set<string>();
  for (const n of names) {
    for (const part of n.split(".")) {
      // Lower-cased before the generic check, as before the match: `setUp` or `Forward` would otherwise slip
      // through and then match every `setup` and `forward` of the repository.
      const key = part.toLowerCase();
      if (key.length < 3 || GENERIC_DEFINITIONS.has(key)) continue;
      wanted.add(key);
    }
  }
  if (wanted.size === 0) return { scores: new Float64Array(index.size), matches };
  // Matched whatever the case (the reporter's `trainer` finds `class Trainer`), but the evidence names the
  // definition as written: "defines `label`" of a file that defines `Label` would not be true.
  const definers = new Map<string, Map<number, { name: string; line: number }>>();
  const classNamedAt = new Set<{ name: string; line: number }>();
  index.docs.forEach((doc, d) => {
    const s = doc.structure;
    if (!s) return;
    const defs: { name: string; line: number; className?: string; local?: true }[] = [...s.classes, ...s.functions];
    for (const def of defs) {
      // A class or function defined inside a function (a test's stand-in `class Net(nn.Block)`, a closure) is no
      // name the report can mean: `net = ...` or the reporter's own `class Foo` matched such stand-ins in tests.
      if (def.local) continue;
      const key = def.name.toLowerCase();
      if (!wanted.has(key)) continue;
      // A method several classes of the file define is shown in the class the issue names anywhere (`on_epoch_end`
      // of `EarlyStoppingCallback`, named in the title, not of the file's first callback); else the first
      // definition. The score counts the name once per file either way.
      const known = definers.get(key)?.get(d);
      const className = def.className?.toLowerCase();
      const inNamedClass = className !== undefined && (wanted.has(className) || issueWords.has(className));
      if (known && (!inNamedClass || classNamedAt.has(known))) continue;
      const match = { name: def.name, line: def.line };
      if (known) definers.get(key)!.set(d, match);
      else recordMatch(definers, key, d, match);
      if (inNamedClass) classNamedAt.add(match);
    }
  });
  const rarity = new Map<{ name: string; line: number }, number>();
  const scores = creditByRarity(index.size, definers, (d, _key, match, idf, files) => {
    let list = matches.get(d);
    if (!list) matches.set(d, (list = []));
    const credited = { ...match, files };
    list.push(credited);
    rarity.set(credited, idf);
  });
  // The rarest name first: the evidence leads with it and links its line. In the order the names were met, a
  // file's `size` method could lead (and be linked) before the class the issue is about.
  for (const list of matches.values()) list.sort((a, b) => rarity.get(b)! - rarity.get(a)! || a.line - b.line);
  return { scores, matches };
}
