/** Whether a user may steer the bot on a repository: triage, write, maintain or admin. */
import type { HandlerContext } from "./handler-deps.js";

const STEERING_ROLES = new Set(["triage", "write", "maintain", "admin"]);

export async function canTriage(
  context: Pick<HandlerContext, "octokit">,
  params: { owner: string; repo: string; username: string },
): Promise<boolean> {
  try {
    const { data } = await context.octokit.rest.repos.getCollaboratorPermissionLevel(params);
    // role_name knows triage and maintain; the legacy `permission` field folds them into read and write.
    return STEERING_ROLES.has(data.role_name ?? "") || STEERING_ROLES.has(data.permission);
  } catch (error) {
    // Not a collaborator at all.
    if ((error as { status?: number }).status === 404) return false;
    throw error;
  }
}
