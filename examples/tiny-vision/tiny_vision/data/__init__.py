"""Data loading: datasets, transforms, collation and the DataLoaders built from a config."""

from torch.utils.data import DataLoader
from torch.utils.data.distributed import DistributedSampler

from .collate import ImageCollator
from .dataset import build_dataset
from .transforms import build_transforms

__all__ = ["build_dataloader"]


def build_dataloader(cfg, split, distributed=False):
    """A DataLoader for ``split``; with ``distributed`` each process reads its own shard."""
    train = split == "train"
    data_cfg = cfg.data
    dataset = build_dataset(data_cfg, split, build_transforms(data_cfg, train), cfg.model.num_classes)
    sampler = DistributedSampler(dataset, shuffle=train) if distributed else None
    # Only evaluation without a center crop yields images of different sizes.
    collate_fn = ImageCollator(pad=not train and not data_cfg.get("eval_crop", True), size_divisor=data_cfg.size_divisor)
    return DataLoader(
        dataset,
        batch_size=data_cfg.batch_size,
        shuffle=train and sampler is None,
        sampler=sampler,
        num_workers=data_cfg.num_workers,
        pin_memory=data_cfg.pin_memory,
        drop_last=train,
        collate_fn=collate_fn,
        persistent_workers=data_cfg.num_workers > 0,
    )
