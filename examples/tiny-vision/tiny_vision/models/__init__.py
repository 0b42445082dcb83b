"""Model construction: a backbone plus a head, assembled from the ``model`` section of a config."""

import re

from torch import nn

from .heads import build_head
from .resnet import resnet_backbone

__all__ = ["Classifier", "build_model"]


class Classifier(nn.Module):
    def __init__(self, backbone, head):
        super().__init__()
        self.backbone = backbone
        self.head = head

    def forward(self, images):
        return self.head(self.backbone(images))


def build_model(model_cfg):
    """``model_cfg`` is the ``model`` section, e.g. ``{arch: resnet18, num_classes: 10, head: linear}``."""
    match = re.fullmatch(r"resnet(\d+)", model_cfg.arch)
    if match is None:
        raise ValueError(f"unknown architecture '{model_cfg.arch}'; only resnet<depth> is supported")
    backbone = resnet_backbone(int(match.group(1)), zero_init_residual=model_cfg.get("zero_init_residual", False))
    head = build_head(
        model_cfg.get("head", "linear"),
        backbone.out_features,
        model_cfg.num_classes,
        dropout=model_cfg.get("dropout", 0.0),
        hidden_dim=model_cfg.get("head_hidden_dim", 512),
    )
    return Classifier(backbone, head)
