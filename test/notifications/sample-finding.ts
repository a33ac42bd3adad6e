import { ACCOUNTS } from "../helpers";

/** What a test finding varies. */
export interface SampleFinding {
  readonly region?: string;
  readonly severity?: number;
  readonly type?: string;
  readonly accountId?: string;
  readonly title?: string;
  readonly description?: string;
  /** true marks a sample (CreateSampleFindings); false or undefined a real finding; "absent" drops additionalInfo.sample. */
  readonly sample?: boolean | "absent";
}

/**
 * A GuardDuty finding event as EventBridge delivers it to the administrator account (shape from the GuardDuty user
 * guide, trimmed to what notifications read plus the usual neighbours).
 */
export function findingEvent(f: SampleFinding = {}): Record<string, unknown> {
  const region = f.region ?? "eu-west-1";
  const additionalInfo: Record<string, unknown> = { value: "{}", type: "default" };
  if (f.sample !== "absent" && f.sample !== undefined) additionalInfo.sample = f.sample;
  return {
    version: "0",
    id: "c8c4daa7-a20c-2f03-0070-b7393dd542ad",
    "detail-type": "GuardDuty Finding",
    source: "aws.guardduty",
    account: ACCOUNTS.security,
    time: "2026-03-01T12:00:00Z",
    region,
    resources: [],
    detail: {
      schemaVersion: "2.0",
      accountId: f.accountId ?? ACCOUNTS.invited,
      region,
      partition: "aws",
      id: "76b8a3f4bd1a2c6e9f0a1b2c3d4e5f60",
      arn: `arn:aws:guardduty:${region}:${ACCOUNTS.invited}:detector/12abc34d567e8fa901bc2d34e56789f0/finding/76b8a3f4bd1a2c6e9f0a1b2c3d4e5f60`,
      type: f.type ?? "UnauthorizedAccess:EC2/SSHBruteForce",
      resource: { resourceType: "Instance", instanceDetails: { instanceId: "i-99999999" } },
      service: {
        serviceName: "guardduty",
        detectorId: "12abc34d567e8fa901bc2d34e56789f0",
        action: { actionType: "NETWORK_CONNECTION" },
        additionalInfo,
        count: 3,
        archived: false,
      },
      severity: f.severity ?? 8,
      createdAt: "2026-03-01T11:55:02.123Z",
      updatedAt: "2026-03-01T11:58:41.456Z",
      title: f.title ?? "198.51.100.7 is performing SSH brute force attacks against i-99999999.",
      description: f.description ?? "198.51.100.7 is performing SSH brute force attacks against i-99999999. Brute force attacks are used to gain unauthorized access to your instance by guessing the SSH password.",
    },
  };
}

/** Severities 1.0 to 10.0 in steps of 0.1, exact to one decimal. */
export const ALL_SEVERITIES: readonly number[] = Array.from({ length: 91 }, (_, i) => Math.round((1 + i / 10) * 10) / 10);
