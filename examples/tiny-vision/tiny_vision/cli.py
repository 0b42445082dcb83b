"""Command line: ``tiny-vision train`` and ``tiny-vision eval``.

Examples::

    tiny-vision train -c configs/default.yaml optim.lr=0.05 train.epochs=30
    torchrun --nproc_per_node 4 -m tiny_vision.cli train -c configs/default.yaml
    tiny-vision eval -c configs/default.yaml --checkpoint runs/default/last.pt
"""

import argparse
import logging
import os
import random
import sys

import numpy as np
import torch

from .config import ConfigError, load_config, save_config
from .data import build_dataloader
from .distributed import cleanup, init_distributed, is_main_process, rank, world_size, wrap_model
from .models import build_model
from .train import Trainer
from .utils.checkpoint import load_backbone_weights
from .utils.device import describe_environment, resolve_device

logger = logging.getLogger("tiny_vision")


def seed_everything(seed, process_rank):
    # Different seeds per rank, or every rank draws the same augmentations.
    seed = seed + process_rank
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def configure_logging():
    # Configured before the process group exists, so read the rank the launcher exported.
    main_process = os.environ.get("RANK", "0") == "0"
    logging.basicConfig(level=logging.INFO if main_process else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")


def setup(args):
    configure_logging()
    cfg = load_config(args.config, args.overrides)
    local_rank = init_distributed(
        cfg.distributed.backend, cfg.distributed.init_method, cfg.distributed.timeout_minutes, args.local_rank
    )
    device = resolve_device(args.device, local_rank)
    seed_everything(cfg.seed, rank())
    if is_main_process():
        logger.info("environment:\n%s", describe_environment())
    model = build_model(cfg.model).to(device)
    if cfg.model.get("pretrained"):
        result = load_backbone_weights(model, cfg.model.pretrained)
        logger.info("loaded backbone from %s (missing: %d, unexpected: %d)",
                    cfg.model.pretrained, len(result.missing_keys), len(result.unexpected_keys))
    model = wrap_model(model, local_rank, cfg.distributed.find_unused_parameters)
    return cfg, model, device


def cmd_train(args):
    cfg, model, device = setup(args)
    distributed = world_size() > 1
    train_loader = build_dataloader(cfg, "train", distributed)
    val_loader = build_dataloader(cfg, "val", distributed)
    trainer = Trainer(cfg, model, train_loader, val_loader, device)
    if args.resume:
        trainer.resume(args.resume)
    if is_main_process():
        save_config(cfg, os.path.join(cfg.output_dir, "config.yaml"))
    best = trainer.fit()
    if is_main_process():
        logger.info("done: best val_acc=%.2f%%", 100 * best)
    return 0


def cmd_eval(args):
    cfg, model, device = setup(args)
    val_loader = build_dataloader(cfg, "val", world_size() > 1)
    trainer = Trainer(cfg, model, val_loader, val_loader, device)
    trainer.resume(args.checkpoint)
    metrics = trainer.evaluate()
    if is_main_process():
        print(f"val_loss={metrics['loss']:.4f} val_acc={100 * metrics['acc']:.2f}%")
    return 0


def build_parser():
    parser = argparse.ArgumentParser(prog="tiny-vision", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for name, func, help_text in (("train", cmd_train, "train a model"), ("eval", cmd_eval, "evaluate a checkpoint")):
        p = sub.add_parser(name, help=help_text)
        p.add_argument("-c", "--config", required=True, help="YAML config file")
        p.add_argument("--device", default="auto", help="auto, cpu, cuda or cuda:N")
        p.add_argument("--local_rank", type=int, default=None, help=argparse.SUPPRESS)  # torch.distributed.launch
        p.add_argument("overrides", nargs="*", help="config overrides like optim.lr=0.05")
        p.set_defaults(func=func)
    sub.choices["train"].add_argument("--resume", default=None, help="checkpoint to resume from")
    sub.choices["eval"].add_argument("--checkpoint", required=True, help="checkpoint to evaluate")
    return parser


def main(argv=None):
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except ConfigError as err:
        print(f"tiny-vision: config error: {err}", file=sys.stderr)
        return 2
    finally:
        cleanup()


if __name__ == "__main__":
    sys.exit(main())
