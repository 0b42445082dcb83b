import { describe, expect, it } from "@jest/globals";
import { parseIssue } from "../../src/issue/index.js";
import { proposedFixInProject } from "../../src/pipeline/proposed-fix.js";
import { findQuotedLines } from "../../src/pipeline/quoted-lines.js";
import { sourceFile as file } from "../helpers/source-file.js";

const INIT = [
  "def mpi_threads_supported():",
  "    mpi_threads_supported = MPI_COMMON_LIB_CTYPES.mpi_threads_supported()",
  "    return bool(mpi_threads_supported)",
].join("\n");

async function proposed(body: string, files = [file("horovod/common/__init__.py", INIT)]) {
  return proposedFixInProject(body, findQuotedLines(files, parseIssue("t", body).quotedLines));
}

describe("proposedFixInProject", () => {
  it("finds the repository line a reporter copies and says what it should be", async () => {
    const body = [
      "error: undefined symbol: mpi_threads_supported",
      "mpi_threads_supported = MPI_COMMON_LIB_CTYPES.mpi_threads_supported()",
      "should be",
      "mpi_threads_supported = MPI_COMMON_LIB_CTYPES.horovod_mpi_threads_supported()",
    ].join("\n");
    expect(await proposed(body)).toEqual({ path: "horovod/common/__init__.py", line: 2 });
  });

  it("reads a pasted diff and a proposal written before the line", async () => {
    const diff = ["```diff", "-    mpi_threads_supported = MPI_COMMON_LIB_CTYPES.mpi_threads_supported()", "+    mpi_threads_supported = LIB.other()", "```"].join("\n");
    expect(await proposed(diff)).toEqual({ path: "horovod/common/__init__.py", line: 2 });
    const before = [
      "I think we should change",
      "    mpi_threads_supported = MPI_COMMON_LIB_CTYPES.mpi_threads_supported()",
      "to",
      "    mpi_threads_supported = MPI_COMMON_LIB_CTYPES.horovod_mpi_threads_supported()",
    ].join("\n");
    expect(await proposed(before)).toEqual({ path: "horovod/common/__init__.py", line: 2 });
    const inline = "`mpi_threads_supported = MPI_COMMON_LIB_CTYPES.mpi_threads_supported()` should be `mpi_threads_supported = MPI_COMMON_LIB_CTYPES.horovod_mpi_threads_supported()`";
    expect(await proposed(inline)).toEqual({ path: "horovod/common/__init__.py", line: 2 });
  });

  it("reads a copied block and its rewritten block, and names the line that changes", async () => {
    const lkj = ["class LKJ:", "    def sample(self, sample_shape=torch.Size()):", "        y = self._gen.sample(sample_shape=self.batch_shape + sample_shape).detach()", "        z = y.mul(2).add(-1.0)", "        return _vector_to_l_cholesky(z)"].join("\n");
    const body = [
      "I think this line is the culprit:",
      "```",
      "    def sample(self, sample_shape=torch.Size()):",
      "        y = self._gen.sample(sample_shape=self.batch_shape + sample_shape).detach()",
      "        z = y.mul(2).add(-1.0)",
      "```",
      "should be",
      "```",
      "    def sample(self, sample_shape=torch.Size()):",
      "        y = self._gen.sample(sample_shape=sample_shape + self.batch_shape).detach()",
      "        z = y.mul(2).add(-1.0)",
      "```",
    ].join("\n");
    expect(await proposed(body, [file("pyro/distributions/lkj.py", lkj)])).toEqual({ path: "pyro/distributions/lkj.py", line: 3 });
    // The replacement may follow a sentence: "Instead of slicing a tensor here, use copy_:".
    const init = "def init(tensor, source_weights):\n    tensor.data[:] = source_weights[:]\n";
    const sentence = ["tensor.data[:] = source_weights[:]", "", "Instead of slicing a tensor here, we can use the copy_ method:", "", "```", "tensor.data.copy_(source_weights.data)", "```"].join("\n");
    expect(await proposed(sentence, [file("allennlp/nn/initializers.py", init)])).toEqual({ path: "allennlp/nn/initializers.py", line: 2 });
  });

  it("reads 'replace this ... with this' and a before/after pair, not a change the reporter says they cannot make", async () => {
    const old = "    mpi_threads_supported = MPI_COMMON_LIB_CTYPES.mpi_threads_supported()";
    const neu = "    mpi_threads_supported = MPI_COMMON_LIB_CTYPES.horovod_mpi_threads_supported()";
    expect(await proposed(["Replace this:", old, "with this:", neu].join("\n"))).toEqual({ path: "horovod/common/__init__.py", line: 2 });
    expect(await proposed(["```python", "# before", old, "# after", neu, "```"].join("\n"))).toEqual({ path: "horovod/common/__init__.py", line: 2 });
    expect(await proposed(["I can't make it work by replacing", old, "with", neu].join("\n"))).toBeUndefined();
  });

  it("reads inline 'replace `a` with `b`', 'use `b` instead of `a`', and a diff with context lines", async () => {
    const old = "mpi_threads_supported = MPI_COMMON_LIB_CTYPES.mpi_threads_supported()";
    const neu = "mpi_threads_supported = MPI_COMMON_LIB_CTYPES.horovod_mpi_threads_supported()";
    expect(await proposed(`Replace \`${old}\` with \`${neu}\` and it loads.`)).toEqual({ path: "horovod/common/__init__.py", line: 2 });
    expect(await proposed(`We should change \`${old}\` to \`${neu}\`.`)).toEqual({ path: "horovod/common/__init__.py", line: 2 });
    expect(await proposed(`Use \`${neu}\` instead of \`${old}\`.`)).toEqual({ path: "horovod/common/__init__.py", line: 2 });
    // The two spans in the other order with "instead of" between: the first is the new code, not the held one.
    expect(await proposed(`\`${old}\` instead of \`${neu}\``)).toBeUndefined();
    // Spoken forms the sentence may take around the spans.
    expect(await proposed(`\`${neu}\` should be used instead of \`${old}\`.`)).toEqual({ path: "horovod/common/__init__.py", line: 2 });
    expect(await proposed(`I replaced \`${old}\` with \`${neu}\` and it loads.`)).toEqual({ path: "horovod/common/__init__.py", line: 2 });
    expect(await proposed(`Change the line \`${old}\` to \`${neu}\`.`)).toEqual({ path: "horovod/common/__init__.py", line: 2 });
    expect(await proposed(`Using \`${neu}\` instead of \`${old}\` fixes it.`)).toEqual({ path: "horovod/common/__init__.py", line: 2 });
    expect(await proposed(`It fails (I tried 0.19 too). Replace \`${old}\` with \`${neu}\`.`)).toEqual({ path: "horovod/common/__init__.py", line: 2 });
    // A change the reporter says failed, or the setting they ran with, is no proposal.
    expect(await proposed(`If I change \`${old}\` to \`${neu}\`, it segfaults.`)).toBeUndefined();
    expect(await proposed(`Replacing \`${old}\` with \`${neu}\` gives the same error.`)).toBeUndefined();
    expect(await proposed(`With \`${neu}\` instead of \`${old}\` it trains fine.`)).toBeUndefined();
    const diff = [
      "```diff",
      " def mpi_threads_supported():",
      "-    mpi_threads_supported = MPI_COMMON_LIB_CTYPES.mpi_threads_supported()",
      "+    mpi_threads_supported = MPI_COMMON_LIB_CTYPES.horovod_mpi_threads_supported()",
      "     return bool(mpi_threads_supported)",
      "```",
    ].join("\n");
    // The removed line among context lines the repository holds too.
    const init = "def mpi_threads_supported(self, lib=None):\n    mpi_threads_supported = MPI_COMMON_LIB_CTYPES.mpi_threads_supported()\n    return bool(mpi_threads_supported)\n";
    expect(await proposed(diff.replace(" def mpi_threads_supported():", " def mpi_threads_supported(self, lib=None):"), [file("horovod/common/__init__.py", init)])).toEqual({ path: "horovod/common/__init__.py", line: 2 });
    expect(await proposed(diff)).toEqual({ path: "horovod/common/__init__.py", line: 2 });
  });

  it("names the line where the copied block stands, not an earlier copy of it", async () => {
    const line = "        y = self._gen.sample(sample_shape=self.batch_shape + sample_shape).detach()";
    const lkj = ["def helper():", line, "    return y", "", "class LKJ:", "    def sample(self, sample_shape=torch.Size()):", line, "        z = y.mul(2).add(-1.0)"].join("\n");
    const body = ["```", "    def sample(self, sample_shape=torch.Size()):", line, "        z = y.mul(2).add(-1.0)", "```", "should be", "```", line.replace("self.batch_shape + sample_shape", "sample_shape + self.batch_shape"), "```"].join("\n");
    expect(await proposed(body, [file("pyro/distributions/lkj.py", lkj)])).toEqual({ path: "pyro/distributions/lkj.py", line: 7 });
  });

  it("reads a long line of inline code spans in linear time (a paste, not a sentence)", async () => {
    const started = performance.now();
    expect(await proposed(`mpi_threads_supported = MPI_COMMON_LIB_CTYPES.mpi_threads_supported()\n${"`ab` should be ".repeat(70_000)}`)).toBeUndefined();
    // Generous: the quadratic reading took over a minute on a line this long.
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it("is no proposal when 'instead of' tells the setting the reporter ran", async () => {
    const run = "trainer = Trainer(gpus=2, distributed_backend='ddp', max_epochs=3)";
    const body = [run, "", "With dp instead of ddp it trains fine:", "", "trainer = Trainer(gpus=2, distributed_backend='dp', max_epochs=3)"].join("\n");
    expect(await proposed(body, [file("tests/test_ddp.py", `def test_ddp():\n    ${run}\n`)])).toBeUndefined();
    // A setting told before a proposal does not hide it: "fails on CPU instead of GPU, so this line should be".
    const cpu = [run, "", "It fails on CPU instead of GPU, so this line should be:", "", "trainer = Trainer(gpus=2, distributed_backend='dp', max_epochs=3)"].join("\n");
    expect(await proposed(cpu, [file("tests/test_ddp.py", `def test_ddp():\n    ${run}\n`)])).toEqual({ path: "tests/test_ddp.py", line: 2 });
  });

  it("reads past a link and a sentence that holds an '=' to the replacement", async () => {
    const misc = ["if minimize:", "    self.is_better = lambda score, best: score <= (best - min_delta)", "else:", "    self.is_better = lambda score, best: score >= (best - min_delta)"].join("\n");
    const body = [
      "The problem is in the following snippet:",
      "        if minimize:",
      "            self.is_better = lambda score, best: score <= (best - min_delta)",
      "        else:",
      "            self.is_better = lambda score, best: score >= (best - min_delta)",
      "https://github.com/catalyst-team/catalyst/blob/master/catalyst/dl/callbacks/misc.py#L28",
      "",
      "I guess this is a typo or copypaste mistake, and for minimize=False it should be",
      "self.is_better = lambda score, best: score >= (best + min_delta)",
    ].join("\n");
    expect(await proposed(body, [file("catalyst/dl/callbacks/misc.py", misc)])).toEqual({ path: "catalyst/dl/callbacks/misc.py", line: 4 });
  });

  it("is no proposal when the line is only quoted, not in the repository, or in too many files to name one", async () => {
    const quoted = ["It fails here:", "mpi_threads_supported = MPI_COMMON_LIB_CTYPES.mpi_threads_supported()", "with an undefined symbol."].join("\n");
    expect(await proposed(quoted)).toBeUndefined();
    const elsewhere = ["result = other_library.compute(x, y)", "should be", "result = other_library.compute(y, x)"].join("\n");
    expect(await proposed(elsewhere)).toBeUndefined();
    // Said, but no replacement given: a complaint, not a proposal.
    const unsaid = ["mpi_threads_supported = MPI_COMMON_LIB_CTYPES.mpi_threads_supported()", "should be fixed"].join("\n");
    expect(await proposed(unsaid)).toBeUndefined();
    // A reporter's script that copies a line of the project's and prints "should be called": its next line is no rewrite.
    const script = [
      "mpi_threads_supported = MPI_COMMON_LIB_CTYPES.mpi_threads_supported()",
      "print('prepare_data should be called before train_dataloader()')",
      "trainer.fit(model, data_module)",
    ].join("\n");
    expect(await proposed(script)).toBeUndefined();
    const shared = ["x = MPI_COMMON_LIB_CTYPES.mpi_threads_supported()", "should be", "x = MPI_COMMON_LIB_CTYPES.other_supported()"].join("\n");
    const copies = ["a.py", "b.py", "c.py"].map((p) => file(p, "x = MPI_COMMON_LIB_CTYPES.mpi_threads_supported()\n"));
    expect(await proposed(shared, copies)).toBeUndefined();
    expect(await proposed(shared, copies.slice(0, 2))).toEqual({ path: "a.py", line: 1 });
  });
});
