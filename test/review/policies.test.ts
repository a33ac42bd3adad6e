import { describeStatement, interpolations, parsePolicy, principals } from "../../modules/review/policies";

test("parses a policy string whose interpolations contain quotes", () => {
  const ref = '${aws_guardduty_detector.admin["eu-west-1"].arn}';
  const text = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"guardduty.amazonaws.com"},"Action":"s3:PutObject","Resource":"arn:aws:s3:::b/*","Condition":{"StringEquals":{"aws:SourceArn":["${ref}"]}}}]}`;
  expect(() => JSON.parse(text)).toThrow();
  const doc = parsePolicy(text);
  expect(doc.Statement[0].Condition!.StringEquals["aws:SourceArn"]).toEqual([ref]);
});

test("finds nested interpolations", () => {
  expect(interpolations('a ${x[${y}]} b ${z["}"]} c').length).toBe(2);
});

test("describes a statement in one line", () => {
  expect(describeStatement({
    Effect: "Deny", Principal: "*", Action: "s3:*", Resource: ["arn:aws:s3:::b", "arn:aws:s3:::b/*"],
    Condition: { Bool: { "aws:SecureTransport": "false" } },
  })).toBe("Deny anyone (*): s3:* on arn:aws:s3:::b, arn:aws:s3:::b/* if aws:SecureTransport Bool false");
  expect(principals({ AWS: ["arn:aws:iam::1:root"], Service: "guardduty.amazonaws.com" }))
    .toEqual(["AWS arn:aws:iam::1:root", "service guardduty.amazonaws.com"]);
});
