import type { SourceIndex } from "../source-index.js";
import type { ModuleIndex } from "./module-index.js";

/**
 * Files the issue names, by path (`pytorch_lightning/trainer/trainer.py`, `gluon/block.py`) or by module
 * (`mxnet.gluon.data`). A path matches when it equals a file or is a suffix of one on a folder boundary;
 * an ambiguous suffix (several files end with it) credits none; a path from above the root (the clone's folder
 * first) names the file its longest tail of two segments or more is.
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
      const inCheckout = pathInCheckout(index, m);
      if (inCheckout !== undefined) {
        hits.set(inCheckout, raw);
        continue;
      }
      // No file by that path: a dotted module name (`mxnet.gluon.data`) ends like a file extension too, so it is
      // tried as a module below (a real but ambiguous file name such as `utils.py` resolves to no module).
    }
    for (const d of modules.resolve(m.replace(/\//g, "."))) if (!hits.has(d)) hits.set(d, raw);
  }
  return hits;
}

/**
 * A path written from above the repository's root: the clone's folder first (`pytorch-lightning/pytorch_lightning/
 * trainer/training_loop.py`, as GitHub's code embeds print it; `addons/tensorflow_addons/losses/focal_loss.py`), or
 * a longer local path. The longest tail of at least two segments that is a repository path names that file, as
 * for traceback frames (issue/map-frame.ts): one segment alone (`utils.py`) is too common to name a file.
 * An installed path names the repository's file only as a whole, after `site-packages`.
 */
function pathInCheckout(index: SourceIndex, mention: string): number | undefined {
  const segments = mention.split("/").filter(Boolean);
  // An installed copy (`.../site-packages/torch/utils/data/dataloader.py`) is the package's path and nothing
  // shorter: `data/dataloader.py` of another library must not name the repository's file of that name.
  const installed = segments.findLastIndex((s) => /^(?:site|dist)-packages$/i.test(s));
  if (installed !== -1) return index.pathToDoc.get(segments.slice(installed + 1).join("/"));
  for (let start = 1; segments.length - start >= 2; start++) {
    const doc = index.pathToDoc.get(segments.slice(start).join("/"));
    if (doc !== undefined) return doc;
  }
  return undefined;
}
