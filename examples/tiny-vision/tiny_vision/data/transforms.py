"""Image transforms for training and evaluation.

These wrap torchvision's functional API so that every transform is a small picklable object (DataLoader
workers on Windows and macOS pickle the dataset) and so the train/eval pipelines are built in one place.
"""

import math
import random

import torch
import torchvision.transforms.functional as TF
from PIL import Image

__all__ = [
    "Compose",
    "ResizeShorterSide",
    "RandomResizedCrop",
    "CenterCrop",
    "RandomHorizontalFlip",
    "ToTensor",
    "Normalize",
    "build_transforms",
]


class Compose:
    def __init__(self, transforms):
        self.transforms = list(transforms)

    def __call__(self, img):
        for t in self.transforms:
            img = t(img)
        return img

    def __repr__(self):
        inner = ", ".join(repr(t) for t in self.transforms)
        return f"Compose([{inner}])"


class ResizeShorterSide:
    """Resize so that the shorter side equals ``size``, keeping the aspect ratio."""

    def __init__(self, size, interpolation=Image.BILINEAR):
        if size <= 0:
            raise ValueError(f"resize size must be positive, got {size}")
        self.size = size
        self.interpolation = interpolation

    def __call__(self, img):
        w, h = img.size
        if min(w, h) == self.size:
            return img
        if w < h:
            new_w, new_h = self.size, int(round(h * self.size / w))
        else:
            new_w, new_h = int(round(w * self.size / h)), self.size
        return img.resize((new_w, new_h), self.interpolation)

    def __repr__(self):
        return f"ResizeShorterSide({self.size})"


class RandomResizedCrop:
    """Crop a random area and aspect ratio, then resize to ``size`` x ``size``."""

    def __init__(self, size, scale=(0.08, 1.0), ratio=(3 / 4, 4 / 3), attempts=10):
        self.size = size
        self.scale = scale
        self.log_ratio = (math.log(ratio[0]), math.log(ratio[1]))
        self.attempts = attempts

    def _sample_box(self, width, height):
        area = width * height
        for _ in range(self.attempts):
            target_area = area * random.uniform(*self.scale)
            aspect = math.exp(random.uniform(*self.log_ratio))
            w = int(round(math.sqrt(target_area * aspect)))
            h = int(round(math.sqrt(target_area / aspect)))
            if 0 < w <= width and 0 < h <= height:
                return random.randint(0, height - h), random.randint(0, width - w), h, w
        # Fall back to the largest centered crop.
        side = min(width, height)
        return (height - side) // 2, (width - side) // 2, side, side

    def __call__(self, img):
        top, left, h, w = self._sample_box(*img.size)
        return TF.resized_crop(img, top, left, h, w, [self.size, self.size])

    def __repr__(self):
        return f"RandomResizedCrop({self.size}, scale={self.scale})"


class CenterCrop:
    def __init__(self, size):
        self.size = size

    def __call__(self, img):
        w, h = img.size
        if w < self.size or h < self.size:
            raise ValueError(f"cannot center-crop {self.size}x{self.size} from an image of size {w}x{h}")
        return TF.center_crop(img, [self.size, self.size])

    def __repr__(self):
        return f"CenterCrop({self.size})"


class RandomHorizontalFlip:
    def __init__(self, p=0.5):
        self.p = p

    def __call__(self, img):
        return TF.hflip(img) if random.random() < self.p else img


class ToTensor:
    """PIL image (H, W, C) in [0, 255] -> float tensor (C, H, W) in [0, 1]."""

    def __call__(self, img):
        return TF.to_tensor(img)


class Normalize:
    def __init__(self, mean, std):
        if len(mean) != len(std):
            raise ValueError(f"mean and std must have the same length, got {len(mean)} and {len(std)}")
        self.mean = torch.tensor(mean).view(-1, 1, 1)
        self.std = torch.tensor(std).view(-1, 1, 1)

    def __call__(self, tensor):
        if tensor.shape[0] != self.mean.shape[0]:
            raise ValueError(
                f"Normalize got a tensor with {tensor.shape[0]} channels but mean/std for {self.mean.shape[0]}"
            )
        return (tensor - self.mean) / self.std


def build_transforms(data_cfg, train):
    """Training: random resized crop + flip. Evaluation: resize the shorter side, then center-crop
    unless ``data.eval_crop`` is false (whole images of varying size; the collator pads them)."""
    if train:
        steps = [RandomResizedCrop(data_cfg.image_size), RandomHorizontalFlip()]
    else:
        steps = [ResizeShorterSide(data_cfg.eval_resize)]
        if data_cfg.get("eval_crop", True):
            steps.append(CenterCrop(data_cfg.image_size))
    steps += [ToTensor(), Normalize(data_cfg.mean, data_cfg.std)]
    return Compose(steps)
