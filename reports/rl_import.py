"""reportlab's paragraph module, imported without its one costly regular expression.

`reportlab.platypus.paragraph` compiles, when imported, a pattern for web addresses
(`uri_pat`, case-insensitive over \\xa1-\\uffff) that takes ~25 ms to compile, a tenth
of a printing command's start-up, and is used only to hyphenate a long web address
(`_uri_split_pairs`), which our documents never ask for. While that module is imported
here, that one pattern is handed back uncompiled, to be compiled the first time it is
used; every other call goes to `re.compile` unchanged. The package imports this module
first, so whichever of its modules reaches reportlab first gets it this way.
"""

from __future__ import annotations

import re
import sys

#: The start of `uri_pat` in reportlab 3.x-4.x's paragraph.py.
_URI_PATTERN_START = "(^(?:[a-z0-9\\.\\-\\+]*)://)"


class LazyPattern:
    """A regular expression compiled the first time it is used (`re` caches it then)."""

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern, self.flags = pattern, flags

    def __getattr__(self, name: str):
        return getattr(re.compile(self.pattern, self.flags), name)


def import_paragraph() -> None:
    """Import `reportlab.platypus.paragraph` with its web-address pattern left lazy."""
    if "reportlab.platypus.paragraph" in sys.modules:
        return
    compile_ = re.compile

    def compile_lazily(pattern, flags=0):
        if isinstance(pattern, str) and pattern.startswith(_URI_PATTERN_START):
            return LazyPattern(pattern, flags)
        return compile_(pattern, flags)

    re.compile = compile_lazily
    try:
        import reportlab.platypus.paragraph  # noqa: F401 - imported for its side effect
    finally:
        re.compile = compile_


import_paragraph()
