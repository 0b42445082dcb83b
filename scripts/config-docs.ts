/**
 * Prints the `.github/mltriage.yml` reference table (markdown) generated from the config schema,
 * for pasting into the README: `npx tsx scripts/config-docs.ts`.
 */
import { renderConfigTable } from "../src/config/config-table.js";

process.stdout.write(renderConfigTable());
