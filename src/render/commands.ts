/**
 * The comment commands the bot answers, spelt once so the help text, the comment's feedback line and the
 * command parser agree.
 */

export const COMMANDS = {
  rerun: { usage: "/mltriage rerun", what: "Triage the issue again (after you added details) and update this comment." },
  help: { usage: "/mltriage help", what: "Show these commands." },
  files: {
    usage: "/mltriage files +path/a.py -path/b.py",
    what: "Tell the ranking which files were (`+`) or were not (`-`) the place of the bug. It is remembered and used for later issues.",
  },
} as const;

/** The reply to `/mltriage help`. */
export function renderHelpComment(): string {
  const lines = ["**mltriage commands** (maintainers and triagers; one command per comment):", ""];
  for (const command of Object.values(COMMANDS)) lines.push(`- \`${command.usage}\`: ${command.what}`);
  lines.push(
    "",
    "Label suggestions are checkboxes in the triage comment: tick one to apply the label, untick it to remove it.",
    "Configure the bot in `.github/mltriage.yml`.",
  );
  return lines.join("\n");
}
