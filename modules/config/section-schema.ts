/**
 * Building blocks of the estate file's optional sections (`export`, `s3MalwareProtection`): strict objects whose
 * messages name the section, and strings checked by a module's `...Problems` rules, so that a section and its
 * construct refuse the same values with the same words. Not re-exported by the package index.
 */
import { z } from "zod";

/** A value as a message shows it: JSON, or `nothing`. */
export const show = (value: unknown): string => (value === undefined ? "nothing" : JSON.stringify(value));

/** A strict object whose unknown keys are refused with the list of allowed keys. */
export function strict<T extends z.core.$ZodLooseShape>(name: string, shape: T) {
  const allowed = Object.keys(shape).join(", ");
  return z.strictObject(shape, {
    error: (iss) => {
      if (iss.code === "unrecognized_keys") return `${name} has unknown key(s) ${iss.keys.join(", ")}; allowed: ${allowed}`;
      if (iss.code === "invalid_type") return `${name} must be an object with keys ${allowed}; got ${show(iss.input)}`;
      return undefined;
    },
  });
}

/** A string checked by one of the `...Problems` rules (modules/export/names.ts, modules/malware-protection/names.ts). */
export function ruled(name: string, what: string, rule: (property: string, value: string) => string[]) {
  return z.string({ error: (iss) => `${name} must be ${what}; got ${show(iss.input)}` }).superRefine((value, ctx) => {
    for (const message of rule(name, value)) ctx.addIssue({ code: "custom", message });
  });
}
