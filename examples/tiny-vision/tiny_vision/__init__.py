"""tiny_vision: a small image-classification toolkit on top of PyTorch.

The package is split the way a training run flows: ``data`` turns files into batches, ``models`` turns
batches into logits, ``train`` turns logits into updates, and ``distributed`` / ``utils`` keep the run
alive on one or many GPUs.
"""

__version__ = "0.4.2"

__all__ = ["__version__"]
