/**
 * One named nock helper per GitHub endpoint the app and the worker call. Each returns its scope so a test can
 * assert it was used; `assertNoPendingMocks` ends every test.
 */
import nock from "nock";

export const API = "https://api.github.com";

export function assertNoPendingMocks(): void {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  if (pending.length > 0) throw new Error(`GitHub mocks never called:\n${pending.join("\n")}`);
}

export function mockInstallationToken(installationId: number, token = "ghs_test_installation_token"): nock.Scope {
  return nock(API)
    .post(`/app/installations/${installationId}/access_tokens`)
    .reply(201, { token, expires_at: "2099-01-01T00:00:00Z", permissions: { issues: "write", contents: "read", metadata: "read" } });
}

const configPath = (owner: string, repo: string) => `/repos/${owner}/${repo}/contents/.github%2Fmltriage.yml`;

/** The repository's .github/mltriage.yml (raw YAML text). */
export function mockConfigFile(owner: string, repo: string, yamlText: string): nock.Scope {
  return nock(API).get(configPath(owner, repo)).reply(200, yamlText, { "content-type": "application/vnd.github.raw; charset=utf-8" });
}

/** No config file in the repository nor in the organisation's .github repository: zero config. */
export function mockNoConfigFile(owner: string, repo: string): nock.Scope {
  return nock(API).get(configPath(owner, repo)).reply(404, { message: "Not Found" }).get(configPath(owner, ".github")).reply(404, { message: "Not Found" });
}

export function mockPermission(owner: string, repo: string, username: string, roleName: string): nock.Scope {
  const permission = roleName === "maintain" ? "write" : roleName === "triage" ? "read" : roleName;
  return nock(API)
    .get(`/repos/${owner}/${repo}/collaborators/${encodeURIComponent(username)}/permission`)
    .reply(200, { permission, role_name: roleName, user: { login: username } });
}

export function mockGetIssue(owner: string, repo: string, issue: Record<string, unknown> & { number: number }): nock.Scope {
  return nock(API).get(`/repos/${owner}/${repo}/issues/${issue.number}`).reply(200, issue);
}

export function mockGetIssueStatus(owner: string, repo: string, number: number, status: number): nock.Scope {
  return nock(API).get(`/repos/${owner}/${repo}/issues/${number}`).reply(status, { message: "mocked" });
}

export function mockIssueEvents(owner: string, repo: string, number: number, events: unknown[] = []): nock.Scope {
  return nock(API).get(`/repos/${owner}/${repo}/issues/${number}/events`).query(true).reply(200, events);
}

export function mockListComments(owner: string, repo: string, number: number, comments: unknown[] = []): nock.Scope {
  return nock(API).get(`/repos/${owner}/${repo}/issues/${number}/comments`).query(true).reply(200, comments);
}

/** Records every created comment body in `sink`; answers with an id. */
export function mockCreateComment(owner: string, repo: string, number: number, sink: string[] = [], id = 9_000_001): nock.Scope {
  return nock(API)
    .post(`/repos/${owner}/${repo}/issues/${number}/comments`)
    .reply(201, (_uri, body) => {
      const text = (body as { body: string }).body;
      sink.push(text);
      return { id, body: text, user: { login: "mltriage[bot]", type: "Bot" } };
    });
}

export function mockUpdateComment(owner: string, repo: string, commentId: number, sink: string[] = []): nock.Scope {
  return nock(API)
    .patch(`/repos/${owner}/${repo}/issues/comments/${commentId}`)
    .reply(200, (_uri, body) => {
      const text = (body as { body: string }).body;
      sink.push(text);
      return { id: commentId, body: text, user: { login: "mltriage[bot]", type: "Bot" } };
    });
}

export function mockListRepoLabels(owner: string, repo: string, labels: Array<{ name: string }> = []): nock.Scope {
  return nock(API).get(`/repos/${owner}/${repo}/labels`).query(true).reply(200, labels);
}

export function mockCreateLabel(owner: string, repo: string, sink: string[] = []): nock.Scope {
  return nock(API)
    .post(`/repos/${owner}/${repo}/labels`)
    .reply(201, (_uri, body) => {
      sink.push((body as { name: string }).name);
      return body as Record<string, unknown>;
    });
}

export function mockAddLabels(owner: string, repo: string, number: number, sink: string[][] = []): nock.Scope {
  return nock(API)
    .post(`/repos/${owner}/${repo}/issues/${number}/labels`)
    .reply(200, (_uri, body) => {
      const labels = (body as { labels: string[] }).labels;
      sink.push(labels);
      return labels.map((name) => ({ name }));
    });
}

export function mockRemoveLabel(owner: string, repo: string, number: number, label: string): nock.Scope {
  return nock(API).delete(`/repos/${owner}/${repo}/issues/${number}/labels/${encodeURIComponent(label)}`).reply(200, []);
}
