/**
 * Just enough zod 4 introspection to document the config schema and to suggest a field name for a typo.
 * It understands the wrappers the config schema uses (default, prefault, optional, pipe/transform) and no more.
 */
import { z } from "zod";
import type { DocMeta } from "./repo-config-schema.js";

type AnySchema = z.ZodType;

interface Def {
  type: string;
  innerType?: AnySchema;
  in?: AnySchema;
  out?: AnySchema;
  element?: AnySchema;
  entries?: Record<string, string | number>;
}

function defOf(schema: AnySchema): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** The schema under default/prefault/optional/nullable/readonly wrappers and on the input side of pipes. */
export function unwrapSchema(schema: AnySchema): AnySchema {
  let current = schema;
  for (let depth = 0; depth < 20; depth++) {
    const def = defOf(current);
    if (def.innerType && ["default", "prefault", "optional", "nullable", "readonly", "catch", "nonoptional"].includes(def.type)) {
      current = def.innerType;
    } else if (def.type === "pipe" && def.in) {
      // A transform is the output side of a pipe; the input side says what the user writes.
      const inner = defOf(def.in).type === "transform" && def.out ? def.out : def.in;
      current = inner;
    } else {
      return current;
    }
  }
  return current;
}

/** The fields of an object schema (after unwrapping), or undefined for anything else. */
export function objectShape(schema: AnySchema): Record<string, AnySchema> | undefined {
  const inner = unwrapSchema(schema);
  return inner instanceof z.ZodObject ? (inner.shape as Record<string, AnySchema>) : undefined;
}

/** A short type name for the documentation table: string, integer, number, boolean, string[], one of "a" | "b". */
export function typeName(schema: AnySchema): string {
  const meta = docMeta(schema);
  if (meta.docType) return meta.docType;
  const inner = unwrapSchema(schema);
  const def = defOf(inner);
  switch (def.type) {
    case "number":
      return (inner as z.ZodNumber).isInt ? "integer" : "number";
    case "array":
      return def.element ? `${typeName(def.element)}[]` : "array";
    case "enum":
      return Object.values(def.entries ?? {})
        .map((v) => JSON.stringify(v))
        .join(" | ");
    default:
      return def.type;
  }
}

/**
 * Description and doc hints of a field. `.describe()`/`.meta()` may sit on any wrapper layer, so the
 * outermost layer that has one wins.
 */
export function docMeta(schema: AnySchema): DocMeta {
  let current: AnySchema | undefined = schema;
  const merged: DocMeta = {};
  for (let depth = 0; current && depth < 20; depth++) {
    const meta = z.globalRegistry.get(current) as DocMeta | undefined;
    if (meta) {
      for (const [key, value] of Object.entries(meta) as [keyof DocMeta, never][]) {
        if (merged[key] === undefined) merged[key] = value;
      }
    }
    const def = defOf(current);
    current = def.innerType ?? (def.type === "pipe" ? def.in : undefined);
  }
  return merged;
}

/** The object shape at a path of object keys, for suggesting a field name; undefined when it is not an object. */
export function shapeAtPath(schema: AnySchema, path: readonly PropertyKey[]): Record<string, AnySchema> | undefined {
  let shape = objectShape(schema);
  for (const key of path) {
    const field = shape?.[String(key)];
    if (!field) return undefined;
    shape = objectShape(field);
  }
  return shape;
}
