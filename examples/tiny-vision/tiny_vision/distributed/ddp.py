"""DistributedDataParallel set-up for ``torchrun`` / ``torch.distributed.launch``.

Every process reads its rank from the environment variables the launcher sets (RANK, WORLD_SIZE,
LOCAL_RANK, MASTER_ADDR, MASTER_PORT). A single-process run needs none of them and never touches
``torch.distributed``, so the helpers below also work without it.
"""

import datetime
import logging
import os

import torch
import torch.distributed as dist
from torch.nn.parallel import DistributedDataParallel

logger = logging.getLogger(__name__)

__all__ = ["init_distributed", "wrap_model", "is_main_process", "world_size", "rank", "all_reduce_mean", "cleanup"]


def is_distributed():
    return dist.is_available() and dist.is_initialized()


def world_size():
    return dist.get_world_size() if is_distributed() else 1


def rank():
    return dist.get_rank() if is_distributed() else 0


def is_main_process():
    return rank() == 0


def init_distributed(backend="nccl", init_method="env://", timeout_minutes=30, local_rank=None):
    """Join the process group if launched with torchrun; returns the local rank (0 when not distributed).

    ``local_rank`` is only for the legacy ``torch.distributed.launch`` which passes ``--local_rank``;
    torchrun sets LOCAL_RANK instead.
    """
    if "RANK" not in os.environ or "WORLD_SIZE" not in os.environ:
        return 0
    global_rank = int(os.environ["RANK"])
    size = int(os.environ["WORLD_SIZE"])
    local = int(os.environ.get("LOCAL_RANK", local_rank if local_rank is not None else 0))

    if backend == "nccl":
        if not torch.cuda.is_available():
            raise RuntimeError("distributed.backend is 'nccl' but CUDA is not available; use backend: gloo on CPU")
        if local >= torch.cuda.device_count():
            raise RuntimeError(
                f"LOCAL_RANK {local} but only {torch.cuda.device_count()} GPUs are visible "
                f"(CUDA_VISIBLE_DEVICES={os.environ.get('CUDA_VISIBLE_DEVICES', '<unset>')}); "
                "is --nproc_per_node larger than the number of GPUs?"
            )
        # Bind the process to its GPU before NCCL creates a communicator, or every rank starts on cuda:0.
        torch.cuda.set_device(local)

    dist.init_process_group(
        backend=backend,
        init_method=init_method,
        world_size=size,
        rank=global_rank,
        timeout=datetime.timedelta(minutes=timeout_minutes),
    )
    logger.info("rank %d/%d joined the %s process group on local device %d", global_rank, size, backend, local)
    # Wait for every rank so that the first collective in training is not also the first rendezvous.
    dist.barrier()
    return local


def wrap_model(model, local_rank, find_unused_parameters=False):
    """Convert BatchNorm to SyncBatchNorm and wrap in DDP. A no-op when not distributed."""
    if not is_distributed():
        return model
    model = torch.nn.SyncBatchNorm.convert_sync_batchnorm(model)
    if torch.cuda.is_available():
        return DistributedDataParallel(model, device_ids=[local_rank], output_device=local_rank,
                                       find_unused_parameters=find_unused_parameters)
    return DistributedDataParallel(model, find_unused_parameters=find_unused_parameters)


def all_reduce_mean(tensor):
    """Average a tensor over all ranks (returns the tensor itself when not distributed)."""
    if not is_distributed():
        return tensor
    reduced = tensor.detach().clone()
    dist.all_reduce(reduced, op=dist.ReduceOp.SUM)
    return reduced / world_size()


def cleanup():
    if is_distributed():
        dist.destroy_process_group()
