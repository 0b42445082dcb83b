import { describe, expect, it } from "@jest/globals";
import { codeWordsInProse } from "../../src/issue/code-evidence.js";

describe("codeWordsInProse", () => {
  it("finds names that can only be code, written without backticks", () => {
    expect(codeWordsInProse("ModelCheckpoint wipes out the current directory", "Setting print_nan_grads or useCache breaks fit")).toEqual([
      "ModelCheckpoint",
      "print_nan_grads",
      "useCache",
    ]);
  });

  it("ignores ordinary words, acronyms and environment variables, URLs, paths and version fragments", () => {
    expect(codeWordsInProse("Training with DDP on CUDA fails", "See https://example.org/some_page and pkg/data_utils.py; CUDA_VISIBLE_DEVICES=0 on x86_64.")).toEqual([]);
  });
});
