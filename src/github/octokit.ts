/** The GitHub client type the worker uses: an installation-authenticated Probot Octokit. */
import type { ProbotOctokit } from "probot";

export type GitHubClient = InstanceType<typeof ProbotOctokit>;

/** owner, repo, issue_number: the parameters of every issue endpoint. */
export interface IssueCoordinates {
  owner: string;
  repo: string;
  issue_number: number;
}

/**
 * The installation token, for git over HTTPS. STACK trap 11: on GitHub Enterprise, `auth({type:"installation"})`
 * called before any REST call asks api.github.com; callers make a REST call first (the worker fetches the
 * issue), after which the token is cached and this returns it without another request.
 */
export async function installationToken(octokit: GitHubClient): Promise<string> {
  const auth = (await octokit.auth({ type: "installation" })) as { token?: string };
  if (!auth.token) throw new Error("the GitHub client returned no installation token");
  return auth.token;
}
