/**
 * The schema of `.github/mltriage.yml`, the per-repository config. It is the single source of the validation
 * rules, the defaults (an empty or missing file is a complete config) and the documentation table in the README
 * (see config-table.ts): every field carries `.describe()` and a default.
 *
 * Objects are strict so a misspelt key (`topfiles:`) is reported instead of silently ignored.
 * Nested objects use `.prefault({})` so a partial object (only `labels.prefix`) still gets every other default.
 */
import { z } from "zod";
import type { BugType } from "../types.js";

/** Label name limit of GitHub (names longer than this are rejected by the API). */
export const MAX_LABEL_NAME = 50;
/** Label description limit of GitHub. */
export const MAX_LABEL_DESCRIPTION = 100;

/** Config keys of the bug-type labels, one per bug type (YAML keys without spaces or `&`). */
export const BUG_TYPE_LABEL_KEYS = {
  Model: "model",
  "Tensor & Input": "tensorInput",
  Training: "training",
  GPU: "gpu",
  API: "api",
  "non-DL": "nonDl",
} as const satisfies Record<BugType, string>;
export type BugTypeLabelKey = (typeof BUG_TYPE_LABEL_KEYS)[BugType];

/** Keys of `labels` that are label specs (everything but `prefix`). */
export const LABEL_KEYS = ["model", "tensorInput", "training", "gpu", "api", "nonDl", "extrinsic", "needsInfo"] as const;
export type LabelKey = (typeof LABEL_KEYS)[number];

/** Metadata read by the documentation table: document this object as one row instead of one row per field. */
export interface DocMeta {
  description?: string;
  /** Render the object as one row whose default column summarises its fields. */
  docAsOneRow?: boolean;
  /** Type shown in the table instead of the one derived from the schema. */
  docType?: string;
}

const hexColour = z
  .string({ error: (issue) => (issue.input === undefined ? undefined : "expected a quoted hex colour string such as \"d93f0b\"") })
  .transform((value) => value.replace(/^#/, ""))
  .pipe(z.string().regex(/^[0-9a-fA-F]{6}$/, "expected 6 hex digits such as \"d93f0b\" (a leading '#' is allowed)"));

interface LabelDefaults {
  name: string;
  color: string;
  description: string;
}

/** One label the bot manages: its name (after the prefix), colour and description, and whether it is used at all. */
function labelSpec(defaults: LabelDefaults, what: string) {
  return z
    .strictObject({
      enabled: z.boolean().default(true).describe("Suggest (or apply) this label at all."),
      name: z.string().trim().min(1).max(MAX_LABEL_NAME).default(defaults.name).describe("Label name, after the prefix."),
      color: hexColour.default(defaults.color).describe("Label colour, 6 hex digits without '#'."),
      description: z
        .string()
        .max(MAX_LABEL_DESCRIPTION)
        .default(defaults.description)
        .describe("Label description shown by GitHub (used when the bot creates the label)."),
    })
    .prefault({})
    .meta({ description: `Label for ${what}: \`enabled\`, \`name\`, \`color\`, \`description\`.`, docAsOneRow: true, docType: "label" } satisfies DocMeta);
}

const globList = z
  .array(z.string().trim().min(1, "a glob may not be empty"))
  .max(200);

const probability = z.number().min(0).max(1);

const labelsSchema = z
  .strictObject({
    prefix: z
      .string()
      .max(30)
      .default("")
      .describe("Text put before every label name the bot manages, e.g. \"mltriage: \". Empty for none."),
    model: labelSpec({ name: "bug: model", color: "5319e7", description: "DL bug in the model: layers, architecture, initialisation" }, "Model bugs"),
    tensorInput: labelSpec(
      { name: "bug: tensor & input", color: "1d76db", description: "DL bug in tensor shapes, dtypes or input handling" },
      "Tensor & Input bugs",
    ),
    training: labelSpec({ name: "bug: training", color: "fbca04", description: "DL bug in training: loss, optimizer, schedule, data pipeline" }, "Training bugs"),
    gpu: labelSpec({ name: "bug: GPU", color: "d93f0b", description: "DL bug about devices, multi-GPU, memory or CUDA" }, "GPU bugs"),
    api: labelSpec({ name: "bug: API", color: "0e8a16", description: "Bug from using a framework or library API, often after an upgrade" }, "API bugs"),
    nonDl: labelSpec({ name: "bug: non-DL", color: "c5def5", description: "Bug outside the DL logic: CLI, I/O, packaging, docs" }, "non-DL bugs"),
    extrinsic: labelSpec(
      { name: "extrinsic", color: "f9d0c4", description: "Probably caused outside this repository: driver, OS, dependency, data" },
      "probably extrinsic bugs",
    ),
    needsInfo: labelSpec(
      { name: "needs environment info", color: "fef2c0", description: "Please add versions, hardware and OS (e.g. python -m torch.utils.collect_env)" },
      "reports missing environment facts, suggested when the bug is probably extrinsic or confidently a GPU bug",
    ),
  })
  .prefault({})
  .superRefine((labels, ctx) => {
    // GitHub checks the full name, so the prefix counts against the limit.
    for (const key of LABEL_KEYS) {
      const full = labels.prefix + labels[key].name;
      if (full.length > MAX_LABEL_NAME) {
        // Reported on the prefix: dropping it is what makes every name fit again.
        ctx.addIssue({
          code: "custom",
          path: ["prefix"],
          message: `makes the ${key} label "${full}" ${full.length} characters long; GitHub allows ${MAX_LABEL_NAME}`,
        });
      }
    }
  });

export const repoConfigSchema = z.strictObject({
  enabled: z.boolean().default(true).describe("Triage issues in this repository at all."),
  topFiles: z.number().int().min(1).max(20).default(5).describe("How many ranked files the comment shows at most (1 to 20); a file the ranker scores under 1% of the first one is left out."),
  scope: z
    .strictObject({
      include: globList
        .default([])
        .describe(
          "Globs of files to index (picomatch syntax); they replace the default set. Empty: Python, config, requirements, CUDA/C++ and Docker files.",
        ),
      exclude: globList.default([]).describe("Globs of files never to index, on top of the built-in exclusions (vendored, generated, binary)."),
    })
    .prefault({})
    .describe("Which files of the repository are ranked."),
  labels: labelsSchema.describe("Names, colours and descriptions of the labels the bot suggests."),
  autoApplyLabels: z
    .boolean()
    .default(false)
    .describe("Apply suggested labels directly. Off: the comment offers them as checkboxes a maintainer ticks."),
  thresholds: z
    .strictObject({
      showFiles: probability
        .default(0.5)
        .describe("Localizability confidence from which files are shown plainly."),
      softenFiles: probability
        .default(0.25)
        .describe("Localizability confidence from which files are shown under a caution; below it they are folded away."),
      labelConfidence: probability
        .default(0.5)
        .describe(
          "Minimum classifier confidence to state a bug type (\"Looks like a Training bug\", below it \"Might be ... (low confidence)\") and suggest its label, or to call a report a question, feature or docs issue.",
        ),
      extrinsicConfidence: probability
        .default(0.7)
        .describe(
          "Minimum classifier confidence to call a bug probably extrinsic: the comment then leads with it, asks for the environment first, shows files with a caution and suggests the extrinsic label. Below it a likely extrinsic cause is only mentioned.",
        ),
    })
    .prefault({})
    .superRefine((t, ctx) => {
      if (t.softenFiles > t.showFiles) {
        ctx.addIssue({ code: "custom", path: ["softenFiles"], message: `must not be above showFiles (${t.showFiles})` });
      }
    })
    .describe(
      "Confidence thresholds, as probabilities in [0, 1]. For the files, the stricter of showFiles/softenFiles and the analysis' own verdict wins; the others set when the comment states a verdict plainly.",
    ),
  dryRun: z.boolean().default(false).describe("Analyse and log, but post no comment and change no labels."),
  triggers: z
    .strictObject({
      opened: z.boolean().default(true).describe("Triage new issues."),
      reopened: z.boolean().default(true).describe("Triage reopened issues."),
      edited: z.boolean().default(true).describe("Triage again when the title or body is edited (the same comment is updated)."),
      commands: z.boolean().default(true).describe("Answer `/mltriage rerun`, `/mltriage help` and `/mltriage files` comments."),
    })
    .prefault({})
    .describe("Which events start a triage."),
  optOutLabel: z
    .string()
    .trim()
    .min(1)
    .max(MAX_LABEL_NAME)
    .default("mltriage: skip")
    .describe("An issue carrying this label is left alone."),
  skipBots: z.boolean().default(true).describe("Ignore issues opened by bots."),
  maxRepoFiles: z
    .number()
    .int()
    .min(1)
    .max(500_000)
    .default(20_000)
    .describe("Size cap: the most files in scope the bot indexes in one repository."),
  maxFileBytes: z
    .number()
    .int()
    .min(1_000)
    .max(10_000_000)
    .default(1_000_000)
    .describe("Files larger than this many bytes are skipped when indexing."),
  maxIssueBytes: z
    .number()
    .int()
    .min(1_000)
    .max(1_000_000)
    .default(65_536)
    .describe("Only the first this-many bytes of an issue's title and body are analysed."),
});

export type RepoConfig = z.infer<typeof repoConfigSchema>;
export type LabelConfig = RepoConfig["labels"]["gpu"];
