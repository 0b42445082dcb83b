/** Word lists for telling code evidence from noise in issue text. */

export const PYTHON_KEYWORDS = new Set(
  (
    "False None True and as assert async await break class continue def del elif else except finally for from " +
    "global if import in is lambda nonlocal not or pass raise return try while with yield match case print exec"
  ).split(" "),
);

/** Builtins and ubiquitous names that say nothing about where a bug is. */
export const NOISE_IDENTIFIERS = new Set(
  (
    "self cls args kwargs len range int float str list dict set tuple type object isinstance issubclass super open " +
    "input enumerate zip map filter sorted reversed min max sum abs any all bool bytes format getattr setattr hasattr " +
    "delattr id iter next repr round hash vars dir help callable staticmethod classmethod property Exception " +
    "np tf mx nd nn plt pd torch numpy tensorflow pandas matplotlib os sys re json math time random copy " +
    "File Traceback line most recent call last main __name__ __main__ __file__ true false null none"
  ).split(" "),
);

/**
 * Modules whose imports are boilerplate in ML issues: importing them says nothing about the bug. A dotted
 * import (`from mxnet.gluon.data import DataLoader`) is only boilerplate when listed whole.
 */
export const BOILERPLATE_MODULES = new Set(
  (
    "__future__ os os.path sys re json math time random collections itertools functools typing logging argparse " +
    "pathlib copy glob pickle shutil subprocess warnings datetime io abc dataclasses contextlib tempfile " +
    "numpy scipy pandas matplotlib matplotlib.pyplot seaborn sklearn PIL cv2 tqdm h5py yaml " +
    "torch torch.nn torch.nn.functional torch.optim torchvision torchvision.transforms " +
    "tensorflow tensorflow.keras keras mxnet jax jax.numpy"
  ).split(" "),
);

/** Short conventional aliases: `np.zeros` is an API name, but `np` is not a module path in the repository. */
export const COMMON_ALIASES = new Set("np pd tf mx nd nn F plt sns cv2 jnp sp K th T".split(" "));

/** Last segments that make a dotted word a file name or a domain, not an API name. */
export const FILE_EXTENSIONS = new Set(
  (
    "py pyx pyi pyc ipynb cc cpp cxx c h hpp hh cu cuh txt md rst yaml yml json toml cfg ini sh bat log csv tsv " +
    "html htm xml png jpg jpeg gif svg pdf so dll dylib whl zip gz tgz tar bz2 pt pth ckpt h5 hdf5 pb onnx npy npz " +
    "pkl params proto cmake in lock"
  ).split(" "),
);
export const DOMAIN_SUFFIXES = new Set("com org net io ai edu gov dev co uk cn de".split(" "));
export const DOTTED_STOPWORDS = new Set("e.g i.e etc.al et.al a.k.a vs.".split(" "));
