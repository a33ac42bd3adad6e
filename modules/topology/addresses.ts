import { TerraformElement, TerraformStack } from "cdktf";

/**
 * Turns a construct id into a Terraform name part: `AdminDetector` -> `admin_detector`, `eu-west-1` -> `eu_west_1`.
 */
export function snakeName(id: string): string {
  return id
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .replace(/[^A-Za-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .toLowerCase();
}

/** The address of a resource block, `type.name` (no instance key): what `moved`, `import` and `removed` blocks name. */
export function resourceAddress(resource: { readonly terraformResourceType: string; readonly friendlyUniqueId: string }): string {
  return `${resource.terraformResourceType}.${resource.friendlyUniqueId}`;
}

/**
 * Gives a Terraform element a readable, stable address: its construct path below the stack in snake case,
 * without cdktf's hash suffix (`Estate/Organization/AdminDetector` -> `estate_organization_admin_detector`).
 * Construct paths are unique, so the names are too. Call it on a new element, before anything references it.
 *
 * @example const detector = named(new GuarddutyDetector(this, "AdminDetector", { ... }));
 */
export function named<T extends TerraformElement>(element: T): T {
  const stack = TerraformStack.of(element);
  const scopes = element.node.scopes;
  const below = scopes.slice(scopes.indexOf(stack) + 1).map((c) => snakeName(c.node.id));
  element.overrideLogicalId(below.join("_"));
  return element;
}
