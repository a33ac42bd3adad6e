import { accessLoggingProblems, lifecycleProblems, objectLockProblems, resolveLifecycle } from "../../modules/export/bucket-settings";

describe("lifecycle", () => {
  it("defaults to GLACIER_IR at 90 days, expiry at 730, noncurrent versions 30 days, no short retention", () => {
    expect(resolveLifecycle(undefined)).toEqual({
      transitionToGlacierDays: 90, transitionStorageClass: "GLACIER_IR", expirationDays: 730,
      noncurrentVersionExpirationDays: 30, allowExpirationUnder365Days: false,
    });
  });

  it("keeps the defaults valid", () => {
    expect(lifecycleProblems("lifecycle", undefined)).toEqual([]);
  });

  it("accepts exactly a year", () => {
    expect(lifecycleProblems("lifecycle", { expirationDays: 365 })).toEqual([]);
  });

  it("fails on an expiry under a year, unless explicitly allowed", () => {
    expect(lifecycleProblems("lifecycle", { expirationDays: 364 })).toEqual([
      "lifecycle.expirationDays must be at least 365 (findings are kept a year), or set lifecycle.allowExpirationUnder365Days: true; got 364",
    ]);
    expect(lifecycleProblems("lifecycle", { expirationDays: 180, transitionToGlacierDays: 30, allowExpirationUnder365Days: true })).toEqual([]);
  });

  it("fails on non-integer or out-of-range days", () => {
    expect(lifecycleProblems("lifecycle", { transitionToGlacierDays: 1.5, noncurrentVersionExpirationDays: 0 })).toEqual([
      "lifecycle.transitionToGlacierDays must be an integer between 1 and 36500; got 1.5",
      "lifecycle.noncurrentVersionExpirationDays must be an integer between 1 and 36500; got 0",
    ]);
  });
});

describe("access logging and Object Lock", () => {
  it("accepts no access logging and a valid target", () => {
    expect(accessLoggingProblems("accessLogging", "findings", undefined)).toEqual([]);
    expect(accessLoggingProblems("accessLogging", "findings", { targetBucket: "access-logs", targetPrefix: "findings/" })).toEqual([]);
  });

  it("fails on an invalid target bucket name", () => {
    expect(accessLoggingProblems("accessLogging", "findings", { targetBucket: "Access_Logs" })[0])
      .toMatch(/^accessLogging\.targetBucket may contain only lowercase letters/);
  });

  it("fails on a target prefix with a wildcard", () => {
    expect(accessLoggingProblems("accessLogging", "findings", { targetBucket: "access-logs", targetPrefix: "a*/" })[0])
      .toMatch(/^accessLogging\.targetPrefix may contain only letters/);
  });

  it("accepts both Object Lock modes", () => {
    expect(objectLockProblems("objectLock", { mode: "GOVERNANCE", retentionDays: 365 })).toEqual([]);
    expect(objectLockProblems("objectLock", { mode: "COMPLIANCE", retentionDays: 1 })).toEqual([]);
  });
});
