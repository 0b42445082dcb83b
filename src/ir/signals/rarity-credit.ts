/**
 * Credits files by how rare the names they match are: each name adds log(1 + N / df) to every file that matches
 * it, N files in all and df of them matching, so a name matched in one file outweighs one matched in twenty
 * (the inverse document frequency of the name, not of its words). `onCredit` sees each credit, for evidence.
 */
export function creditByRarity<T>(
  fileCount: number,
  filesByName: ReadonlyMap<string, ReadonlyMap<number, T>>,
  onCredit?: (file: number, name: string, match: T, idf: number, df: number) => void,
): Float64Array {
  const scores = new Float64Array(fileCount);
  for (const [name, files] of filesByName) {
    const idf = Math.log(1 + fileCount / files.size);
    for (const [file, match] of files) {
      scores[file]! += idf;
      onCredit?.(file, name, match, idf, files.size);
    }
  }
  return scores;
}

/** Adds `file -> match` under `name`, keeping the first match of a file. */
export function recordMatch<T>(filesByName: Map<string, Map<number, T>>, name: string, file: number, match: T): void {
  let files = filesByName.get(name);
  if (!files) filesByName.set(name, (files = new Map()));
  if (!files.has(file)) files.set(file, match);
}
