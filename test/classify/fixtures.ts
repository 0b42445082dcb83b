/**
 * Invented, labelled issues (none copied from a real tracker): a few per bug type, spread over three made-up
 * repositories so that grouped folds and leave-one-project-out have something to hold out.
 */

import type { LabelledIssue } from "../../src/classify/train.js";
import type { BugType } from "../../src/types.js";

function issue(id: string, repo: string, bugType: BugType, extrinsic: boolean, title: string, body: string): LabelledIssue {
  return { id: `${repo}#${id}`, repo, bugType, extrinsic, title, body };
}

export function inventedIssues(): LabelledIssue[] {
  const a = "acme/vision";
  const b = "acme/speech";
  const c = "acme/tabular";
  return [
    issue("1", a, "Model", false, "Classifier head ignores num_classes and always outputs 1000 logits", "The final dense layer is built with 1000 units whatever num_classes says. The architecture should use the argument."),
    issue("2", b, "Model", false, "use_bias=False still creates a bias in the custom conv layer", "The conv layer weights include a bias parameter although use_bias is off. Layer initializer also ignores the setting."),
    issue("3", c, "Model", false, "Decoder drops its final LayerNorm layer when pre_norm is on", "The transformer decoder architecture is missing the last layer norm, so the model output differs from the paper."),
    issue("4", a, "Model", false, "Wrong activation in residual block: relu instead of gelu", "The residual block uses the wrong activation layer; the pretrained architecture expects gelu."),
    issue("5", a, "Tensor & Input", false, "Shape mismatch in reshape when batch has one element", "ValueError: cannot reshape tensor of shape (1, 3) into shape (3,). Expected a dim of size 3 but got 1 after squeeze."),
    issue("6", b, "Tensor & Input", false, "pad_sequence returns the wrong length and a dtype of float64", "The padded tensor has the wrong shape and dtype float64 instead of float32; broadcasting then fails with a size mismatch."),
    issue("7", c, "Tensor & Input", false, "crop() returns an empty tensor when start equals end", "Slicing with start == end gives an empty tensor of shape (0,) instead of raising; indexing the result fails."),
    issue("8", a, "Tensor & Input", true, "Mask cast to float16 breaks half-precision attention with new numpy 2.0", "The boolean mask tensor is cast to float16 and the dtype of the broadcast result is wrong since numpy 2.0."),
    issue("9", a, "Training", false, "Loss becomes NaN after 2k steps with gradient accumulation", "Training loss goes to nan after a few epochs. Gradient accumulation with the optimizer and learning rate scheduler diverges."),
    issue("10", b, "Training", false, "LR scheduler advances twice per epoch after resuming training", "After resume the learning rate scheduler steps twice each epoch; the optimizer state and loss drift."),
    issue("11", c, "Training", false, "Validation accuracy counts padded samples", "The accuracy metric during validation includes padding, so training reports the wrong accuracy each epoch."),
    issue("12", b, "Training", false, "Model is not learning: loss stuck at 2.3 with Adam optimizer", "The loss plateaus from the first epoch; gradients are zero for the embedding and the learning rate has no effect."),
    issue("13", a, "GPU", true, "RuntimeError: CUDA error: device-side assert triggered on multi-GPU", "Training on 4 GPUs with DataParallel crashes: CUDA error: device-side assert triggered. CUDA 11.0, cuDNN 8.0, driver 450.80."),
    issue("14", b, "GPU", true, "CUDA out of memory in the second epoch only", "OOM on the GPU: CUDA out of memory. Tried to allocate 2 GiB. GeForce RTX 2080 Ti, CUDA 10.2, nvidia driver 440."),
    issue("15", c, "GPU", true, "Four-GPU run hangs at the first NCCL all-reduce", "Distributed training with NCCL on 4 Tesla V100 GPUs hangs at all-reduce; the device sync never returns with CUDA 11.1."),
    issue("16", a, "GPU", false, "Evaluation on cuda:1 returns predictions on cuda:0", "The predict loop moves tensors to device cuda:0 although the model is on cuda:1; device placement is wrong."),
    issue("17", a, "API", true, "fit() ignores class_weight since framework 2.x upgrade", "After upgrading to version 2.4 the class_weight argument is deprecated and silently ignored: unexpected keyword argument."),
    issue("18", b, "API", true, "Export fails: save_format no longer accepted after update", "TypeError: save() got an unexpected keyword argument 'save_format'. The API was removed in the new version 3.0."),
    issue("19", c, "API", true, "Sampler breaks with AttributeError: module has no attribute 'float' after upgrade", "AttributeError: module 'numpy' has no attribute 'float'. The alias was deprecated and removed in numpy 1.24."),
    issue("20", b, "API", false, "load_model() signature changed: custom_objects argument ignored", "The API of load_model changed and the keyword argument is ignored; the deprecated signature still used in our wrapper."),
    issue("21", a, "non-DL", false, "CLI crashes when the output path has spaces", "Running the command line tool with an output path containing spaces fails: No such file or directory. The argparse config splits the path."),
    issue("22", b, "non-DL", false, "Progress bar prints duplicate lines in notebooks", "The logging progress bar writes duplicate lines to the console in a notebook; the logger is configured twice."),
    issue("23", c, "non-DL", true, "pip install fails on Windows: build of the C extension fails with MSVC", "pip install fails on Windows 10: the compiler MSVC cannot build the extension; setup.py build error."),
    issue("24", c, "non-DL", false, "Config loader ignores YAML env-var overrides and docs link is 404", "The YAML config file settings are not overridden by environment variables; the docs page link returns 404."),
  ];
}
