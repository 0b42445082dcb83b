/** Recognises Python import lines in issue code and whether they are boilerplate. */
import { BOILERPLATE_MODULES } from "./vocabulary.js";

export interface ImportLine {
  /** Modules named: `import a.b, c` -> ["a.b", "c"]; `from a.b import c` -> ["a.b"]. */
  modules: string[];
  /** Names brought in by `from m import x, y` (aliases dropped). */
  names: string[];
  /** Every module is a well-known library or stdlib module: the line says nothing about the bug. */
  boilerplate: boolean;
}

const IMPORT = /^\s*import\s+([\w.]+(?:\s+as\s+\w+)?(?:\s*,\s*[\w.]+(?:\s+as\s+\w+)?)*)\s*(?:#.*)?$/;
const FROM = /^\s*from\s+([\w.]+)\s+import\s+\(?\s*([\w\s,*]*)\)?\s*(?:#.*)?$/;

export function parseImportLine(line: string): ImportLine | null {
  if (line.length > 2000 || !line.includes("import")) return null;
  const imp = IMPORT.exec(line);
  if (imp) {
    const modules = imp[1]!.split(",").map((p) => p.trim().split(/\s+as\s+/)[0]!.trim()).filter(Boolean);
    return { modules, names: [], boilerplate: modules.every((m) => BOILERPLATE_MODULES.has(m)) };
  }
  const from = FROM.exec(line);
  if (from) {
    const module = from[1]!;
    const names = from[2]!
      .split(",")
      .map((p) => p.trim().split(/\s+as\s+/)[0]!.trim())
      .filter((n) => n && n !== "*");
    return { modules: [module], names, boilerplate: BOILERPLATE_MODULES.has(module) };
  }
  return null;
}

/**
 * The names an import line binds, each with the module or object it stands for: `import numpy as np` → np: numpy,
 * `import torch.nn` → torch: torch, `from mxnet import np` → np: mxnet.np, `from numpy.testing import
 * assert_allclose` → assert_allclose: numpy.testing.assert_allclose. Empty for a line that is no import.
 */
export function importBindings(line: string): Map<string, string> {
  const out = new Map<string, string>();
  if (line.length > 2000 || !line.includes("import")) return out;
  const imp = IMPORT.exec(line);
  if (imp) {
    for (const part of imp[1]!.split(",")) {
      const [module, alias] = part.trim().split(/\s+as\s+/).map((x) => x.trim());
      if (!module) continue;
      if (alias) out.set(alias, module);
      else out.set(module.split(".")[0]!, module.split(".")[0]!);
    }
    return out;
  }
  const from = FROM.exec(line);
  if (from) {
    for (const part of from[2]!.split(",")) {
      const [name, alias] = part.trim().split(/\s+as\s+/).map((x) => x.trim());
      if (name && name !== "*") out.set(alias || name, `${from[1]}.${name}`);
    }
  }
  return out;
}

