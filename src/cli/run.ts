import { main } from "./main.js";

// The process entry of the CLI: sets the exit code; a crash is reported as such, not as a usage problem.
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`mltriage: unexpected error: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  },
);
