"""ResNet backbones (18/34/50/101) that return pooled features, not logits.

The classifier lives in :mod:`tiny_vision.models.heads`, so the same backbone can be fine-tuned with a
different head or number of classes without touching this file.
"""

import torch
from torch import nn

__all__ = ["BasicBlock", "Bottleneck", "ResNetBackbone", "resnet_backbone", "RESNET_SPECS"]


def conv3x3(in_ch, out_ch, stride=1):
    return nn.Conv2d(in_ch, out_ch, kernel_size=3, stride=stride, padding=1, bias=False)


def conv1x1(in_ch, out_ch, stride=1):
    return nn.Conv2d(in_ch, out_ch, kernel_size=1, stride=stride, bias=False)


class BasicBlock(nn.Module):
    """Two 3x3 convolutions with an identity (or 1x1 projection) shortcut."""

    expansion = 1

    def __init__(self, in_ch, width, stride=1, downsample=None, norm_layer=nn.BatchNorm2d):
        super().__init__()
        self.conv1 = conv3x3(in_ch, width, stride)
        self.bn1 = norm_layer(width)
        self.conv2 = conv3x3(width, width)
        self.bn2 = norm_layer(width)
        self.relu = nn.ReLU(inplace=True)
        self.downsample = downsample

    def forward(self, x):
        shortcut = x if self.downsample is None else self.downsample(x)
        out = self.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        return self.relu(out + shortcut)


class Bottleneck(nn.Module):
    """1x1 reduce, 3x3 (strided), 1x1 expand. The stride sits on the 3x3 conv, as in most modern ResNets."""

    expansion = 4

    def __init__(self, in_ch, width, stride=1, downsample=None, norm_layer=nn.BatchNorm2d):
        super().__init__()
        self.conv1 = conv1x1(in_ch, width)
        self.bn1 = norm_layer(width)
        self.conv2 = conv3x3(width, width, stride)
        self.bn2 = norm_layer(width)
        self.conv3 = conv1x1(width, width * self.expansion)
        self.bn3 = norm_layer(width * self.expansion)
        self.relu = nn.ReLU(inplace=True)
        self.downsample = downsample

    def forward(self, x):
        shortcut = x if self.downsample is None else self.downsample(x)
        out = self.relu(self.bn1(self.conv1(x)))
        out = self.relu(self.bn2(self.conv2(out)))
        out = self.bn3(self.conv3(out))
        return self.relu(out + shortcut)


# depth -> (block type, blocks per stage)
RESNET_SPECS = {
    18: (BasicBlock, (2, 2, 2, 2)),
    34: (BasicBlock, (3, 4, 6, 3)),
    50: (Bottleneck, (3, 4, 6, 3)),
    101: (Bottleneck, (3, 4, 23, 3)),
}


class ResNetBackbone(nn.Module):
    """Stem + four stages + global average pooling. ``forward`` returns (N, out_features)."""

    def __init__(self, block, layers, in_channels=3, zero_init_residual=False, norm_layer=nn.BatchNorm2d):
        super().__init__()
        if len(layers) != 4:
            raise ValueError(f"expected 4 stages, got {len(layers)}: {layers}")
        self._norm_layer = norm_layer
        self.in_ch = 64
        self.stem = nn.Sequential(
            nn.Conv2d(in_channels, 64, kernel_size=7, stride=2, padding=3, bias=False),
            norm_layer(64),
            nn.ReLU(inplace=True),
            nn.MaxPool2d(kernel_size=3, stride=2, padding=1),
        )
        self.layer1 = self._make_stage(block, 64, layers[0], stride=1)
        self.layer2 = self._make_stage(block, 128, layers[1], stride=2)
        self.layer3 = self._make_stage(block, 256, layers[2], stride=2)
        self.layer4 = self._make_stage(block, 512, layers[3], stride=2)
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.out_features = 512 * block.expansion
        self._init_weights(zero_init_residual)

    def _make_stage(self, block, width, blocks, stride):
        downsample = None
        if stride != 1 or self.in_ch != width * block.expansion:
            downsample = nn.Sequential(
                conv1x1(self.in_ch, width * block.expansion, stride),
                self._norm_layer(width * block.expansion),
            )
        stage = [block(self.in_ch, width, stride, downsample, self._norm_layer)]
        self.in_ch = width * block.expansion
        stage += [block(self.in_ch, width, norm_layer=self._norm_layer) for _ in range(1, blocks)]
        return nn.Sequential(*stage)

    def _init_weights(self, zero_init_residual):
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
            elif isinstance(m, (nn.BatchNorm2d, nn.GroupNorm)):
                nn.init.ones_(m.weight)
                nn.init.zeros_(m.bias)
        if zero_init_residual:
            # Each residual branch starts as the identity, which helps large-batch training.
            for m in self.modules():
                if isinstance(m, Bottleneck):
                    nn.init.zeros_(m.bn3.weight)
                elif isinstance(m, BasicBlock):
                    nn.init.zeros_(m.bn2.weight)

    def forward(self, x):
        if x.dim() != 4:
            raise ValueError(f"ResNetBackbone expects a batch of shape (N, C, H, W), got {tuple(x.shape)}")
        x = self.stem(x)
        x = self.layer4(self.layer3(self.layer2(self.layer1(x))))
        return torch.flatten(self.pool(x), 1)


def resnet_backbone(depth, **kwargs):
    """Build a backbone by depth, e.g. ``resnet_backbone(50, zero_init_residual=True)``."""
    try:
        block, layers = RESNET_SPECS[depth]
    except KeyError:
        raise ValueError(f"unsupported ResNet depth {depth}; choose one of {sorted(RESNET_SPECS)}") from None
    return ResNetBackbone(block, layers, **kwargs)
