import { describe, expect, it } from "@jest/globals";
import { parseTracebacks } from "../../src/issue/index.js";

const CHAINED = `Training stops after the first epoch:

\`\`\`
Traceback (most recent call last):
  File "/opt/conda/lib/python3.8/site-packages/pytorch_lightning/trainer/logger_connector.py", line 97, in get_metric
    return self.callback_metrics[name]
KeyError: 'val_loss'

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "train.py", line 31, in <module>
    trainer.fit(model, datamodule=dm)
  File "/opt/conda/lib/python3.8/site-packages/pytorch_lightning/trainer/trainer.py", line 470, in fit
    results = self.accelerator_backend.train()
  File "/opt/conda/lib/python3.8/site-packages/pytorch_lightning/callbacks/early_stopping.py", line 161, in _run_early_stopping_check
    current = logs.get(self.monitor)
              ^^^^^^^^^^^^^^^^^^^^^^
RuntimeError: Early stopping conditioned on metric \`val_loss\` which is not available.
Available metrics are: loss,train_acc
\`\`\`
`;

describe("parseTracebacks", () => {
  it("splits chained exceptions into separate tracebacks in printed order", () => {
    const tbs = parseTracebacks(CHAINED);
    expect(tbs).toHaveLength(2);
    expect(tbs[0]!.exceptionType).toBe("KeyError");
    expect(tbs[0]!.message).toBe("'val_loss'");
    expect(tbs[0]!.frames).toEqual([
      {
        file: "/opt/conda/lib/python3.8/site-packages/pytorch_lightning/trainer/logger_connector.py",
        line: 97,
        func: "get_metric",
        code: "return self.callback_metrics[name]",
      },
    ]);
  });

  it("reads frame headers whose paths are in curly quotes, as a word processor writes them", () => {
    const text = [
      "Traceback (most recent call last):",
      '  File “/home/me/mxnet/python/mxnet/gluon/block.py”, line 413, in __call__',
      "    return self.forward(*args)",
      '  File “/home/me/mxnet/python/mxnet/gluon/block.py”, line 640, in _build_cache',
      "    data, out = self._get_graph(*args)",
      "ValueError: bad graph",
    ].join("\n");
    const [tb] = parseTracebacks(text);
    expect(tb!.frames.map((f) => [f.file, f.line, f.func])).toEqual([
      ["/home/me/mxnet/python/mxnet/gluon/block.py", 413, "__call__"],
      ["/home/me/mxnet/python/mxnet/gluon/block.py", 640, "_build_cache"],
    ]);
    expect(tb!.exceptionType).toBe("ValueError");
  });

  it("takes the line a TorchScript error marks with `<--- HERE` as its frame's code, not the first line shown", () => {
    const script = [
      "RuntimeError:",
      "Module 'AHNet' has no attribute 'psp' :",
      '  File "/workspace/MONAI/monai/networks/nets/ahnet.py", line 514',
      "        d4 = self.dense4(sum4)",
      "        if self.psp_block_num > 0:",
      "            psp = self.psp(d4)",
      "                  ~~~~~~~~ <--- HERE",
      "            x = torch.cat((psp, d4), dim=1)",
    ].join("\n");
    const [tb] = parseTracebacks(script);
    expect(tb!.frames).toEqual([{ file: "/workspace/MONAI/monai/networks/nets/ahnet.py", line: 514, func: "", code: "psp = self.psp(d4)" }]);
    // A `~~~` fence still ends a traceback.
    expect(parseTracebacks(`${script.split("\n").slice(0, 4).join("\n")}\n~~~\nIt fails.`)[0]!.frames[0]!.code).toBe("d4 = self.dense4(sum4)");
  });

  it("reads a distributed run's interleaved ranks one rank at a time, each line without its launcher prefix", () => {
    const log = [
      "Tue Oct 13 10:58:56 2020[3]<stderr>:Traceback (most recent call last):",
      "Tue Oct 13 10:58:56 2020[1]<stderr>:Traceback (most recent call last):",
      'Tue Oct 13 10:58:56 2020[3]<stderr>:  File "/env/site-packages/horovod/torch/mpi_ops.py", line 622, in synchronize',
      'Tue Oct 13 10:58:56 2020[1]<stderr>:  File "/home/me/train.py", line 40, in <module>',
      "Tue Oct 13 10:58:56 2020[3]<stderr>:    mpi_lib.horovod_torch_wait_and_clear(handle)",
      "Tue Oct 13 10:58:56 2020[1]<stderr>:    qa_loss = sum(all_gather_list(qa_loss))",
      "Tue Oct 13 10:58:56 2020[3]<stderr>:RuntimeError: Horovod has been shut down.",
      "[1,0]<stderr>:ValueError: bad rank",
      "Tue Oct 13 10:58:56 2020[1]<stderr>:KeyError: 'loss'",
    ].join("\n");
    const tbs = parseTracebacks(log);
    const frame = (file: string) => tbs.flatMap((t) => t.frames).find((f) => f.file.endsWith(file));
    expect(frame("mpi_ops.py")).toEqual({ file: "/env/site-packages/horovod/torch/mpi_ops.py", line: 622, func: "synchronize", code: "mpi_lib.horovod_torch_wait_and_clear(handle)" });
    expect(frame("train.py")?.code).toBe("qa_loss = sum(all_gather_list(qa_loss))");
    expect(tbs.map((t) => t.exceptionType).sort()).toEqual(["KeyError", "RuntimeError"]);
  });

  it("keeps frames outermost first, with code lines, so the innermost frame is last", () => {
    const tb = parseTracebacks(CHAINED)[1]!;
    expect(tb.frames.map((f) => [f.file, f.line, f.func])).toEqual([
      ["train.py", 31, "<module>"],
      ["/opt/conda/lib/python3.8/site-packages/pytorch_lightning/trainer/trainer.py", 470, "fit"],
      ["/opt/conda/lib/python3.8/site-packages/pytorch_lightning/callbacks/early_stopping.py", 161, "_run_early_stopping_check"],
    ]);
    expect(tb.frames[2]!.code).toBe("current = logs.get(self.monitor)");
  });

  it("reads the exception type and a multi-line message, stopping at the fence", () => {
    const tb = parseTracebacks(CHAINED)[1]!;
    expect(tb.exceptionType).toBe("RuntimeError");
    expect(tb.message).toBe("Early stopping conditioned on metric `val_loss` which is not available.\nAvailable metrics are: loss,train_acc");
  });

  it("parses IPython 7 notebook frames, taking line numbers from the --> marker", () => {
    const text = [
      "---------------------------------------------------------------------------",
      "ValueError                                Traceback (most recent call last)",
      "<ipython-input-7-2b5e0c3f9a1d> in <module>()",
      "      3 net.initialize()",
      "----> 4 out = net(mx.nd.ones((2, 3)))",
      "",
      "~/anaconda3/lib/python3.7/site-packages/mxnet/gluon/block.py in __call__(self, *args)",
      "    691             hook(self, args)",
      "--> 693         out = self.forward(*args)",
      "",
      "ValueError: Shape mismatch: expected (2, 4) but got (2, 3)",
    ].join("\n");
    const [tb] = parseTracebacks(text);
    expect(tb!.frames).toEqual([
      { file: "<ipython-input-7-2b5e0c3f9a1d>", line: 4, func: "<module>", code: "out = net(mx.nd.ones((2, 3)))" },
      { file: "~/anaconda3/lib/python3.7/site-packages/mxnet/gluon/block.py", line: 693, func: "__call__", code: "out = self.forward(*args)" },
    ]);
    expect(tb!.exceptionType).toBe("ValueError");
    expect(tb!.message).toBe("Shape mismatch: expected (2, 4) but got (2, 3)");
  });

  it("parses IPython 8 cell and file frames", () => {
    const text = [
      "RuntimeError                              Traceback (most recent call last)",
      "Cell In[12], line 2",
      "      1 x = torch.randn(4, 10)",
      "----> 2 y = model(x)",
      "",
      "File ~/miniconda3/lib/python3.10/site-packages/torch/nn/modules/module.py:1501, in Module._call_impl(self, *args, **kwargs)",
      "   1496 # this function",
      "-> 1501     return forward_call(*args, **kwargs)",
      "",
      "RuntimeError: mat1 and mat2 shapes cannot be multiplied (4x10 and 20x5)",
    ].join("\n");
    const [tb] = parseTracebacks(text);
    expect(tb!.frames.map((f) => [f.file, f.line, f.func])).toEqual([
      ["Cell In[12]", 2, "<module>"],
      ["~/miniconda3/lib/python3.10/site-packages/torch/nn/modules/module.py", 1501, "Module._call_impl"],
    ]);
    expect(tb!.message).toBe("mat1 and mat2 shapes cannot be multiplied (4x10 and 20x5)");
  });

  it("reads quoted and indented tracebacks with Windows paths", () => {
    const text = [
      "> Traceback (most recent call last):",
      '>   File "C:\\Users\\ana\\Anaconda3\\lib\\site-packages\\torch\\nn\\modules\\module.py", line 550, in __call__',
      ">     result = self.forward(*input, **kwargs)",
      "> AttributeError: 'NoneType' object has no attribute 'size'",
    ].join("\n");
    const [tb] = parseTracebacks(text);
    expect(tb!.frames).toEqual([
      { file: "C:\\Users\\ana\\Anaconda3\\lib\\site-packages\\torch\\nn\\modules\\module.py", line: 550, func: "__call__", code: "result = self.forward(*input, **kwargs)" },
    ]);
    expect(tb!.exceptionType).toBe("AttributeError");
  });

  it("appends the native location of an MXNetError as the innermost frame", () => {
    const text = [
      "Traceback (most recent call last):",
      '  File "example.py", line 9, in <module>',
      "    y = mx.nd.Convolution(data=x, weight=w, kernel=(3, 3), num_filter=8)",
      '  File "/usr/local/lib/python3.6/dist-packages/mxnet/base.py", line 253, in check_call',
      "    raise MXNetError(py_str(_LIB.MXGetLastError()))",
      "mxnet.base.MXNetError: [19:08:24] src/operator/nn/convolution.cc:152: Check failed: dshp.ndim() == 4U (3 vs. 4) : Input data should be 4D in batch-num_filter-y-x",
      "Stack trace returned 10 entries:",
      "[bt] (0) /usr/local/lib/python3.6/dist-packages/mxnet/libmxnet.so(+0x1c2d4b) [0x7f3c1e]",
    ].join("\n");
    const [tb] = parseTracebacks(text);
    expect(tb!.exceptionType).toBe("mxnet.base.MXNetError");
    expect(tb!.frames[tb!.frames.length - 1]).toEqual({ file: "src/operator/nn/convolution.cc", line: 152, func: "", location: true });
    expect(tb!.frames).toHaveLength(3);
  });

  it("turns standalone C++/CUDA error lines into frames without a function", () => {
    const text = [
      "The build log ends with",
      "",
      "[10:21:07] src/operator/nn/./cudnn/cudnn_convolution-inl.h:395: Check failed: e == CUDNN_STATUS_SUCCESS (3 vs. 0) cuDNN: CUDNN_STATUS_BAD_PARAM",
      "",
      "and then nothing.",
    ].join("\n");
    expect(parseTracebacks(text)).toEqual([
      {
        frames: [{ file: "src/operator/nn/./cudnn/cudnn_convolution-inl.h", line: 395, func: "", location: true }],
        message: "Check failed: e == CUDNN_STATUS_SUCCESS (3 vs. 0) cuDNN: CUDNN_STATUS_BAD_PARAM",
      },
    ]);
  });

  it("ignores native log lines that report no problem, and reads TensorFlow warnings", () => {
    const text = [
      "[06:31:41] src/operator/nn/./cudnn/./cudnn_algoreg-inl.h:97: Running performance tests to find the best convolution algorithm",
      "",
      "2021-03-01 10:00:00.000: W tensorflow/core/common_runtime/bfc_allocator.cc:431] Allocator (GPU_0_bfc) ran out of memory trying to allocate 2.0GiB",
    ].join("\n");
    const tbs = parseTracebacks(text);
    expect(tbs.map((t) => t.frames[0]!.file)).toEqual(["tensorflow/core/common_runtime/bfc_allocator.cc"]);
  });

  it("reads pytest failure locations with their function and error line", () => {
    const text = [
      "tests/test_tuner.py:41: in test_search",
      "    tuner.search(x, y)",
      "autokeras/engine/tuner.py:154: in search",
      "    super().search(callbacks=new_callbacks)",
      "E   ValueError: Expect the target data to be 1D",
    ].join("\n");
    expect(parseTracebacks(text)).toEqual([
      {
        frames: [
          { file: "tests/test_tuner.py", line: 41, func: "test_search", code: "tuner.search(x, y)", location: true },
          { file: "autokeras/engine/tuner.py", line: 154, func: "search", code: "super().search(callbacks=new_callbacks)", location: true },
        ],
        exceptionType: "ValueError",
        message: "Expect the target data to be 1D",
      },
    ]);
  });

  it("reads no traceback out of pytest's warnings summary, which follows the failure (pytorch-lightning#4275)", () => {
    const text = [
      "pytorch_lightning/callbacks/model_checkpoint.py:167: in on_validation_end",
      "    self.save_checkpoint(trainer, pl_module)",
      "E           ValueError: .save_function() not set",
      "",
      "pytorch_lightning/callbacks/model_checkpoint.py:297: ValueError",
      "========================== warnings summary ==========================",
      "pytorch_lightning/utilities/distributed.py:45",
      "  pytorch_lightning/utilities/distributed.py:45: UserWarning: The dataloader does not have many workers",
      "    warnings.warn(*args, **kwargs)",
      "",
      "-- Docs: https://docs.pytest.org/en/stable/warnings.html",
      "====================== 1 failed in 2.31s ======================",
    ].join("\n");
    const tracebacks = parseTracebacks(text);
    expect(tracebacks.map((t) => t.exceptionType)).not.toContain("UserWarning");
    expect(tracebacks.flatMap((t) => t.frames.map((f) => f.file))).not.toContain("pytorch_lightning/utilities/distributed.py");
    expect(tracebacks[tracebacks.length - 1]!.frames.map((f) => f.line)).toContain(297);
  });

  it("keeps frames whose <module> was stripped with the HTML and whose line number was redacted, unindented", () => {
    const text = [
      "Traceback (most recent call last):",
      'File "akerastest.py", line 10, in',
      "clf.fit(x_train, y_train, time_limit=12 * 60 * 60)",
      'File "my_callback.py", line XX, in on_validation_epoch_end',
      "pl_module.log_dict(metrics)",
      "KeyError: 'val_acc'",
    ].join("\n");
    const [tb] = parseTracebacks(text);
    expect(tb!.frames).toEqual([
      { file: "akerastest.py", line: 10, func: "", code: "clf.fit(x_train, y_train, time_limit=12 * 60 * 60)" },
      { file: "my_callback.py", line: 0, func: "on_validation_epoch_end", code: "pl_module.log_dict(metrics)" },
    ]);
    expect(tb!.exceptionType).toBe("KeyError");
  });

  it("reads a traceback whose newlines were lost", () => {
    const text = 'Traceback (most recent call last): File "a.py", line 3, in <module> main() File "tensorpack/train/base.py", line 21, in main run()';
    const [tb] = parseTracebacks(text);
    expect(tb!.frames.map((f) => [f.file, f.line])).toEqual([
      ["a.py", 3],
      ["tensorpack/train/base.py", 21],
    ]);
  });

  it("finds a headerless paste of frames and a TensorFlow exception type", () => {
    const text = [
      '  File "/usr/lib/python3/dist-packages/tensorflow/python/client/session.py", line 1365, in _do_call',
      "    return fn(*args)",
      "tensorflow.python.framework.errors_impl.InvalidArgumentError: Incompatible shapes: [32,10] vs. [32,5]",
    ].join("\n");
    const [tb] = parseTracebacks(text);
    expect(tb!.frames).toHaveLength(1);
    expect(tb!.exceptionType).toBe("tensorflow.python.framework.errors_impl.InvalidArgumentError");
    expect(tb!.message).toBe("Incompatible shapes: [32,10] vs. [32,5]");
  });

  it("returns nothing for text without tracebacks, version numbers and times included", () => {
    expect(parseTracebacks("")).toEqual([]);
    expect(parseTracebacks("Started at 12:30:45 with torch 1.7.0 on 10.0.0.1:8080, see https://example.com/a.py#L3")).toEqual([]);
    expect(parseTracebacks("模型训练时出现错误，请帮忙看看。\nОшибка при обучении.")).toEqual([]);
  });
});
