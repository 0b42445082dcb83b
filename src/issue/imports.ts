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
