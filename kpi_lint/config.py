"""Settings for `kpi-lint check`: ``[tool.kpi-lint]`` in pyproject.toml or a ``kpi-lint.toml``.

Discovery works like ruff's: from the working directory upward, the first
directory holding a ``kpi-lint.toml`` (top-level keys) or a ``pyproject.toml``
with a ``[tool.kpi-lint]`` table wins; ``--config FILE`` names one explicitly.
Command-line flags win over the file.  Keys::

    [tool.kpi-lint]
    select = ["KPI1", "KPI302"]      # code prefixes (a comma-separated string also works)
    ignore = ["KPI203"]
    severity = "warning"             # minimum severity shown
    fail-on = "error"                # error | warning | info | never
    lexicons = "my-lexicons"         # relative to the config file
    exclude = ["drafts", "old/2021"] # globs left out of checked folders (replaces the defaults)
    extend-exclude = ["*.bak.txt"]   # globs added to the defaults (see kpi_lint/read/exclude.py)

    [tool.kpi-lint.rules.KPI102]     # per-rule options (see `kpi-lint rule KPI102`)
    share = 0.5

    [tool.kpi-lint.severity]         # per-rule severity overrides; `min` = minimum shown
    KPI203 = "info"

Other sub-tables (``[tool.kpi-lint.score]`` …) belong to other commands and are
passed through untouched in `Config.tables`.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kpi_lint.rules.base import Severity

CONFIG_NAME = "kpi-lint.toml"
PYPROJECT = "pyproject.toml"
FAIL_ON = ("error", "warning", "info", "never")
_SCALAR_KEYS = ("select", "ignore", "severity", "fail-on", "lexicons", "exclude", "extend-exclude")


class ConfigError(Exception):
    """A config file that cannot be used; the message is one line, naming the file."""


@dataclass
class Config:
    path: Path | None = None  # the file the settings came from
    select: list[str] | None = None  # None: every rule
    ignore: list[str] = field(default_factory=list)
    severity: Severity = Severity.INFO  # minimum severity shown
    fail_on: str = "error"
    lexicons: Path | None = None
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    severity_overrides: dict[str, Severity] = field(default_factory=dict)
    tables: dict[str, Any] = field(default_factory=dict)  # pass-through ([tool.kpi-lint.score] …)
    model: Path | None = None  # --model: a trained classifier for KPI307
    flag_label: str | None = None  # --flag-label: the label KPI307 reports
    library: Path | None = None  # --library: a curated indicator library (指标库) for KPI601
    exclude: list[str] | None = None  # globs left out of checked folders; None: the defaults
    extend_exclude: list[str] = field(default_factory=list)  # globs added to `exclude`

    @property
    def base(self) -> Path:
        """The folder the file's relative paths and patterns are relative to."""
        return self.path.parent if self.path is not None else Path.cwd()


def _has_tool_table(path: Path) -> bool:
    return "kpi-lint" in _read_toml(path).get("tool", {})


def find_config(start: Path) -> Path | None:
    """The first kpi-lint.toml, or pyproject.toml with [tool.kpi-lint], from `start` upward."""
    start = start.resolve()
    for directory in (start, *start.parents):
        candidate = directory / CONFIG_NAME
        if candidate.is_file():
            return candidate
        pyproject = directory / PYPROJECT
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"{path}: 无法读取配置文件：{exc.strerror or exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: 配置文件不是合法的 TOML：{exc}") from exc


def _codes(value: Any, key: str, where: Path) -> list[str]:
    if isinstance(value, str):
        items = value.split(",")
    elif isinstance(value, list) and all(isinstance(v, str) for v in value):
        items = value
    else:
        raise ConfigError(f'{where}: {key} 应为规则代码列表，如 ["KPI1", "KPI302"]')
    return [v.strip().upper() for v in items if v.strip()]


def parse_severity(value: Any, what: str) -> Severity:
    try:
        return Severity(str(value).lower())
    except ValueError:
        raise ConfigError(f"{what} 应为 error、warning 或 info，而不是 {value!r}") from None


def _rule_options(table: Any, where: Path) -> dict[str, dict[str, Any]]:
    from kpi_lint.rules.registry import rule_by_code

    if not isinstance(table, dict):
        raise ConfigError(f"{where}: rules 应为表，如 [tool.kpi-lint.rules.KPI102]")
    out: dict[str, dict[str, Any]] = {}
    for code, options in table.items():
        rule = rule_by_code(code)
        if rule is None:
            raise ConfigError(f"{where}: rules.{code}: 没有这条规则")
        if not isinstance(options, dict):
            raise ConfigError(f"{where}: rules.{code} 应为表（选项 = 值）")
        for name, value in options.items():
            if name not in rule.options:
                known = "、".join(rule.options) or "无"
                raise ConfigError(f"{where}: rules.{code}.{name}: 未知选项（{rule.code} 的选项：{known}）")
            default = rule.options[name]
            numeric = isinstance(default, int | float) and not isinstance(default, bool)
            ok = (
                isinstance(value, int | float) and not isinstance(value, bool)
                if numeric
                else isinstance(value, type(default))
            )
            if not ok:
                raise ConfigError(
                    f"{where}: rules.{code}.{name} 应为 {type(default).__name__}（默认 {default!r}），而不是 {value!r}"
                )
        out[rule.code] = dict(options)
    return out


def _severity_table(table: dict[str, Any], where: Path, config: Config) -> None:
    from kpi_lint.rules.registry import rule_by_code

    for key, value in table.items():
        if key.lower() == "min":
            config.severity = parse_severity(value, f"{where}: severity.min")
            continue
        rule = rule_by_code(key)
        if rule is None:
            raise ConfigError(f"{where}: severity.{key}: 没有这条规则")
        config.severity_overrides[rule.code] = parse_severity(value, f"{where}: severity.{key}")


def config_from_table(table: dict[str, Any], where: Path) -> Config:
    """Validate one [tool.kpi-lint] table (or a kpi-lint.toml's top level)."""
    config = Config(path=where)
    for key, value in table.items():
        name = key.replace("_", "-")
        if name == "select":
            config.select = _codes(value, key, where)
        elif name == "ignore":
            config.ignore = _codes(value, key, where)
        elif name == "severity" and isinstance(value, dict):
            _severity_table(value, where, config)
        elif name == "severity":
            config.severity = parse_severity(value, f"{where}: severity")
        elif name == "fail-on":
            if str(value).lower() not in FAIL_ON:
                raise ConfigError(f"{where}: fail-on 应为 {'、'.join(FAIL_ON)} 之一，而不是 {value!r}")
            config.fail_on = str(value).lower()
        elif name == "lexicons":
            if not isinstance(value, str):
                raise ConfigError(f"{where}: lexicons 应为目录路径字符串")
            config.lexicons = (where.parent / value).resolve()
        elif name in ("exclude", "extend-exclude"):
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                raise ConfigError(f'{where}: {key} 应为文件名模式列表，如 ["drafts", "old/2021"]')
            if name == "exclude":
                config.exclude = list(value)
            else:
                config.extend_exclude = list(value)
        elif name == "rules":
            config.rule_options = _rule_options(value, where)
        elif isinstance(value, dict):
            config.tables[key] = value  # another command's settings
        else:
            raise ConfigError(f"{where}: 未知配置项 {key}（可用：{'、'.join(_SCALAR_KEYS)}、rules、severity）")
    return config


def load_config(explicit: Path | None = None, cwd: Path | None = None) -> Config:
    """The settings from `explicit`, else the discovered file, else the defaults."""
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError(f"{explicit}: 配置文件不存在")
        path: Path | None = explicit
    else:
        path = find_config(cwd or Path.cwd())
    if path is None:
        return Config()
    data = _read_toml(path)
    if path.name == PYPROJECT:
        table = data.get("tool", {}).get("kpi-lint")
        if table is None:
            if explicit is not None:
                raise ConfigError(f"{path}: 没有 [tool.kpi-lint] 表")
            return Config()
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: tool.kpi-lint 应为表")
        return config_from_table(table, path)
    return config_from_table(data, path)
