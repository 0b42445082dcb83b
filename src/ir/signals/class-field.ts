import type { SourceIndex } from "../source-index.js";
import { bagOf, type TermBag } from "../vocabulary.js";

/** The module stem of a path: `a/b/trainer.py` -> `trainer`. */
export function moduleStem(path: string): string {
  const base = path.slice(path.lastIndexOf("/") + 1);
  return base.replace(/\.pyi?$/, "");
}

/**
 * BLUiR's class field for Python (PAPER §2.2 [D]): the class names a file defines, or its module stem when it
 * defines none (a module of functions plays the role of a Java class).
 */
export function classOrStemBag(index: SourceIndex): (doc: number) => TermBag {
  return (doc) => {
    const classes = index.docs[doc]!.bags.classes;
    if (classes.length > 0) return classes;
    return bagOf(index.tokenizer.terms(moduleStem(index.paths[doc]!)), index.vocabulary);
  };
}
