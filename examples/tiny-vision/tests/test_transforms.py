import pytest
import torch
from PIL import Image

from tiny_vision.config import Config
from tiny_vision.data.transforms import CenterCrop, Normalize, ResizeShorterSide, build_transforms


def make_image(width, height):
    return Image.new("RGB", (width, height), color=(128, 64, 32))


def data_cfg(**overrides):
    cfg = {
        "image_size": 32,
        "eval_resize": 40,
        "eval_crop": True,
        "mean": [0.5, 0.5, 0.5],
        "std": [0.25, 0.25, 0.25],
    }
    cfg.update(overrides)
    return Config(cfg)


def test_resize_shorter_side_keeps_aspect_ratio():
    out = ResizeShorterSide(50)(make_image(200, 100))
    assert out.size == (100, 50)


def test_center_crop_rejects_small_images():
    with pytest.raises(ValueError, match="cannot center-crop"):
        CenterCrop(64)(make_image(32, 80))


def test_normalize_checks_channel_count():
    with pytest.raises(ValueError, match="channels"):
        Normalize([0.5] * 3, [0.5] * 3)(torch.zeros(1, 8, 8))


def test_train_pipeline_outputs_square_crops():
    out = build_transforms(data_cfg(), train=True)(make_image(64, 48))
    assert tuple(out.shape) == (3, 32, 32)
    assert out.dtype == torch.float32


def test_eval_pipeline_without_crop_keeps_aspect_ratio():
    out = build_transforms(data_cfg(eval_crop=False), train=False)(make_image(80, 40))
    assert tuple(out.shape) == (3, 40, 80)
