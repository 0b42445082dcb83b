"""Small helpers shared across the package: checkpoints and devices."""
