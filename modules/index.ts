// Re-exports only. Provider classes are imported by each module from their submodules, never from the
// package root: loading this index stays cheap.
export * from "./config/estate-schema";
export * from "./config/estate-config";
export * from "./config/cross-checks";
export * from "./config/load";
export * from "./topology/regions";
export * from "./topology/addresses";
export * from "./topology/for-each";
export * from "./topology/import-block";
export * from "./topology/topology";
export * from "./topology/backend";
export * from "./topology/validation";
export * from "./organization/protection-plans";
export * from "./organization/administrator-detectors";
export * from "./organization/delegated-administrator";
export * from "./organization/organization-auto-enable";
export * from "./organization/invited-members";
export * from "./organization/member-feature-overrides";
export * from "./organization/guardduty-organization";
export * from "./estate/estate-topology";
export * from "./estate/guardduty-estate";
export * from "./estate/estate-stack";
export * from "./review/synthesized";
export * from "./review/summary";
