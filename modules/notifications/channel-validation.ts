/**
 * Validation of the channels of a notifications estate, in the context of its partition, home region and account.
 * Returns every problem at once, each with its path and a message naming the value received and what is allowed.
 *
 * Pure functions, no cdktf import: unresolved tokens are recognized through `ValidationContext.isUnresolved`.
 */
import {
  accountIdIssue, channelNameIssue, emailIssue, findingTypePrefixIssue, headerNameIssue, lambdaArnIssue, parseArn,
  SECRET_SOURCES, secretReferenceIssue, slackChannelIdIssue, slackWorkspaceIdIssue, targetArnIssue, targetKindOf,
  TARGET_KINDS, teamsChannelIdIssue, uuidIssue, valuePrefixIssue, webhookEndpointIssue,
} from "./channel-checks";
import { CHIME_REFUSAL, ChannelFilter, Issue, NotificationChannels } from "./channels";
import { severityIssue } from "./severity";

/** What channel values are checked against. */
export interface ValidationContext {
  readonly partition: string;
  readonly homeRegion: string;
  /** Administrator account. @default - unknown (config files): checks that need it are skipped */
  readonly accountId?: string;
  /** True for a value not known before apply (a cdktf token): its checks are skipped. @default - strings with `${` */
  readonly isUnresolved?: (value: unknown) => boolean;
}

type Path = (string | number)[];
const q = (v: unknown) => JSON.stringify(v) ?? String(v);

/** A path as a property name: `["channels", "lambda", 0, "functionArn"]` -> `channels.lambda[0].functionArn`. */
export function propertyName(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}
const defaultUnresolved = (v: unknown) => typeof v === "string" && v.includes("${");

/** The channel kinds, in the order rules and targets are planned. */
export const CHANNEL_KINDS = ["email", "slack", "teams", "lambda", "webhooks", "targets"] as const;

/** Every problem of `channels`, with paths below `["channels"]`. */
export function channelIssues(channels: NotificationChannels, ctx: ValidationContext): Issue[] {
  const issues: Issue[] = [];
  const unresolved = ctx.isUnresolved ?? defaultUnresolved;
  const add = (path: Path, message: string | undefined) => {
    if (message) issues.push({ path: ["channels", ...path], message });
  };
  const name = (path: Path) => propertyName(["channels", ...path]);
  const check = (path: Path, value: unknown, fn: (v: string, property: string) => string | undefined) => {
    if (typeof value === "string" && unresolved(value)) return;
    if (typeof value !== "string") add(path, `${name(path)} must be a string; got ${q(value)}`);
    else add(path, fn(value, name(path)));
  };

  const raw = channels as Record<string, unknown>;
  if ("chime" in raw) add(["chime"], CHIME_REFUSAL);
  for (const key of Object.keys(raw)) {
    if (key !== "chime" && !(CHANNEL_KINDS as readonly string[]).includes(key)) {
      add([key], `channels.${key} is not a channel; allowed: ${CHANNEL_KINDS.join(", ")}; got ${q(key)}`);
    }
  }

  const filter = (path: Path, f: ChannelFilter) => {
    if (f.minSeverity !== undefined) add([...path, "minSeverity"], severityIssue(f.minSeverity, name([...path, "minSeverity"])));
    (f.findingTypePrefixes ?? []).forEach((p, i) => check([...path, "findingTypePrefixes", i], p, findingTypePrefixIssue));
    (f.accountIds ?? []).forEach((a, i) => check([...path, "accountIds", i], a, accountIdIssue));
  };
  const names = (kind: string, list: readonly { name: string }[] | undefined) => {
    const seen = new Set<string>();
    (list ?? []).forEach((c, i) => {
      check([kind, i, "name"], c.name, channelNameIssue);
      if (seen.has(c.name)) add([kind, i, "name"], `${name([kind, i, "name"])} must be unique among ${kind} channels; got ${q(c.name)} twice`);
      seen.add(c.name);
    });
  };

  if (channels.email) {
    const email = channels.email;
    filter(["email"], email);
    if (!email.addresses || email.addresses.length === 0) {
      add(["email", "addresses"], `channels.email.addresses must list at least one address; got ${q(email.addresses)}`);
    }
    const seen = new Set<string>();
    (email.addresses ?? []).forEach((a, i) => {
      check(["email", "addresses", i], a, emailIssue);
      if (seen.has(a.toLowerCase())) add(["email", "addresses", i], `channels.email.addresses must not repeat an address; got ${q(a)} twice`);
      seen.add(a.toLowerCase());
    });
  }

  const chat = [...(channels.slack ?? []), ...(channels.teams ?? [])];
  if (chat.length > 0 && ctx.partition !== "aws") {
    add([channels.slack?.length ? "slack" : "teams"],
      `slack and teams channels use AWS Chatbot, which this module supports only in the aws partition; use a webhook in ${q(ctx.partition)}`);
  }
  names("slack", channels.slack);
  (channels.slack ?? []).forEach((s, i) => {
    filter(["slack", i], s);
    check(["slack", i, "workspaceId"], s.workspaceId, slackWorkspaceIdIssue);
    check(["slack", i, "channelId"], s.channelId, slackChannelIdIssue);
  });
  names("teams", channels.teams);
  (channels.teams ?? []).forEach((t, i) => {
    filter(["teams", i], t);
    check(["teams", i, "tenantId"], t.tenantId, uuidIssue);
    check(["teams", i, "teamId"], t.teamId, uuidIssue);
    check(["teams", i, "channelId"], t.channelId, teamsChannelIdIssue);
  });

  names("lambda", channels.lambda);
  (channels.lambda ?? []).forEach((l, i) => {
    filter(["lambda", i], l);
    const path: Path = ["lambda", i, "functionArn"];
    if (channels.lambda!.findIndex((o) => o.functionArn === l.functionArn) !== i) {
      add(path, `${name(path)} must not repeat a function (it would be invoked twice per finding); got ${q(l.functionArn)} twice`);
    }
    check(path, l.functionArn, lambdaArnIssue);
    const arn = typeof l.functionArn === "string" && !unresolved(l.functionArn) ? parseArn(l.functionArn) : undefined;
    if (arn && !lambdaArnIssue(l.functionArn)) add(path, placementIssue(name(path), arn, ctx, "a Lambda function"));
  });

  names("webhooks", channels.webhooks);
  (channels.webhooks ?? []).forEach((w, i) => {
    filter(["webhooks", i], w);
    check(["webhooks", i, "endpoint"], w.endpoint, webhookEndpointIssue);
    if (w.httpMethod !== undefined && !["POST", "PUT", "PATCH"].includes(w.httpMethod)) {
      add(["webhooks", i, "httpMethod"], `${name(["webhooks", i, "httpMethod"])} must be POST, PUT or PATCH; got ${q(w.httpMethod)}`);
    }
    const rate = w.invocationRateLimitPerSecond;
    if (rate !== undefined && !unresolved(rate) && !(Number.isInteger(rate) && rate >= 1 && rate <= 300)) {
      add(["webhooks", i, "invocationRateLimitPerSecond"], `${name(["webhooks", i, "invocationRateLimitPerSecond"])} must be an integer from 1 to 300; got ${q(rate)}`);
    }
    secretHeaderIssues(w.secretHeader, ["webhooks", i, "secretHeader"], name, check, add);
  });

  names("targets", channels.targets);
  (channels.targets ?? []).forEach((t, i) => {
    filter(["targets", i], t);
    const path: Path = ["targets", i, "arn"];
    if (channels.targets!.findIndex((o) => o.arn === t.arn) !== i) {
      add(path, `${name(path)} must not repeat a target (it would receive every finding twice); got ${q(t.arn)} twice`);
    }
    if (t.kind !== undefined && !TARGET_KINDS.includes(t.kind)) {
      add(["targets", i, "kind"], `${name(["targets", i, "kind"])} must be one of ${TARGET_KINDS.join(", ")}; got ${q(t.kind)}`);
    }
    if (typeof t.arn === "string" && unresolved(t.arn)) {
      if (t.kind === undefined) add(["targets", i, "kind"], `${name(["targets", i, "kind"])} is required when the ARN is only known at apply time; allowed: ${TARGET_KINDS.join(", ")}`);
      return;
    }
    check(path, t.arn, targetArnIssue);
    const arn = typeof t.arn === "string" ? parseArn(t.arn) : undefined;
    const kind = arn && targetKindOf(arn);
    if (!arn || !kind) return;
    if (t.kind !== undefined && t.kind !== kind) {
      add(["targets", i, "kind"], `${name(["targets", i, "kind"])} must match the ARN, which designates a ${kind} target; got ${q(t.kind)}`);
    }
    if (kind === "eventbus") {
      if (arn.partition !== ctx.partition) add(path, `${name(path)} must be in partition ${ctx.partition}; got ${q(t.arn)}`);
    } else {
      add(path, placementIssue(name(path), arn, ctx, `a ${kind} target (send to an event bus to reach another account or region)`));
    }
  });
  return issues;
}

/** A resource an EventBridge rule of the home region calls directly must be in that region and account. */
function placementIssue(property: string, arn: { partition: string; region: string; accountId: string }, ctx: ValidationContext, what: string): string | undefined {
  if (arn.partition !== ctx.partition) return `${property} must be in partition ${ctx.partition}; got partition ${q(arn.partition)}`;
  if (arn.region !== ctx.homeRegion) {
    return `${property} must be in the home region ${ctx.homeRegion}, where the notification rules are, for ${what}; got region ${q(arn.region)}`;
  }
  if (ctx.accountId && !(ctx.isUnresolved ?? defaultUnresolved)(ctx.accountId) && arn.accountId !== ctx.accountId) {
    return `${property} must be in the administrator account ${ctx.accountId} for ${what}; got account ${q(arn.accountId)}`;
  }
  return undefined;
}

function secretHeaderIssues(
  header: unknown,
  path: Path,
  name: (path: Path) => string,
  check: (path: Path, value: unknown, fn: (v: string, property: string) => string | undefined) => void,
  add: (path: Path, message: string | undefined) => void,
): void {
  if (typeof header !== "object" || header === null) {
    add(path, `${name(path)} must say where the secret header value comes from (${SECRET_SOURCES.join(", ")}); got ${q(header)}`);
    return;
  }
  const h = header as Record<string, unknown>;
  for (const literal of ["value", "secret", "token", "headerValue"]) {
    if (literal in h) {
      add([...path, literal], `${name([...path, literal])} is refused: a secret is never written in the configuration; give one of ${SECRET_SOURCES.join(", ")} instead`);
    }
  }
  check([...path, "headerName"], h.headerName, headerNameIssue);
  if (h.valuePrefix !== undefined) check([...path, "valuePrefix"], h.valuePrefix, valuePrefixIssue);
  const given = SECRET_SOURCES.filter((s) => h[s] !== undefined);
  if (given.length !== 1) {
    add(path, `${name(path)} must set exactly one of ${SECRET_SOURCES.join(", ")}; got ${given.length === 0 ? "none" : given.join(" and ")}`);
  }
  for (const source of given) {
    check([...path, source], h[source], (v, property) => secretReferenceIssue(source, v, property));
  }
  if (h.secretsManagerJsonKey !== undefined && h.secretsManagerSecretId === undefined) {
    add([...path, "secretsManagerJsonKey"], `${name([...path, "secretsManagerJsonKey"])} needs secretsManagerSecretId; got ${q(h.secretsManagerJsonKey)} alone`);
  }
}
