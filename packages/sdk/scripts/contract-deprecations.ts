/**
 * Deprecations travel from the zod schemas to the SDK's declarations: a field marked
 * `.meta({ deprecated: true, description })` (what zod 4's JSON Schema and OpenAPI generators read), or a
 * procedure whose tRPC meta says `deprecated`, shows in the contract snapshot as `deprecated`, and in the
 * published declarations as `@deprecated` JSDoc, so editors strike it through and say what to use instead.
 *
 * The checker prints zod's inferred types without comments, so the JSDoc is spliced into the printed type
 * text here, at the property signatures the deprecated field's path names. A path that cannot be found
 * fails the build: a deprecation never silently disappears from the declarations.
 */
import ts from 'typescript';
import type { ContractSnapshot, JsonSchema, JsonValue } from './contract-snapshot.ts';

export interface FieldDeprecation {
  /** Property names from the input or output's root; arrays and unions are looked through. */
  path: string[];
  message: string;
}

export interface ProcedureDeprecations {
  /** Set when the procedure itself is deprecated. */
  procedure?: string;
  input: FieldDeprecation[];
  output: FieldDeprecation[];
}

const DEFAULT_MESSAGE = 'kept for compatibility; see the CHANGELOG for what replaces it.';

function isSchema(value: JsonValue | undefined): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The deprecated fields of one JSON Schema, by property path. */
export function deprecatedFields(schema: JsonSchema | null): FieldDeprecation[] {
  const found = new Map<string, FieldDeprecation>();
  const visit = (node: JsonSchema, path: string[]) => {
    const properties = node.properties;
    if (isSchema(properties)) {
      for (const [name, property] of Object.entries(properties)) {
        if (!isSchema(property)) continue;
        const at = [...path, name];
        if (property.deprecated === true) {
          const message = typeof property.description === 'string' ? property.description : DEFAULT_MESSAGE;
          found.set(at.join('.'), { path: at, message });
        }
        visit(property, at);
      }
    }
    const items = node.items;
    if (isSchema(items)) visit(items, path);
    for (const key of ['anyOf', 'oneOf', 'allOf']) {
      const variants = node[key];
      if (Array.isArray(variants))
        for (const variant of variants) if (isSchema(variant)) visit(variant, path);
    }
  };
  if (schema) visit(schema, []);
  return [...found.values()];
}

/** Every procedure with something deprecated, by dotted path. */
export function deprecationsOf(snapshot: ContractSnapshot): Map<string, ProcedureDeprecations> {
  const byProcedure = new Map<string, ProcedureDeprecations>();
  for (const [path, procedure] of Object.entries(snapshot.procedures)) {
    const entry: ProcedureDeprecations = {
      ...(procedure.deprecated ? { procedure: procedure.deprecated } : {}),
      input: deprecatedFields(procedure.input),
      output: deprecatedFields(procedure.output),
    };
    if (entry.procedure || entry.input.length > 0 || entry.output.length > 0) byProcedure.set(path, entry);
  }
  return byProcedure;
}

/** `/** @deprecated message *\/`, safe for any message. */
export function deprecatedDoc(message: string): string {
  return `/** @deprecated ${message.replaceAll('*/', '*\\/').replaceAll('\n', ' ')} */`;
}

/** The property signatures named `name` in a type, looking through unions, arrays and parentheses. */
function membersNamed(node: ts.TypeNode, name: string, file: ts.SourceFile): ts.PropertySignature[] {
  if (ts.isTypeLiteralNode(node)) {
    return node.members.filter(
      (member): member is ts.PropertySignature =>
        ts.isPropertySignature(member) && propertyName(member.name, file) === name,
    );
  }
  if (ts.isUnionTypeNode(node) || ts.isIntersectionTypeNode(node)) {
    return node.types.flatMap((type) => membersNamed(type, name, file));
  }
  if (ts.isParenthesizedTypeNode(node) || ts.isTypeOperatorNode(node))
    return membersNamed(node.type, name, file);
  if (ts.isArrayTypeNode(node)) return membersNamed(node.elementType, name, file);
  if (ts.isTypeReferenceNode(node) && ['Array', 'ReadonlyArray'].includes(node.typeName.getText(file))) {
    return (node.typeArguments ?? []).flatMap((type) => membersNamed(type, name, file));
  }
  return [];
}

function propertyName(name: ts.PropertyName, file: ts.SourceFile): string {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : name.getText(file);
}

/** The printed type text with `@deprecated` JSDoc before every deprecated field; throws for a lost path. */
export function annotateDeprecatedFields(
  typeText: string,
  fields: readonly FieldDeprecation[],
  where: string,
): string {
  if (fields.length === 0) return typeText;
  const prefix = 'type Annotated = ';
  const file = ts.createSourceFile('annotate.ts', `${prefix}${typeText};`, ts.ScriptTarget.Latest, true);
  const [statement] = file.statements;
  if (!statement || !ts.isTypeAliasDeclaration(statement)) throw new Error(`${where}: cannot parse its type`);
  const inserts: { at: number; text: string }[] = [];
  for (const field of fields) {
    let nodes: ts.TypeNode[] = [statement.type];
    let members: ts.PropertySignature[] = [];
    for (const name of field.path) {
      members = nodes.flatMap((node) => membersNamed(node, name, file));
      nodes = members.flatMap((member) => (member.type ? [member.type] : []));
    }
    if (members.length === 0) {
      throw new Error(
        `${where}: the deprecated field ${field.path.join('.')} is not in the declared type, so its @deprecated cannot be shown`,
      );
    }
    for (const member of members) {
      const start = member.getStart(file);
      const { line, character } = file.getLineAndCharacterOfPosition(start);
      const after = line === 0 ? ' ' : `\n${' '.repeat(character)}`;
      inserts.push({ at: start - prefix.length, text: `${deprecatedDoc(field.message)}${after}` });
    }
  }
  let text = typeText;
  for (const insert of inserts.sort((a, b) => b.at - a.at)) {
    text = `${text.slice(0, insert.at)}${insert.text}${text.slice(insert.at)}`;
  }
  return text;
}
