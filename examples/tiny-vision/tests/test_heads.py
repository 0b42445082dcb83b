import pytest
import torch

from tiny_vision.models.heads import LinearHead, MLPHead, build_head


@pytest.mark.parametrize("num_classes", [1, 10, 1000])
def test_linear_head_output_shape(num_classes):
    head = LinearHead(512, num_classes)
    assert head(torch.randn(4, 512)).shape == (4, num_classes)


def test_mlp_head_output_shape():
    head = MLPHead(512, num_classes=7, hidden_dim=64).eval()
    assert head(torch.randn(2, 512)).shape == (2, 7)


def test_mlp_head_rejects_feature_maps():
    with pytest.raises(ValueError, match=r"\(N, D\)"):
        MLPHead(512, num_classes=7)(torch.randn(2, 512, 7, 7))


def test_build_head_linear():
    head = build_head("linear", 2048, 10)
    assert isinstance(head, LinearHead)
    assert head.num_classes == 10


def test_build_head_unknown_name():
    with pytest.raises(ValueError, match="unknown head"):
        build_head("transformer", 512, 10)
