import type { SourceIndex } from "../source-index.js";
import { mapFrameToRepo, sharedSuffix } from "../../issue/map-frame.js";
import type { ModuleIndex } from "./module-index.js";

/**
 * Files the issue names, by path (`pytorch_lightning/trainer/trainer.py`, `gluon/block.py`) or by module
 * (`mxnet.gluon.data`). A path matches when it equals a file or is a suffix of one on a folder boundary;
 * an ambiguous suffix (several files end with it) credits none; a path from above the root (the clone's folder
 * first) or an installed copy's path names the file a traceback frame with that path would (issue/map-frame.ts).
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
      // Written from above the root (GitHub's code embeds print the clone's folder first,
      // `pytorch-lightning/pytorch_lightning/trainer/training_loop.py`), or an installed copy: mapped as a traceback
      // frame's path is, by the longest shared tail, here of two segments or more (`examples/train.py` does not name
      // a top-level `train.py`). Only when no file ends with the path: an ambiguous suffix (`nn/utils.py` of two
      // packages) still credits none.
      if (suffix.length === 0) {
        const mapped = mapFrameToRepo(raw, index.repoPaths).repoPath;
        const shared = mapped === null ? 0 : sharedSuffix(m.split("/"), mapped.split("/"));
        // The shared tail must name one file: `proj/nn/utils.py` names neither of `a/nn/utils.py` and `b/nn/utils.py`.
        const tail = m.split("/").slice(-shared).join("/");
        const unique = shared >= 2 && index.paths.filter((p) => p === tail || p.endsWith(`/${tail}`)).length === 1;
        const doc = unique ? index.pathToDoc.get(mapped!) : undefined;
        if (doc !== undefined) {
          hits.set(doc, raw);
          continue;
        }
      }
      // No file by that path: a dotted module name (`mxnet.gluon.data`) ends like a file extension too, so it is
      // tried as a module below (a real but ambiguous file name such as `utils.py` resolves to no module).
    }
    for (const d of modules.resolve(m.replace(/\//g, "."))) if (!hits.has(d)) hits.set(d, raw);
  }
  return hits;
}
