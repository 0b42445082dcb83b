/**
 * The config reference of the README, generated from the schema so the two cannot drift apart.
 * One row per field (nested fields as dotted paths); a label is one row, since its four fields repeat.
 */
import { Document, isMap, isScalar, type YAMLMap } from "yaml";
import type { z } from "zod";
import { repoConfigSchema } from "./repo-config-schema.js";
import { docMeta, objectShape, typeName } from "./schema-introspection.js";

export interface ConfigTableRow {
  field: string;
  type: string;
  defaultValue: string;
  description: string;
}

/** Rows of the reference table, in schema order. */
export function configTableRows(): ConfigTableRow[] {
  const defaults = repoConfigSchema.parse({}) as unknown as Record<string, unknown>;
  const rows: ConfigTableRow[] = [];
  collectRows(repoConfigSchema, [], defaults, rows);
  return rows;
}

/** The markdown table: field, type, default, description. */
export function renderConfigTable(): string {
  const lines = ["| Field | Type | Default | Description |", "| --- | --- | --- | --- |"];
  for (const row of configTableRows()) {
    lines.push(`| ${[`\`${row.field}\``, row.type, row.defaultValue, row.description].map(tableCell).join(" | ")} |`);
  }
  return lines.join("\n") + "\n";
}

function collectRows(schema: z.ZodType, path: string[], defaults: unknown, rows: ConfigTableRow[]): void {
  const shape = objectShape(schema);
  if (!shape) return;
  for (const [key, field] of Object.entries(shape)) {
    const fieldPath = [...path, key];
    const meta = docMeta(field);
    const value = (defaults as Record<string, unknown> | undefined)?.[key];
    const nested = objectShape(field);
    if (nested && !meta.docAsOneRow) {
      rows.push({ field: fieldPath.join("."), type: "object", defaultValue: "", description: meta.description ?? "" });
      collectRows(field, fieldPath, value, rows);
      continue;
    }
    rows.push({
      field: fieldPath.join("."),
      type: nested ? (meta.docType ?? "object") : typeName(field),
      defaultValue: meta.docType === "label" ? formatLabelDefault(value) : formatDefault(value),
      description: meta.description ?? "",
    });
  }
}

function formatDefault(value: unknown): string {
  if (value === undefined) return "";
  return codeCell(JSON.stringify(value));
}

function formatLabelDefault(value: unknown): string {
  const label = value as { name?: string; color?: string; enabled?: boolean } | undefined;
  if (!label?.name) return formatDefault(value);
  return `${codeCell(label.name)} ${codeCell(`#${label.color ?? ""}`)}${label.enabled === false ? " (off)" : ""}`;
}

function codeCell(text: string): string {
  return "`" + text.replace(/`/g, "'") + "`";
}

/** A table cell: pipes escaped (GFM splits cells on them even inside code spans), no line breaks. */
function tableCell(text: string): string {
  return text.replace(/\r?\n/g, " ").replace(/\|/g, "\\|");
}

/**
 * A complete `.github/mltriage.yml` holding every default, each field preceded by its description: a starting
 * point to copy and trim (a file with only the fields that differ from the defaults works the same).
 */
export function renderExampleConfigYaml(): string {
  const defaults = repoConfigSchema.parse({});
  const doc = new Document(defaults);
  if (isMap(doc.contents)) annotate(doc.contents, repoConfigSchema, true);
  doc.commentBefore = " .github/mltriage.yml: every field and its default. Delete what you do not change.";
  return doc.toString({ lineWidth: 0 });
}

function annotate(map: YAMLMap, schema: z.ZodType, topLevel: boolean): void {
  const shape = objectShape(schema);
  if (!shape) return;
  for (const pair of map.items) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    const field = shape[key];
    if (!field) continue;
    const meta = docMeta(field);
    if (meta.description) pair.key.commentBefore = ` ${meta.description.replace(/\n/g, " ")}`;
    // A blank line between top-level fields keeps the file readable.
    if (topLevel && map.items.indexOf(pair) > 0) pair.key.spaceBefore = true;
    // Quoted, so no YAML reader takes a colour such as 000000 or 5319e7 for a number.
    if (key === "color" && isScalar(pair.value)) pair.value.type = "QUOTE_DOUBLE";
    // A label's own comment already names its fields; repeating them for each label is noise.
    if (isMap(pair.value)) annotate(pair.value, field, false);
    if (isMap(pair.value) && meta.docAsOneRow) {
      for (const inner of pair.value.items) if (isScalar(inner.key)) inner.key.commentBefore = undefined;
    }
  }
}
