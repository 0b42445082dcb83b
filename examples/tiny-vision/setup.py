"""Packaging for tiny_vision.

The CUDA RoIAlign op in ``csrc/`` is optional: it is compiled only when ``TINY_VISION_BUILD_EXT=1`` and a
CUDA toolkit is found, so a CPU-only ``pip install .`` never needs nvcc.
"""

import os

from setuptools import find_packages, setup


def read_requirements(path="requirements.txt"):
    with open(path, encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip() and not line.startswith("#")]


def cuda_extensions():
    if os.environ.get("TINY_VISION_BUILD_EXT", "0") != "1":
        return [], {}
    # Imported lazily: torch is a build-time dependency only when the extension is requested.
    from torch.utils.cpp_extension import CUDA_HOME, BuildExtension, CUDAExtension

    if CUDA_HOME is None:
        raise RuntimeError(
            "TINY_VISION_BUILD_EXT=1 but no CUDA toolkit was found; set CUDA_HOME or unset TINY_VISION_BUILD_EXT"
        )
    ext = CUDAExtension(
        name="tiny_vision._C",
        sources=["csrc/roi_align_kernel.cu"],
        extra_compile_args={"cxx": ["-O3"], "nvcc": ["-O3", "--use_fast_math"]},
    )
    return [ext], {"build_ext": BuildExtension}


ext_modules, cmdclass = cuda_extensions()

setup(
    name="tiny-vision",
    version="0.4.2",
    description="A small image-classification toolkit on top of PyTorch",
    long_description=open("README.md", encoding="utf-8").read(),
    long_description_content_type="text/markdown",
    packages=find_packages(exclude=("tests",)),
    python_requires=">=3.7",
    install_requires=read_requirements(),
    extras_require={"dev": ["pytest>=7", "flake8"]},
    entry_points={"console_scripts": ["tiny-vision=tiny_vision.cli:main"]},
    ext_modules=ext_modules,
    cmdclass=cmdclass,
)
