/** GuardDuty trusted IP lists and threat lists: list files, uploads, and the administrator's lists in every region. */
export * from "./list-files";
export * from "./list-uploads";
export * from "./regional-lists";
export * from "./trusted-ip-lists";
export * from "./threat-intel-sets";
export * from "./guardduty-lists";
