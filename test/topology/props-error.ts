import { App, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { PropsError } from "../../modules/topology/validation";

/** The {@link PropsError} `build` throws; fails the test when it throws nothing or another error. */
export function propsError(build: () => unknown): PropsError {
  try {
    build();
  } catch (e) {
    expect(e).toBeInstanceOf(PropsError);
    return e as PropsError;
  }
  throw new Error("expected a PropsError; nothing was thrown");
}

/**
 * Expects `build` to report every problem at once, in order: one PropsError whose problems have these paths and whose
 * message is `<owner> has N invalid properties:` and one ` - message` line per problem.
 */
export function expectAllReported(build: () => unknown, owner: string, problems: readonly (readonly [path: string, message: string])[]): PropsError {
  const e = propsError(build);
  expect(e.problems.map((p) => [p.path, p.message])).toEqual(problems);
  expect(e.message).toBe(`${owner} has ${problems.length} invalid properties:\n - ${problems.map(([, m]) => m).join("\n - ")}`);
  return e;
}

/** A provider of another stack ("other") of `app`: constructs refuse it. */
export function foreignProvider(app: App, alias = "foreign"): AwsProvider {
  return new AwsProvider(new TerraformStack(app, "other"), alias, { region: "eu-west-1", alias });
}
