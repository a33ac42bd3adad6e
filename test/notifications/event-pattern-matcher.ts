/**
 * A small EventBridge event-pattern matcher for the operators this module emits: exact values (strings, numbers,
 * booleans, null), `numeric`, `prefix`, `exists`, `anything-but` and `$or`. Any other operator throws, so a pattern
 * the matcher cannot judge fails its test instead of passing by accident.
 *
 * Semantics as in the EventBridge user guide: fields of a pattern are ANDed, values in a field's array are ORed, an
 * array in the event matches when any element does, a field absent from the event matches only `exists: false`.
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function matches(pattern: unknown, event: unknown): boolean {
  return matchObject(pattern as Record<string, unknown>, event);
}

function matchObject(pattern: Record<string, unknown>, value: unknown): boolean {
  const obj = value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  for (const [key, rule] of Object.entries(pattern)) {
    if (key === "$or") {
      if (!(rule as unknown[]).some((branch) => matchObject(branch as Record<string, unknown>, value))) return false;
      continue;
    }
    const present = obj !== undefined && Object.prototype.hasOwnProperty.call(obj, key);
    const v = present ? obj![key] : undefined;
    if (Array.isArray(rule)) {
      if (!matchLeaf(rule, v as Json, present)) return false;
    } else if (rule !== null && typeof rule === "object") {
      if (!matchObject(rule as Record<string, unknown>, v)) return false;
    } else {
      throw new Error(`pattern field ${key} must be an array or an object; got ${JSON.stringify(rule)}`);
    }
  }
  return true;
}

function matchLeaf(alternatives: unknown[], value: Json | undefined, present: boolean): boolean {
  const values: Json[] = Array.isArray(value) ? value : present ? [value as Json] : [];
  return alternatives.some((alt) => {
    if (alt !== null && typeof alt === "object") {
      const op = alt as Record<string, unknown>;
      const [name] = Object.keys(op);
      switch (name) {
        case "exists":
          return op.exists === present;
        case "numeric":
          return values.some((v) => typeof v === "number" && numeric(op.numeric as unknown[], v));
        case "prefix":
          return values.some((v) => typeof v === "string" && v.startsWith(op.prefix as string));
        case "anything-but": {
          const excluded = ([] as unknown[]).concat(op["anything-but"]);
          return present && values.every((v) => !excluded.includes(v));
        }
        default:
          throw new Error(`operator ${JSON.stringify(alt)} is not supported by this matcher`);
      }
    }
    return values.some((v) => v === alt);
  });
}

function numeric(conditions: unknown[], v: number): boolean {
  for (let i = 0; i < conditions.length; i += 2) {
    const [op, bound] = [conditions[i] as string, conditions[i + 1] as number];
    const ok = op === ">=" ? v >= bound : op === ">" ? v > bound : op === "<=" ? v <= bound : op === "<" ? v < bound : op === "=" ? v === bound : undefined;
    if (ok === undefined) throw new Error(`numeric operator ${op} is not supported by this matcher`);
    if (!ok) return false;
  }
  return true;
}
