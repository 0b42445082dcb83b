"""Datasets that read images from disk and return ``(image, target)`` pairs.

Two layouts are supported:

* ``folder``: ``root/<split>/<class name>/<image>``; classes are the sorted sub-folder names.
* ``csv``: ``root/<split>.csv`` with a header ``path,label``; paths are relative to ``root`` and labels are
  integers in ``[0, num_classes)``.
"""

import csv
import os

from PIL import Image
from torch.utils.data import Dataset

IMAGE_EXTENSIONS = (".jpg", ".jpeg", ".png", ".bmp", ".webp")

__all__ = ["ImageFolderDataset", "CsvImageDataset", "build_dataset", "pil_loader"]


def pil_loader(path):
    # Opening through a file object closes the handle at once; PIL otherwise keeps it until garbage collection,
    # which exhausts file descriptors with many DataLoader workers.
    with open(path, "rb") as f:
        img = Image.open(f)
        return img.convert("RGB")


class ImageFolderDataset(Dataset):
    def __init__(self, root, transform=None, loader=pil_loader):
        if not os.path.isdir(root):
            raise FileNotFoundError(f"dataset folder {root} does not exist")
        self.root = root
        self.classes = sorted(d.name for d in os.scandir(root) if d.is_dir())
        if not self.classes:
            raise RuntimeError(f"found no class folders under {root}; expected one sub-folder per class")
        self.class_to_idx = {name: i for i, name in enumerate(self.classes)}
        self.samples = []
        for name in self.classes:
            class_dir = os.path.join(root, name)
            for dirpath, _, filenames in sorted(os.walk(class_dir, followlinks=True)):
                for filename in sorted(filenames):
                    if filename.lower().endswith(IMAGE_EXTENSIONS):
                        self.samples.append((os.path.join(dirpath, filename), self.class_to_idx[name]))
        if not self.samples:
            raise RuntimeError(f"found no images with extensions {IMAGE_EXTENSIONS} under {root}")
        self.transform = transform
        self.loader = loader

    def __len__(self):
        return len(self.samples)

    def __getitem__(self, index):
        path, target = self.samples[index]
        try:
            image = self.loader(path)
        except OSError as err:
            raise OSError(f"cannot read image {path}: {err}") from err
        if self.transform is not None:
            image = self.transform(image)
        return image, target


class CsvImageDataset(Dataset):
    def __init__(self, root, csv_file, num_classes, transform=None, loader=pil_loader):
        self.root = root
        self.samples = []
        with open(csv_file, newline="", encoding="utf-8") as f:
            reader = csv.DictReader(f)
            if reader.fieldnames is None or not {"path", "label"} <= set(reader.fieldnames):
                raise ValueError(f"{csv_file}: expected a header with columns 'path' and 'label', got {reader.fieldnames}")
            for line_no, row in enumerate(reader, start=2):
                label = int(row["label"])
                if not 0 <= label < num_classes:
                    raise ValueError(f"{csv_file}:{line_no}: label {label} is outside [0, {num_classes})")
                self.samples.append((os.path.join(root, row["path"]), label))
        self.transform = transform
        self.loader = loader

    def __len__(self):
        return len(self.samples)

    def __getitem__(self, index):
        path, target = self.samples[index]
        image = self.loader(path)
        if self.transform is not None:
            image = self.transform(image)
        return image, target


def build_dataset(data_cfg, split, transform, num_classes):
    """Build the dataset for ``split`` ("train" or "val") from the ``data`` section of a config."""
    split_name = data_cfg.train_split if split == "train" else data_cfg.val_split
    if data_cfg.format == "folder":
        return ImageFolderDataset(os.path.join(data_cfg.root, split_name), transform=transform)
    if data_cfg.format == "csv":
        csv_file = os.path.join(data_cfg.root, f"{split_name}.csv")
        return CsvImageDataset(data_cfg.root, csv_file, num_classes, transform=transform)
    raise ValueError(f"unknown data.format '{data_cfg.format}'; expected 'folder' or 'csv'")
