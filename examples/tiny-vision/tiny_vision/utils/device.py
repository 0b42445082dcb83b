"""Device selection and moving nested batches onto a device."""

import platform

import torch

__all__ = ["resolve_device", "move_to_device", "describe_environment"]


def resolve_device(spec="auto", local_rank=0):
    """Turn ``"auto"``, ``"cpu"``, ``"cuda"`` or ``"cuda:N"`` into a ``torch.device``.

    ``"auto"`` picks this process's GPU under DDP (``cuda:<local_rank>``), else the CPU.
    """
    if spec == "auto":
        return torch.device(f"cuda:{local_rank}") if torch.cuda.is_available() else torch.device("cpu")
    device = torch.device(spec)
    if device.type == "cuda":
        if not torch.cuda.is_available():
            raise RuntimeError(f"device '{spec}' requested but torch.cuda.is_available() is False "
                               f"(torch {torch.__version__} built with CUDA {torch.version.cuda})")
        index = device.index if device.index is not None else 0
        if index >= torch.cuda.device_count():
            raise RuntimeError(f"device '{spec}' requested but only {torch.cuda.device_count()} GPUs are visible")
    return device


def move_to_device(batch, device, non_blocking=True):
    """Recursively move tensors in tuples, lists and dicts to ``device``; other values are kept."""
    if torch.is_tensor(batch):
        return batch.to(device, non_blocking=non_blocking)
    if isinstance(batch, (list, tuple)):
        moved = [move_to_device(x, device, non_blocking) for x in batch]
        return type(batch)(moved) if isinstance(batch, tuple) else moved
    if isinstance(batch, dict):
        return {k: move_to_device(v, device, non_blocking) for k, v in batch.items()}
    return batch


def describe_environment():
    """A short environment summary for logs and bug reports (the full one is ``python -m torch.utils.collect_env``)."""
    lines = [
        f"python: {platform.python_version()} ({platform.system()})",
        f"torch: {torch.__version__} (CUDA {torch.version.cuda}, cuDNN {torch.backends.cudnn.version()})",
    ]
    if torch.cuda.is_available():
        for i in range(torch.cuda.device_count()):
            props = torch.cuda.get_device_properties(i)
            lines.append(f"cuda:{i}: {props.name}, {props.total_memory // 2**20} MiB")
    else:
        lines.append("cuda: not available")
    return "\n".join(lines)
