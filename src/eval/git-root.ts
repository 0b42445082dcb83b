import { stat } from "node:fs/promises";
import { join } from "node:path";

/**
 * Finds the bare clone of `owner/name` under a folder of clones. Accepted layouts:
 * `<owner>+<name>`, `<owner>+<name>/repo`, `<owner>/<name>.git`, `<owner>/<name>`, `<name>.git`.
 */
export async function findGitDir(root: string, repo: string): Promise<string | null> {
  const [owner, name] = repo.split("/") as [string, string];
  const candidates = [
    join(root, `${owner}+${name}`, "repo"),
    join(root, `${owner}+${name}`),
    join(root, owner, `${name}.git`),
    join(root, owner, name),
    join(root, `${name}.git`),
  ];
  for (const dir of candidates) {
    if (await isGitDir(dir)) return dir;
    if (await isGitDir(join(dir, ".git"))) return join(dir, ".git");
  }
  return null;
}

async function isGitDir(dir: string): Promise<boolean> {
  try {
    const [head, objects] = await Promise.all([stat(join(dir, "HEAD")), stat(join(dir, "objects"))]);
    return head.isFile() && objects.isDirectory();
  } catch {
    return false;
  }
}
