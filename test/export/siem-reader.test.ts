import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamUser } from "@cdktf/provider-aws/lib/iam-user";
import { TerraformOutput } from "cdktf";
import { googleFederationTrustPolicy } from "../../modules/export/reader-policy";
import { SiemReader, SiemReaderIdentity } from "../../modules/export/siem-reader";
import { addresses, resources } from "../helpers";
import { SUBJECT_ID } from "./fixtures";
import { exportStack } from "./stack";

function synthReader(identity: SiemReaderIdentity, tags?: Record<string, string>) {
  const { stack, logArchive, synth } = exportStack();
  const reader = new SiemReader(stack, "Reader", { provider: logArchive, identity, tags });
  new TerraformOutput(stack, "principal_arn", { value: reader.principalArn, staticId: true });
  new TerraformOutput(stack, "principal_name", { value: reader.principalName, staticId: true });
  return { reader, doc: synth() };
}

describe("Google identity federation", () => {
  const { reader, doc } = synthReader({ type: "google-federation", subjectId: SUBJECT_ID });
  const role = resources(doc, IamRole).reader_role;

  it("creates only the role, named guardduty-findings-secops-reader by default", () => {
    expect(addresses(doc)).toEqual(["aws_iam_role.reader_role"]);
    expect(role.name).toBe("guardduty-findings-secops-reader");
    expect(role.provider).toBe("aws.log-archive");
  });

  it("trusts accounts.google.com for the feed's subject only", () => {
    expect(JSON.parse(role.assume_role_policy)).toEqual(googleFederationTrustPolicy(SUBJECT_ID));
  });

  it("allows one-hour sessions by default", () => {
    expect(role.max_session_duration).toBe(3600);
  });

  it("exposes the role ARN as the principal and no user", () => {
    expect(doc.output?.principal_arn.value).toBe("${aws_iam_role.reader_role.arn}");
    expect(doc.output?.principal_name.value).toBe("${aws_iam_role.reader_role.name}");
    expect(reader.user).toBeUndefined();
  });

  it("takes a custom role name, session length and tags", () => {
    const custom = synthReader({ type: "google-federation", subjectId: SUBJECT_ID, roleName: "secops", maxSessionDurationSeconds: 7200 }, { team: "soc" }).doc;
    expect(resources(custom, IamRole).reader_role).toMatchObject({ name: "secops", max_session_duration: 7200, tags: { team: "soc" } });
  });
});

describe("IAM user for key-based feeds", () => {
  const { reader, doc } = synthReader({ type: "iam-user", userName: "secops-feed" });

  it("creates the user, never an access key", () => {
    expect(addresses(doc)).toEqual(["aws_iam_user.reader_user"]);
    expect(resources(doc, IamUser).reader_user).toMatchObject({ name: "secops-feed", force_destroy: false });
    expect(doc.output?.principal_arn.value).toBe("${aws_iam_user.reader_user.arn}");
    expect(reader.role).toBeUndefined();
  });
});

describe("refusals", () => {
  const build = (identity: SiemReaderIdentity) => () => synthReader(identity);

  it("fails on a subject ID that is not numeric", () => {
    expect(build({ type: "google-federation", subjectId: "chronicle@example.iam.gserviceaccount.com" }))
      .toThrow(/identity\.subjectId must be the numeric subject ID shown in the Google SecOps feed form \(digits only\)/);
  });

  it("fails on an invalid role name", () => {
    expect(build({ type: "google-federation", subjectId: SUBJECT_ID, roleName: "secops reader" }))
      .toThrow(/identity\.roleName must be 1 to 64 characters of letters, digits and \+ = , \. @ _ -; got "secops reader"/);
  });

  it("fails on a session shorter than an hour", () => {
    expect(build({ type: "google-federation", subjectId: SUBJECT_ID, maxSessionDurationSeconds: 900 }))
      .toThrow(/identity\.maxSessionDurationSeconds must be an integer between 3600 and 43200; got 900/);
  });

  it("fails on an invalid user name", () => {
    expect(build({ type: "iam-user", userName: "" })).toThrow(/identity\.userName must be 1 to 64 characters/);
  });

  it("fails on an unknown reader type", () => {
    expect(build({ type: "access-key" } as never)).toThrow(/identity\.type must be one of google-federation, iam-user; got "access-key"/);
  });
});
