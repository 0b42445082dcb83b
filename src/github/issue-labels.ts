/** Labels on GitHub: create the missing ones from config, add and remove on an issue, read who removed what. */
import type { GitHubClient, IssueCoordinates } from "./octokit.js";

export interface LabelDefinition {
  name: string;
  color: string;
  description: string;
}

const sameName = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: "accent" }) === 0;

/** Creates each label the repository lacks; an existing one (even created concurrently) is left as it is. */
export async function ensureLabels(octokit: GitHubClient, repo: { owner: string; repo: string }, wanted: LabelDefinition[]): Promise<string[]> {
  if (wanted.length === 0) return [];
  const existing = await octokit.paginate(octokit.rest.issues.listLabelsForRepo, { ...repo, per_page: 100 });
  const created: string[] = [];
  for (const label of wanted) {
    if (existing.some((l) => sameName(l.name, label.name))) continue;
    try {
      await octokit.rest.issues.createLabel({ ...repo, name: label.name, color: label.color, description: label.description });
      created.push(label.name);
    } catch (error) {
      // 422 already_exists: another worker made it between the list and the create.
      if ((error as { status?: number }).status !== 422) throw error;
    }
  }
  return created;
}

export async function addLabels(octokit: GitHubClient, issue: IssueCoordinates, labels: string[]): Promise<void> {
  if (labels.length > 0) await octokit.rest.issues.addLabels({ ...issue, labels });
}

export async function removeLabels(octokit: GitHubClient, issue: IssueCoordinates, labels: string[]): Promise<void> {
  for (const name of labels) {
    try {
      await octokit.rest.issues.removeLabel({ ...issue, name });
    } catch (error) {
      if ((error as { status?: number }).status !== 404) throw error; // already gone: the wish is fulfilled
    }
  }
}

/**
 * Labels someone took off the issue (from its events), so the bot never puts them back on its own. Every
 * removal counts, whoever made it: this bot removes a label only when a maintainer unticks its box, which is
 * a human decision too, and another bot's removal is safer honoured than undone.
 */
export async function labelsRemovedByHumans(octokit: GitHubClient, issue: IssueCoordinates): Promise<string[]> {
  const events = await octokit.paginate(octokit.rest.issues.listEvents, { ...issue, per_page: 100 });
  const removed = new Set<string>();
  for (const event of events) {
    const e = event as { event?: string; label?: { name?: string } };
    if (e.event === "unlabeled" && e.label?.name) removed.add(e.label.name);
  }
  return [...removed];
}
