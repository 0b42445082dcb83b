"""The training loop: epochs of optimizer steps, periodic evaluation, checkpoints and resume."""

import logging
import os
import time

import torch
from torch import nn

from ..distributed.ddp import all_reduce_mean, is_main_process, world_size
from ..utils.checkpoint import load_checkpoint, save_checkpoint
from ..utils.device import move_to_device
from .amp import AmpStepper, autocast
from .optim import build_optimizer, build_scheduler

logger = logging.getLogger(__name__)

__all__ = ["Trainer"]


class Trainer:
    """Train ``model`` on ``train_loader`` and evaluate on ``val_loader`` as the config says.

    The model may already be wrapped in DistributedDataParallel; the trainer only relies on
    ``model(images)`` returning logits of shape (N, num_classes).
    """

    def __init__(self, cfg, model, train_loader, val_loader, device):
        self.cfg = cfg
        self.model = model
        self.train_loader = train_loader
        self.val_loader = val_loader
        self.device = device
        train_cfg = cfg.train
        global_batch = cfg.data.batch_size * world_size() * train_cfg.accumulate_steps
        self.optimizer = build_optimizer(model, cfg.optim, global_batch)
        steps_per_epoch = len(train_loader) // train_cfg.accumulate_steps
        self.scheduler = build_scheduler(self.optimizer, cfg.optim, steps_per_epoch, train_cfg.epochs)
        self.amp = AmpStepper(
            enabled=train_cfg.amp,
            accumulate_steps=train_cfg.accumulate_steps,
            max_grad_norm=train_cfg.max_grad_norm,
        )
        self.criterion = nn.CrossEntropyLoss(label_smoothing=train_cfg.get("label_smoothing", 0.0))
        self.epoch = 0
        self.global_step = 0
        self.best_acc = 0.0

    def fit(self):
        for epoch in range(self.epoch, self.cfg.train.epochs):
            self.epoch = epoch
            sampler = getattr(self.train_loader, "sampler", None)
            if hasattr(sampler, "set_epoch"):
                # Without this every epoch sees the same shuffled order on every rank.
                sampler.set_epoch(epoch)
            train_loss = self.train_one_epoch()
            if (epoch + 1) % self.cfg.train.eval_every == 0:
                metrics = self.evaluate()
                if is_main_process():
                    logger.info("epoch %d: train_loss=%.4f val_loss=%.4f val_acc=%.2f%%",
                                epoch, train_loss, metrics["loss"], 100 * metrics["acc"])
                    self.best_acc = max(self.best_acc, metrics["acc"])
            if is_main_process() and ((epoch + 1) % self.cfg.train.save_every == 0 or epoch + 1 == self.cfg.train.epochs):
                self.save(os.path.join(self.cfg.output_dir, "last.pt"))
        return self.best_acc

    def train_one_epoch(self):
        self.model.train()
        running, seen = 0.0, 0
        start = time.time()
        for i, batch in enumerate(self.train_loader):
            images, targets = move_to_device(batch, self.device)
            with autocast(self.amp.enabled, self.device.type):
                logits = self.model(images)
                loss = self.criterion(logits, targets)
            if self.amp.backward(loss):
                grad_norm = self.amp.step(self.optimizer, self.model.parameters())
                self.scheduler.step()
                self.global_step += 1
                if self.global_step % self.cfg.train.log_every == 0 and is_main_process():
                    logger.info("step %d: loss=%.4f lr=%.5f grad_norm=%s scale=%.0f (%.1f img/s)",
                                self.global_step, loss.item(), self.scheduler.get_last_lr()[0], grad_norm,
                                self.amp.scaler.get_scale(), seen / max(time.time() - start, 1e-6))
            running += loss.item() * images.size(0)
            seen += images.size(0)
        return running / max(seen, 1)

    @torch.no_grad()
    def evaluate(self):
        self.model.eval()
        total_loss = torch.zeros((), device=self.device)
        correct = torch.zeros((), device=self.device)
        count = torch.zeros((), device=self.device)
        for images, targets in self.val_loader:
            images, targets = move_to_device((images, targets), self.device)
            with autocast(self.amp.enabled, self.device.type):
                logits = self.model(images)
            if logits.shape[-1] != self.cfg.model.num_classes:
                raise RuntimeError(
                    f"model returned {logits.shape[-1]} logits per image but model.num_classes is "
                    f"{self.cfg.model.num_classes}"
                )
            total_loss += self.criterion(logits.float(), targets) * targets.numel()
            correct += (logits.argmax(dim=1) == targets).sum()
            count += targets.numel()
        # Sums, not means, are reduced so ranks with a smaller last shard are weighted correctly.
        total_loss, correct, count = (all_reduce_mean(t) * world_size() for t in (total_loss, correct, count))
        return {"loss": (total_loss / count).item(), "acc": (correct / count).item()}

    def save(self, path):
        save_checkpoint(path, {
            "model": self.model,
            "optimizer": self.optimizer.state_dict(),
            "scheduler": self.scheduler.state_dict(),
            "amp": self.amp.state_dict(),
            "epoch": self.epoch + 1,
            "global_step": self.global_step,
            "best_acc": self.best_acc,
            "config": self.cfg.to_dict(),
        })

    def resume(self, path):
        """Restore model, optimizer, scheduler and scaler state; training continues at the next epoch."""
        state = load_checkpoint(path, map_location=self.device)
        self.model.load_state_dict(state["model"])
        self.optimizer.load_state_dict(state["optimizer"])
        self.scheduler.load_state_dict(state["scheduler"])
        self.amp.load_state_dict(state["amp"])
        self.epoch = state["epoch"]
        self.global_step = state["global_step"]
        self.best_acc = state.get("best_acc", 0.0)
        logger.info("resumed from %s at epoch %d (step %d)", path, self.epoch, self.global_step)
