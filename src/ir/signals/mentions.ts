import type { SourceIndex } from "../source-index.js";
import type { ModuleIndex } from "./module-index.js";

/**
 * Files the issue names, by path (`pytorch_lightning/trainer/trainer.py`, `gluon/block.py`) or by module
 * (`mxnet.gluon.data`). A path matches when it equals a file or is a suffix of one on a folder boundary;
 * an ambiguous suffix (several files end with it) credits none.
 */
export function mentionedFiles(index: SourceIndex, modules: ModuleIndex, mentioned: readonly string[]): Map<number, string> {
  const hits = new Map<number, string>();
  for (const raw of mentioned) {
    const m = raw.replace(/^\.?\/+/, "").replace(/\\/g, "/");
    if (!m) continue;
    if (/\.\w+$/.test(m)) {
      const exact = index.pathToDoc.get(m);
      if (exact !== undefined) {
        hits.set(exact, raw);
        continue;
      }
      const suffix = index.paths.map((p, d) => [p, d] as const).filter(([p]) => p.endsWith(`/${m}`));
      if (suffix.length === 1) {
        hits.set(suffix[0]![1], raw);
        continue;
      }
      // No file by that path: a dotted module name (`mxnet.gluon.data`) ends like a file extension too, so it is
      // tried as a module below (a real but ambiguous file name such as `utils.py` resolves to no module).
    }
    for (const d of modules.resolve(m.replace(/\//g, "."))) if (!hits.has(d)) hits.set(d, raw);
  }
  return hits;
}
