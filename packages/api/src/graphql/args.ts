/**
 * GraphQL sends an omitted optional argument as absent and an explicit `null` as null; the zod inputs of
 * `schemas/` (which every argument is parsed with, exactly as tRPC parses it) take absent for "not given".
 * So nulls are dropped before parsing: `null` means "not given", as it does on tRPC's nullish fields.
 */
export function given(args: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(args).filter(([, value]) => value !== null && value !== undefined),
  );
}
