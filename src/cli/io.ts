/** Where the CLI writes: injected so tests can read what a command printed. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** A one-line status on stderr, rewritten in place; only used when `isTty`. Empty text clears it. */
  progress(text: string): void;
  isTty: boolean;
}

export function processIo(): CliIo {
  const isTty = Boolean(process.stderr.isTTY);
  return {
    stdout: (t) => process.stdout.write(t.endsWith("\n") ? t : `${t}\n`),
    stderr: (t) => process.stderr.write(t.endsWith("\n") ? t : `${t}\n`),
    progress: (t) => {
      if (isTty) process.stderr.write(`\r\x1b[K${t}`);
    },
    isTty,
  };
}
