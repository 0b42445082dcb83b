/**
 * Resolves a module name from `PythonStructure.imports` to a repository file, for import-graph features
 * (BLIA scores files imported by traceback files).
 *
 * - Relative names (`.x`, `..pkg.mod`, `.`) resolve against the importing file's package.
 * - Absolute names (`mxnet.gluon.block`) are tried under every folder on the importing file's path, so a
 *   repository that keeps its package under `python/` or `src/` resolves without configuration.
 * A module resolves to `name.py` or `name/__init__.py`; anything else (third-party, stdlib) gives null.
 */
export function resolvePythonImport(moduleName: string, importerPath: string, repoFiles: ReadonlySet<string>): string | null {
  const importerDir = importerPath.includes("/") ? importerPath.slice(0, importerPath.lastIndexOf("/")) : "";
  const relative = /^(\.+)(.*)$/.exec(moduleName);
  if (relative) {
    let base = importerDir.split("/").filter(Boolean);
    const up = relative[1]!.length - 1;
    if (up > base.length) return null;
    base = base.slice(0, base.length - up);
    const rest = relative[2]!.split(".").filter(Boolean);
    return moduleFile([...base, ...rest].join("/"), repoFiles);
  }
  const tail = moduleName.split(".").filter(Boolean).join("/");
  if (!tail) return null;
  // Roots: "", then each folder on the importer's path, nearest last (`python/mxnet/gluon` -> "", "python", ...).
  const folders = importerDir.split("/").filter(Boolean);
  for (let depth = 0; depth <= folders.length; depth++) {
    const root = folders.slice(0, depth).join("/");
    const found = moduleFile(root ? `${root}/${tail}` : tail, repoFiles);
    if (found) return found;
  }
  return null;
}

function moduleFile(modulePath: string, repoFiles: ReadonlySet<string>): string | null {
  if (!modulePath) return repoFiles.has("__init__.py") ? "__init__.py" : null;
  if (repoFiles.has(`${modulePath}.py`)) return `${modulePath}.py`;
  if (repoFiles.has(`${modulePath}/__init__.py`)) return `${modulePath}/__init__.py`;
  return null;
}
