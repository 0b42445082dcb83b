/**
 * The bot's one comment per issue: found by its hidden marker and updated in place, created only when absent.
 * The create request runs with retries off (STACK trap 12): after a 502 GitHub may have stored the comment
 * anyway, and a blind retry would post a second one. The job fails instead; its next attempt looks for the
 * marker first, finds a comment that did get stored, and updates it.
 */
import type { GitHubClient, IssueCoordinates } from "./octokit.js";

export interface ExistingComment {
  id: number;
  body: string;
}

export type PublishAction = "created" | "updated" | "unchanged";

/** The first comment written by a bot that carries `marker` (every page is read; long threads exist). */
export async function findCommentWithMarker(octokit: GitHubClient, issue: IssueCoordinates, marker: string): Promise<ExistingComment | undefined> {
  for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, { ...issue, per_page: 100 })) {
    for (const comment of page.data) {
      if (comment.user?.type === "Bot" && comment.body?.includes(marker)) return { id: comment.id, body: comment.body };
    }
  }
  return undefined;
}

/** Updates `existing` (unless the text is the same) or creates the comment, never retrying the create. */
export async function upsertComment(
  octokit: GitHubClient,
  issue: IssueCoordinates,
  body: string,
  existing: ExistingComment | undefined,
): Promise<{ action: PublishAction; id: number }> {
  if (existing) {
    if (existing.body === body) return { action: "unchanged", id: existing.id };
    await octokit.rest.issues.updateComment({ owner: issue.owner, repo: issue.repo, comment_id: existing.id, body });
    return { action: "updated", id: existing.id };
  }
  const { data } = await octokit.rest.issues.createComment({ ...issue, body, request: { retries: 0 } });
  return { action: "created", id: data.id };
}
