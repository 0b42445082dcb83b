"""Saving and loading training checkpoints.

Checkpoints store the *unwrapped* model's state dict, so a checkpoint written under DDP loads into a
single-GPU model and vice versa. Older checkpoints with ``module.``-prefixed keys are still accepted.
"""

import io
import os

import torch

__all__ = ["unwrap_model", "save_checkpoint", "load_checkpoint", "load_backbone_weights"]

DDP_PREFIX = "module."


def unwrap_model(model):
    """The module inside DataParallel / DistributedDataParallel, or the model itself."""
    return model.module if hasattr(model, "module") else model


def _strip_prefix(state_dict, prefix=DDP_PREFIX):
    if not any(key.startswith(prefix) for key in state_dict):
        return state_dict
    return {key[len(prefix):] if key.startswith(prefix) else key: value for key, value in state_dict.items()}


def save_checkpoint(path, state):
    """Write ``state`` atomically: a crash while saving never leaves a truncated ``last.pt`` behind.

    A ``torch.nn.Module`` under the key ``"model"`` is replaced by its unwrapped state dict.
    """
    state = dict(state)
    if isinstance(state.get("model"), torch.nn.Module):
        state["model"] = unwrap_model(state["model"]).state_dict()
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    tmp_path = f"{path}.tmp"
    torch.save(state, tmp_path)
    os.replace(tmp_path, path)


def load_checkpoint(path_or_buffer, map_location="cpu"):
    """Load a checkpoint from a path or a file-like object and normalise the model's keys."""
    if isinstance(path_or_buffer, torch._six.string_classes):
        if not os.path.isfile(path_or_buffer):
            raise FileNotFoundError(f"checkpoint not found: {path_or_buffer}")
    elif not isinstance(path_or_buffer, io.IOBase):
        raise TypeError(f"expected a path or a file object, got {type(path_or_buffer).__name__}")
    state = torch.load(path_or_buffer, map_location=map_location)
    if "model" not in state:
        raise KeyError(f"{path_or_buffer} is not a tiny_vision checkpoint: it has no 'model' entry "
                       f"(keys: {sorted(state)[:10]})")
    state["model"] = _strip_prefix(state["model"])
    return state


def load_backbone_weights(model, path, map_location="cpu"):
    """Load only the backbone from a checkpoint (for fine-tuning with a new head or number of classes).

    Returns the missing and unexpected keys, which are logged by the caller.
    """
    state = load_checkpoint(path, map_location)
    backbone_state = {k[len("backbone."):]: v for k, v in state["model"].items() if k.startswith("backbone.")}
    if not backbone_state:
        raise KeyError(f"{path} has no 'backbone.*' weights; was it saved by tiny_vision?")
    return unwrap_model(model).backbone.load_state_dict(backbone_state, strict=False)
