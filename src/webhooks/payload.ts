/**
 * The few payload fields the handlers read, typed narrowly. Probot's generated payload types are exact but
 * huge; the handlers only need these, and a fixture that lacks one fails loudly in a test.
 */
export interface PayloadUser {
  login: string;
  type: string; // "User" | "Bot" | "Organization"
}

export interface PayloadIssue {
  number: number;
  title: string;
  body: string | null;
  user: PayloadUser | null;
  state: string;
  locked: boolean;
  labels?: Array<{ name: string } | string>;
  pull_request?: unknown;
  created_at: string;
  updated_at: string;
  html_url: string;
}

export interface PayloadRepository {
  name: string;
  owner: { login: string };
  clone_url: string;
  html_url: string;
  default_branch: string;
  size: number;
  archived?: boolean;
}

export interface PayloadComment {
  id: number;
  body: string;
  user: PayloadUser | null;
  created_at: string;
  updated_at: string;
}

export interface IssuesPayload {
  action: string;
  issue: PayloadIssue;
  repository: PayloadRepository;
  installation?: { id: number };
  sender: PayloadUser;
  changes?: { title?: { from: string }; body?: { from: string } };
}

export interface IssueCommentPayload {
  action: string;
  issue: PayloadIssue;
  comment: PayloadComment;
  repository: PayloadRepository;
  installation?: { id: number };
  sender: PayloadUser;
  changes?: { body?: { from: string } };
}

export function labelNames(issue: PayloadIssue): string[] {
  return (issue.labels ?? []).map((l) => (typeof l === "string" ? l : l.name));
}

export function isBotUser(user: PayloadUser | null | undefined): boolean {
  return !user || user.type === "Bot" || user.login.endsWith("[bot]");
}
