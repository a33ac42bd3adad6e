import { readPath, renderInputTransformer } from "../../modules/review/input-transformer";
import { sampleFindingEvent } from "../../modules/review/event-pattern";

test("reads EventBridge input paths", () => {
  const e = sampleFindingEvent(7.5);
  expect(readPath(e, "$.detail.severity")).toBe(7.5);
  expect(readPath(e, "$.detail.service.count")).toBe(1);
  expect(readPath({ a: [{ b: 2 }] }, "$.a[0].b")).toBe(2);
  expect(readPath(e, "$.detail.nothing.here")).toBeUndefined();
});

test("a placeholder inside quotes gets the raw value, a bare one gets JSON", () => {
  const e = sampleFindingEvent(5, { description: 'He said "hi"' });
  const inside = renderInputTransformer({ inputPaths: { d: "$.detail.description" }, inputTemplate: '"Description: <d>"' }, e);
  expect(inside).toBe('"Description: He said "hi""');
  expect(() => JSON.parse(inside)).toThrow();
  const bare = renderInputTransformer({ inputPaths: { d: "$.detail.description" }, inputTemplate: '{"description": <d>}' }, e);
  expect(JSON.parse(bare)).toEqual({ description: 'He said "hi"' });
});

test("predefined variables and unknown placeholders", () => {
  const out = renderInputTransformer({ inputTemplate: '"<aws.events.rule-name> <unknown>"' }, sampleFindingEvent(5));
  expect(out).toBe('"guardduty-findings <unknown>"');
});
