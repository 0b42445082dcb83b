import { describe, expect, it } from "@jest/globals";
import { KeyedMutex } from "../../src/github/keyed-mutex.js";

/** A promise the test resolves by hand, so ordering is checked without timers. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe("KeyedMutex", () => {
  it("runs tasks for one key one after another, and other keys alongside", async () => {
    const mutex = new KeyedMutex();
    const events: string[] = [];
    const first = gate();
    const a1 = mutex.run("o/a", async () => {
      events.push("a1 start");
      await first.opened;
      events.push("a1 end");
    });
    const a2 = mutex.run("o/a", async () => void events.push("a2"));
    const b1 = mutex.run("o/b", async () => void events.push("b1"));
    await b1;
    expect(events).toEqual(["a1 start", "b1"]);
    first.open();
    await Promise.all([a1, a2]);
    expect(events).toEqual(["a1 start", "b1", "a1 end", "a2"]);
  });

  it("lets the next task run after one fails, and passes the failure to its caller", async () => {
    const mutex = new KeyedMutex();
    const failed = mutex.run("k", async () => {
      throw new Error("boom");
    });
    const next = mutex.run("k", async () => "ran");
    await expect(failed).rejects.toThrow("boom");
    await expect(next).resolves.toBe("ran");
  });
});
