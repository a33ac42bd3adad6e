/** GuardDuty findings export: bucket, key, policies, publishing destinations, SIEM reader and queue. */
export * from "./bucket-policy";
export * from "./bucket-settings";
export * from "./findings-bucket";
export * from "./findings-export";
export * from "./findings-key";
export * from "./key-policy";
export * from "./names";
export * from "./notification-queue";
export * from "./policy-document";
export * from "./queue-policy";
export * from "./reader-policy";
export * from "./secops-outputs";
export * from "./siem-reader";
export * from "./siem-reader-access";
