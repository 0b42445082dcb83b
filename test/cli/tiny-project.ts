/**
 * A tiny deep-learning project used by the CLI tests: a model, a data transform, a training loop and a
 * checkpoint helper, small enough that the expected ranking can be reasoned about by hand.
 */
import type { FixtureFiles } from "../helpers/git-fixture.js";

export const TRANSFORMS_PY = `import torch


class Normalize:
    """Normalize a tensor image with mean and standard deviation, one value per channel."""

    def __init__(self, mean=(0.485, 0.456, 0.406), std=(0.229, 0.224, 0.225)):
        self.mean = torch.tensor(mean)
        self.std = torch.tensor(std)

    def __call__(self, image):
        # Assumes three channels: a grayscale image (one channel) cannot broadcast against mean and std.
        return (image - self.mean[:, None, None]) / self.std[:, None, None]


class ToTensor:
    def __call__(self, pixels):
        return torch.as_tensor(pixels).permute(2, 0, 1).float() / 255
`;

export const TINY_PROJECT: FixtureFiles = {
  "tinynet/__init__.py": "",
  "tinynet/models/resnet.py": `import torch.nn as nn


class BasicBlock(nn.Module):
    def __init__(self, planes):
        super().__init__()
        self.conv1 = nn.Conv2d(planes, planes, kernel_size=3, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(planes)

    def forward(self, x):
        return nn.functional.relu(self.bn1(self.conv1(x)) + x)
`,
  "tinynet/data/transforms.py": TRANSFORMS_PY,
  "tinynet/train.py": `import torch

from tinynet.models.resnet import BasicBlock


def train(model, loader, epochs=10, lr=0.1):
    optimizer = torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=30)
    for epoch in range(epochs):
        for inputs, targets in loader:
            optimizer.zero_grad()
            loss = torch.nn.functional.cross_entropy(model(inputs), targets)
            loss.backward()
            optimizer.step()
        scheduler.step()
`,
  "tinynet/utils/checkpoint.py": `import torch


def save_checkpoint(model, path):
    torch.save(model.state_dict(), path)


def load_checkpoint(model, path):
    model.load_state_dict(torch.load(path, map_location="cpu"))
`,
  "requirements.txt": "torch>=2.0\ntorchvision\n",
  "README.md": "# tinynet\n",
};

export const NORMALIZE_ISSUE = {
  title: "Normalize fails on grayscale images",
  body: `Normalize raises a RuntimeError for a grayscale image with one channel: the mean and std have three channels.

\`\`\`
Traceback (most recent call last):
  File "examples/run.py", line 3, in <module>
    Normalize()(image)
RuntimeError: The size of tensor a (1) must match the size of tensor b (3) at non-singleton dimension 0
\`\`\`
`,
};
