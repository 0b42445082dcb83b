import { describe, expect, it } from "@jest/globals";
import { createTokenizer, splitIdentifier } from "../../src/ir/tokenize.js";
import { STOP_WORDS } from "../../src/ir/stopwords.js";

const tokenizer = createTokenizer();
const terms = (text: string) => tokenizer.terms(text);

describe("splitIdentifier", () => {
  it("splits camelCase, PascalCase and acronyms", () => {
    expect(splitIdentifier("getBatchSize")).toEqual(["get", "batch", "size"]);
    // An acronym ends where the next capitalised word starts: HTTP | Server | Error.
    expect(splitIdentifier("HTTPServerError")).toEqual(["http", "server", "error"]);
    expect(splitIdentifier("parseJSON")).toEqual(["parse", "json"]);
  });

  it("keeps an acronym's plural whole (GPUs is one word, not GP + Us)", () => {
    expect(splitIdentifier("GPUs")).toEqual(["gpus"]);
    expect(splitIdentifier("numGPUs")).toEqual(["num", "gpus"]);
    expect(splitIdentifier("GPUsAvailable")).toEqual(["gpus", "available"]);
    // A capitalised word after an acronym still splits.
    expect(splitIdentifier("HTTPServer")).toEqual(["http", "server"]);
  });

  it("splits snake_case and SCREAMING_CASE, ignoring repeated and edge underscores", () => {
    expect(splitIdentifier("learning_rate")).toEqual(["learning", "rate"]);
    expect(splitIdentifier("__init__")).toEqual(["init"]);
    expect(splitIdentifier("MAX__BATCH_SIZE")).toEqual(["max", "batch", "size"]);
  });

  it("splits at every letter/digit boundary, even when boundaries touch", () => {
    expect(splitIdentifier("float16")).toEqual(["float", "16"]);
    expect(splitIdentifier("conv2d")).toEqual(["conv", "2", "d"]);
    // Two boundaries share the "D": 2|D (digit/letter) and D|Transpose (acronym/word).
    expect(splitIdentifier("Conv2DTranspose")).toEqual(["conv", "2", "d", "transpose"]);
    expect(splitIdentifier("MaxPool2D")).toEqual(["max", "pool", "2", "d"]);
    expect(splitIdentifier("BatchNorm2d")).toEqual(["batch", "norm", "2", "d"]);
  });
});

describe("tokenizer terms", () => {
  it("keeps the compound of a split identifier beside its stemmed parts", () => {
    // "get" is a stop word, so only batch and size survive as parts; the compound is never stemmed.
    expect(terms("getBatchSize")).toEqual(["getbatchsize", "batch", "size"]);
    // snake_case and camelCase spellings of the same name give the same terms.
    expect(terms("get_batch_size")).toEqual(terms("getBatchSize"));
    expect(terms("learning_rate")).toEqual(["learningrate", "learn", "rate"]);
  });

  it("can leave compounds and stemming out", () => {
    expect(createTokenizer({ keepCompounds: false }).terms("learning_rate")).toEqual(["learn", "rate"]);
    expect(createTokenizer({ stem: false }).terms("learning_rate")).toEqual(["learningrate", "learning", "rate"]);
  });

  it("drops pure digits and one-letter parts of digit identifiers but keeps their compound", () => {
    // conv2d -> conv | 2 | d: "2" is a pure number and "d" one letter, so only "conv" and the compound remain.
    expect(terms("conv2d")).toEqual(["conv2d", "conv"]);
    // float is a Python builtin (stop word): float16 survives only as the compound, which is what
    // distinguishes it from float32 in a dtype bug.
    expect(terms("float16")).toEqual(["float16"]);
    expect(terms("float16")).not.toEqual(terms("float32"));
    expect(terms("resnet50")).toEqual(["resnet50", "resnet"]);
    // A word starting with digits is matched as a word too ("3d" is a compound of 3 and d).
    expect(terms("3d")).toEqual(["3d"]);
    // From the start of its digit run only: the whole run, never its tail ("123abc", not "23abc").
    expect(terms("x 123abc")).toEqual(["123abc", "abc"]);
    // Standalone numbers and single letters are never terms.
    expect(terms("x = 42 + y")).toEqual([]);
  });

  it("surfaces the word behind Conv2DTranspose so 'transpose' in a report reaches it", () => {
    const t = terms("Conv2DTranspose");
    expect(t).toContain("conv2dtranspose");
    expect(t).toContain(tokenizer.stem("transpose"));
    expect(t).not.toContain("dtranspos");
  });

  it("lower-cases and drops English stop words and Python keywords", () => {
    expect(terms("The Model is running and it is NOT the case")).toEqual(["model", "run", "case"]);
    expect(terms("def forward(self, x): return None")).toEqual(["forward"]);
    for (const w of ["the", "and", "def", "return", "self", "lambda", "none", "import", "class"]) expect(STOP_WORDS.has(w)).toBe(true);
    expect(terms("import torch\nfrom torch import nn\nclass Net(nn.Module): pass")).toEqual(["torch", "torch", "nn", "net", "nn", "modul"]);
  });

  it("applies Porter stemming, so inflections of one word meet", () => {
    // Porter: "initialization" and "initializes" both reduce to "initi".
    expect(terms("initialization")).toEqual(terms("initializes"));
    expect(terms("running runs")).toEqual(["run", "run"]);
    expect(terms("gradients gradient")).toEqual(["gradient", "gradient"]);
    expect(tokenizer.stem("connection")).toBe("connect");
  });

  it("drops words longer than 60 characters (hashes, base64, minified code)", () => {
    const hash = "a3f9c1e2b4d5a6f7c8e9d0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192";
    expect(hash.length).toBeGreaterThan(60);
    expect(terms(hash)).toEqual([]);
    expect(terms(`checksum ${hash} mismatch`)).toEqual(["checksum", "mismatch"]);
    const base64 = "QmFzZTY0IGVuY29kZWQgYmxvYiB0aGF0IGlzIGRlZmluaXRlbHkgbG9uZ2VyIHRoYW4gc2l4dHkgY2hhcmFjdGVycw";
    expect(terms(base64)).toEqual([]);
  });

  it("keeps repeats, in text order (term frequency matters)", () => {
    expect(terms("loss loss optimizer loss")).toEqual(["loss", "loss", "optim", "loss"]);
  });

  it("annotates each term with the word of the text it came from", () => {
    expect(tokenizer.annotated("Initialization of learning_rate")).toEqual([
      { term: "initi", surface: "Initialization" },
      { term: "learningrate", surface: "learning_rate" },
      { term: "learn", surface: "learning" },
      { term: "rate", surface: "rate" },
    ]);
    // annotated() and terms() agree term by term.
    const text = "RuntimeError: CUDA out of memory while calling optimizer.step() in train_loop";
    expect(tokenizer.annotated(text).map((a) => a.term)).toEqual(terms(text));
  });

  it("finds identifiers inside dotted names, tracebacks and code", () => {
    const t = terms('File "torch/nn/modules/conv.py", line 443, in _conv_forward\nRuntimeError: expected scalar type Half');
    expect(t).toEqual(expect.arrayContaining(["torch", "nn", "modul", "conv", "py", "convforward", "forward", "runtimeerror", "runtim", "error", "scalar", "type", "half"]));
    expect(t).not.toContain("443");
    expect(t).toContain("file"); // "File" is an ordinary word, not a stop word
  });
});
