/** Recognises Python import lines in issue code and whether they are boilerplate. */
import { BOILERPLATE_MODULES } from "./vocabulary.js";

export interface ImportLine {
  /** Modules named: `import a.b, c` -> ["a.b", "c"]; `from a.b import c` -> ["a.b"]. */
  modules: string[];
  /** Names brought in by `from m import x, y` (aliases dropped). */
  names: string[];
  /** Every module is a well-known library or stdlib module: the line says nothing about the bug. */
  boilerplate: boolean;
  /**
   * The names the line binds, each with the module or object it stands for: `import numpy as np` → np: numpy,
   * `import torch.nn` → torch: torch, `from mxnet import np` → np: mxnet.np, `from numpy.testing import
   * assert_allclose` → assert_allclose: numpy.testing.assert_allclose.
   */
  bindings: Map<string, string>;
}

const IMPORT = /^\s*import\s+([\w.]+(?:\s+as\s+\w+)?(?:\s*,\s*[\w.]+(?:\s+as\s+\w+)?)*)\s*(?:#.*)?$/;
const FROM = /^\s*from\s+([\w.]+)\s+import\s+\(?\s*([\w\s,*]*)\)?\s*(?:#.*)?$/;

/** `a.b as c, d` → [["a.b", "c"], ["d", undefined]], empty names dropped. */
function namesWithAliases(list: string): [string, string | undefined][] {
  return list
    .split(",")
    .map((part) => part.trim().split(/\s+as\s+/).map((x) => x.trim()) as [string, string | undefined])
    .filter(([name]) => Boolean(name));
}

export function parseImportLine(line: string): ImportLine | null {
  if (line.length > 2000 || !line.includes("import")) return null;
  const imp = IMPORT.exec(line);
  if (imp) {
    const named = namesWithAliases(imp[1]!);
    const modules = named.map(([module]) => module);
    const bindings = new Map<string, string>();
    for (const [module, alias] of named) {
      const top = module.split(".")[0]!;
      if (alias) bindings.set(alias, module);
      else bindings.set(top, top);
    }
    return { modules, names: [], boilerplate: modules.every((m) => BOILERPLATE_MODULES.has(m)), bindings };
  }
  const from = FROM.exec(line);
  if (from) {
    const module = from[1]!;
    const named = namesWithAliases(from[2]!).filter(([name]) => name !== "*");
    const bindings = new Map(named.map(([name, alias]) => [alias || name, `${module}.${name}`] as [string, string]));
    return { modules: [module], names: named.map(([name]) => name), boilerplate: BOILERPLATE_MODULES.has(module), bindings };
  }
  return null;
}
