import { describe, expect, it } from "@jest/globals";
import { matchedTerms, termsEvidence } from "../../src/ir/explain-terms.js";
import { withoutContainedWords } from "../../src/ir/readable-words.js";
import { indexFiles, sourceFile } from "../helpers/source-file.js";

/** An optimizer whose epsilon is 1e-5, with a variable named `est`, `lr`, `py`: words a report can match by accident. */
const OPTIMIZER = `class Adam:
    def __init__(self, lr=1e-3, eps=1e-5):
        self.lr = lr
        self.epsilon = eps
        est = 1e-5
        py = est

    def initialization(self):
        return self.epsilon
`;

/** A kernel where the number's pieces are indexed as words too. */
const ADAM_KERNEL = "float adam_epsilon = 1e-5; // lr is set by the caller\n";

describe("matchedTerms (the 'matched words' evidence)", () => {
  it("shows the word as the reporter wrote it, not its stem", async () => {
    const index = await indexFiles([sourceFile("optim/adam.py", OPTIMIZER)]);
    const words = matchedTerms(index, 0, "Adam initialization ignores epsilon");
    expect(words).toEqual(expect.arrayContaining(["initialization", "epsilon", "adam"]));
    expect(words).not.toContain(index.tokenizer.stem("initialization"));
  });

  it("leaves out the filler words of report prose that comments share, though they match", async () => {
    const commented = "# Probably the previous epsilon is completely ignored: note that anything works here\nepsilon = 1e-5\n";
    const index = await indexFiles([sourceFile("optim/eps.py", commented), sourceFile("optim/other.py", "x = 1\n")]);
    const words = matchedTerms(index, 0, "Probably the previous epsilon is completely ignored, note that anything works");
    expect(words).toContain("epsilon");
    expect(words).toContain("ignored");
    for (const filler of ["probably", "previous", "completely", "note", "anything", "works"]) expect(words).not.toContain(filler);
    const generic = await indexFiles([sourceFile("pkg/check.py", "# every bug in this module: the error is always fixed\nepsilon = 1\n"), sourceFile("pkg/other.py", "x = 1\n")]);
    const said = matchedTerms(generic, 0, "Every time the error in this module is a bug, epsilon is always wrong");
    expect(said).toEqual(["epsilon"]);
  });

  it("leaves out exponent pieces and one- and two-letter fragments, though they match", async () => {
    const index = await indexFiles([sourceFile("optim/adam.py", OPTIMIZER), sourceFile("optim/adam.cc", ADAM_KERNEL)]);
    const issue = "Adam with lr=1e-5 and epsilon 1e-5 diverges in adam.py";
    // They do match: the index holds them, so scoring counts them.
    for (const term of ["1e", "lr", "py"]) expect([term, index.vocabulary.lookup(term)]).toEqual([term, expect.any(Number)]);
    const words = [...matchedTerms(index, 0, issue), ...matchedTerms(index, 1, issue)];
    expect(words).toContain("epsilon");
    expect(words).not.toContain("1e");
    expect(words).not.toContain("lr");
    expect(words).not.toContain("py");
  });

  it("does not show CPU flags of a pasted lscpu or sysctl listing", async () => {
    const index = await indexFiles([sourceFile("optim/adam.py", OPTIMIZER)]);
    const issue = [
      "Adam epsilon is ignored",
      "Flags:                 fpu vme de pse tsc msr est tm2 ssse3",
      "b'machdep.cpu.features: FPU VME DE PSE EST TM2 SSSE3'",
    ].join("\n");
    const words = matchedTerms(index, 0, issue);
    expect(words).toContain("epsilon");
    expect(words).not.toContain("est");
  });

  it("does not show the names of a pasted package list (allenai/allennlp#4427's `regex==2020.6.8`)", async () => {
    const index = await indexFiles([sourceFile("text/tokenize.py", "import regex\n\ndef split_words(text):\n    return regex.findall(r'\\w+', text)\n")]);
    const issue = ["split_words drops accents", "regex==2020.6.8", "torch @ file:///tmp/torch.whl", "[pip3] regex==2020.6.8"].join("\n");
    const words = matchedTerms(index, 0, issue);
    expect(words).toContain("split_words");
    expect(words).not.toContain("regex");
    // Named in a sentence, it is a word of the report.
    expect(matchedTerms(index, 0, "split_words drops accents since regex 2020")).toContain("regex");
  });

  it("does not show the framing of a traceback or the words of install paths, and shows a word inside a longer one once", async () => {
    const LOADER = [
      "import os",
      "",
      "class RuntimeErrorHandler:",
      '    """Raises a RuntimeError for the last file of each line of the local packages list."""',
      "    def load_weights(self, path):",
      "        raise RuntimeError('runtime: cannot load ' + os.path.join('usr', 'lib', 'python', path))",
      "",
    ].join("\n");
    const index = await indexFiles([sourceFile("io/loader.py", LOADER)]);
    const issue = [
      "load_weights fails",
      "Traceback (most recent call last):",
      '  File "/usr/local/lib/python3.6/dist-packages/io/loader.py", line 6, in load_weights',
      "    raise RuntimeError('runtime: cannot load')",
      "RuntimeError: runtime: cannot load",
    ].join("\n");
    const words = matchedTerms(index, 0, issue, undefined, 20);
    // The file does hold these words, so they match, but the report only has them in its framing and paths.
    for (const term of ["last", "file", "line", "local", "packages", "python", "usr", "lib"]) {
      expect([term, index.vocabulary.lookup(index.tokenizer.stem(term)) !== undefined]).toEqual([term, true]);
      expect(words).not.toContain(term);
    }
    // The frame's function and the error are the report's content.
    expect(words).toEqual(expect.arrayContaining(["load_weights", "runtimeerror"]));
    expect(words).not.toContain("runtime");
  });

  it("does not show the words of a pasted link, which the file matches as well", async () => {
    const index = await indexFiles([sourceFile("optim/adam.py", OPTIMIZER)]);
    const issue = "Adam ignores epsilon, see https://github.com/org/adam/blob/main/optim/adam.py#L3 (initialization)";
    const words = matchedTerms(index, 0, issue);
    expect(words).toEqual(expect.arrayContaining(["epsilon", "initialization"]));
    // `optim` only occurs in the link: the file matches it, but the reporter did not write it.
    expect(index.vocabulary.lookup("optim")).toEqual(expect.any(Number));
    expect(words).not.toContain("optim");
  });

  it("shows a term through a later readable spelling when its first one is not", async () => {
    const index = await indexFiles([sourceFile("optim/adam.py", OPTIMIZER)]);
    const issue = "Flags: fpu est\nthe est variable of Adam";
    expect(matchedTerms(index, 0, issue)).toContain("est");
  });

  it("gives the evidence line from the readable words", async () => {
    const index = await indexFiles([sourceFile("optim/adam.py", OPTIMIZER)]);
    expect(termsEvidence(index, 0, "Adam lr=1e-5 epsilon")).toEqual([{ kind: "terms", detail: "`epsilon`, `adam`" }]);
  });
});

describe("withoutContainedWords", () => {
  it("shows the strongest word's longer spelling even when it ranks below the cut, never neither", () => {
    // Filtering before the cut hid `data` behind `metadata`, which the cut then dropped: ["loss", "grad"].
    expect(withoutContainedWords(["data", "loss", "grad", "metadata"], 2)).toEqual(["metadata", "loss"]);
  });

  it("shows a longer word once, in the place of the strongest word it contains", () => {
    expect(withoutContainedWords(["runtime", "loss", "runtimeerror", "runtime"])).toEqual(["runtimeerror", "loss"]);
    expect(withoutContainedWords(["random", "loss", "sampler", "randomsampler", "shuffle"], 3)).toEqual(["randomsampler", "loss", "shuffle"]);
  });

  it("hides only a compound's parts: a word that begins or ends the longer one and is a word of its own", () => {
    expect(withoutContainedWords(["art", "start", "norm", "abnormal"])).toEqual(["art", "start", "norm", "abnormal"]);
    // Each once: a repeated word is no part of itself, but is not shown twice.
    expect(withoutContainedWords(["loss", "loss", "optimizer"])).toEqual(["loss", "optimizer"]);
  });
});
