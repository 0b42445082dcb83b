/**
 * Resolves Python module names to files of the snapshot. A file `python/mxnet/gluon/block.py` answers to
 * `python.mxnet.gluon.block`, `mxnet.gluon.block`, `gluon.block` and `block`; the longest dotted name
 * wins, so `mxnet.gluon.block` is found even though the package lives under `python/`.
 */
export class ModuleIndex {
  private readonly bySuffix = new Map<string, number[]>();

  constructor(paths: readonly string[]) {
    paths.forEach((path, doc) => {
      if (!path.endsWith(".py")) return;
      const parts = path.slice(0, -3).split("/");
      if (parts[parts.length - 1] === "__init__") parts.pop();
      for (let i = 0; i < parts.length; i++) {
        const name = parts.slice(i).join(".");
        let docs = this.bySuffix.get(name);
        if (!docs) this.bySuffix.set(name, (docs = []));
        docs.push(doc);
      }
    });
  }

  /**
   * Files a dotted name may refer to: the module itself, or the module that defines the last part
   * (`torch.nn.functional.conv2d` -> the file of `torch.nn.functional`). Only unambiguous answers: a
   * name shared by several files resolves to none, because guessing would put the wrong file first.
   */
  resolve(dotted: string, maxAmbiguity = 1): number[] {
    const parts = dotted.replace(/^\.+/, "").split(".").filter(Boolean);
    for (let end = parts.length; end >= 1; end--) {
      // Try the longest prefix first; only 2+ part names or exact single names count.
      const name = parts.slice(0, end).join(".");
      const docs = this.bySuffix.get(name);
      if (docs && docs.length <= maxAmbiguity && (end >= 2 || parts.length === 1)) return docs;
    }
    return [];
  }
}
