"""jieba, imported without ``pkg_resources``.

jieba 0.42's ``jieba._compat`` opens its data files through ``pkg_resources`` when that imports,
and otherwise with ``open()`` on the same paths beside its modules.  Importing ``pkg_resources``
scans every installed distribution: ≈ 0.3 s of CPU, three quarters of ``import jieba`` and a fifth
of a one-file check without the models.  The modules that segment import jieba from here: while
jieba is imported, ``pkg_resources`` is marked unimportable (``sys.modules[name] = None``, the
documented way), and the mark is removed at once, so nothing else in the process sees it.  jieba
then reads the same files (its dictionary only when it has no cache file) and cuts text the same.
"""

from __future__ import annotations

import sys

_BLOCKED = "pkg_resources"

if "jieba" not in sys.modules and _BLOCKED not in sys.modules:
    sys.modules[_BLOCKED] = None  # type: ignore[assignment]
    try:
        import jieba
    finally:
        del sys.modules[_BLOCKED]
else:
    import jieba

__all__ = ["jieba"]
