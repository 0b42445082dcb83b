"""Multi-GPU training with torch.distributed."""

from .ddp import all_reduce_mean, cleanup, init_distributed, is_main_process, rank, world_size, wrap_model

__all__ = ["init_distributed", "wrap_model", "is_main_process", "world_size", "rank", "all_reduce_mean", "cleanup"]
