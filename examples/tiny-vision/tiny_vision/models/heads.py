"""Classification heads that turn pooled backbone features (N, D) into logits (N, num_classes)."""

from torch import nn

__all__ = ["LinearHead", "MLPHead", "build_head", "HEADS"]


class LinearHead(nn.Module):
    """Dropout followed by one linear layer: the usual ImageNet head."""

    def __init__(self, in_features, num_classes=1000, dropout=0.0):
        super().__init__()
        if num_classes < 1:
            raise ValueError(f"num_classes must be >= 1, got {num_classes}")
        self.num_classes = num_classes
        self.dropout = nn.Dropout(dropout) if dropout > 0 else nn.Identity()
        self.fc = nn.Linear(in_features, num_classes)
        nn.init.normal_(self.fc.weight, std=0.01)
        nn.init.zeros_(self.fc.bias)

    def forward(self, features):
        return self.fc(self.dropout(features))


class MLPHead(nn.Module):
    """Linear -> BatchNorm -> ReLU -> Dropout -> Linear. Often better than a linear head when fine-tuning
    a frozen or lightly-tuned backbone on a small dataset."""

    def __init__(self, in_features, num_classes=1000, hidden_dim=512, dropout=0.0):
        super().__init__()
        if num_classes < 1:
            raise ValueError(f"num_classes must be >= 1, got {num_classes}")
        self.num_classes = num_classes
        self.block = nn.Sequential(
            nn.Linear(in_features, hidden_dim, bias=False),
            nn.BatchNorm1d(hidden_dim),
            nn.ReLU(inplace=True),
            nn.Dropout(dropout) if dropout > 0 else nn.Identity(),
        )
        self.fc = nn.Linear(hidden_dim, num_classes)

    def forward(self, features):
        if features.dim() != 2:
            raise ValueError(f"MLPHead expects pooled features of shape (N, D), got {tuple(features.shape)}")
        return self.fc(self.block(features))


HEADS = ("linear", "mlp")


def build_head(name, in_features, num_classes, dropout=0.0, hidden_dim=512):
    """Build the head named in ``model.head`` of the config."""
    if name == "linear":
        return LinearHead(in_features, num_classes, dropout=dropout)
    if name == "mlp":
        return MLPHead(in_features, hidden_dim=hidden_dim, dropout=dropout)
    raise ValueError(f"unknown head '{name}'; expected one of {HEADS}")
