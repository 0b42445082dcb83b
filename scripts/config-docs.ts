/**
 * Prints the `.github/mltriage.yml` reference generated from the config schema, for the README:
 *   npx tsx scripts/config-docs.ts          the markdown table (field, type, default, description)
 *   npx tsx scripts/config-docs.ts --yaml   a complete example file with every default and its description
 */
import { renderConfigTable, renderExampleConfigYaml } from "../src/config/config-table.js";

process.stdout.write(process.argv.includes("--yaml") ? renderExampleConfigYaml() : renderConfigTable());
