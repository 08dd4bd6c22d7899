"""reportlab's paragraph module imported with its web-address pattern left lazy
(`reports.rl_import`): the pattern still matches as compiled, `re.compile` is itself again.
In a fresh process, as the command line starts (the test session imported reportlab already)."""

from __future__ import annotations

import subprocess
import sys

from .conftest import REPO

PROBE = """
import re
import reports
import reportlab.platypus.paragraph as paragraph
from reports.rl_import import LazyPattern

assert isinstance(paragraph.uri_pat, LazyPattern), type(paragraph.uri_pat)
assert re.compile.__module__ == "re"
compiled = re.compile(paragraph.uri_pat.pattern, paragraph.uri_pat.flags)
for text in ("https://example.com/a/b", "ftp://10.0.0.1:21/x", "HTTP://Xã.vn/thông-báo", "không phải địa chỉ"):
    assert bool(paragraph.uri_pat.match(text)) == bool(compiled.match(text)), text
assert paragraph._uri_split_pairs("https://example.com/a/b")[0] == ("https://example.com/a/", "b")
"""


def test_the_web_address_pattern_is_compiled_only_when_used():
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
