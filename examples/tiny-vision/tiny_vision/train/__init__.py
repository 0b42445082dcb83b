"""Training: the loop, optimizers and schedules, mixed precision."""

from .trainer import Trainer

__all__ = ["Trainer"]
