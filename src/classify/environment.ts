/**
 * Pulls the versions and hardware an issue states: Python, DL frameworks and libraries, CUDA, cuDNN, driver, GPU
 * model and OS. Understands prose ("torch 1.7 with CUDA 11.0"), issue templates ("TensorFlow version: 2.4"),
 * PyTorch's collect_env, mxnet's diagnose.py, `nvidia-smi` headers, `x.__version__` lines and `pip freeze` /
 * `pip list` / `conda list` output. Only what is written is reported; nothing is guessed.
 */

import { KEY_TO_HASH, VERSION_THEN_COMMIT } from "../issue/stated-commit.js";
import type { BuildFacts, Environment } from "../types.js";

/** Package or module name (lower case) → the key used in `Environment.frameworks`. */
const PACKAGE_KEYS: Array<[RegExp, string]> = [
  [/^(?:torch|pytorch|pytorch-nightly|torch-nightly)$/, "torch"],
  [/^torchvision$/, "torchvision"],
  [/^torchaudio$/, "torchaudio"],
  [/^(?:tensorflow|tensorflow-gpu|tensorflow-cpu|tensorflow-macos|tf-nightly|tf-nightly-gpu|tensorflow-intel)$/, "tensorflow"],
  [/^(?:tensorflow-addons|tfa-nightly)$/, "tensorflow-addons"],
  [/^tensorflow-probability$/, "tensorflow-probability"],
  [/^(?:@tensorflow\/tfjs|tfjs|tensorflow\.js|tensorflowjs)$/, "tfjs"],
  [/^(?:@tensorflow\/tfjs-node(?:-gpu)?|tfjs-node(?:-gpu)?)$/, "tfjs-node"],
  [/^keras$/, "keras"],
  [/^jax$/, "jax"],
  [/^jaxlib$/, "jaxlib"],
  [/^(?:mxnet|mxnet-cu\d+(?:mkl)?|mxnet-mkl|mxnet-native|incubator-mxnet)$/, "mxnet"],
  [/^gluoncv$/, "gluoncv"],
  [/^gluonnlp$/, "gluonnlp"],
  [/^(?:paddlepaddle|paddlepaddle-gpu|paddle)$/, "paddle"],
  [/^onnx$/, "onnx"],
  [/^onnxruntime(?:-gpu)?$/, "onnxruntime"],
  [/^numpy$/, "numpy"],
  [/^scipy$/, "scipy"],
  [/^pandas$/, "pandas"],
  [/^(?:scikit-learn|sklearn)$/, "scikit-learn"],
  [/^transformers$/, "transformers"],
  [/^tokenizers$/, "tokenizers"],
  [/^torchtext$/, "torchtext"],
  [/^sentencepiece$/, "sentencepiece"],
  [/^spacy$/, "spacy"],
  [/^(?:pytorch-lightning|pytorch_lightning|lightning)$/, "pytorch-lightning"],
  [/^(?:opencv|opencv-python|opencv-python-headless|opencv-contrib-python|cv2)$/, "opencv"],
  [/^cupy(?:-cuda\d+x?)?$/, "cupy"],
  [/^horovod$/, "horovod"],
  [/^tensorrt$/, "tensorrt"],
  [/^ray$/, "ray"],
  [/^flair$/, "flair"],
  [/^autokeras$/, "autokeras"],
  [/^(?:pyro-ppl|pyro)$/, "pyro"],
  [/^tensorpack$/, "tensorpack"],
  [/^tflearn$/, "tflearn"],
  [/^protobuf$/, "protobuf"],
  [/^chainer$/, "chainer"],
  [/^theano$/, "theano"],
  [/^deepspeed$/, "deepspeed"],
];

/** Module aliases seen in `x.__version__` lines (only there: "tf = 0.5" in a script is a variable). */
const MODULE_ALIASES: Record<string, string> = {
  tf: "tensorflow", tfa: "tensorflow-addons", mx: "mxnet", np: "numpy", pd: "pandas", pl: "pytorch-lightning",
};

export function packageKey(name: string): string | undefined {
  // "pytorch_lightning", "Pytorch lightning" and "TensorFlow Addons" name the packages spelt with a hyphen.
  const lower = name.toLowerCase().replace(/[_\s]+/g, "-");
  for (const [re, key] of PACKAGE_KEYS) if (re.test(lower)) return key;
  return undefined;
}

// Pre-releases as PEP 440 writes them ("2.4.0rc1", "0.11.0.dev20200622") and as TensorFlow's 2.0 previews were
// named ("2.0-beta1", "2.0.0-alpha0"; tfjs: "2.0.0-rc.4").
const VERSION = String.raw`\d+\.\d+(?:\.\d+)*(?:(?:a|b|rc|dev|post)\d*|[.-](?:alpha|beta|rc|dev|post)\.?\d*)?(?:\+[\w.]+)?`;

/** The template's "(source or binary)" answered before the version: "binary(2.0.0-dev20190920)", "binary 1.14.0". */
const INSTALL_KIND_FIRST = String.raw`(?:(?:binary|source)[ \t]*\(?[ \t]*)?`;

/**
 * `git describe` output such as TensorFlow's GIT_VERSION, "v1.4.0-19-ga52c8d9": 19 commits after the 1.4.0 tag, so
 * not version 1.4.0. The template's command prints it before the release, "('v1.4.0-19-ga52c8d9', '1.4.1')" or
 * "v1.4.0-19-ga52c8d9 1.4.1"; GIT_DESCRIBE_FIRST skips it to read the release, and NOT_GIT_DESCRIBE keeps a version
 * from being read out of it.
 */
const GIT_DESCRIBE_FIRST = String.raw`(?:\(?\s*['"]?v?\d+\.\d+[\w.]*-\d+-g[0-9a-f]{5,}['"]?\s*,?\s*['"]?)?`;
const NOT_GIT_DESCRIBE = String.raw`(?![\w.]*-\d+-g[0-9a-f]{5,})`;

/** A version as written, with trailing punctuation trimmed. */
function cleanVersion(v: string): string {
  return v.replace(/[.,;:)\]'"-]+$/, "");
}

/** Issue templates put examples in brackets ("OS Platform (e.g., Linux Ubuntu 16.04):"); they are not facts. */
export function dropTemplateExamples(text: string): string {
  return text.replace(/\((?:e\.g\.?|eg\.?|for example|like|such as)[^)\n]{0,120}\)/gi, "");
}

/** `cu101` → 10.1, `cu90` → 9.0, `cu110` → 11.0 (mxnet/pytorch wheel tags). */
function cudaFromTag(tag: string): string | undefined {
  const digits = tag.replace(/^cu/i, "");
  if (!/^\d{2,3}$/.test(digits)) return undefined;
  return digits.length === 2 ? `${digits[0]}.${digits[1]}` : `${digits.slice(0, 2)}.${digits[2]}`;
}

interface Found {
  frameworks: Map<string, string>;
  python?: string;
  pythonFromPaths?: true;
  cuda?: string;
  cudaFromWheel?: string;
  cudnn?: string;
  driver?: string;
  gpu?: string;
  nccl?: string;
  mpi?: string;
  osCandidates: string[];
}

/**
 * A number that a release number would not be: two parts, the second of four digits or more or led by zeros
 * ("accuracy from sklearn 0.4986", "lr 0.003"). Releases count their minor versions in ones, nightlies put their
 * date in a third part ("1.8.0.dev20201015").
 */
export function isMeasurement(version: string): boolean {
  const parts = /^(\d+)\.(\d+)$/.exec(version);
  return parts !== null && (parts[2]!.length >= 4 || /^00/.test(parts[2]!));
}

function setFramework(found: Found, name: string, version: string): void {
  const key = packageKey(name);
  if (!key) return;
  const v = cleanVersion(version);
  if (!/^\d+\.\d+/.test(v) || isMeasurement(v)) return;
  // The first statement wins: freeze lists and templates come before incidental mentions in most reports.
  if (!found.frameworks.has(key)) found.frameworks.set(key, v);
  // Apart: joined, "mxnet-cu90" and "1.2.0" read as the tag "cu901".
  const tag = /cu(\d{2,3})\b/i.exec(`${name} ${version}`)?.[0];
  if (tag && !found.cudaFromWheel) found.cudaFromWheel = cudaFromTag(tag);
}

function extractPackages(text: string, found: Found): void {
  // pip freeze / requirements / collect_env's "[pip3] numpy==1.19.2"
  for (const m of text.matchAll(new RegExp(String.raw`(?:^|[\s\[\]'"(,])(@?[A-Za-z][\w./-]*?)\s*(?:==|===|@|=)\s*v?(${VERSION})`, "gm"))) {
    setFramework(found, m[1]!, m[2]!);
  }
  // pip list / conda list / collect_env's "[conda] pytorch    1.7.0   py3.8_cuda11.0..."
  for (const m of text.matchAll(new RegExp(String.raw`^[ \t]*(?:[-*]\s*)?(?:\[(?:pip\d?|conda)\]\s*)?([A-Za-z@][\w./-]*)\s{2,}v?(${VERSION})`, "gm"))) {
    setFramework(found, m[1]!, m[2]!);
  }
  for (const m of text.matchAll(new RegExp(String.raw`^[ \t]*\[(?:pip\d?|conda)\]\s+([A-Za-z@][\w./-]*)\s+v?(${VERSION})`, "gm"))) {
    setFramework(found, m[1]!, m[2]!);
  }
  // `tf.__version__` → '2.4.0' (same line or the next), `torch.__version__ = 1.7.0`
  for (const m of text.matchAll(new RegExp(String.raw`\b(\w+)\.__version__\W{0,6}(?:\n\s*(?:>>>\s*)?(?:Out\[\d+\]:\s*)?)?['"]?(${VERSION})`, "g"))) {
    setFramework(found, MODULE_ALIASES[m[1]!.toLowerCase()] ?? m[1]!, m[2]!);
  }
  // Prose and templates: "PyTorch version: 1.7.0", "MXNet 1.5.0", "TensorFlow version (use command below): 2.4.0",
  // "pyTorch_version:   1.4.0", "mxnet v1.6", "tfjs@2.3.0", "tensorflow.js 2.8.2", "tensorflow-gpu 2.0.0" (the
  // package name a template answer gives: "TensorFlow version and how it was installed: tensorflow-gpu 2.0.0, binary",
  // "TensorFlow Addons version and how it was installed (source or binary): tfa-nightly 0.11.0.dev20200622",
  // "tfa-nightly_v0.12.0.dev20200811022730", OpenCV's own "OpenCV(3.4.3) ... error: (-215:Assertion failed)").
  const names =
    "pytorch|torch|torchvision|tensorflow(?:\\.js|-gpu|-cpu|[- ]addons|-probability)?|tf-nightly(?:-gpu)?|tfa-nightly|tensorflowjs|tfjs(?:-node(?:-gpu)?)?|@tensorflow/tfjs(?:-node(?:-gpu)?)?|keras|jaxlib|jax|mxnet(?:-cu\\d+(?:mkl)?|-mkl)?|gluoncv|gluonnlp|paddlepaddle|onnxruntime|onnx|numpy|scipy|pandas|scikit-learn|sklearn|transformers|tokenizers|torchtext|sentencepiece|spacy|pytorch[-_ ]lightning|opencv|cupy|horovod|tensorrt|ray|flair|autokeras|pyro(?:-ppl)?|tensorpack|tflearn|protobuf";
  const prose = new RegExp(
    String.raw`(?<![\w./-])(${names})(?:[ _]?version)?(?: and how it was installed)?(?:\s*\([^)\n]{0,60}\))?\s*(?:[:=]=?|is|@|-|_(?=v\d)|\((?=v?\d))?\s*${INSTALL_KIND_FIRST}${GIT_DESCRIBE_FIRST}v?(${VERSION})${NOT_GIT_DESCRIBE}`,
    "gi",
  );
  for (const m of text.matchAll(prose)) setFramework(found, m[1]!, m[2]!);
  // "tf2.0-beta1", "tf 1.15", "TF_v2.3.0", "TF version: ('v1.4.0-19-ga52c8d9', '1.4.1')". Only a space, a colon, `_v` or a version label
  // may separate the short name from the version: "tf = 0.5" in a script is a variable, not TensorFlow.
  const shortTf = new RegExp(
    String.raw`(?<![\w./-])tf(?:[ _]?version\s*:?|:|_(?=v\d))?\s*${GIT_DESCRIBE_FIRST}v?(${VERSION})${NOT_GIT_DESCRIBE}`,
    "gi",
  );
  for (const m of text.matchAll(shortTf)) setFramework(found, "tensorflow", m[1]!);
  // A template's pair of lines, the framework on one and its version on the next (horovod's "Framework: (TensorFlow,
  // Keras, PyTorch, MXNet): Pytorch" / "Framework version: 1.3.0"): the version is the named framework's.
  const pair = new RegExp(
    String.raw`^[ \t]*(?:\d+\.\s*)?Framework\s*:[ \t]*(?:\([^)\n]*\)[ \t]*:?[ \t]*)?(pytorch|torch|tensorflow|tf(?:\.keras)?|keras|mxnet|jax)[ \t]*\n[ \t]*(?:\d+\.\s*)?Framework version\s*:[ \t]*(?:(?:tf|tensorflow|torch|pytorch|mxnet)[ \t]*)?v?(${VERSION})`,
    "gim",
  );
  for (const m of text.matchAll(pair)) setFramework(found, /^(?:tf|keras)/i.test(m[1]!) ? "tensorflow" : m[1]!, m[2]!);
  // Wheel tags without a framework version: "mxnet-cu90", "torch 1.5.1+cu101".
  if (!found.cudaFromWheel) {
    const tag = /\b(?:mxnet-|\+)(cu\d{2,3})\b/i.exec(text)?.[1];
    if (tag) found.cudaFromWheel = cudaFromTag(tag);
  }
}

function extractDiagnose(text: string, found: Found): void {
  // mxnet's diagnose.py: "----------Python Info----------\nVersion      : 3.6.9", also printed as Python 2 tuples.
  const section = /-{3,}\s*(Python|MXNet|Pip|System|Hardware) Info\s*-{3,}([\s\S]*?)(?=-{3,}\s*\w+ (?:Info|Test)|$)/g;
  for (const m of text.matchAll(section)) {
    const name = m[1]!;
    const content = m[2]!.slice(0, 4_000);
    const version = /\(?'?Version\s*:'?,?\s*'?(\d+\.\d+(?:\.\d+)*\w*)/.exec(content)?.[1];
    if (name === "Python" && version && !found.python) found.python = version;
    if (name === "MXNet" && version) setFramework(found, "mxnet", version);
    if (name === "System") {
      const platform = /Platform\s*:'?,?\s*'?([^\n']+)/.exec(content)?.[1];
      const os = platform ? osFromPlatformString(platform) : undefined;
      if (os) found.osCandidates.unshift(os);
    }
  }
}

/** `Linux-4.4.0-31-generic-x86_64-with-Ubuntu-14.04-trusty` → "Ubuntu 14.04"; `Darwin-17.3.0-…` → "macOS (Darwin 17.3.0)". */
export function osFromPlatformString(platform: string): string | undefined {
  const withDistro = /-with-(?:glibc[\d.]+-)?([A-Za-z][A-Za-z ]*?)-(\d+(?:\.\d+)*)/i.exec(platform);
  if (withDistro) return `${capitalise(withDistro[1]!)} ${withDistro[2]}`;
  const darwin = /Darwin-(\d+(?:\.\d+)*)/i.exec(platform);
  if (darwin) return `macOS (Darwin ${darwin[1]})`;
  const windows = /Windows-(\d+)/i.exec(platform);
  if (windows) return `Windows ${windows[1]}`;
  if (/^Linux/i.test(platform)) return "Linux";
  return undefined;
}

function capitalise(s: string): string {
  const known: Record<string, string> = { ubuntu: "Ubuntu", centos: "CentOS", debian: "Debian", redhat: "Red Hat", fedora: "Fedora" };
  return known[s.toLowerCase()] ?? s;
}

/**
 * The libraries multi-GPU and multi-node training talk through, which a distributed bug depends on as much as on CUDA:
 * NCCL ("NCCL version 2.4.8+cuda10.0" of its INFO log, "NCCL_VERSION': '2.4.8'" of a printed build config, "nccl
 * 2.1.2") and an MPI ("mpirun (Open MPI) 4.0.3", "OpenMPI 3.1.2", "MPICH 3.3", "MVAPICH2 2.3", "Intel MPI 2019").
 * Not `libnccl2=2.4.8-1+cuda10.0`, a package name: the reporter states the package, not which NCCL ran. Label and
 * version on one line: "NCCL:" with an unrelated number on the next line states nothing. A pre-release keeps its
 * qualifier, as Python's does ("Open MPI 4.0.3rc1", "MPICH 3.4b1"); NCCL's fourth part too ("2.7.8.1"). A least
 * version asked for is none stated: horovod's "Install Open MPI 4.0.0+ or ..." advice, "MPICH 3.3 or later".
 */
const NCCL_VERSION = /(?<![\w-])NCCL(?:[ _]?version)?['"]?[ \t]*[:=]?[ \t]*['"]?v?(\d+\.\d+(?:\.\d+){0,2})/i;
/** The answer to a template's "MPI version:" that names no implementation ("- MPI version: 3.1.1"). */
const MPI_VERSION_ANSWER = /^[ \t]*(?:[-*+][ \t]*|\d+\.[ \t]*)?MPI version[ \t]*:[ \t]*v?(\d+(?:\.\d+)+)\b/im;
const MPI_VERSION = /\b(Open ?MPI|MPICH2?|MVAPICH2?|Intel(?:\(R\))? MPI)\)?(?:[ \t]+(?:version|v)\b)?[ \t]*[:/]?[ \t]*v?(\d+(?:\.\d+)+(?:(?:a|b|rc)\d+)?|20\d\d)\b(?![+.]|[ \t]+or[ \t]+(?:later|newer|higher|above)\b)/i;

/**
 * A template's environment question answered "N/A", "none", "-" or "no GPU" ("CUDA/cuDNN version: N/A" of a CPU
 * user): the fact is not missing, it does not apply. Which facts such an answer settles, by its key: no GPU means no
 * CUDA, cuDNN or driver to ask for either.
 */
const NOT_APPLICABLE_ANSWER =
  /^[ \t]*(?:[-*+][ \t]*)?(?:\*\*)?([A-Za-z][\w ()/.,?-]{0,60}?)(?:\*\*)?[ \t]*:(?:\*\*)?[ \t]*(?:n\/?a|none|no|-+|not applicable|not installed|not used|no gpus?|cpu(?:[ -]only)?)[ \t]*\.?[ \t]*$/gim;

/**
 * Which GPU facts an "N/A" answer settles, by the words of its key, as the templates and reporters write them: "GPU",
 * "GPU model and memory", "CPU/GPU: CPU", "Device (CPU/GPU): CPU", "Is GPU available: No", "Running on GPU: no",
 * "GPU support: no", "GPU/CUDA: N/A", "Using GPU in script?: No" (the Hugging Face template) settle all four;
 * "CUDA/cuDNN version", "CUDA available: No", "CUDA toolkit / driver" CUDA, cuDNN and the driver; "cuDNN version"
 * cuDNN; "GPU driver version", "Nvidia driver version" the driver only (the GPU or CUDA they name is the driver's).
 * A remark in brackets names the GPU only for a key that asks for no version ("Device (CPU/GPU)"): "TensorFlow version
 * (GPU?): N/A" is the TensorFlow of a PyTorch user.
 */
const GPU_KEY = /\bgpus?\b/;
const CUDA_KEY = /\bcuda\b/;
const CUDNN_KEY = /\bcu?dnn\b/;
const DRIVER_KEY = /\bdriver\b/;
/** The driver's qualifier, not a GPU or a CUDA asked for: "GPU driver version", "CUDA driver", "Nvidia driver". */
const DRIVER_QUALIFIER = /\b(?:nvidia|gpus?|cuda)\s+(?=driver\b)/g;
/**
 * Questions that name the GPU but do not ask whether there is one: "Multi-GPU: no" and "Distributed: no" are answered
 * by a single-GPU user too, "Number of GPUs", "GPU count", "How many GPUs", "Number of nodes", "Workers" by anyone.
 */
const NOT_A_GPU_QUESTION =
  /\bmulti[- ]?(?:gpus?|nodes?|machines?|process\w*)\b|\bdistributed\b|\bnum(?:ber)? of\b|\bhow many\b|^(?:num(?:ber)?\b|count\b|#)|\bgpus? (?:count|number|num)$|\bnum_?gpus?\b|\bnodes?\b|\bworkers?\b/;

function notApplicableFacts(text: string): Set<NotApplicableFact> {
  const out = new Set<NotApplicableFact>();
  for (const m of text.matchAll(NOT_APPLICABLE_ANSWER)) {
    const key = m[1]!.toLowerCase().replace(/\s+/g, " ").trim();
    const outside = key.replace(/\([^)]*\)/g, " ").replace(/\s+/g, " ").trim();
    const asked = (/\bversions?\b/.test(outside) ? outside : key).replace(DRIVER_QUALIFIER, "");
    const gpuFacts = (facts: readonly NotApplicableFact[]) => {
      if (!NOT_A_GPU_QUESTION.test(outside) && !NOT_A_GPU_QUESTION.test(asked)) for (const f of facts) out.add(f);
    };
    if (GPU_KEY.test(asked)) gpuFacts(["gpu", "cuda", "cudnn", "driver"]);
    else if (CUDA_KEY.test(asked)) gpuFacts(["cuda", "cudnn", "driver"]);
    else if (CUDNN_KEY.test(asked)) gpuFacts(["cudnn"]);
    else if (DRIVER_KEY.test(asked)) gpuFacts(["driver"]);
    else if (/\bpython\b/.test(key)) out.add("python");
    else if (/^(?:os|operating system)\b|\bos platform\b/.test(key)) out.add("os");
  }
  return out;
}

function extractCommunicationLibraries(text: string, found: Found): void {
  const nccl = NCCL_VERSION.exec(text);
  if (nccl) found.nccl = nccl[1]!;
  const mpi = MPI_VERSION.exec(text);
  if (mpi) {
    const name = /^open/i.test(mpi[1]!) ? "Open MPI" : /^intel/i.test(mpi[1]!) ? "Intel MPI" : mpi[1]!.toUpperCase();
    found.mpi = `${name} ${mpi[2]}`;
  } else {
    // Horovod's template asks "MPI version:" without the implementation: the version is stated, the name is not.
    const unnamed = MPI_VERSION_ANSWER.exec(text);
    if (unnamed) found.mpi = `MPI ${unnamed[1]}`;
  }
}

function extractCuda(text: string, found: Found): void {
  const nvsmi = /NVIDIA-SMI\s+([\d.]+)\s+Driver Version:\s*([\d.]+)(?:\s+CUDA Version:\s*([\d.]+))?/i.exec(text);
  if (nvsmi) {
    found.driver ??= cleanVersion(nvsmi[2]!);
    if (nvsmi[3]) found.cuda ??= cleanVersion(nvsmi[3]);
  }
  const pair = /\bCUDA\s*\/\s*cu?DNN(?: versions?)?\s*:\s*v?(\d+\.\d+(?:\.\d+)*)\s*(?:\/|,|and)\s*v?(\d+\.\d+(?:\.\d+)*)/i.exec(text);
  if (pair) {
    found.cuda ??= cleanVersion(pair[1]!);
    found.cudnn ??= cleanVersion(pair[2]!);
  }
  // One version under the joint label ("CUDA/cuDNN version: 10.1", PyTorch's issue template) is CUDA's, the
  // library the label names first; read as cuDNN's it became "cuDNN 10.1", a version cuDNN never had.
  // A remark after the number ("10.2 (installed with conda)") is no second version.
  const cudaOnly = pair ? null : /\bCUDA\s*\/\s*cu?DNN(?: versions?)?\s*:\s*v?(\d+\.\d+(?:\.\d+)*)\s*(?:\([^)\d\n]*\))?[ \t]*$/im.exec(text);
  if (cudaOnly) found.cuda ??= cleanVersion(cudaOnly[1]!);
  const cudnnText = cudaOnly ? text.replace(cudaOnly[0], "") : text;
  const cuda =
    /\bCuda compilation tools, release (\d+\.\d+)/i.exec(text) ??
    /\bcuda(?:[ _-]?toolkit)?(?:\s+(?:runtime\s+)?version|\s+used to build \w+)?\s*(?:[:=]|is)?\s*(?:cuda\/)?[-v]?(\d{1,2}\.\d+(?:\.\d+)*)/i.exec(text) ??
    /^[ \t]*(?:[-*]\s*)?version:\s*(\d{1,2}\.\d+(?:\.\d+)*)\s*$/im.exec(sectionAfter(text, /^[ \t]*(?:[-*]\s*)?CUDA:\s*$/im));
  if (cuda) found.cuda ??= cleanVersion(cuda[1]!);
  // Last, TensorFlow's log of the CUDA runtime it loaded ("Successfully opened dynamic library libcudart.so.10.1"): a
  // library it could not load ("Could not load dynamic library 'libcudart.so.10.1'") is the one it wanted, not the one
  // installed. From CUDA 11 on, every minor release's runtime is `libcudart.so.11.0`: only 10 and before say which.
  const loaded = /\bSuccessfully opened dynamic library libcudart\.so\.(\d+)\.(\d+)/.exec(text);
  if (loaded && Number(loaded[1]) < 11) found.cuda ??= `${loaded[1]}.${loaded[2]}`;
  if (!found.cuda && found.cudaFromWheel) found.cuda = found.cudaFromWheel;
  const cudnn =
    /libcudnn\.so\.(\d+(?:\.\d+)+)/i.exec(cudnnText) ??
    /\bcu?dnn(?:\s+version)?\s*(?:[:=]|is)?\s*v?(\d+\.\d+(?:\.\d+)*)/i.exec(cudnnText) ??
    /\bcudnn(\d+(?:\.\d+)+)/i.exec(cudnnText);
  if (cudnn) found.cudnn ??= cleanVersion(cudnn[1]!);
  const driver = /\b(?:nvidia\s+)?driver(?:\s+version)?\s*(?:[:=]|is)?\s*v?(\d{3}\.\d+(?:\.\d+)*)/i.exec(text);
  if (driver) found.driver ??= cleanVersion(driver[1]!);
}

/** The next few lines after a heading line such as "CUDA:" (PyTorch Lightning's environment printout). */
function sectionAfter(text: string, heading: RegExp): string {
  const m = heading.exec(text);
  if (!m) return "";
  return text.slice(m.index + m[0].length, m.index + m[0].length + 600);
}

const GPU_PATTERNS: RegExp[] = [
  // nvidia-smi table row: "|   0  GeForce RTX 208...  Off  | 00000000:01:00.0 Off |"
  /^\|\s+\d+\s+((?:NVIDIA\s+)?(?:GeForce|Tesla|Quadro|TITAN|RTX|GTX|A\d{2,3}|H100|V100|T4)[^|]*?)\s+(?:On|Off)\s+\|/im,
  /\bGPU\s*\d+\s*:\s*((?:NVIDIA\s+)?[A-Za-z][\w -]{2,40}?)(?:\s*\(UUID|\s*$)/im,
  // Laptops' MX series too ("GeForce MX150"): only after GeForce, "MX150" alone being other things as well.
  /\b((?:NVIDIA\s+)?(?:GeForce\s+)?(?:GTX|RTX)\s?-?\d{3,4}(?:\s?(?:Ti|TI|ti|SUPER|Super))?|(?:NVIDIA\s+)?GeForce\s+MX\s?\d{3})\b/,
  /\b((?:NVIDIA\s+)?Tesla\s+[A-Z]?\d+[\w-]*)/,
  /\b((?:NVIDIA\s+)?(?:Titan|TITAN)\s+(?:Xp|X|V|RTX|Z|Black))\b/,
  /\b((?:NVIDIA\s+)?Quadro\s+[A-Z]*\d+\w*)/,
  // "4 V100s"; not a CPU cache level (lscpu's "L4 cache: 688128K", an s390x's, or newer lscpu's "L4: 960 MiB").
  /\b((?:NVIDIA\s+)?(?:V100|A100|P100|K80|K40|P40|M60|T4|A10G?|H100|A6000|L4(?![ \t]*:[ \t]*\d[\d.]*[ \t]*[KMG]))(?:[-\s]?(?:SXM\d|PCIE|\d+GB))?)s?\b(?![ \t]*cache\b)/,
  /\b(Radeon\s+[\w ]{2,20}?)(?=[,.;)\n]|\s{2}|$)/,
  /\b(Jetson\s+(?:Nano|TX1|TX2|Xavier(?: NX)?|AGX \w+|Orin))\b/i,
  /\b(Apple M[123](?: Pro| Max| Ultra)?)\b/,
];

function extractGpu(text: string, found: Found): void {
  // Not in a link: the `#L4` of a GitHub line anchor is no NVIDIA L4.
  const prose = text.replace(/\bhttps?:\/\/\S+/g, " ");
  for (const re of GPU_PATTERNS) {
    const m = re.exec(prose);
    if (m) {
      found.gpu = m[1]!.trim().replace(/\s+/g, " ");
      return;
    }
  }
}

/**
 * A warning's words before "Python 3.x", which make it a release the warning speaks of, not the interpreter that ran:
 * "deprecated since Python 3.3", "will be removed in Python 3.10", "will stop working in Python 3.9". Only a
 * warning's wording: "it stops working in Python 3.8" is the reporter's own interpreter.
 */
const WARNING_RELEASE_BEFORE = /(?:deprecated (?:since|in)|removed in|will stop working in|new in version|added in)\s*$/i;

function extractPython(text: string, found: Found): void {
  // "Python version: 3.7", "python3.7", "Python version. 2.7.15" (a period ends the label only after "version").
  // A pre-release keeps its qualifier ("3.7.5rc1", "3.8.0b4"): it is another interpreter than the release.
  for (const m of text.matchAll(/\bpython\s*(?:version\s*(?:[:=.]|is)?|[:=]|is)?\s*v?([23]\.\d{1,2}(?:\.\d+(?:(?:a|b|rc)\d+)?)?)(?![\d.]*\/)/gi)) {
    if (WARNING_RELEASE_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index))) continue;
    found.python ??= m[1]!;
    break;
  }
  if (!found.python) {
    // Only a traceback path: ".../lib/python3.7/site-packages/..." still states the interpreter, and so does a path
    // into its standard library (".../envs/solaris/lib/python3.7/multiprocessing/popen_fork.py").
    const path = /python([23]\.\d{1,2})\/(?:site|dist)-packages|\blib(?:64)?\/python([23]\.\d{1,2})\/\w/i.exec(text);
    if (path) {
      const minor = path[1] ?? path[2]!;
      found.python = pyenvPatchVersion(text, minor) ?? minor;
      found.pythonFromPaths = true;
    }
  }
}

/**
 * pyenv installs each interpreter under its full version, ".pyenv/versions/3.6.4/lib/python3.6/...": when the text
 * names exactly one such version and it is the path's minor version, it is the same interpreter, stated in full.
 * Two different ones (3.6.4 and 3.6.9) say nothing about which ran, so the minor version stays.
 */
function pyenvPatchVersion(text: string, minor: string): string | undefined {
  const full = new Set(Array.from(text.matchAll(/\.pyenv\/versions\/([23]\.\d{1,2}\.\d+)\//gi), (m) => m[1]!));
  if (full.size !== 1) return undefined;
  const [version] = full;
  return version!.startsWith(`${minor}.`) ? version : undefined;
}

const OS_PATTERNS: RegExp[] = [
  // Ubuntu is versioned year.month, "16.04", "18.04.3" (or just the year, "Ubuntu 18"): in "Deep Learning AMI with
  // Source Code Ubuntu v5.0" the 5.0 is the AMI's version, and no Ubuntu was ever 5.0.
  /\b(Ubuntu)(?:\s+Linux)?\s*v?(\d{1,2}\.(?:04|06|10)(?:\.\d+)?|[1-3]\d)?(?![\d.]*\d)/i,
  // Debian's releases are 1 to 13 (with a point release, "10.4"): "#1 SMP Debian 4.19.118-2" is a kernel build.
  /\b(Debian)(?:\s+GNU\/Linux)?\s*v?(\d{1,2}(?:\.\d{1,2})?)?(?![\d.]*\d)/i,
  /\b(CentOS|Fedora|RHEL|Red Hat Enterprise Linux|Amazon Linux|Linux Mint|Arch Linux|openSUSE|SLES|SUSE|Alpine)(?:\s+Linux)?\s*v?(\d+(?:\.\d+)*)?/i,
  /\b(Windows)\s*(10|11|7|8\.1|8|Server\s+\d{4}|XP)?\b/i,
  // "Mac OSX 10.15.5" too, the X written against "OS"; not the x of "macOS x86_64", an architecture (no macOS 86).
  /\b(mac\s?OS(?:\s*X\b)?|OS\s?X|Mac OS X)\s*v?(\d+(?:\.\d+)*(?![\w.]))?/i,
  // "on a Mac", "on my MacBook Pro", "running on Mac": the machine, said after "on", is macOS. Without "on", and
  // in capitals ("filter on MAC address"), it may be something else. Not before "OS": "Mac OS 10.15" has a version.
  /\b[Oo]n (?:a |an |my |the |our |his |her )?(?:new |old )?(?:M[123] |Intel )?([Mm]ac(?:[Bb]ook(?:\s?(?:Pro|Air))?|\s?mini|\s(?:Pro|Studio))?|iMac)\b(?!\s*[Oo][Ss])()/,
  /\b(Raspberry\s?Pi|Raspbian)\s*(\d)?/i,
  /\b(WSL)\s*(2)?\b/,
  /\b(Google Colab|Colab)\b()/i,
];

function normaliseOsName(name: string): string {
  const lower = name.toLowerCase().replace(/\s+/g, " ");
  if (lower.startsWith("mac") || lower === "imac" || lower.startsWith("os x") || lower === "osx") return "macOS";
  if (lower === "rhel" || lower === "red hat enterprise linux") return "RHEL";
  if (lower === "colab" || lower === "google colab") return "Google Colab";
  const known: Record<string, string> = {
    ubuntu: "Ubuntu", centos: "CentOS", debian: "Debian", fedora: "Fedora", windows: "Windows", "amazon linux": "Amazon Linux",
    "linux mint": "Linux Mint", "arch linux": "Arch Linux", opensuse: "openSUSE", suse: "SUSE", alpine: "Alpine",
    wsl: "WSL", raspbian: "Raspbian", "raspberry pi": "Raspberry Pi", raspberrypi: "Raspberry Pi",
  };
  return known[lower] ?? name;
}

/**
 * Account and machine names are not the OS: "ubuntu@ip-172-31-5-53:~$ python train.py" (a shell prompt),
 * "ssh ubuntu@host", "/home/ubuntu/anaconda3" (AWS images name their user after the distribution).
 */
function dropAccountNames(text: string): string {
  // Each match starts where its run of name characters starts (the first word character, for the `\b` one), as the
  // leftmost match did: tried from every character of a long run ("....." of a progress bar), each attempt scanned
  // the rest of the run, quadratic (3.4 s for 48,000 dots). A prompt's path stops at the next `@` or `[`, where
  // another attempt starts: tried from each "u@h:" of "u@h:u@h:...", each scanned to the run's end (1 s for 50 KB).
  return text
    .replace(/\[[\w.-]+@[\w.-]+ [^\]\n[]*\][$#]/g, " ") // "[ubuntu@ip-10-0-0-1 ~]$"
    .replace(/(?<![\w.-])[\w.-]+@[\w.-]+:[^\s$#@]*[$#]/g, " ") // "ubuntu@ip-172-31-5-53:~/mxnet$"
    .replace(/\b(?<=(?:^|[^\w.-])[.-]*)[\w.-]+@(?=\w)/g, " ") // "ssh ubuntu@10.0.0.1"
    .replace(/\/(?:home|Users)\/[\w.-]+/g, "/home/_");
}

function extractOs(rawText: string, found: Found): void {
  const text = dropAccountNames(rawText);
  const kv = /^[ \t]*(?:[-*]\s*)?(?:OS|Operating System|OS Platform and Distribution|OS type and version|Platform)\s*:\s*(.+)$/gim;
  for (const m of text.matchAll(kv)) {
    const value = m[1]!.trim();
    // "Linux-4.4.0-…-with-Ubuntu-16.04-xenial" (Python's platform.platform()) names the distribution at its end.
    const fromPlatform = /^(?:Linux|Darwin|Windows)-/i.test(value) ? osFromPlatformString(value) : undefined;
    const named = fromPlatform ?? matchOs(value);
    if (named) found.osCandidates.push(named);
    else if (/^(?:linux|darwin|windows)$/i.test(value)) found.osCandidates.push(normaliseOsName(value === "Darwin" ? "macOS" : value));
  }
  const prose = matchOs(text);
  if (prose) found.osCandidates.push(prose);
}

function matchOs(text: string): string | undefined {
  let best: { index: number; value: string } | undefined;
  for (const re of OS_PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const value = `${normaliseOsName(m[1]!)}${m[2] ? ` ${m[2]}` : ""}`;
    if (!best || m.index < best.index) best = { index: m.index, value };
  }
  return best?.value;
}

/** Bound on the text searched: environment dumps sit near the top or the bottom of a report. */
const MAX_ENV_TEXT = 200_000;

type NotApplicableFact = NonNullable<Environment["notApplicable"]>[number];

/**
 * A shell prompt: at a line's start, a conda env in brackets ("(pyro)", "[pytorch-master]"), then `user@host:path`
 * or a path (`~/pyro`, `user@host ~/pyro`), then git's branch, in brackets ("(torch-1.0 *)", bash's __git_ps1) or as
 * a word with a letter ("dev-torch1.0"; "/usr/local/cuda 10.1 # ..." is a path and a version), then `$`, `#` or `%`
 * and the command, on the same line or, in a two-line prompt, at the start of the next after `$` or `%` (a `#` there
 * is a Markdown heading: "/opt/tools torch-1.4.0" over "# Environment" is a path and a version).
 */
const PROMPT =
  /^([ \t]*)((?:\([^()\s]{1,60}\)|\[[^[\]\s]{1,60}\])[ \t]*)?((?:[\w.-]+@[\w.-]+(?::|[ \t]+))?[~/][^\s()$#%]*|[\w.-]+@[\w.-]+:)((?:[ \t]*\([^()\n]{1,60}\)|[ \t]+(?=[^\s()$#%]*[A-Za-z])[^\s()$#%]{1,60}(?:[ \t]+[*+%?!]{1,3})?))?([ \t]*[$#%](?=[ \t]|$)|[ \t]*(?=\n[ \t]*[$%][ \t]))/gm;
/**
 * A conda env before the prompts that show no git branch: before `$` or `%` alone ("(torch-1.0) $ python ...", or on
 * the line above it, a two-line prompt), the Anaconda Prompt's Windows path ("(pytorch-1.4) C:\Users\me\pyro>python
 * ...", PowerShell's "(base) PS C:\...>"), CentOS's and RHEL's "[user@host pyro]$", macOS bash's "MacBook-Pro:pyro
 * user$".
 */
const ENV_BEFORE_PROMPT =
  /^([ \t]*)(?:\([^()\s]{1,60}\)|\[[^[\]\s]{1,60}\])[ \t]*(?=[$%](?:[ \t]|$)|\n[ \t]*[$%][ \t]|(?:PS[ \t]+)?[A-Za-z]:\\[^\n<>|"*?]{0,200}>|\[[\w.-]+@[\w.-]+[ \t][^\]\n[]{0,100}\][$#%](?:[ \t]|$)|[\w.-]+:[^\s$#%:]+[ \t]+[\w.-]+[$#%](?:[ \t]|$))/gm;
/** oh-my-zsh's prompt: "(pyro) ➜  pyro git:(torch-1.0) ✗ python ...". */
const ZSH_PROMPT = /^([ \t]*)(\([^()\s]{1,60}\)[ \t]*)?(➜[ \t]+\S+[ \t]+)(git:\([^()\n]{1,60}\))/gm;

/**
 * Names a shell prompt shows are names the reporter gave, not versions stated: the conda env and the git branch in
 * "(pyro) user@host:~/pyro (torch-1.0 *)$ python -m pytest" are no torch 1.0, nor is pyro-ppl/pyro#1358's
 * "[pytorch-master] user@host:~/pyro (pytorch-0.4.1)" over "$ python examples/expand.py" a torch 0.4.1. The prompt's
 * location and the command after it stay.
 */
export function dropPromptNames(text: string): string {
  if (!/[$#%>]|git:\(/.test(text)) return text;
  return text
    .replace(PROMPT, (_all, lead: string, _env, where: string, _branch, end: string) => `${lead}${where}${end}`)
    .replace(ENV_BEFORE_PROMPT, "$1")
    .replace(ZSH_PROMPT, (_all, lead: string, _env, where: string) => `${lead}${where}git:()`);
}

export function extractEnvironment(text: string): Environment {
  const bounded = text.length > MAX_ENV_TEXT ? `${text.slice(0, MAX_ENV_TEXT - 20_000)}\n${text.slice(-20_000)}` : text;
  const clean = joinAnswersOnNextLine(dropPromptNames(dropTemplateExamples(bounded)));
  const found: Found = { frameworks: new Map(), osCandidates: [] };
  extractDiagnose(clean, found);
  extractPackages(clean, found);
  extractCuda(clean, found);
  extractGpu(clean, found);
  extractCommunicationLibraries(clean, found);
  extractPython(clean, found);
  extractOs(clean, found);

  const env: Environment = { frameworks: Object.fromEntries(found.frameworks) };
  if (found.python) env.python = found.python;
  if (found.pythonFromPaths) env.pythonFromPaths = true;
  if (found.cuda) env.cuda = found.cuda;
  if (found.cudnn) env.cudnn = found.cudnn;
  if (found.driver) env.driver = found.driver;
  if (found.gpu) env.gpu = found.gpu;
  if (found.nccl) env.nccl = found.nccl;
  if (found.mpi) env.mpi = found.mpi;
  // A named, versioned OS beats a bare "Linux".
  const os = found.osCandidates.find((c) => /\d/.test(c)) ?? found.osCandidates[0];
  if (os) env.os = os;
  const declined = [...notApplicableFacts(clean)].filter((f) => env[f] === undefined);
  if (declined.length > 0) env.notApplicable = declined;
  const installedWith = installMethod(clean);
  if (installedWith) env.installedWith = installedWith;
  const build = extractBuildFacts(clean);
  if (Object.keys(build).length > 0) env.build = build;
  const revision = statedRevision(clean);
  if (revision) env.revision = revision;
  return env;
}

/**
 * A key line that asks and holds no answer: "Framework version:", "3. CUDA version:", horovod's "Framework: (TensorFlow,
 * Keras, PyTorch, MXNet)" whose brackets list the choices.
 */
const KEY_ONLY_LINE = /^[ \t]*(?:[-*+][ \t]*|\d{1,2}\.[ \t]*)?[A-Za-z][^:\n]{0,60}?:[ \t]*(?:\([^)\n]{0,120}\)[ \t]*:?[ \t]*)?$/;
/** The key asks for an environment fact. */
const ENVIRONMENT_KEY_WORD = /\b(?:version|framework|python|cuda|cudnn|nccl|mpi|os|platform|distribution|gpus?|driver|gcc|compiler)\b/i;
/** A short answer, itself no key, heading, quote, fence or table row: "2.0.0", "openmpi/3.1.3", "centos 7". */
const ANSWER_LINE = /^[ \t]*[^\s:#`>|](?:(?!: )[^\n]){0,59}$/;

/**
 * The template's questions answered on the line below each ("Framework version:" then "2.0.0", as a reporter may type
 * under horovod's questions), joined to their keys, so that every reader below sees "Framework version: 2.0.0".
 * Only keys that ask for an environment fact, only a short answer that is no key itself ("GCC version:" left blank
 * keeps the "Checklist:" below it apart).
 */
function joinAnswersOnNextLine(text: string): string {
  if (!/:[ \t]*(?:\)[ \t]*:?[ \t]*)?\n/.test(text)) return text;
  const lines = text.split("\n");
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const key = lines[i]!;
    const answer = lines[i + 1];
    if (answer !== undefined && KEY_ONLY_LINE.test(key) && ENVIRONMENT_KEY_WORD.test(key) && ANSWER_LINE.test(answer) && !/:[ \t]*$/.test(answer)) {
      out.push(`${key.trimEnd()} ${answer.trim()}`);
      i++;
    } else {
      out.push(key);
    }
  }
  return out.join("\n");
}

/**
 * The project's commit that a version report states, under a key that says so: "MXNet commit hash: ffa6e45" (mxnet's
 * template, the hash sometimes on the next line), diagnose.py's "Commit Hash   : 2b67436…", "git hash: af9f654"
 * (MONAI's print_config), "Lightning git revision 0c12065", or right after a version, "MONAI version 0.1.0 Commit
 * 01e4457" (issue/stated-commit.ts). Not "Git commit:", which `docker version` prints for Docker's own build, nor a
 * checkout or a "since commit …", which may be the reporter's code or a blamed change.
 */
const STATED_REVISION = new RegExp(
  String.raw`(?<![\w-])(?:commit[ _-]?(?:hash|id|sha)|git[ _-]?(?:hash|rev(?:ision)?|sha))${KEY_TO_HASH}([0-9a-f]{7,40})\b|${VERSION_THEN_COMMIT}([0-9a-f]{7,40})\b`,
  "i",
);

function statedRevision(text: string): string | undefined {
  const m = STATED_REVISION.exec(text);
  const hash = m?.[1] ?? m?.[2];
  // Seven hex digits with a letter and a digit: a hash, not a word ("defaced") or a build number.
  return hash && /[a-f]/i.test(hash) && /\d/.test(hash) ? hash.slice(0, 7).toLowerCase() : undefined;
}

/**
 * Compiler and linker errors, as the tools print them (lower case): nvcc's "convolution.cu(93): error:", gcc's
 * "meta.pb.h:10:10: fatal error:", "undefined reference to", ld's exit, make's "*** [...] Error 1", "CMake Error",
 * MSVC's "error C2065:" / "error LNK2019:", a setuptools build step's "error: command 'gcc' failed". Not runtime
 * errors that name a source line: dmlc's "threaded_engine.h:379: Error:" and OpenCV's "loadsave.cpp:737: error:
 * (-215:Assertion failed)" carry no column, and a runtime "undefined symbol" (an ImportError) means the build succeeded.
 */
const BUILD_ERROR =
  /\.(?:cuh?|cc|cpp|cxx|c|h|hpp)(?:\(\d+\)|:\d+:\d+): (?:fatal )?error:|\bundefined reference to\b|\bcollect2: error\b|\bld returned \d+ exit status|\bnvcc fatal\b|\bmake(?:\[\d+\])?: \*\*\*[^\n]*\bError \d+|\bCMake Error\b|\berror (?:C\d{4}|LNK\d{4}):|\berror: command '[^'\n]*\b(?:gcc|g\+\+|cc|c\+\+|clang\+?\+?|cl\.exe|nvcc)' failed|\bError compiling Cython file\b|\bCython\.Compiler\.Errors\.CompileError\b/;

/**
 * Python's own compiler, which mxnet's diagnose.py prints under Python Info ("Compiler     : GCC 7.2.0") and
 * `python --version` banners show ("[GCC 7.3.0]"): it built the interpreter, not the report's build.
 */
const PYTHON_COMPILER_LINE = /^[ \t]*\(?'?Compiler\s*:'?,?\s*'?(?:GCC|Clang|MSC)\b[^\n]*$/gm;

/** "g++/gcc (Ubuntu 5.4.0-6ubuntu1~16.04.5) 5.4.0", "gcc version 7.5.0", "GCC version: (Ubuntu 7.5.0-3ubuntu1~18.04) 7.5.0", "clang 10". */
const GCC_CLANG = /(?<![\w./[-])(g\+\+|gcc|clang\+\+|clang|icpc|icc)(?:\/(?:g\+\+|gcc|clang\+?\+?))?(?:[ _]?version)?\s*:?\s*(?:\([^()\n]{0,60}\)\s*)?[-v]?(\d+(?:\.\d+)*)\b/i;
const APPLE_CLANG = /\bApple (?:LLVM|clang) version (\d+(?:\.\d+)*)/i;
/** "Microsoft (R) C/C++ Optimizing Compiler Version 19.16.27034", "MSVC 14.1", "Visual Studio 2017", "VS2019". */
const MSVC = /\bC\/C\+\+ Optimizing Compiler Version (\d+(?:\.\d+)*)|\bMSVC\s*v?(\d+(?:\.\d+)*)|\b(?:Visual Studio|VS)\s*(20\d\d)\b/i;

function compilerStated(text: string): string | undefined {
  const apple = APPLE_CLANG.exec(text);
  if (apple) return `Apple clang ${apple[1]}`;
  const gnu = GCC_CLANG.exec(text);
  if (gnu) return `${gnu[1]!.toLowerCase()} ${gnu[2]}`;
  const ms = MSVC.exec(text);
  if (ms) return ms[3] ? `Visual Studio ${ms[3]}` : `MSVC ${ms[1] ?? ms[2]}`;
  return undefined;
}

/**
 * A build switch as make or cmake take it, "USE_CUDNN=0", "-DUSE_CUDA=ON", "WITH_GPU=OFF": on, off, or undefined
 * when the report does not set it or sets it both ways (two builds compared).
 */
function buildSwitch(text: string, names: string): "on" | "off" | undefined {
  const values = new Set<"on" | "off">();
  for (const m of text.matchAll(new RegExp(String.raw`(?:-D\s?|\b)(?:MXNET_)?(?:${names})\s*=\s*(1|ON|TRUE|YES|0|OFF|FALSE|NO)\b`, "gi"))) {
    values.add(/^(?:1|on|true|yes)$/i.test(m[1]!) ? "on" : "off");
  }
  return values.size === 1 ? [...values][0] : undefined;
}

/** A commit hash or a release tag named as what was built: "git checkout 5b63144", "commit 2fd70858…", "--branch v1.2.0". */
const REVISION = /\b(?:commit|checkout|HEAD is now at|revision|rev|hash|sha)\b[^\n]{0,25}?\b[0-9a-f]{7,40}\b|\b[0-9a-f]{40}\b|\b(?:checkout|--branch|-b|tag)\s+v?\d+\.\d+(?:\.\d+)*\b/i;

/** What a report of a build from source shows; see {@link BuildFacts}. */
export function extractBuildFacts(text: string): BuildFacts {
  const build: BuildFacts = {};
  // NVRTC compiles fused kernels at run time ("clip_Cast_kernel.cu(814): error:" inside an MXNetError): not a build.
  if (BUILD_ERROR.test(text) && !/\bNVRTC\b/.test(text)) build.failedAtBuild = true;
  const compiler = compilerStated(text.replace(PYTHON_COMPILER_LINE, ""));
  if (compiler) build.compiler = compiler;
  if (/\bcmake\b/i.test(text)) build.usesCmake = true;
  const cmake = /\bcmake(?:[ _]version)?\s*:?\s*v?(\d+\.\d+(?:\.\d+)*)/i.exec(text);
  if (cmake) build.cmakeVersion = cmake[1]!;
  // nvcc compiling, or a .cu file in the errors, is a CUDA build whatever the flags say.
  const cuda = buildSwitch(text, "USE_CUDA|WITH_CUDA|WITH_GPU|TF_NEED_CUDA") ?? (/\bnvcc\b|\.cuh?\(\d+\): (?:fatal )?error/i.test(text) ? "on" : undefined);
  if (cuda) build.cuda = cuda;
  const cudnn = buildSwitch(text, "USE_CUDNN|WITH_CUDNN");
  if (cudnn) build.cudnn = cudnn;
  if (REVISION.test(text)) build.revisionStated = true;
  if (buildCommandWithFlags(text) || BUILD_SWITCH_SET.test(text)) build.flagsStated = true;
  return build;
}

/**
 * Build flags stated: a make or cmake command line that sets them ("make -j8 USE_CUDA=1 USE_CUDNN=0", "cmake
 * -DUSE_CUDA=ON .."), or a build switch set as a variable, exported or before the command ("export
 * HOROVOD_WITH_MPI=1", "HOROVOD_GPU_OPERATIONS=NCCL pip install horovod", "USE_CUDA=0 python setup.py develop",
 * "TF_NEED_CUDA=1": horovod#1963 gave ten of them and was asked for its flags). Only the builds' own switches, by
 * name: a run's variables (`CUDA_VISIBLE_DEVICES`, `NCCL_P2P_DISABLE`, `MXNET_USE_FUSION`, `TF_ENABLE_ONEDNN_OPTS`)
 * are none. Both patterns are linear: no repeated group runs over a line of `K=V` pairs.
 */
const BUILD_COMMAND = /\b(?:cmake|make)\b/g;
const FLAG_SET = /\s(?:-D\s?[A-Za-z_]\w*=|[A-Z][A-Z0-9_]*=\S)/;

/** A make or cmake command followed on its line by a flag, read once per line (not again from every "make"). */
function buildCommandWithFlags(text: string): boolean {
  for (const line of text.split("\n")) {
    BUILD_COMMAND.lastIndex = 0;
    const command = BUILD_COMMAND.exec(line);
    if (command && FLAG_SET.test(line.slice(command.index + command[0].length))) return true;
  }
  return false;
}
const BUILD_SWITCH_SET =
  /(?<![\w-])(?:HOROVOD_(?:WITH|WITHOUT|GPU|CPU|BUILD|NCCL_HOME|NCCL_LINK|MPI)[A-Z0-9_]*|TF_NEED_[A-Z0-9_]+|TF_CUDA_[A-Z0-9_]+|USE_[A-Z0-9_]+|WITH_[A-Z0-9_]+|BUILD_[A-Z0-9_]+|TORCH_CUDA_ARCH_LIST|CMAKE_[A-Z0-9_]+)=\S/;

/**
 * "pip install mxnet-cu90==1.1.0", "conda install pytorch", "built from source with cmake", "docker build -t ludwig .":
 * how it was installed.
 */
function installMethod(text: string): Environment["installedWith"] {
  if (/\b(?:buil[dt]|compiled?|installed) (?:\w+ )?from source\b|\bsetup\.py (?:install|develop)\b|\bcmake\b/i.test(text)) return "source";
  if (/\bconda install\b/i.test(text)) return "conda";
  if (/\bpip3? install\b/i.test(text)) return "pip";
  // An image built from a Dockerfile: the Dockerfile says how everything in it was installed.
  // Not `docker run` of a base image (`nvidia/cuda:10.1-cudnn7-devel`), inside which the project may be installed any
  // way; nor a Dockerfile named in a link.
  if (/\bdocker(?:-compose| compose)? build\b|(?<![\w/.-])Dockerfile\b(?![\w/.-])/i.test(text)) return "docker";
  return undefined;
}

/**
 * Short human phrases for the facts found, e.g. ["torch 1.7.0", "CUDA 11.0", "Ubuntu 18.04"]. A package is
 * written "torch 1.7.0", not as a pin "torch==1.7.0": most reports say "torch version: 1.7.0", and evidence that
 * quotes a pin they never wrote reads as a misquote.
 */
export function describeEnvironment(env: Environment): string[] {
  // The DL frameworks first, then the machine (Python, CUDA, GPU, OS), then every other package: a pasted `pip freeze`
  // of forty packages must not push CUDA and the OS out of a comment that shows a dozen facts.
  // The project's own release right after the frameworks it runs on.
  const packages = Object.entries(env.frameworks);
  const frameworks = packages.filter(([k]) => FRAMEWORK_KEYS.has(k) && k !== env.project);
  const project = packages.filter(([k]) => k === env.project);
  const others = packages.filter(([k]) => !FRAMEWORK_KEYS.has(k) && k !== env.project);
  const fact = ([k, v]: [string, string]) => `${k} ${v}`;
  const out = [...frameworks, ...project].map(fact);
  // Read off an install path (a traceback's, pip's "Requirement already satisfied: ... in .../python3.8/site-packages"),
  // it is the interpreter the path belongs to, which the reporter did not write down.
  if (env.python) out.push(env.pythonFromPaths ? `Python ${env.python} (from an install path)` : `Python ${env.python}`);
  if (env.cuda) out.push(`CUDA ${env.cuda}`);
  if (env.cudnn) out.push(`cuDNN ${env.cudnn}`);
  if (env.driver) out.push(`driver ${env.driver}`);
  if (env.gpu) out.push(env.gpu);
  if (env.nccl) out.push(`NCCL ${env.nccl}`);
  if (env.mpi) out.push(env.mpi);
  if (env.os) out.push(env.os);
  out.push(...others.map(fact));
  return out;
}

/** The DL frameworks' keys in `Environment.frameworks`: the version a report is asked for when it states none. */
export const DL_FRAMEWORKS: readonly string[] = ["torch", "tensorflow", "tfjs", "tfjs-node", "keras", "jax", "mxnet", "paddle", "onnxruntime", "chainer", "theano"];

/** Listed first among the environment's facts: the frameworks and their companion packages. */
const FRAMEWORK_KEYS = new Set([...DL_FRAMEWORKS, "torchvision", "torchaudio", "torchtext", "jaxlib", "paddlepaddle"]);

/**
 * The build's own facts: the project's commit the reporter runs, and for a build from source the compiler and CMake a
 * report states, which a build question would otherwise ask for. Kept apart from describeEnvironment, whose count is a
 * classifier feature.
 */
export function describeBuildFacts(env: Environment): string[] {
  const out: string[] = [];
  if (env.revision) out.push(`commit ${env.revision}`);
  if (env.build?.compiler) out.push(env.build.compiler);
  if (env.build?.cmakeVersion) out.push(`CMake ${env.build.cmakeVersion}`);
  return out;
}

/** How many facts were found (used as a classifier feature). */
export function environmentFactCount(env: Environment): number {
  return describeEnvironment(env).length;
}
