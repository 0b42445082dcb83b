"""Batch collation for image classification.

``torch.utils.data.default_collate`` stacks images and fails when they differ in size. During evaluation
with ``data.eval_crop: false`` every image keeps its own aspect ratio, so :class:`ImageCollator` pads the
batch to a common size (rounded up to ``size_divisor``) instead. Padding is added at the bottom and the
right, so the top-left pixel stays at (0, 0).
"""

import torch
import torch.nn.functional as F

__all__ = ["ImageCollator", "pad_to_common_size", "check_image"]


def check_image(img, index):
    """Validate one sample before stacking; a clear error here beats a cryptic one from torch.stack."""
    if not torch.is_tensor(img):
        raise TypeError(f"sample {index}: expected the image to be a tensor, got {type(img).__name__}; "
                        "is ToTensor() missing from the transforms?")
    if img.dim() != 3:
        raise ValueError(f"expected images of shape (C, H, W), got {tuple(img.shape)} at sample {index}")
    return img


def _round_up(value, divisor):
    return int((value + divisor - 1) // divisor * divisor)


def pad_to_common_size(images, size_divisor=1, pad_value=0.0):
    """Pad a list of (C, H, W) tensors to the largest H and W (rounded up to ``size_divisor``) and stack
    them into one (N, C, H, W) tensor."""
    channels = {img.shape[0] for img in images}
    if len(channels) != 1:
        raise ValueError(f"all images in a batch must have the same number of channels, got {sorted(channels)}")
    max_h = _round_up(max(img.shape[1] for img in images), size_divisor)
    max_w = _round_up(max(img.shape[2] for img in images), size_divisor)
    padded = []
    for img in images:
        pad_h = max_h - img.shape[1]
        pad_w = max_w - img.shape[2]
        # F.pad takes (left, right, top, bottom) for the last two dims.
        padded.append(F.pad(img, (0, pad_h, 0, pad_w), value=pad_value))
    return torch.stack(padded, dim=0)


class ImageCollator:
    """Collate ``(image, target)`` samples into ``(images, targets)``.

    Args:
        pad: pad images of different sizes instead of requiring equal sizes.
        size_divisor: when padding, round H and W up to a multiple of this (backbones that downsample by
            32 need inputs divisible by 32 to keep feature maps aligned).
    """

    def __init__(self, pad=False, size_divisor=32, pad_value=0.0):
        if size_divisor < 1:
            raise ValueError(f"size_divisor must be >= 1, got {size_divisor}")
        self.pad = pad
        self.size_divisor = size_divisor
        self.pad_value = pad_value

    def __call__(self, batch):
        if len(batch) == 0:
            raise ValueError("cannot collate an empty batch")
        images = [check_image(img, i) for i, (img, _) in enumerate(batch)]
        targets = torch.as_tensor([target for _, target in batch], dtype=torch.long)
        if self.pad:
            images = pad_to_common_size(images, self.size_divisor, self.pad_value)
        else:
            first = tuple(images[0].shape)
            for i, img in enumerate(images[1:], start=1):
                if tuple(img.shape) != first:
                    raise ValueError(
                        f"image {i} has shape {tuple(img.shape)} but image 0 has {first}; "
                        "set data.eval_crop: true or use ImageCollator(pad=True)"
                    )
            images = torch.stack(images, dim=0)
        return images, targets
