"""Optimizers and learning-rate schedules.

The base LR in a config is for a global batch of 256 and is scaled linearly with the real global batch
(per-process batch x processes x accumulation steps). Schedules are per *optimizer step*, not per epoch,
so warmup is smooth even when an epoch is only a few steps long.
"""

import math

import torch
from torch.optim.lr_scheduler import LambdaLR

__all__ = ["param_groups", "build_optimizer", "build_scheduler", "scaled_lr"]

REFERENCE_BATCH = 256


def scaled_lr(base_lr, global_batch):
    return base_lr * global_batch / REFERENCE_BATCH


def param_groups(model, weight_decay, no_decay_on_norm_and_bias=True):
    """Split parameters into a decayed and a non-decayed group. Biases and normalisation weights
    (all 1-D parameters) are not decayed: decaying them hurts accuracy for no regularisation benefit."""
    decay, no_decay = [], []
    for name, param in model.named_parameters():
        if not param.requires_grad:
            continue
        if no_decay_on_norm_and_bias and (param.ndim <= 1 or name.endswith(".bias")):
            no_decay.append(param)
        else:
            decay.append(param)
    return [
        {"params": decay, "weight_decay": weight_decay},
        {"params": no_decay, "weight_decay": 0.0},
    ]


def build_optimizer(model, optim_cfg, global_batch):
    lr = scaled_lr(optim_cfg.lr, global_batch)
    groups = param_groups(model, optim_cfg.weight_decay, optim_cfg.get("no_decay_on_norm_and_bias", True))
    if optim_cfg.name == "sgd":
        return torch.optim.SGD(groups, lr=lr, momentum=optim_cfg.momentum, nesterov=optim_cfg.get("nesterov", False))
    if optim_cfg.name == "adamw":
        return torch.optim.AdamW(groups, lr=lr, betas=tuple(optim_cfg.get("betas", (0.9, 0.999))))
    raise ValueError(f"unknown optimizer '{optim_cfg.name}'; expected 'sgd' or 'adamw'")


def build_scheduler(optimizer, optim_cfg, steps_per_epoch, epochs):
    """A LambdaLR with linear warmup followed by cosine decay, step decay, or a constant LR.

    ``scheduler.step()`` must be called once per optimizer step (the Trainer does so).
    """
    if steps_per_epoch <= 0:
        raise ValueError(f"steps_per_epoch must be positive, got {steps_per_epoch}; is the dataset empty?")
    warmup_steps = int(optim_cfg.get("warmup_epochs", 0) * steps_per_epoch)
    total_steps = epochs * steps_per_epoch
    kind = optim_cfg.get("scheduler", "cosine")
    milestones = [m * steps_per_epoch for m in optim_cfg.get("step_milestones", [])]
    gamma = optim_cfg.get("step_gamma", 0.1)

    def factor(step):
        if step < warmup_steps:
            return (step + 1) / warmup_steps
        if kind == "constant":
            return 1.0
        if kind == "step":
            return gamma ** sum(step >= m for m in milestones)
        if kind == "cosine":
            progress = (step - warmup_steps) / max(1, total_steps - warmup_steps)
            return 0.5 * (1.0 + math.cos(math.pi * min(progress, 1.0)))
        raise ValueError(f"unknown scheduler '{kind}'; expected cosine, step or constant")

    return LambdaLR(optimizer, factor)
