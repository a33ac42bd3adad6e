/**
 * Validation of construct props, one way for every construct in this library (README, "Development").
 *
 * A construct checks all its props in its constructor, before it creates anything, on one {@link PropProblems}
 * collector owned by the construct, and throws once:
 *
 * ```ts
 * const p = new PropProblems(this);
 * p.add(providerInStackProblems(this, props.provider));            // topology.ts
 * p.add(regionsProblems("regions", props.regions));                // the `...Problems` functions below
 * p.check("retentionDays", days, Token.isUnresolved(days) || (days >= 1 && days <= 14), "an integer from 1 to 14");
 * p.add("members", id, "distinct accounts", `members must not repeat an account; got ${id} twice`); // own wording
 * p.throwIfAny();
 * ```
 *
 * - Each problem names the prop path (`members[0].accountId`, `slack[key].workspaceName`), the value received and
 *   what is allowed; `check` words it `<path> must be <allowed>; got <value>`. Unresolved tokens pass (or are refused
 *   with their own message where a literal is needed, e.g. a for_each key).
 * - A reusable rule is a function returning `PropProblem[]` (`regionsProblems`, `accountIdPropProblems`,
 *   `oneOfPropProblems`, `providerInStackProblems`, `adoptionProblems`), never a function that throws; `capture`
 *   collects a throw-first check where one remains.
 * - The error is a {@link PropsError}: `problems` for programs, and the message `<Class> "<path>" has N invalid
 *   propert(y|ies):` with one ` - message` line per problem. A construct made of others (GuardDutyOrganization)
 *   checks up front the props it passes on, so that its parts do not fail one after the other.
 * - Older wordings ride on the same collector: `addMessages` takes the export's `...Problems` strings, `addIssues`
 *   the notifications' issues, and the `format` option keeps FindingNotifications' own header.
 * - Not collected: a scope or provider of the other CDK runtime (`assertSameRuntime`), refused at once.
 * - Messages pinned by tests keep their wording when a check moves here; add a test that two bad props at once are
 *   both reported (test/topology/props-error.ts `expectAllReported`).
 */
import { Token } from "cdktf";
import { IConstruct } from "constructs";
import { isKnownRegion } from "../topology/regions";

/** One problem of a construct's props: where, what was received, what is allowed, and the message shown. */
export interface PropProblem {
  /** Prop path, e.g. `regions` or `detectors[0].region`. */
  readonly path: string;
  /** The value received (tokens are reported as such). */
  readonly value: unknown;
  /** What is allowed, e.g. `a 12-digit AWS account ID`. */
  readonly allowed: string;
  /** The full message, naming the path, the value and what is allowed. */
  readonly message: string;
}

/**
 * The error a construct throws for invalid props: `problems` lists every problem at once. Its message is the
 * single problem's message when there is one and the collector has no owner, else `<owner> has N invalid
 * properties:` followed by one ` - message` line per problem.
 */
export class PropsError extends Error {
  constructor(public readonly problems: readonly PropProblem[], message: string) {
    super(message);
    this.name = "PropsError";
  }
}

const show = (v: unknown): string => (typeof v === "string" ? `"${v}"` : JSON.stringify(v) ?? String(v));

/**
 * Collects the problems of a construct's props, so that one error reports them all (prop path, value received,
 * what is allowed), then throws once with {@link PropProblems.throwIfAny}.
 *
 * ```ts
 * const p = new PropProblems(this);                 // owner: the construct (or a name, or none)
 * p.check("retentionDays", props.retentionDays, props.retentionDays > 0, "a positive number");
 * p.add(regionsProblems("regions", props.regions)); // problems from a `...Problems` function
 * p.capture(() => someThrowFirstCheck());           // a throw-first check, collected
 * p.throwIfAny();
 * ```
 * With a construct owner the message always starts `<Class> "<path>" has N invalid propert(y|ies):` (every
 * construct); with no owner a single problem throws exactly its own message (a plain function's check, e.g.
 * `adoptByRegion`).
 */
export class PropProblems {
  private readonly list: PropProblem[] = [];

  /**
   * @param owner the construct (or a name) the header names; none for bare messages
   * @param options.format builds the error message from all problems (a module keeping its own wording)
   */
  constructor(
    private readonly owner?: IConstruct | string,
    private readonly options: { readonly format?: (problems: readonly PropProblem[]) => string } = {},
  ) {}

  /** The problems so far. */
  get problems(): readonly PropProblem[] {
    return this.list;
  }

  /**
   * Records a problem unless `ok`; message `<path> must be <allowed>; got <value>`. Tokens should be skipped by
   * the caller (`ok` true). Returns `ok`.
   */
  check(path: string, value: unknown, ok: boolean, allowed: string): boolean {
    if (!ok) this.add(path, value, allowed);
    return ok;
  }

  /** Adds problems, or one problem given as parts (`message` defaults to the `check` wording). */
  add(problems: PropProblem | readonly PropProblem[]): this;
  add(path: string, value: unknown, allowed: string, message?: string): this;
  add(a: string | PropProblem | readonly PropProblem[], value?: unknown, allowed?: string, message?: string): this {
    if (typeof a === "string") {
      this.list.push({ path: a, value, allowed: allowed ?? "", message: message ?? `${a} must be ${allowed}; got ${show(value)}` });
    } else if (Array.isArray(a)) this.list.push(...(a as readonly PropProblem[]));
    else this.list.push(a as PropProblem);
    return this;
  }

  /** Adds messages that carry their own path (legacy `...Problems` strings); path is the message's first word. */
  addMessages(messages: readonly string[]): this {
    for (const m of messages) this.list.push({ path: m.split(/\s/, 1)[0], value: undefined, allowed: "", message: m });
    return this;
  }

  /** Adds problems whose path is a list of keys and indexes (`["channels", "email", 0]` -> `channels.email[0]`). */
  addIssues(issues: readonly { readonly path: readonly (string | number)[]; readonly message: string; readonly value?: unknown }[]): this {
    for (const i of issues) {
      const path = i.path.map((k, n) => (typeof k === "number" ? `[${k}]` : n === 0 ? k : `.${k}`)).join("");
      this.list.push({ path, value: i.value, allowed: "", message: i.message });
    }
    return this;
  }

  /** Runs a throw-first check and records its error's message instead of throwing. */
  capture(check: () => void): this {
    try {
      check();
    } catch (e) {
      if (e instanceof PropsError) this.add(e.problems);
      else if (e instanceof Error) this.addMessages([e.message]);
      else throw e;
    }
    return this;
  }

  /** Throws a {@link PropsError} listing every problem; does nothing when there is none. */
  throwIfAny(): void {
    const n = this.list.length;
    if (n === 0) return;
    if (this.options.format) throw new PropsError(this.list, this.options.format(this.list));
    if (n === 1 && this.owner === undefined) throw new PropsError(this.list, this.list[0].message);
    const what = this.owner === undefined ? "props" : typeof this.owner === "string" ? this.owner
      : `${this.owner.constructor.name} "${this.owner.node.path}"`;
    const lines = this.list.map((p) => p.message);
    throw new PropsError(this.list, `${what} has ${n} invalid propert${n === 1 ? "y" : "ies"}:\n - ${lines.join("\n - ")}`);
  }
}

function problem(path: string, value: unknown, allowed: string, message: string): PropProblem {
  return { path, value, allowed, message };
}

/** Problems of `value` unless it is one of `allowed` (tokens pass): `<path> must be one of A, B; got "x"`. */
export function oneOfPropProblems(path: string, value: string, allowed: readonly string[]): PropProblem[] {
  if (Token.isUnresolved(value) || allowed.includes(value)) return [];
  const what = `one of ${allowed.join(", ")}`;
  return [problem(path, value, what, `${path} must be ${what}; got ${show(value)}`)];
}

/** Problems of `region` unless it is a known AWS region code (tokens pass): `<path> must be a known AWS region code; got "x"`. */
export function knownRegionProblems(path: string, region: string): PropProblem[] {
  if (Token.isUnresolved(region) || isKnownRegion(region)) return [];
  return [problem(path, region, "a known AWS region code", `${path} must be a known AWS region code; got ${show(region)}`)];
}

/** Problems of `regions` unless it is a non-empty list of known, distinct, literal region codes. */
export function regionsProblems(prop: string, regions: readonly string[]): PropProblem[] {
  if (regions.length === 0) return [problem(prop, [], "at least one region", `${prop} must list at least one region; got []`)];
  const out: PropProblem[] = [];
  const seen = new Set<string>();
  for (const r of regions) {
    if (Token.isUnresolved(r)) {
      out.push(problem(prop, r, "literal region codes", `${prop} must be literal region codes (they name Terraform addresses); got a token`));
    } else if (!isKnownRegion(r)) {
      out.push(problem(prop, r, "known AWS region codes", `${prop} must contain known AWS region codes (e.g. eu-west-1); got "${r}"`));
    } else if (seen.has(r)) {
      out.push(problem(prop, r, "distinct regions", `${prop} must not repeat a region; got "${r}" twice`));
    }
    seen.add(r);
  }
  return out;
}

/** Problems of `value` unless it is a 12-digit account ID (tokens pass). */
export function accountIdPropProblems(prop: string, value: string): PropProblem[] {
  if (Token.isUnresolved(value) || /^\d{12}$/.test(value)) return [];
  return [problem(prop, value, "a 12-digit AWS account ID", `${prop} must be a 12-digit AWS account ID; got "${value}"`)];
}

/**
 * Problems of `accountIds` unless every ID is a literal 12-digit account ID (it names Terraform addresses and is
 * written into for_each expressions), listed once.
 */
export function literalAccountsProblems(prop: string, accountIds: readonly string[]): PropProblem[] {
  const out: PropProblem[] = [];
  const seen = new Set<string>();
  for (const id of accountIds) {
    if (Token.isUnresolved(id)) {
      out.push(problem(`${prop}[].accountId`, id, "a literal account ID", `${prop}[].accountId must be a literal account ID (it names Terraform addresses); got a token`));
      continue;
    }
    out.push(...accountIdPropProblems(`${prop}[].accountId`, id));
    if (seen.has(id)) out.push(problem(prop, id, "distinct accounts", `${prop} must not repeat an account; got ${id} twice`));
    seen.add(id);
  }
  return out;
}

