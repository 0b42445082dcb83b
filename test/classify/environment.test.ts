import { describe, expect, it } from "@jest/globals";
import { describeBuildFacts, describeEnvironment, extractBuildFacts, extractEnvironment, osFromPlatformString } from "../../src/classify/environment.js";

const COLLECT_ENV = `
## Environment

PyTorch version: 1.7.0
Is debug build: True
CUDA used to build PyTorch: 11.0
ROCM used to build PyTorch: N/A

OS: Ubuntu 18.04.5 LTS (x86_64)
GCC version: (Ubuntu 7.5.0-3ubuntu1~18.04) 7.5.0
Clang version: Could not collect
CMake version: version 3.18.2

Python version: 3.8 (64-bit runtime)
Is CUDA available: True
CUDA runtime version: 11.0.221
GPU models and configuration: GPU 0: GeForce RTX 2080 Ti
Nvidia driver version: 450.80.02
cuDNN version: Probably one of the following:
/usr/lib/x86_64-linux-gnu/libcudnn.so.8.0.4
HIP runtime version: N/A
MIOpen runtime version: N/A

Versions of relevant libraries:
[pip3] numpy==1.19.2
[pip3] torch==1.7.0
[pip3] torchvision==0.8.1
[conda] blas                      1.0                         mkl
[conda] pytorch                   1.7.0           py3.8_cuda11.0.221_cudnn8.0.3_0    pytorch
`;

const NVIDIA_SMI = `
+-----------------------------------------------------------------------------+
| NVIDIA-SMI 460.32.03    Driver Version: 460.32.03    CUDA Version: 11.2     |
|-------------------------------+----------------------+----------------------+
| GPU  Name        Persistence-M| Bus-Id        Disp.A | Volatile Uncorr. ECC |
|   0  Tesla V100-SXM2...  On   | 00000000:00:1E.0 Off |                    0 |
+-------------------------------+----------------------+----------------------+
`;

const TF_TEMPLATE = `**System information**
- Have I written custom code (as opposed to using a stock example script provided in TensorFlow): yes
- OS Platform and Distribution (e.g., Linux Ubuntu 16.04): macOS 10.15.7
- TensorFlow installed from (source or binary): binary
- TensorFlow version (use command below): 2.4.0
- Python version: 3.7.9
- CUDA/cuDNN version: 11.0/8.0
- GPU model and memory: GeForce GTX 1080 8GB
`;

const DIAGNOSE = `----------Python Info----------
Version      : 3.6.9
Compiler     : GCC 7.3.0
----------Pip Info-----------
Version      : 19.1.1
----------MXNet Info-----------
Version      : 1.6.0
Directory    : /home/user/anaconda3/envs/mx/lib/python3.6/site-packages/mxnet
Build features:
✔ CUDA
✔ CUDNN
----------System Info----------
Platform     : Linux-3.10.0-862.14.4.el7.x86_64-x86_64-with-centos-7.5.1804-Core
system       : Linux
`;

describe("extractEnvironment", () => {
  it("reads the NCCL and MPI a distributed run uses, not a package name's version", () => {
    expect(extractEnvironment("NCCL version 2.4.8+cuda10.0").nccl).toBe("2.4.8");
    expect(extractEnvironment("{'NCCL_VERSION': '2.4.8', 'CUDA_VERSION': '10.1'}").nccl).toBe("2.4.8");
    expect(extractEnvironment("apt install libnccl2=2.4.8-1+cuda10.0").nccl).toBeUndefined();
    expect(extractEnvironment("NCCL INFO NET/Socket : Using [0]eth0").nccl).toBeUndefined();
    expect(extractEnvironment("$ mpirun --version\nmpirun (Open MPI) 4.0.3").mpi).toBe("Open MPI 4.0.3");
    expect(extractEnvironment("OpenMPI 3.1.2, horovod 0.19.0").mpi).toBe("Open MPI 3.1.2");
    expect(extractEnvironment("MPICH 3.3").mpi).toBe("MPICH 3.3");
    expect(describeEnvironment(extractEnvironment("NCCL 2.7.8 and MVAPICH2 version 2.3"))).toEqual(["NCCL 2.7.8", "MVAPICH2 2.3"]);
  });

  it("reads NCCL's and an MPI's version on their label's line or as the bare answer below it, not another key's number", () => {
    expect(extractEnvironment("- NCCL:\n- Epoch time: 12.3 seconds").nccl).toBeUndefined();
    expect(extractEnvironment("NCCL version:\n2.4.8").nccl).toBe("2.4.8");
    expect(extractEnvironment("NCCL version:\nbatch: 2.4").nccl).toBeUndefined();
    expect(extractEnvironment("- MPI: Open MPI\n- workers: 4.0").mpi).toBeUndefined();
    expect(extractEnvironment("- NCCL version: 2.7.8\n- MPI: Open MPI 4.0.3").nccl).toBe("2.7.8");
    expect(extractEnvironment("- NCCL version: 2.7.8\n- MPI: Open MPI 4.0.3").mpi).toBe("Open MPI 4.0.3");
  });

  it("reads the answer to horovod's unnamed 'MPI version:' question", () => {
    expect(extractEnvironment("4. MPI version: 3.1.1\n5. CUDA version: 10.0").mpi).toBe("MPI 3.1.1");
    expect(extractEnvironment("- MPI version: Open MPI 4.0.2").mpi).toBe("Open MPI 4.0.2");
    expect(extractEnvironment("MPI version: N/A").mpi).toBeUndefined();
  });

  it("reads NCCL's fourth version part, and no least MPI version that advice asks for", () => {
    expect(extractEnvironment("NCCL version 2.7.8.1+cuda11.0").nccl).toBe("2.7.8.1");
    expect(extractEnvironment("Exception: horovod does not find an installed MPI.\n1. Install Open MPI 4.0.0+ or IBM Spectrum MPI or MPICH and re-install Horovod").mpi).toBeUndefined();
    expect(extractEnvironment("It needs MPICH 3.3 or later.").mpi).toBeUndefined();
    expect(extractEnvironment("I installed Open MPI 4.0.3 from source.").mpi).toBe("Open MPI 4.0.3");
  });

  it("keeps an MPI pre-release's qualifier, as Python's", () => {
    expect(extractEnvironment("mpirun (Open MPI) 4.0.3rc1").mpi).toBe("Open MPI 4.0.3rc1");
    expect(extractEnvironment("- MPI version: Open MPI 4.0.3rc1, horovod 0.19.0").mpi).toBe("Open MPI 4.0.3rc1");
    expect(extractEnvironment("MPICH 3.4b1").mpi).toBe("MPICH 3.4b1");
  });

  it("reads no version out of a conda env or git branch a shell prompt shows (pyro-ppl/pyro#1358)", () => {
    expect(extractEnvironment("(pyro) user@host:~/pyro (torch-1.0 *)$ python -m pytest tests/infer").frameworks).toEqual({});
    expect(extractEnvironment("user@host:~/pyro (torch-1.0-dev)$ python -m pytest").frameworks).toEqual({});
    expect(extractEnvironment("~/pyro torch-1.0 $ python -m pytest").frameworks).toEqual({});
    expect(extractEnvironment("(torch-1.0) user@host:~/pyro$ python -m pytest").frameworks).toEqual({});
    expect(extractEnvironment("(pyro) ➜  pyro git:(torch-1.0) ✗ python -m pytest").frameworks).toEqual({});
    // A two-line prompt: the env in square brackets, the branch at the line's end, `$` and the command below.
    expect(extractEnvironment("  [torch-master] user@host:~/src/pyro (pytorch-0.4.1)\n  $ python examples/run.py").frameworks).toEqual({});
    // The command after the prompt, and versions stated with a label or after the package's name, are still read.
    expect(extractEnvironment("(pyro) user@host:~/pyro (dev *)$ pip install torch==1.0.0").frameworks).toEqual({ torch: "1.0.0" });
    expect(extractEnvironment("user@host:~/pyro (torch-1.0 *)$ pytest\nPyTorch version: 1.0.0").frameworks).toEqual({ torch: "1.0.0" });
    expect(extractEnvironment("I use torch 1.0").frameworks).toEqual({ torch: "1.0" });
    expect(extractEnvironment("torch==1.0.0").frameworks).toEqual({ torch: "1.0.0" });
    // A path and a version, then a comment, is no prompt with a branch.
    expect(extractEnvironment("/usr/local/cuda 10.1 # the toolkit").cuda).toBe("10.1");
  });

  it("reads no version out of a conda env before a prompt of another shape: `$` alone, Windows, CentOS, macOS", () => {
    expect(extractEnvironment("(torch-1.0) $ python -m pytest tests/infer").frameworks).toEqual({});
    expect(extractEnvironment("(torch-1.0) % python -m pytest").frameworks).toEqual({});
    expect(extractEnvironment("(torch-1.0)\n$ python -m pytest tests/infer").frameworks).toEqual({});
    expect(extractEnvironment("(pytorch-1.4) C:\\Users\\me\\pyro>python examples/vae.py").frameworks).toEqual({});
    expect(extractEnvironment("(pytorch-1.4) C:\\Program Files (x86)\\pyro>python examples/vae.py").frameworks).toEqual({});
    expect(extractEnvironment("(pytorch-1.4) PS C:\\Users\\me> python examples/vae.py").frameworks).toEqual({});
    expect(extractEnvironment("(torch-1.0) [user@host pyro]$ python -m pytest").frameworks).toEqual({});
    expect(extractEnvironment("(torch-1.0) MacBook-Pro:pyro user$ python -m pytest").frameworks).toEqual({});
    // The command after the prompt is still read, and so are versions stated as they were.
    expect(extractEnvironment("(torch-1.0) $ pip install torch==1.0.1").frameworks).toEqual({ torch: "1.0.1" });
    expect(extractEnvironment("(base) C:\\Users\\me>pip install torch==1.4.0").frameworks).toEqual({ torch: "1.4.0" });
    expect(extractEnvironment("[user@host pyro]$ pip install torch==1.0.0").frameworks).toEqual({ torch: "1.0.0" });
    expect(extractEnvironment("$ pip install torch==1.0.0").frameworks).toEqual({ torch: "1.0.0" });
    expect(extractEnvironment("PyTorch version: 1.0.0").frameworks).toEqual({ torch: "1.0.0" });
    expect(extractEnvironment("torch 1.0").frameworks).toEqual({ torch: "1.0" });
    // Not a prompt: a remark in brackets, then words.
    expect(extractEnvironment("(torch 1.0) $ python").frameworks).toEqual({ torch: "1.0" });
  });

  it("takes only `$` or `%` for a two-line prompt's second line, not a Markdown heading's `#`", () => {
    expect(extractEnvironment("/opt/tools torch-1.4.0\n# Environment").frameworks).toEqual({ torch: "1.4.0" });
    expect(extractEnvironment("~/pyro torch-1.0\n% python -m pytest").frameworks).toEqual({});
  });

  it("reads a version given after the template's '(source or binary)' answer", () => {
    expect(extractEnvironment("- TensorFlow version and how it was installed (source or binary): binary(2.0.0-dev20190920)").frameworks.tensorflow).toBe("2.0.0-dev20190920");
    expect(extractEnvironment("TensorFlow version (use command below): binary 1.14.0").frameworks.tensorflow).toBe("1.14.0");
  });

  it("reads SUSE Linux Enterprise Server as SLES", () => {
    expect(extractEnvironment("OS: Cray linux based on SLES 15").os).toBe("SLES 15");
  });

  it("keeps a Python pre-release's qualifier", () => {
    expect(extractEnvironment("Python 3.7.5rc1 on Ubuntu 18.04").python).toBe("3.7.5rc1");
    expect(extractEnvironment("- Python version: 3.8.0b4").python).toBe("3.8.0b4");
    expect(extractEnvironment("python 3.6.9, torch 1.4").python).toBe("3.6.9");
  });

  it("reads PyTorch's collect_env output", () => {
    const env = extractEnvironment(COLLECT_ENV);
    expect(env.frameworks.torch).toBe("1.7.0");
    expect(env.frameworks.numpy).toBe("1.19.2");
    expect(env.frameworks.torchvision).toBe("0.8.1");
    expect(env.python).toBe("3.8");
    expect(env.cuda).toBe("11.0");
    expect(env.cudnn).toBe("8.0.4");
    expect(env.driver).toBe("450.80.02");
    expect(env.gpu).toBe("GeForce RTX 2080 Ti");
    expect(env.os).toBe("Ubuntu 18.04.5");
  });

  it("reads the nvidia-smi header and GPU row", () => {
    const env = extractEnvironment(`I see this on our cluster:\n${NVIDIA_SMI}`);
    expect(env.driver).toBe("460.32.03");
    expect(env.cuda).toBe("11.2");
    expect(env.gpu).toMatch(/^Tesla V100/);
  });

  it("reads the TensorFlow issue template and ignores its (e.g. ...) examples", () => {
    const env = extractEnvironment(TF_TEMPLATE);
    expect(env.frameworks.tensorflow).toBe("2.4.0");
    expect(env.python).toBe("3.7.9");
    expect(env.cuda).toBe("11.0");
    expect(env.cudnn).toBe("8.0");
    expect(env.gpu).toBe("GeForce GTX 1080");
    expect(env.os).toBe("macOS 10.15.7");
  });

  it("reads a package name given as a template's answer (tensorflow-gpu, tensorflow-addons)", () => {
    const env = extractEnvironment(
      "TensorFlow version and how it was installed (source or binary): tensorflow-gpu 2.0.0, binary\nTensorFlow-Addons version: tensorflow-addons 0.6.0\n",
    );
    expect(env.frameworks["tensorflow"]).toBe("2.0.0");
    expect(env.frameworks["tensorflow-addons"]).toBe("0.6.0");
  });

  it("reads a Ti model however the reporter writes Ti", () => {
    expect(extractEnvironment("torch 1.5 on a GTX 780 TI (source)").gpu).toBe("GTX 780 TI");
    expect(extractEnvironment("RTX 2080 Ti").gpu).toBe("RTX 2080 Ti");
  });

    it("reads no GPU out of a link (a GitHub line anchor `#L4` is no NVIDIA L4)", () => {
    expect(extractEnvironment("See https://github.com/o/r/blob/master/x.py#L4 and Python 3.7").gpu).toBeUndefined();
    expect(extractEnvironment("Runs on an NVIDIA L4 with Python 3.7").gpu).toBe("NVIDIA L4");
  });

    it("reads a template's Framework / Framework version pair as the named framework's version", () => {
    expect(extractEnvironment("Framework: (TensorFlow, Keras, PyTorch, MXNet): Pytorch\nFramework version: 1.3.0").frameworks).toEqual({ torch: "1.3.0" });
    expect(extractEnvironment("1. Framework: MXNet\n2. Framework version: 1.5.1").frameworks).toEqual({ mxnet: "1.5.1" });
    expect(extractEnvironment("Framework: tf.keras\nFramework version: TF 1.15.0").frameworks).toEqual({ tensorflow: "1.15.0" });
    // The template's list of choices names no framework.
    expect(extractEnvironment("Framework: (TensorFlow, Keras, PyTorch, MXNet)\nFramework version: 1.14").frameworks).toEqual({});
  });

    it("reads a distribution name that differs from the import name in prose (pyro-ppl 1.3.0)", () => {
    expect(extractEnvironment("I am on pyro-ppl 1.3.0 with torch 1.4.0").frameworks["pyro"]).toBe("1.3.0");
  });

  it("does not read a printed measurement after a library's name as its version", () => {
    expect(extractEnvironment("## accuracy from sklearn 0.4986\nlr 0.003").frameworks).toEqual({});
    expect(extractEnvironment("sklearn 0.22 and torch 1.10").frameworks).toEqual({ "scikit-learn": "0.22", torch: "1.10" });
  });

  it("reads one version under PyTorch's joint CUDA/cuDNN label as CUDA's, a remark after it too", () => {
    const env = extractEnvironment("- CUDA/cuDNN version: 10.2 (installed with conda through pytorch)");
    expect([env.cuda, env.cudnn]).toEqual(["10.2", undefined]);
  });

  it("reads mxnet's diagnose.py sections", () => {
    const env = extractEnvironment(DIAGNOSE);
    expect(env.python).toBe("3.6.9");
    expect(env.frameworks.mxnet).toBe("1.6.0");
    expect(env.os).toBe("CentOS 7.5.1804");
  });

  it("reads the project's commit a version report states, not Docker's build, a checkout or a blamed commit", () => {
    expect(extractEnvironment("Compiler: gcc\nMXNet commit hash:\n07a83a0 (https://github.com/apache/incubator-mxnet/commit/07a83a0)").revision).toBe("07a83a0");
    expect(extractEnvironment("Directory    : /usr/lib/python3/dist-packages/mxnet\nCommit Hash   : 1f73c5d9d308a690b57ea1b474d2ba99ca06c476\n").revision).toBe("1f73c5d");
    expect(extractEnvironment("MONAI version: 0.1.0, git hash: af9f654").revision).toBe("af9f654");
    expect(extractEnvironment("MONAI version 0.1.0 Commit 01e4457 (06/11/2020)").revision).toBe("01e4457");
    // A commit after a version's words, not right after the version, may be one the report blames.
    expect(extractEnvironment("Since the 1.4 version, commit 3f2a1bc broke the loader").revision).toBeUndefined();
    expect(extractEnvironment("It worked up to commit 3f2a1bc").revision).toBeUndefined();
    expect(extractEnvironment(`commit hash${" ".repeat(20000)}x`).revision).toBeUndefined(); // one way through the spaces
    expect(extractEnvironment("Ludwig version:  master (commit hash ab9bb7c) ~0.3").revision).toBe("ab9bb7c");
    expect(extractEnvironment("tested on the master branch, commit id :  abbe283 (https://github.com/...)").revision).toBe("abbe283");
    expect(extractEnvironment("Server: Docker Engine\nVersion: 18.03.1-ce\nGit commit: 9ee9f40").revision).toBeUndefined();
    expect(extractEnvironment("git clone https://github.com/me/my_model.git\ngit checkout 66b4cc9db5d1b9f1e2cf6c190d1172cdf6adbe92").revision).toBeUndefined();
    expect(extractEnvironment("Since commit bd5bbfc the optimizer diverges.").revision).toBeUndefined();
    // Shown with the build's facts, not counted with the environment's (a classifier feature).
    const env = extractEnvironment("mxnet 1.3.0\nMXNet commit hash: ffa6e45");
    expect(describeBuildFacts(env)).toContain("commit ffa6e45");
    expect(describeEnvironment(env)).toEqual(["mxnet 1.3.0"]);
  });

  it("reads the interpreter off a path into its standard library, and a Mac OSX release written against OS", () => {
    const trace = 'File "/home/u/miniconda3/envs/solaris/lib/python3.7/multiprocessing/popen_fork.py", line 20, in __init__';
    expect(extractEnvironment(trace)).toMatchObject({ python: "3.7", pythonFromPaths: true });
    expect(extractEnvironment("OS: Mac OSX 10.15.5").os).toBe("macOS 10.15.5");
    // The x of an architecture is no OS X, nor its 86 a release.
    expect(extractEnvironment("OS: macOS x86_64\nPython 3.8").os).toBe("macOS");
    expect(extractEnvironment("- OS: macOS 12.3 x86_64").os).toBe("macOS 12.3");
  });

  it("reads a template's answers typed on the line below each question (horovod#1573), and module-load versions", () => {
    const answers = [
      "Framework: (TensorFlow, Keras, PyTorch, MXNet)", "tensorflow", "Framework version:", "2.0.0", "Horovod version:", "0.18.2",
      "MPI version:", "openmpi/3.1.3", "CUDA version:", "cuda/10.0.130", "NCCL version:", "2.4.8", "Python version:", "3.7",
      "OS and version:", "centos 7", "GCC version:", "", "Checklist:", "",
    ].join("\n");
    expect(extractEnvironment(answers)).toEqual({
      frameworks: { horovod: "0.18.2", tensorflow: "2.0.0" },
      python: "3.7",
      cuda: "10.0.130",
      nccl: "2.4.8",
      mpi: "Open MPI 3.1.3",
      os: "CentOS 7",
    });
    // A question left blank does not take the next heading or question as its answer.
    expect(extractEnvironment("Python version:\nOS and version:\nUbuntu 18.04").python).toBeUndefined();
  });

  it("reads no GPU out of a CPU's cache level (an s390x's 'L4 cache: 688128K'), and an NVIDIA L4 as one", () => {
    expect(extractEnvironment("L3 cache:            262144K\nL4 cache:            688128K\nNum GPUs : 0").gpu).toBeUndefined();
    expect(extractEnvironment("L3:                   32 MiB (1 instance)\nL4:                   960 MiB (1 instance)").gpu).toBeUndefined();
    expect(extractEnvironment("Running on an NVIDIA L4 with CUDA 12.1").gpu).toBe("NVIDIA L4");
    expect(extractEnvironment("GPU NVIDIA GeForce MX150").gpu).toBe("NVIDIA GeForce MX150");
  });

  it("reads __version__ lines from an interactive session", () => {
    const env = extractEnvironment(">>> import tensorflow as tf\n>>> tf.__version__\n'2.3.1'\n>>> print(torch.__version__)\n1.8.0+cu111\n");
    expect(env.frameworks.tensorflow).toBe("2.3.1");
    expect(env.frameworks.torch).toBe("1.8.0+cu111");
  });

  it("reads pip freeze and pip list output, mapping wheel names to frameworks", () => {
    const freeze = extractEnvironment("absl-py==0.11.0\nmxnet-cu101==1.7.0\nnumpy==1.18.5\ntensorflow-gpu==2.2.0\n");
    expect(freeze.frameworks).toMatchObject({ mxnet: "1.7.0", numpy: "1.18.5", tensorflow: "2.2.0" });
    expect(freeze.frameworks["absl-py"]).toBeUndefined();
    expect(freeze.cuda).toBe("10.1");
    const list = extractEnvironment("Package    Version\n---------- -------\njax        0.2.9\njaxlib     0.1.61\nKeras      2.4.3\n");
    expect(list.frameworks).toMatchObject({ jax: "0.2.9", jaxlib: "0.1.61", keras: "2.4.3" });
  });

  it("reads the NLP libraries a text model's bug often hangs on (tokenizers, torchtext, sentencepiece, spaCy)", () => {
    const env = extractEnvironment("tokenizers==0.9.4\ntorchtext==0.8.0\nsentencepiece==0.1.91\n\nspacy version: 2.3.2\n");
    expect(env.frameworks).toMatchObject({ tokenizers: "0.9.4", torchtext: "0.8.0", sentencepiece: "0.1.91", spacy: "2.3.2" });
  });

  it("reads the CUDA of a wheel tag apart from the pinned version (mxnet-cu90==1.2.0 is CUDA 9.0, not 90.1)", () => {
    const env = extractEnvironment("mxnet-cu90==1.2.0");
    expect(env.frameworks.mxnet).toBe("1.2.0");
    expect(env.cuda).toBe("9.0");
  });

  it("reads the CUDA runtime TensorFlow loaded, not one it failed to load, and not CUDA 11's runtime for 11.0", () => {
    expect(extractEnvironment("I tensorflow/stream_executor/platform/default/dso_loader.cc:49] Successfully opened dynamic library libcudart.so.10.1").cuda).toBe("10.1");
    // Every CUDA 11.x loads libcudart.so.11.0: no minor version, and never over the one stated.
    expect(extractEnvironment("I dso_loader.cc:53] Successfully opened dynamic library libcudart.so.11.0").cuda).toBeUndefined();
    expect(extractEnvironment("- CUDA version: 11.2\nI dso_loader.cc:53] Successfully opened dynamic library libcudart.so.11.0").cuda).toBe("11.2");
    expect(extractEnvironment("W dso_loader.cc:59] Could not load dynamic library 'libcudart.so.10.1'; dlerror: libcudart.so.10.1: cannot open shared object file").cuda).toBeUndefined();
  });

  it("reads versions stated in prose", () => {
    const env = extractEnvironment("Using MXNet 1.5.0 with CUDA 10.1 and cuDNN 7.6 on Windows 10, python3.7, 4 Nvidia V100s.");
    expect(env.frameworks.mxnet).toBe("1.5.0");
    expect(env.cuda).toBe("10.1");
    expect(env.cudnn).toBe("7.6");
    expect(env.os).toBe("Windows 10");
    expect(env.python).toBe("3.7");
    expect(env.gpu).toBe("V100");
  });

  it("reads tfjs package versions", () => {
    expect(extractEnvironment("I use @tensorflow/tfjs@2.3.0 in Chrome").frameworks.tfjs).toBe("2.3.0");
  });

  it("does not take a release a warning speaks of for the interpreter that ran", () => {
    const warning =
      "DeprecationWarning: Using or importing the ABCs from 'collections' instead of from 'collections.abc' is deprecated since Python 3.3, and will be removed in Python 3.10";
    expect(extractEnvironment(warning).python).toBeUndefined();
    expect(extractEnvironment(`${warning}\nPython version: 3.7.4`).python).toBe("3.7.4");
    const path = '  File "/opt/conda/lib/python3.8/site-packages/torch/x.py", line 3\nThis will stop working in Python 3.12';
    expect(extractEnvironment(path).python).toBe("3.8");
    // The reporter's own words about their interpreter are read.
    expect(extractEnvironment("My script stops working in Python 3.8, it works in 3.7.").python).toBe("3.8");
    expect(extractEnvironment("The encoding parameter was deprecated and removed in Python 3.9.").python).toBeUndefined();
  });

  it("falls back to the interpreter named in traceback paths", () => {
    const env = extractEnvironment('  File "/usr/local/lib/python2.7/dist-packages/mxnet/base.py", line 149, in check_call');
    expect(env.python).toBe("2.7");
    // Said as read off the paths, not as stated.
    expect(env.pythonFromPaths).toBe(true);
    expect(describeEnvironment(env)).toContain("Python 2.7 (from an install path)");
    expect(extractEnvironment("Python version: 3.7").pythonFromPaths).toBeUndefined();
  });

  it("finds nothing in text without facts, and does not invent a CUDA version from an error code", () => {
    const env = extractEnvironment("RuntimeError: CUDA error (10): invalid device ordinal");
    expect(env).toEqual({ frameworks: {} });
  });

  it("reads one version under the joint label 'CUDA/cuDNN version' as CUDA's, not as cuDNN's", () => {
    const env = extractEnvironment("PyTorch Version (e.g., 1.0): 1.4\nPython version: 3.6.5\nCUDA/cuDNN version: 10.1\nGPU models and configuration: 4 x V100\n");
    expect(env.cuda).toBe("10.1");
    expect(env.cudnn).toBeUndefined();
    // A cuDNN version stated elsewhere is still read.
    expect(extractEnvironment("CUDA/cuDNN version: 10.2\ncudnn 7.6.5").cudnn).toBe("7.6.5");
  });

  it("does not read a shell prompt's user or host, an ssh login or a home folder as the OS", () => {
    expect(extractEnvironment("ubuntu@ip-172-31-5-53:~$ python train.py").os).toBeUndefined();
    expect(extractEnvironment("(base) ubuntu@ip-172-31-16-49:~/incubator-mxnet$ nosetests").os).toBeUndefined();
    expect(extractEnvironment("ssh ubuntu@10.0.0.1").os).toBeUndefined();
    expect(extractEnvironment('  File "/home/ubuntu/anaconda3/lib/python3.6/site-packages/x.py", line 3').os).toBeUndefined();
    // The OS the report states is still read next to a prompt.
    expect(extractEnvironment("[ubuntu@ip-10-0-0-1 ~]$ python train.py\nOS: Ubuntu 18.04").os).toBe("Ubuntu 18.04");
  });

  it("reads a Mac the report runs on as macOS, and keeps the version of 'Mac OS 10.15.1'", () => {
    expect(extractEnvironment("It fails on a Mac").os).toBe("macOS");
    expect(extractEnvironment("on my MacBook it crashes").os).toBe("macOS");
    expect(extractEnvironment("running on Mac with torch 1.5").os).toBe("macOS");
    expect(extractEnvironment("I'm running this on a Mac OS 10.15.1 with Python 3.7").os).toBe("macOS 10.15.1");
    expect(extractEnvironment("the MAC address of the host").os).toBeUndefined();
    expect(extractEnvironment("it filters on MAC address").os).toBeUndefined();
    expect(extractEnvironment("on mac os 10.14").os).toBe("macOS 10.14");
  });

  it("reads TensorFlow's 'version and how it was installed' template lines, Addons and a nightly's .dev version", () => {
    const env = extractEnvironment(
      "TensorFlow version and how it was installed (source or binary): 2.2.0\n" +
        "TensorFlow Addons version and how it was installed (source or binary): tfa-nightly 0.11.0.dev20200622\n",
    );
    expect(env.frameworks["tensorflow"]).toBe("2.2.0");
    expect(env.frameworks["tensorflow-addons"]).toBe("0.11.0.dev20200622");
  });

  it("reads 'tf2.0-beta1' and 'tf 2.0-beta1' as TensorFlow, but not a script's 'tf = 0.5'", () => {
    expect(extractEnvironment("I use tf2.0-beta1").frameworks["tensorflow"]).toBe("2.0-beta1");
    expect(extractEnvironment("with tf 2.0-beta1").frameworks["tensorflow"]).toBe("2.0-beta1");
    expect(extractEnvironment("tf = 0.5").frameworks).toEqual({});
  });

  it("reads versions joined to their names by '_v' ('Binary TF_v2.3.0', 'tfa-nightly_v0.12.0.dev2020...'), not a variable's suffix", () => {
    const env = extractEnvironment(
      "TensorFlow version and how it was installed (source or binary): Binary TF_v2.3.0\n" +
        "TensorFlow-Addons version and how it was installed (source or binary): Binary tfa-nightly_v0.12.0.dev20200811022730",
    );
    expect(env.frameworks).toEqual({ tensorflow: "2.3.0", "tensorflow-addons": "0.12.0.dev20200811022730" });
    expect(extractEnvironment("tf_var = 3.5").frameworks).toEqual({});
    // OpenCV prints its version in brackets in its errors.
    expect(extractEnvironment("cv2.error: OpenCV(3.4.3) /io/opencv/modules/imgproc/src/resize.cpp:4044: error: (-215:Assertion failed)").frameworks).toEqual({ opencv: "3.4.3" });
  });

  it("takes no kernel build for a Debian release ('#1 SMP Debian 4.19.118-2'), but reads a release", () => {
    expect(extractEnvironment("Linux 4.19.112+ #1 SMP Debian 4.19.118-2 x86_64").os).toBe("Debian");
    expect(extractEnvironment("OS: Debian 10.4").os).toBe("Debian 10.4");
  });

  it("reads 'Python version. 2.7.15'", () => {
    expect(extractEnvironment("Python version. 2.7.15").python).toBe("2.7.15");
  });

  it("reads the release from TensorFlow's (GIT_VERSION, VERSION) tuple, and no version out of git describe alone", () => {
    expect(extractEnvironment("TF version: ('v1.4.0-19-ga52c8d9', '1.4.1')").frameworks["tensorflow"]).toBe("1.4.1");
    expect(extractEnvironment("TensorFlow version: v1.4.0-19-ga52c8d9 1.4.1").frameworks["tensorflow"]).toBe("1.4.1");
    expect(extractEnvironment("TensorFlow version: v1.4.0-19-ga52c8d9").frameworks).toEqual({});
  });

  it("reads 'Pytorch lightning 0.8.0' as pytorch-lightning", () => {
    expect(extractEnvironment("Pytorch lightning 0.8.0").frameworks).toEqual({ "pytorch-lightning": "0.8.0" });
    expect(extractEnvironment("PyTorch Lightning version: 0.8.0").frameworks).toEqual({ "pytorch-lightning": "0.8.0" });
  });

  it("takes the full Python version from a pyenv path when the text names just one for that minor version", () => {
    const frame = '  File "/home/u/.pyenv/versions/3.6.4/lib/python3.6/site-packages/torch/nn/modules/module.py", line 3';
    expect(extractEnvironment(frame).python).toBe("3.6.4");
    // Two pyenv interpreters: which one ran is not stated.
    expect(extractEnvironment(`${frame}\n/home/u/.pyenv/versions/3.6.9/bin/python`).python).toBe("3.6");
    // A pyenv version of another minor version is not this interpreter's.
    expect(extractEnvironment('File "/home/u/.pyenv/versions/3.7.2/envs/x/lib/python3.6/site-packages/a.py"').python).toBe("3.6");
  });

  it("reads a long run of name characters (a progress bar's dots) in linear time", () => {
    // Each account-name pattern was tried from every dot and scanned the rest of the run: 3.4 s for 48,000 dots.
    const started = performance.now();
    expect(extractEnvironment(`Downloading ${".".repeat(48_000)} done\nssh ubuntu@10.0.0.1`).os).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("reads long runs of prompt-like account names in linear time", () => {
    // Each "u@h:" (and each "[a@b ") started a prompt whose path was scanned to the run's end: 1 s for 50 KB.
    for (const text of ["u@h:".repeat(25_000), "[a@b ".repeat(25_000)]) {
      const started = performance.now();
      expect(extractEnvironment(`${text}\nssh ubuntu@10.0.0.1`).os).toBeUndefined();
      expect(performance.now() - started).toBeLessThan(1_000);
    }
    // Real prompts still lose their account names.
    expect(extractEnvironment("ubuntu@ip-172-31-5-53:~/mxnet$ python train.py").os).toBeUndefined();
    expect(extractEnvironment("[ubuntu@ip-10-0-0-1 ~]$ python train.py").os).toBeUndefined();
  });

  it("handles empty text", () => {
    expect(extractEnvironment("")).toEqual({ frameworks: {} });
  });

  it("describes the facts as short phrases", () => {
    expect(describeEnvironment({ frameworks: { torch: "1.7.0" }, cuda: "11.0" })).toEqual(["torch 1.7.0", "CUDA 11.0"]);
  });

  it("lists the frameworks, then the machine, then the other packages (allennlp#4646's pasted freeze hid CUDA and the OS)", () => {
    const env = { frameworks: { protobuf: "3.13.0", sentencepiece: "0.1.91", torch: "1.6.0", spacy: "2.3.2" }, python: "3.7.8", cuda: "9.2", os: "RHEL 7.6" };
    expect(describeEnvironment(env)).toEqual(["torch 1.6.0", "Python 3.7.8", "CUDA 9.2", "RHEL 7.6", "protobuf 3.13.0", "sentencepiece 0.1.91", "spacy 2.3.2"]);
  });

  it("turns Python platform strings into an OS name", () => {
    expect(osFromPlatformString("Linux-4.4.0-31-generic-x86_64-with-Ubuntu-14.04-trusty")).toBe("Ubuntu 14.04");
    expect(osFromPlatformString("Darwin-17.3.0-x86_64-i386-64bit")).toBe("macOS (Darwin 17.3.0)");
  });
});

describe("install method", () => {
  it("reads pip, conda, a build from source or a Docker image, and nothing when the report does not show it", () => {
    expect(extractEnvironment("I ran `pip install mxnet-cu90==1.1.0` on Ubuntu").installedWith).toBe("pip");
    expect(extractEnvironment("conda install pytorch torchvision -c pytorch").installedWith).toBe("conda");
    expect(extractEnvironment("I built it from source with USE_CUDA=1").installedWith).toBe("source");
    expect(extractEnvironment("cmake -DUSE_CUDA=ON .. && make -j8").installedWith).toBe("source");
    expect(extractEnvironment("torch 1.7.0 on Ubuntu 18.04").installedWith).toBeUndefined();
    // Installed by pip inside the image: pip is the more telling.
    expect(extractEnvironment("docker build -t ludwig .\nStep 5/9 : RUN pip install -r requirements.txt").installedWith).toBe("pip");
    expect(extractEnvironment("docker build -t ludwig .\nERROR: fastapi 0.33.0 has requirement pydantic").installedWith).toBe("docker");
    expect(extractEnvironment("I run it in a container from our Dockerfile").installedWith).toBe("docker");
    // A base image run, or a Dockerfile in a link, says nothing of how the project was installed.
    expect(extractEnvironment("I start `docker run --gpus all -it nvidia/cuda:10.1-cudnn7-devel-ubuntu18.04 bash`").installedWith).toBeUndefined();
    expect(extractEnvironment("see https://github.com/o/r/blob/master/docker/Dockerfile.gpu for the image").installedWith).toBeUndefined();
  });
});

describe("operating system", () => {
  it("reads an Ubuntu version only in its year.month form: an AMI's 'Ubuntu v5.0' is the image's version", () => {
    const env = extractEnvironment("MxNet version 1.1\nDeep Learning AMI with Source Code Ubuntu v5.0 (ami-173bd86a)\nWhat to do:");
    expect(env.os).toBe("Ubuntu");
    expect(extractEnvironment("OS: Ubuntu 18.04.3 LTS").os).toBe("Ubuntu 18.04.3");
    expect(extractEnvironment("Running Ubuntu 16.04 with CUDA 9").os).toBe("Ubuntu 16.04");
    expect(extractEnvironment("on Ubuntu 18 with a GTX 1080").os).toBe("Ubuntu 18");
  });
});

describe("extractBuildFacts", () => {
  const mxnet11339 = [
    "## Build info (Required if built from source)",
    "Compiler g++/gcc (Ubuntu 5.4.0-6ubuntu1~16.04.5) 5.4.0 20160609",
    "## Error Message:",
    'src/operator/nn/convolution.cu(93): error: identifier "param_" is undefined',
    "naive_engine.cc:(.text._ZN5mxnet6engine11NaiveEngineD2Ev+0xd35): undefined reference to cudnnDestroy'",
    "checkout latest master branch",
    "make -j $(nproc) USE_OPENCV=1 USE_BLAS=openblas USE_CUDA=1 USE_CUDA_PATH=/usr/local/cuda USE_CUDNN=0",
  ].join("\n");

  it("reads a failed CUDA build without cuDNN, its compiler and that no commit was named", () => {
    expect(extractBuildFacts(mxnet11339)).toEqual({ failedAtBuild: true, compiler: "g++ 5.4.0", cuda: "on", cudnn: "off", flagsStated: true });
    expect(extractEnvironment(mxnet11339).build?.failedAtBuild).toBe(true);
  });

  it("reads cmake switches, the CMake version and a commit hash", () => {
    const build = extractBuildFacts("git checkout 5b63144\ncmake -DUSE_CUDA=ON -DUSE_CUDNN=OFF ..\ncmake version 3.10.2\nCMake Error at CMakeLists.txt:12");
    expect(build).toEqual({ failedAtBuild: true, usesCmake: true, cmakeVersion: "3.10.2", cuda: "on", cudnn: "off", revisionStated: true, flagsStated: true });
  });

  it("reads a failed Cython build of the Python package as a failed build", () => {
    const log = "Error compiling Cython file:\n------------------------------------------------------------\n...\ncython/ndarray.pyx:42:5: undeclared name not builtin: long\n" +
      "Cython.Compiler.Errors.CompileError: cython/ndarray.pyx";
    expect(extractBuildFacts(log).failedAtBuild).toBe(true);
  });

  it("does not take runtime errors that name a source line for a failed build", () => {
    expect(extractBuildFacts("what():  [10:58:03] src/engine/./threaded_engine.h:379: Error: compute_ctc_loss").failedAtBuild).toBeUndefined();
    expect(extractBuildFacts("cv::Exception: OpenCV(3.4.3) /tmp/opencv/modules/imgcodecs/src/loadsave.cpp:737: error: (-215:Assertion failed)").failedAtBuild).toBeUndefined();
    const nvrtc = 'MXNetError: NVRTC Compilation failed.\nclip_Cast_kernel.cu(814): error: identifier "inf" is undefined';
    expect(extractBuildFacts(nvrtc).failedAtBuild).toBeUndefined();
    expect(extractBuildFacts("meta.pb.h:10:10: fatal error: google/protobuf/port_def.inc: No such file or directory").failedAtBuild).toBe(true);
  });

  it("does not take the compiler that built Python for the build's compiler", () => {
    expect(extractBuildFacts("----------Python Info----------\nVersion      : 3.6.6\nCompiler     : GCC 7.2.0\n").compiler).toBeUndefined();
    expect(extractBuildFacts("Python 3.7.3 (default, Mar 27 2019) [GCC 7.3.0] on linux").compiler).toBeUndefined();
    expect(extractBuildFacts("gcc --version\ngcc (Ubuntu 5.4.0-6ubuntu1~16.04.10) 5.4.0 20160609").compiler).toBe("gcc 5.4.0");
  });

  it("takes build switches set as variables for the build flags (horovod/horovod#1963), not a run's variables", () => {
    expect(extractBuildFacts("export HOROVOD_GPU_ALLREDUCE=NCCL\nexport HOROVOD_WITH_MPI=1\npython setup.py install").flagsStated).toBe(true);
    expect(extractBuildFacts("$ export TF_NEED_CUDA=1").flagsStated).toBe(true);
    expect(extractBuildFacts("HOROVOD_GPU_OPERATIONS=NCCL pip install --no-cache-dir horovod").flagsStated).toBe(true);
    expect(extractBuildFacts("USE_CUDA=0 python setup.py develop").flagsStated).toBe(true);
    // Variables of a run are no build flags.
    expect(extractBuildFacts("CUDA_VISIBLE_DEVICES=0 python train.py").flagsStated).toBeUndefined();
    expect(extractBuildFacts("export CUDA_VISIBLE_DEVICES=0,1\nexport NCCL_DEBUG=INFO").flagsStated).toBeUndefined();
    expect(extractBuildFacts("export NCCL_P2P_DISABLE=1\nexport MXNET_USE_FUSION=0\nexport TF_ENABLE_ONEDNN_OPTS=0").flagsStated).toBeUndefined();
    expect(extractBuildFacts("PYTHONPATH=. python setup.py test").flagsStated).toBeUndefined();
  });

  it("leaves a switch set both ways unread (two builds compared)", () => {
    expect(extractBuildFacts("works with USE_CUDNN=1, fails with USE_CUDNN=0").cudnn).toBeUndefined();
  });
});
