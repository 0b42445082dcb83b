"""YAML configuration: loading, ``_base_`` inheritance and ``key.sub=value`` overrides.

A config is a plain nested dict wrapped in :class:`Config`, which allows attribute access
(``cfg.optim.lr``) so the rest of the code reads like the YAML it came from. There is no schema
class per section on purpose: new keys should only need a YAML edit and the code that reads them.
"""

import copy
import os

import yaml

BASE_KEY = "_base_"


class ConfigError(ValueError):
    """A config file or override that cannot be applied."""


class Config(dict):
    """A dict whose keys can also be read as attributes. Nested dicts become Configs when built."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, value in self.items():
            if isinstance(value, dict) and not isinstance(value, Config):
                self[key] = Config(value)

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(f"config has no key '{name}' (known keys: {', '.join(sorted(self))})") from None

    def __setattr__(self, name, value):
        self[name] = value

    def to_dict(self):
        """A plain nested dict, e.g. for yaml.safe_dump, which refuses dict subclasses."""
        return {k: v.to_dict() if isinstance(v, Config) else copy.deepcopy(v) for k, v in self.items()}


def _merge(base, override):
    """Recursively merge ``override`` into a copy of ``base``; lists and scalars are replaced, not merged."""
    merged = copy.deepcopy(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = copy.deepcopy(value)
    return merged


def _read_yaml(path):
    if not os.path.isfile(path):
        raise ConfigError(f"config file not found: {path}")
    with open(path, encoding="utf-8") as f:
        data = yaml.safe_load(f) or {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: the top level of a config must be a mapping, got {type(data).__name__}")
    return data


def load_config(path, overrides=(), _seen=None):
    """Load ``path``, resolving ``_base_`` files relative to it, then apply ``overrides``.

    Args:
        path: a YAML file.
        overrides: strings like ``"optim.lr=0.05"``; values are parsed as YAML scalars.
    """
    seen = set() if _seen is None else _seen
    real = os.path.realpath(path)
    if real in seen:
        raise ConfigError(f"config inheritance cycle through {path}")
    seen.add(real)

    data = _read_yaml(path)
    base_name = data.pop(BASE_KEY, None)
    if base_name is not None:
        base_path = os.path.join(os.path.dirname(path), base_name)
        data = _merge(load_config(base_path, _seen=seen), data)

    for item in overrides:
        apply_override(data, item)
    return Config(data)


def apply_override(data, item):
    """Apply one ``dotted.key=value`` override in place. Unknown keys are an error, not a silent addition."""
    if "=" not in item:
        raise ConfigError(f"override '{item}' must look like key.sub=value")
    dotted, raw = item.split("=", 1)
    keys = dotted.strip().split(".")
    node = data
    for key in keys[:-1]:
        if not isinstance(node.get(key), dict):
            raise ConfigError(f"unknown config section '{key}' in override '{item}'")
        node = node[key]
    if keys[-1] not in node:
        raise ConfigError(f"unknown config key '{dotted}'; check the spelling against configs/default.yaml")
    node[keys[-1]] = yaml.safe_load(raw)


def save_config(cfg, path):
    """Write the resolved config next to the run's checkpoints so a run can be reproduced."""
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        yaml.safe_dump(cfg.to_dict(), f, sort_keys=False)
