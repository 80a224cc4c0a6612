"""Regular expressions compiled on first use, not when their module is imported.

A one-file check imports every reader of the parser (the file's shape is known only once it is
read), and their ≈ 300 module-level patterns took ≈ 0.2 s of CPU to compile at import — most of it
in ``re._compiler._optimize_charset`` walking the CJK ranges — while one document's shape uses a
third of them.  `lazy_compile` stands for ``re.compile`` at module level: the pattern is compiled
by ``re.compile`` (and kept) the first time one of its attributes is read, and each attribute read
(``search``, ``sub``, ``pattern``…) is then stored on the object, so later reads cost what they
cost on the compiled pattern.  Use it only for a pattern whose every use is an attribute
(``_X.search(text)``): ``re.sub(_X, …)`` and ``isinstance(_X, re.Pattern)`` need the compiled
object (tests/test_lazy_re.py checks the modules that use it).
"""

from __future__ import annotations

import re
from typing import Any, cast


class LazyPattern:
    """``re.compile(pattern, flags)``, made when an attribute is first read (see the module's docstring)."""

    def __init__(self, pattern: str, flags: int | re.RegexFlag = 0) -> None:
        self.__dict__["_source"] = (pattern, flags)
        self.__dict__["pattern"] = pattern  # what the compiled pattern's is: read without compiling it

    def __getattr__(self, name: str) -> Any:  # only for names not yet stored on the object
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            compiled = self.__dict__["_compiled"] = re.compile(*self.__dict__["_source"])
        value = getattr(compiled, name)
        self.__dict__[name] = value
        return value

    def __repr__(self) -> str:
        pattern, flags = self.__dict__["_source"]
        return f"lazy_compile({pattern!r}, {flags!r})"


def lazy_compile(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """A module-level pattern compiled on first use; typed as the compiled pattern it behaves as."""
    return cast("re.Pattern[str]", LazyPattern(pattern, flags))


def is_compiled(pattern: re.Pattern[str]) -> bool:
    """The pattern has been compiled (a `LazyPattern` once used, or any ``re.Pattern``)."""
    return not isinstance(pattern, LazyPattern) or "_compiled" in pattern.__dict__
