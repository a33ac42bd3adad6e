import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { App, TerraformStack, Token } from "cdktf";
import { Construct } from "constructs";
import {
  accountIdProblems, homeRegionProblems, integerProblems, isKnown, oneOfProblems, providerProblems, regionProblems, throwIfProblems, whenKnown,
} from "../../modules/export/validate";
import { testStack } from "../helpers";

describe("tokens", () => {
  const token = Token.asString({ Ref: "x" });
  const numberToken = Token.asNumber({ Ref: "n" });

  it("skips tokens in every rule", () => {
    expect(isKnown(token)).toBe(false);
    expect(isKnown("eu-west-1")).toBe(true);
    expect(accountIdProblems("accountId", token)).toEqual([]);
    expect(integerProblems("days", numberToken, 1, 10)).toEqual([]);
    expect(oneOfProblems("mode", token, ["A"])).toEqual([]);
    expect(whenKnown(token, () => ["never"])).toEqual([]);
    expect(whenKnown(undefined, () => ["never"])).toEqual([]);
  });

  it("fails on a region that is a token: it is a for_each key and spliced into policies", () => {
    expect(regionProblems("region", "aws", token)[0]).toMatch(/^region must be a plain region code, not a token/);
  });
});

describe("regions", () => {
  it("accepts a default region of the partition", () => {
    expect(homeRegionProblems("homeRegion", "aws", "eu-west-1")).toEqual([]);
    expect(homeRegionProblems("homeRegion", "aws-us-gov", "us-gov-west-1")).toEqual([]);
  });

  it("fails on an opt-in home region, naming why", () => {
    expect(homeRegionProblems("homeRegion", "aws", "ap-east-1")).toEqual([
      'homeRegion must be a region enabled by default, not the opt-in region "ap-east-1": GuardDuty cannot export findings of other regions to a bucket in an opt-in region',
    ]);
  });
});

describe("providers and errors", () => {
  it("accepts a provider of the construct's stack and refuses another stack's", () => {
    const { stack, provider } = testStack();
    const scope = new Construct(stack, "Scope");
    expect(providerProblems(scope, "provider", provider)).toEqual([]);
    const other = new TerraformStack(new App(), "elsewhere");
    const foreign = new AwsProvider(other, "aws", { region: "eu-west-1" });
    expect(providerProblems(scope, "provider", foreign)).toEqual([
      'provider must be a provider of stack "test"; got provider "elsewhere/aws" of stack "elsewhere"',
    ]);
  });

  it("throws every problem at once, naming the construct", () => {
    const { stack } = testStack();
    const scope = new Construct(stack, "Export");
    expect(() => throwIfProblems(scope, ["a is wrong", "b is wrong"])).toThrow('Construct "test/Export" has 2 invalid properties:\n - a is wrong\n - b is wrong');
    expect(() => throwIfProblems(scope, [])).not.toThrow();
  });
});
