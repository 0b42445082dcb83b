"""Mixed precision and gradient accumulation in one place.

:class:`AmpStepper` owns the ``GradScaler`` and decides when a micro-batch's gradients become an optimizer
step. Keeping the order of ``backward`` / ``unscale_`` / clip / ``step`` / ``update`` in one class matters:
getting it wrong does not crash, it silently trains on scaled or non-finite gradients.
"""

import contextlib

import torch

__all__ = ["AmpStepper", "autocast"]


def autocast(enabled, device_type="cuda"):
    """``torch.autocast`` on CUDA, a no-op elsewhere (CPU autocast to bfloat16 is opt-in)."""
    if not enabled or device_type != "cuda":
        return contextlib.nullcontext()
    return torch.cuda.amp.autocast()


class AmpStepper:
    """Backward, accumulate, clip and step with an optional grad scaler.

    Args:
        enabled: use float16 autocast and a GradScaler.
        accumulate_steps: micro-batches per optimizer step; the loss is divided by this.
        max_grad_norm: clip the global gradient norm to this value (None: no clipping).
    """

    def __init__(self, enabled=True, accumulate_steps=1, max_grad_norm=None, init_scale=2.0**16):
        if accumulate_steps < 1:
            raise ValueError(f"accumulate_steps must be >= 1, got {accumulate_steps}")
        self.enabled = enabled and torch.cuda.is_available()
        self.accumulate_steps = accumulate_steps
        self.max_grad_norm = max_grad_norm
        self.scaler = torch.cuda.amp.GradScaler(init_scale=init_scale, enabled=self.enabled)
        self._micro_step = 0

    def backward(self, loss):
        """Backward one micro-batch. Returns True when the next :meth:`step` will update the weights."""
        if not torch.isfinite(loss):
            # Under AMP a non-finite loss is expected now and then (the scaler skips that step); without
            # AMP it means the run has diverged.
            if not self.enabled:
                raise FloatingPointError(f"loss is {loss.item()}; training diverged (try a lower optim.lr)")
        self.scaler.scale(loss / self.accumulate_steps).backward()
        self._micro_step += 1
        return self._micro_step % self.accumulate_steps == 0

    def step(self, optimizer, parameters=None):
        """Step the optimizer if a full accumulation window has been seen. Returns the grad norm (or None)."""
        if self._micro_step % self.accumulate_steps != 0:
            return None
        grad_norm = None
        if self.max_grad_norm is not None:
            if parameters is None:
                raise ValueError("max_grad_norm is set, so step() needs the model parameters to clip")
            self.scaler.unscale_(optimizer)
            grad_norm = torch.nn.utils.clip_grad_norm_(parameters, self.max_grad_norm)
        if self.accumulate_steps > 1 and grad_norm is not None:
            # Gradients are already unscaled, so step directly.
            optimizer.step()
        else:
            self.scaler.step(optimizer)
        self.scaler.update()
        optimizer.zero_grad(set_to_none=True)
        return grad_norm

    def state_dict(self):
        return {"scaler": self.scaler.state_dict(), "micro_step": self._micro_step}

    def load_state_dict(self, state):
        self.scaler.load_state_dict(state["scaler"])
        self._micro_step = state.get("micro_step", 0)
