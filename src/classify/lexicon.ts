/**
 * Domain knowledge as data: the words and error messages that point at each DL bug type (after the taxonomy of
 * Humbatova et al. as used by Jahan et al.) and at each external cause of an extrinsic bug.
 *
 * Each term becomes a feature of the trained models, so the data decides how much it counts; the lexicon only says
 * what is worth counting. The matched text becomes the evidence shown to maintainers ("mentions `CUDA error`").
 */

import type { BugType, ExtrinsicCause } from "../types.js";
import { FRAME_PATH_AND_LINE } from "../issue/frame-header.js";

export interface LexiconTerm {
  /** Stable feature id (never reuse one for a different pattern: trained weights are keyed by it). */
  id: string;
  /** Case-insensitive pattern; must not backtrack catastrophically (no nested quantifiers). */
  re: RegExp;
}

/** A pattern that must match its case exactly (the other terms ignore case). */
interface CaseSensitive {
  caseSensitive: string;
}

/**
 * Build flags are spelled in capitals (`make USE_CUDA=1`, `-DUSE_CUDNN=ON`); the same name in lower case
 * (`model(x, use_cuda=True)`) is a variable of the reporter's script and says nothing about how anything was built.
 */
function caseSensitive(source: string): CaseSensitive {
  return { caseSensitive: source };
}

function terms(prefix: string, entries: Record<string, string | CaseSensitive>): LexiconTerm[] {
  return Object.entries(entries).map(([id, source]) => ({
    id: `${prefix}.${id}`,
    re: typeof source === "string" ? new RegExp(source, "giu") : new RegExp(source.caseSensitive, "gu"),
  }));
}

export const TYPE_LEXICON: Record<BugType, LexiconTerm[]> = {
  Model: terms("model", {
    layer: String.raw`\b(?:layers?|sublayers?)\b`,
    architecture: String.raw`\barchitectures?\b`,
    activation: String.raw`\b(?:activations?|p?relu|leaky_?relu|gelu|elu|selu|tanh|sigmoid|swish)\b`,
    init: String.raw`\b(?:initiali[sz]ers?|initiali[sz]ation|init\.\w+|xavier|kaiming)\b`,
    weights: String.raw`\b(?:weights?|params?|parameters?)\b`,
    hidden: String.raw`\b(?:hidden[ _]?(?:size|units|dim)|num_?classes|num_?labels|num_?hidden|units)\b`,
    embedding: String.raw`\bembeddings?\b`,
    recurrent: String.raw`\b(?:lstm|gru|rnn|bi-?lstm|bidirectional|lstmcell|grucell|rnncell|cells?)\b`,
    conv: String.raw`\b(?:conv(?:1d|2d|3d|olution(?:al)?)?|deconv\w*|conv\d?d?transpose)\b`,
    norm: String.raw`\b(?:batch_?norm|layer_?norm|group_?norm|instance_?norm|bn)\b`,
    pooling: String.raw`\b(?:pool(?:ing)?|maxpool\w*|avgpool\w*|global_?average_?pooling\w*)\b`,
    dense: String.raw`\b(?:dense|fully[ _]?connected|linear layer|mlp)\b`,
    attention: String.raw`\b(?:attention|transformer|bert|encoder|decoder|seq2seq)\b`,
    zoo: String.raw`\b(?:model[ _]?zoo|resnet\w*|vgg\w*|mobilenet\w*|inception\w*|ssd|yolo\w*|faster[ -]?rcnn|mask[ -]?rcnn)\b`,
    block: String.raw`\b(?:hybrid_?block|sequential|functional|subclass(?:ed)? model|custom (?:layer|block|model))\b`,
    serialize: String.raw`\b(?:save_?params|load_?params|save_?parameters|load_?parameters|load_?model|save_?model|checkpoints?|state_?dict)\b`,
    // Symptoms of a model/checkpoint disagreement (the taxonomy's "checkpoint key or shape mismatch").
    keys: String.raw`\b(?:missing keys?|unexpected keys?|is missing in (?:the )?file|not found in (?:the )?checkpoint|use_bias|num_?labels|output size)\b`,
    output: String.raw`\b(?:wrong|incorrect|different) (?:outputs?|predictions?|results?)\b`,
    inference: String.raw`\b(?:inference|predict(?:ion)?s?|forward pass)\b`,
  }),
  "Tensor & Input": terms("tensor", {
    shape: String.raw`\b(?:shapes?|infer_?shape|reshape|reshaping)\b`,
    dim: String.raw`\b(?:dims?|dimensions?|dimensionality|ndim|axis|axes|rank)\b`,
    mismatch: String.raw`\b(?:size|shape|dimension|dim) mismatch\b|\bmismatch(?:ed)? (?:shape|size|dimension)s?\b`,
    expectedGot: String.raw`\bexpected\b[^\n]{0,60}\bgot\b`,
    // "view" only as a call: in prose it is an English word ("in view of", "view the docs").
    view: String.raw`\bview\(|\b(?:squeeze|unsqueeze|expand_dims|flatten|transpose|permute|swapaxes)\b`,
    broadcast: String.raw`\bbroadcast(?:ing|_to|_like)?\b`,
    dtype: String.raw`\b(?:dtypes?|type inference|data ?type|astype|cast(?:ing|s)?)\b`,
    precision: String.raw`\b(?:float(?:16|32|64)|int(?:8|16|32|64)|uint8|bfloat16|fp16|fp32|half[- ]precision|complex64|bool(?:ean)? tensor)\b`,
    // "take" and "where" only as calls: as English words they are in most reports.
    slice: String.raw`\b(?:slic(?:e|es|ing)|indexing|index(?:es)?|indices|gather\w*|scatter\w*)\b|\b(?:take|where)\(`,
    tensor: String.raw`\b(?:tensors?|nd_?arrays?|nd\.array|np\.array|arrays?)\b`,
    scalar: String.raw`\b(?:scalars?|zero-?size|empty (?:tensor|array|ndarray)|0-?d)\b`,
    // Not "stack" of "stack trace" / "stack overflow".
    concat: String.raw`\b(?:concat(?:enate)?|stack(?![ _-]?(?:trace|overflow))|split|tile|repeat|pad(?:ding)?|crop)\b`,
    input: String.raw`\b(?:inputs?|input_?shape|input data|placeholder|sparse|csr|row_sparse)\b`,
    large: String.raw`\b(?:large tensors?|overflow)\b`,
  }),
  Training: terms("training", {
    loss: String.raw`\b(?:loss(?:es)?|cross[ _-]?entropy|nll|ctc_?loss|perplexity|softmax_?output)\b`,
    nan: String.raw`\b(?:nan|inf|infinity|not a number)s?\b`,
    diverge: String.raw`\b(?:diverg\w*|converg\w*|not learning|doesn'?t learn|stuck|plateau\w*|explod\w*|vanish\w*)\b`,
    gradient: String.raw`\b(?:grad(?:ient)?s?|backward|backprop\w*|autograd|grad_req|attach_grad|requires_grad|zero_grad)\b`,
    lr: String.raw`\b(?:learning[ _]rate|lr|lr_?scheduler|scheduler|warm-?up|weight[ _]decay|momentum)\b`,
    // Not "optimization": in most reports it is the compiler's or a performance optimisation.
    optimizer: String.raw`\b(?:optimi[sz]ers?|sgd|adam\w*|adagrad|adadelta|rmsprop|nag|lamb|lars)\b`,
    epoch: String.raw`\b(?:epochs?|iterations?|steps?|batch(?:_| )?size|mini-?batch(?:es)?)\b`,
    train: String.raw`\b(?:train(?:ing|er|s|ed)?|fit(?:ting)?|fine-?tun\w*)\b`,
    metric: String.raw`\b(?:accuracy|metrics?|f1|precision|recall|auc|mse|evaluat\w*|validation|val_\w+)\b`,
    data: String.raw`\b(?:data_?loader|data ?iter|ndarray_?iter|image_?record_?iter|image_?iter|data_?set|dataset|sampler|batchif\w*|collate\w*|shuffl\w*)\b`,
    augment: String.raw`\b(?:augment\w*|preprocess\w*|normali[sz]\w*|random_?crop|resize\w*|transforms?)\b`,
    dropout: String.raw`\bdropout\b`,
    // Not the "&amp;" of HTML-escaped issue text.
    amp: String.raw`(?<!&)\b(?:amp|mixed[ -]precision|loss[ _]scal\w*|grad(?:ient)?[ _]accumulation|grad_?scaler)\b`,
    resume: String.raw`\b(?:resum\w*|callbacks?|early[ _]?stopping|checkpointing)\b`,
  }),
  GPU: terms("gpu", {
    cuda: String.raw`\bcuda\w*\b`,
    cudnn: String.raw`\b(?:cudnn\w*|cublas\w*|cufft|curand|cusparse)\b`,
    gpu: String.raw`\b(?:gpus?|multi-?gpu|gpu\d|nvidia|geforce|tesla|quadro|titan)\b`,
    device: String.raw`\b(?:devices?|device_?id|cuda:\d|mx\.gpu|ctx|contexts?|gpu_?ids?|device ordinal)\b`,
    oom: String.raw`\b(?:out of memory|oom|memory (?:leak|usage|consumption))\b`,
    nccl: String.raw`\b(?:nccl|horovod|all-?reduce|dist_?sync|dist_?device_?sync|kvstore|parameter server)\b`,
    parallel: String.raw`\b(?:data_?parallel|distributed|ddp|mirrored_?strategy|multi-?(?:node|machine|worker)|tpu)\b`,
    assert: String.raw`\b(?:device-side assert\w*|illegal memory access|cudaError\w*|launch failure)\b`,
    transfer: String.raw`\b(?:pin(?:ned)?_?memory|as_in_context|copyto|different devices|same device|to\(device\)|\.cuda\(\))`,
    build: String.raw`\b(?:nvcc|cuda_?arch\w*|sm_\d+|cu\d{2,3})\b`,
    buildFlag: caseSensitive(String.raw`(?:\b|(?<=-D))USE_(?:CUDA|CUDNN|NCCL)\b`),
  }),
  API: terms("api", {
    deprecated: String.raw`\b(?:deprecat\w*|removed|renamed|no longer|obsolete)\b`,
    upgrade: String.raw`\b(?:upgrad\w*|updat(?:e|ed|ing) (?:to|from)|migrat\w*|newer version|older version|latest version)\b`,
    version: String.raw`\b(?:version|v?\d+\.\d+(?:\.\d+)?(?:[a-z]\w*)?)\b`,
    noAttribute: String.raw`has no attribute|unexpected keyword argument|missing \d+ required positional argument|got an unexpected|takes \d+ positional arguments?|is not a function|cannot read propert\w*|undefined is not|is not defined`,
    compat: String.raw`\b(?:compatib\w*|incompatib\w*|backward(?:s)?[ -]compat\w*|regression|breaking change|behaviou?r change|changed behaviou?r)\b`,
    unsupported: String.raw`\b(?:not supported|unsupported|not implemented|notimplementederror|does not support|doesn'?t support|support for)\b`,
    api: String.raw`\b(?:apis?|signature|keyword arguments?|kwargs?|arguments?|parameters? ignored|attribute)\b`,
    errorType: String.raw`\b(?:TypeError|AttributeError|ValueError|KeyError|ReferenceError|NotImplementedError)\b`,
    convert: String.raw`\b(?:convert\w*|export\w*|import(?:ing)? (?:a |the )?model|onnx|saved_?model|frozen graph|keras model|converter)\b`,
    backend: String.raw`\b(?:backends?|kernels?|ops?|operators?)\b`,
  }),
  "non-DL": terms("nondl", {
    install: String.raw`\b(?:install\w*|pip|conda|npm|yarn|wheel|setup\.py|packag\w*|requirements\.txt)\b`,
    importErr: String.raw`\b(?:import ?error|module ?not ?found\w*|no module named|cannot import|failed to import)\b`,
    // "make" only as the build command ("make -j8", "make USE_CUDA=1"), not "make sure".
    build: String.raw`\b(?:build\w*|compil\w*|cmake\w*|makefile|gcc|g\+\+|clang|linker|undefined (?:reference|symbol)|bazel|cython)\b|\bmake (?:-j\d*|[A-Z_]+=|clean|install|command)`,
    docs: String.raw`\b(?:docs?|documentation|readme|tutorials?|typo|spelling|misspell\w*|docstrings?|website|web ?page|links?|404|redirect\w*)\b`,
    tests: String.raw`\b(?:tests?|unit ?tests?|unittest|flaky|ci|jenkins|travis|nightly|pytest|nose)\b`,
    cli: String.raw`\b(?:cli|command[ -]line|argparse|args|terminal|console|shell|scripts?)\b`,
    config: String.raw`\b(?:config\w*|yaml|json|toml|ini|env(?:ironment)? var\w*|settings?)\b`,
    // Not the `File "x.py", line 3` header of every Python traceback frame: that is the log, not a file problem.
    io: String.raw`\b(?:files?(?! ${FRAME_PATH_AND_LINE})|paths?|director(?:y|ies)|folders?|urls?|fetch|download\w*|upload\w*|open|read|write|save|load)\b`,
    // Not a call ("print(x.shape)", "torch.log(p)": the name right before its bracket): printing a value is how
    // reporters inspect any bug, and log() is the logarithm; only the words ("the logs (attached)", "prints nothing",
    // "logger") speak of logging itself.
    logging: String.raw`\b(?:log(?:ging|ger|s)?|print(?:s|ed|ing|out)?|warnings?|verbose|progress ?bar|output to console)\b(?!\()`,
    // Not a TensorFlow graph node in an error ("[[Node: input_1 = Placeholder[...]]", "[[{{node conv1}}]]"): Node.js is.
    platform: String.raw`\b(?:windows|win32|win64|mac ?os|osx|darwin|linux|ubuntu|centos|rhel|raspberry|android|ios|docker\w*|browser|chrome|firefox|safari|(?<!\[\[|\{\{)node(?:\.?js)?)\b`,
    concurrency: String.raw`\b(?:thread\w*|subprocess\w*|multiprocess\w*|fork\w*|deadlock\w*|hang\w*|segfault|seg(?:mentation)? ?fault|sigsegv|core dumped|race condition)\b`,
    infra: String.raw`\b(?:cluster|worker nodes?|aws|ec2|kubernetes|k8s|ssh|rpc|grpc|redis|http)\b`,
    // The taxonomy's "UI" part of non-DL bugs.
    ui: String.raw`\b(?:ui|gui|dashboard|notebooks?|jupyter|colab|widgets?|visuali[sz]\w*|plot\w*|tensorboard)\b`,
  }),
};

/** Weights files by extension (the pretrained-model cause; also read by causes.ts to tell loading from writing). */
export const WEIGHTS_EXTENSIONS = ["params", "h5", "pth?", "ckpt", "onnx"] as const;
/** Weights spoken of in words, not by a file name. */
const WEIGHTS_PHRASE_SOURCE = String.raw`weights? file|saved ?model from|trained (?:with|in|on) (?:keras|tensorflow|pytorch|an older|a previous)`;
export const WEIGHTS_PHRASE = new RegExp(String.raw`\b(?:${WEIGHTS_PHRASE_SOURCE})`, "i");

/**
 * After "libc++abi.dylib", macOS's C++ runtime: its message for an uncaught exception whose type or message is the
 * project's own: dmlc's `dmlc::Error` (mxnet's and its siblings' CHECK failures), a type in the project's namespace
 * (masked as OWN_PROJECT), or dmlc's log line naming a source file of the project's tree ("[10:02:14] src/...").
 * A standard or another library's exception (`std::system_error`, `cv::Exception`) is left as it was.
 */
const OWN_UNCAUGHT_EXCEPTION = String.raw`(?<=\blibc\+\+abi\.dylib): terminating (?:with|due to) uncaught exception of type (?:dmlc::|ownproject::|[\w:]+: \[\d{1,2}:\d{2}:\d{2}\] (?:src|include)/)`;

export const CAUSE_LEXICON: Record<ExtrinsicCause, LexiconTerm[]> = {
  "gpu-driver-cuda": terms("cause.gpu", {
    // Not a device string: `cuda:0` in "tensors on cuda:0 and cpu" names a GPU of the reporter's code, not a version.
    cudaVersion: String.raw`\bcuda(?:[ -]?toolkit)?(?!:\d+(?![.\d]))[ :=v]*\d+(?:\.\d+)*\b|\bcu\d{2,3}\b`,
    cudnn: String.raw`\b(?:cudnn\w*|cublas\w*|nccl)\b`,
    driver: String.raw`\b(?:nvidia[ -]?driver|driver version|gpu driver|nvidia-smi)\b`,
    cudaError: String.raw`\bCUDA error\b[^\n]{0,60}|\bcudaError\w*|CUDNN_STATUS_\w+|CUBLAS_STATUS_\w+|device-side assert\w*|invalid device ordinal|illegal memory access`,
    gpuModel: String.raw`\b(?:geforce|tesla|quadro|titan|rtx ?\d{4}|gtx ?\d{3,4}|v100|a100|p100|k80|t4|jetson)\b`,
  }),
  "os-platform": terms("cause.os", {
    windows: String.raw`\b(?:windows(?: \d+)?|win32|win64|msvc|visual studio)\b`,
    mac: String.raw`\b(?:mac ?os(?: x)?|osx|darwin|apple silicon|apple m[123]|xcode)\b`,
    linux: String.raw`\b(?:ubuntu|centos|rhel|red ?hat|debian|fedora|amazon linux|linux mint|suse|alpine)\b`,
    arm: String.raw`\b(?:raspberry ?pi|arm64|aarch64|armv7\w*|jetson|android|ios|react[ -]native)\b`,
    browser: String.raw`\b(?:chrome \d+|firefox|safari|edge browser|web ?worker|node ?(?:v?\d+|js \d+))\b`,
    onlyOn: String.raw`\bonly (?:on|in|under) (?:windows|mac\w*|linux|osx|ubuntu|centos|arm|firefox|safari|chrome)\b|\bon (?:windows|mac ?os|osx) (?:it|this|the)\b`,
  }),
  "third-party-library": terms("cause.lib", {
    // Not the tail of another package's name: `msgpack-numpy==0.4.3.1` is no numpy version.
    libVersion: String.raw`(?<![\w-])(?:numpy|scipy|opencv|cv2|pandas|protobuf|transformers|onnx|onnxruntime|pillow|requests|scikit-learn|sklearn|horovod|tensorrt|tvm|keras|tensorflow|torch|pytorch|jax|cython|mkl|mkl-?dnn|dnnl|openblas|openmp|pytest|setuptools|sphinx)\b[ =:v-]{0,3}\d+(?:\.\d+)+`,
    dependency: String.raw`\b(?:dependenc(?:y|ies)|third[- ]party|upstream|external library|requirements)\b`,
    // Not the project's own releases ("works with horovod 0.19.0 but breaks with 0.20.0" in horovod's tracker is a
    // regression of the project): its name is masked as OWN_PROJECT where the lexicons read.
    // Not a type checker's "Incompatible types in assignment", "has incompatible type", "Incompatible return value
    // type" (mypy's report on the project's own annotations, pytorch/ignite#1446), nor a tensor's "incompatible shape" or
    // Keras's "Input 0 is incompatible with layer x: expected shape=..." (tensorflow/addons#639), which are the code's
    // own types and shapes, not a library's.
    mismatch: String.raw`\b(?:version mismatch|(?<!has )incompatib\w*(?! (?:types?|return value|shapes?|dimensions?|sizes?|ranks?|with (?:the )?layer)\b)|not compatible|compatibility with|works with (?!ownproject\b)[\w.-]+ \d[\w.]*|breaks? with (?!ownproject\b)[\w.-]+ \d)\b`,
    // "updated to" a release ("updated to 2.0", "upgraded to torch 1.7", "to the latest"), not "the example should be
    // updated to use type: text" (ludwig#493), a change of the project's own.
    upgraded: String.raw`\b(?:after (?:upgrading|updating|installing)|since (?:upgrading|updating)|(?:upgraded|updated) to (?:(?:the )?(?:latest|newest|newer|new)\b|(?:[\w.-]+ )?v?\d)|new release of|changed its)`,
    mkl: String.raw`\b(?:mkl-?dnn|mkldnn|dnnl|onednn|openblas|lapack|blas)\b`,
    // A third-party library named in the report's words (not in an import line): the taxonomy's "third-party library
    // or API change" cause. The DL frameworks themselves are left out: each is some project's own code.
    libName: String.raw`(?<!import )(?<![\w-])(?:numpy|scipy|onnx(?:runtime)?|tvm|dlpack|opencv|cv2|pillow|protobuf|pandas|scikit-learn|sklearn|tensorrt|horovod|openmp|libomp|jemalloc|gperftools|cython|h5py|hdf5|imageio|matplotlib)\b`,
  }),
  "training-data": terms("cause.data", {
    dataset: String.raw`\b(?:my (?:own |custom )?data(?:set)?|custom dataset|self[- ]creat\w* dataset|new dataset|dataset release|the dataset)\b`,
    // Corruption of data, not of anything ("corrupts the cache", "memory corruption", a corrupted weights file).
    corrupt: String.raw`\b(?:corrupt(?:ed)? (?:(?:input|training|test|validation|some|my|the|these|those|many|few) )?(?:images?|data(?:set)?|records?|samples?|labels?|annotations?|jpe?gs?|pngs?|tfrecords?)|(?:images?|data(?:set)?|records?|samples?|labels?|annotations?) (?:is|are|was|were|gets?|got|seems?|seem to be|looks?) corrupt\w*|(?:image|data(?:set)?|record|sample|label|annotation)s? corruption|zero-byte|truncated (?:image|file)s?|invalid (?:image|label)s?|bad (?:image|label|sample)s?|malformed (?:images?|data|records?|samples?|labels?|annotations?))\b`,
    // Not Python's type annotations ("forward reference in type annotations", a Sphinx warning: MONAI#730).
    labels: String.raw`\b(?:label file|(?<!\btype )(?<!\bfunction )(?<!\breturn )annotations?|header row|csv file|tfrecords?)\b`,
  }),
  "pretrained-model": terms("cause.pretrained", {
    pretrained: String.raw`\b(?:pre-?trained|model ?zoo|model hub|downloaded (?:model|weights)|published (?:model|weights))\b`,
    // A file's extension, not a method of the same name (`self.head.params()`, `net.params()` is no weights file),
    // nor the last part of a dotted module path (`allennlp.common.params` in every allennlp INFO log line).
    // Nor a placeholder's (`<path_to_bert_model.ckpt>`, a template's or a docs' stand-in for the reader's own file).
    weightsFile: String.raw`\b(?:${WEIGHTS_PHRASE_SOURCE}|${WEIGHTS_EXTENSIONS.map((e) => String.raw`(?<!\.\w+)\.${e}\b(?!\s*\(|[\w.-]*>)`).join("|")})`,
    // A model zoo's `get_model('resnet50_v1b', pretrained=True)`, with the model's name: not a framework's own
    // accessor, `self.trainer.get_model()` (pytorch-lightning#3487).
    loadHub: String.raw`\b\w+\.load\(\s*['"][\w-]+['"]\s*\)|\bfrom_pretrained\b|\bget_model\(\s*[^)\s]`,
  }),
  "build-install": terms("cause.build", {
    build: String.raw`\b(?:build(?:ing)? from source|cmake\w*|makefile|make -j\d*|bazel|ninja)\b`,
    // A flag given to make (`make DEBUG=1`) is a build flag like the others, so capitals only: the case-insensitive
    // build term would also read `make use_cuda=1`.
    flag: caseSensitive(String.raw`\bUSE_(?:CUDA|CUDNN|NCCL|MKLDNN|DNNL|OPENCV|BLAS|OPENMP|TENSORRT|MKL|LAPACK)\s*=\s*\w+|(?<=\s)-D[A-Z][A-Z0-9_]*=\w+|\bmake [A-Z][A-Z0-9_]*=\w*`),
    // Not a call of compile (Keras's `model.compile(...)`, `torch.compile(...)`), which compiles a model, not code.
    compiler: String.raw`(?<!\.)\bcompile\b(?!\s*\()|\b(?:compil(?:er|ing|ation)|gcc|g\+\+|clang|msvc|nvcc|linker|undefined (?:reference|symbol))\b`,
    install: String.raw`\b(?:pip install|conda install|npm install|yarn add|setup\.py|wheel|installation|install(?:ing|ed)? (?:from|via|with)|node-pre-gyp|node-gyp)\b`,
    // Not the C++ runtime's own library in the line it prints for an uncaught exception of the project's own
    // ("libc++abi.dylib: terminating with uncaught exception of type dmlc::Error: [10:02:14] src/..."; after the
    // review of apache/mxnet#9405): a crash in the project's code, no library that failed to load.
    sharedLib: String.raw`\b(?:lib\w+\.so(?:\.\d+)*|\.dylib(?!${OWN_UNCAUGHT_EXCEPTION})|\.dll|dlopen|symbol not found|cannot open shared object)\b`,
    docker: String.raw`\b(?:docker\w*|container image|base image)\b`,
    // What a failed build or install prints (a compiler, linker or build tool at work, not the project's code).
    buildError: String.raw`\bfatal error:|\bCMake Error\b|\bNo rule to make target\b|\bld returned \d+ exit status\b|\bcannot find -l\w+|\berror: command '[^'\n]{1,40}' failed|\bFailed building wheel\b|\bCould not find a version that satisfies\b`,
    // A system package manager that cannot fetch or verify its packages (apache/mxnet#18042: CI's apt-get against a
    // mirror with a bad signature): the machine's sources, not the code.
    packageManager: String.raw`\b(?:BADSIG|NO_PUBKEY|GPG error|Hash Sum mismatch|apt-get (?:update|install)|yum install|brew install|Unable to locate package|dpkg: error|E: Unable to fetch)\b`,
  }),
};

/**
 * What the project's own names read as where the lexicons read (classify/text.ts lexicalView): a word no term
 * matches. Terms that take any name ("works with X 1.2") say `(?!ownproject\b)`; samples show the name again.
 */
export const OWN_PROJECT = "ownproject";

/** Generic signs that something outside the project is involved, whatever the cause. */
export const EXTRINSIC_HINTS: LexiconTerm[] = terms("hint", {
  works: String.raw`\bworks? (?:fine |well )?(?:with|on|in) (?!ownproject\b)[\w.-]+ ?\d[\w.]*\b`,
  environment: String.raw`\b(?:environment|env|platform|machine|system|hardware|os)\b`,
  versions: String.raw`\b\d+\.\d+(?:\.\d+)?\b`,
  upgraded: String.raw`\b(?:upgrad\w*|downgrad\w*|after updat\w*|new version|older version|previous version)\b`,
  ci: String.raw`\b(?:ci|jenkins|travis|nightly|flaky)\b`,
  // Behaviour that depends on where it runs (PAPER §4.2: "fine on 11.8", "hang on Windows"): the same code works on
  // one device, platform or release and not on another, so the difference lies outside the code.
  contrast: String.raw`\b(?:(?:works?|worked|runs?|ran)(?: fine| well| ok| correctly)? (?:on|with|under|using) (?:the )?|(?:only|but not|except)(?: \w+)? (?:on|with|under|when using) (?:the )?)(?:cpu|gpus?|cuda|tpu|windows|win10|mac\w*|os ?x|linux|ubuntu|centos|docker|colab|multi-?gpus?|single gpu|python ?[23](?:\.\d+)?)\b`,
  // An exact version pin (pip's "pkg==1.2.3"): the reporter ties the bug to a release, whichever package it is.
  pin: String.raw`\b[A-Za-z][\w.-]{1,30}==\d+(?:\.\d+)+\b`,
});

export interface LexiconHit {
  id: string;
  count: number;
  /** The first matched text, trimmed, for evidence. */
  sample: string;
}

/** Counts matches of each term (capped: a log that repeats one word 500 times is one strong signal, not 500). */
/**
 * The lexicon terms quotable as evidence, each with its first match in the reporter's own words (quotable-text.ts:
 * not the template's bracketed examples, native backtrace frames or filesystem paths); null when the report holds
 * none of those and every match is quotable.
 */
export type Quotable = ReadonlyMap<string, string> | null;

/** What evidence may quote of a hit: its first match the reporter wrote, or undefined when there is none. */
export function quotedSample(quotable: Quotable, hit: LexiconHit): string | undefined {
  return quotable === null ? hit.sample : quotable.get(hit.id);
}

export function matchTerms(text: string, list: LexiconTerm[], cap = 20): LexiconHit[] {
  const hits: LexiconHit[] = [];
  for (const term of list) {
    term.re.lastIndex = 0;
    let count = 0;
    let sample = "";
    for (const m of text.matchAll(term.re)) {
      if (count === 0) sample = m[0].trim().replace(/\s+/g, " ").slice(0, 80);
      if (++count >= cap) break;
    }
    if (count > 0) hits.push({ id: term.id, count, sample });
  }
  return hits;
}
