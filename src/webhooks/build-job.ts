/** Turns a webhook payload into the fields every TriageJob shares. No token, no client: plain data. */
import type { ConfigProblem, RepoConfig } from "../config/repo-config.js";
import type { TriageJob } from "../queue/triage-job.js";
import type { PayloadIssue, PayloadRepository } from "./payload.js";

type CommonFields = Omit<Extract<TriageJob, { kind: "triage" }>, "kind">;

export interface JobSource {
  deliveryId: string;
  event: string;
  installationId: number | undefined;
  repository: PayloadRepository;
  issue: PayloadIssue;
  config: RepoConfig;
  problems: ConfigProblem[];
  /** The webhook could not read the config (a transient failure): `config` is the defaults, the worker reads it. */
  configUnread?: boolean;
  /** ISO time of the change that triggered the job (becomes part of the job id). */
  at: string;
  commentId?: number;
  actor?: string;
}

export class MissingInstallationError extends Error {
  constructor() {
    super("the webhook carries no installation id; is this event from a GitHub App installation?");
    this.name = "MissingInstallationError";
  }
}

/** Every event the app handles comes from an installation; without one there is nobody to act as. */
export function requireInstallation(installation: { id: number } | undefined): number {
  if (!installation?.id) throw new MissingInstallationError();
  return installation.id;
}

export function buildJobFields(source: JobSource): CommonFields {
  if (!source.installationId) throw new MissingInstallationError();
  const { repository: r, issue: i } = source;
  return {
    installationId: source.installationId,
    repository: {
      owner: r.owner.login,
      name: r.name,
      cloneUrl: r.clone_url,
      defaultBranch: r.default_branch,
      htmlUrl: r.html_url,
      sizeKb: r.size,
    },
    issue: {
      number: i.number,
      title: i.title,
      body: i.body ?? "",
      author: i.user?.login ?? "ghost",
      createdAt: i.created_at,
      updatedAt: i.updated_at,
      url: i.html_url,
    },
    trigger: {
      deliveryId: source.deliveryId,
      event: source.event,
      at: source.at,
      ...(source.commentId !== undefined ? { commentId: source.commentId } : {}),
      ...(source.actor !== undefined ? { actor: source.actor } : {}),
    },
    config: source.config as unknown as Record<string, unknown>,
    configProblems: source.problems,
    ...(source.configUnread ? { configUnread: true as const } : {}),
  };
}

/** What every handled webhook's payload carries that a job needs. */
export interface JobPayload {
  installation?: { id: number };
  repository: PayloadRepository;
  issue: PayloadIssue;
}

/** {@link buildJobFields} from a delivery: its installation, repository and issue come from the payload. */
export function jobFieldsFrom(
  deliveryId: string,
  payload: JobPayload,
  event: string,
  rest: Pick<JobSource, "config" | "problems" | "configUnread" | "at" | "commentId" | "actor">,
): CommonFields {
  return buildJobFields({ deliveryId, event, installationId: payload.installation?.id, repository: payload.repository, issue: payload.issue, ...rest });
}
