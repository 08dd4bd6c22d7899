"""Font selection: a serif family whose four styles all carry Vietnamese.

Order: the font the caller names, Times New Roman (Windows, macOS, Linux core
fonts), the system's Liberation Serif 2.x, Tinos, and last the Liberation Serif 2
shipped inside this package (`reports/fonts/`, SIL Open Font License 1.1, see
LICENSE-LiberationSerif.txt beside the files), so printing always works. Liberation
Serif has the metrics of Times New Roman: the PDF and the Word file break lines alike.
Every family is checked before use: regular, bold, italic and bold italic must each
map every precomposed Vietnamese letter (146 of them) plus the punctuation our
templates print. Liberation Serif 1.x fails this check. reportlab's built-in
Helvetica/Times/Vera are never used.
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
import warnings
import zlib
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path
from weakref import WeakKeyDictionary

from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTEncoding, TTFont, TTFontFace

STYLES = ("regular", "bold", "italic", "bold_italic")
STYLE_LABELS = {
    "regular": "thường",
    "bold": "đậm",
    "italic": "nghiêng",
    "bold_italic": "đậm nghiêng",
}

_VOWELS = "aăâeêioôơuưy"
_TONES = "\u0300\u0301\u0309\u0303\u0323"  # huyền, sắc, hỏi, ngã, nặng
#: Characters our own templates print besides letters (dash, quotes, ellipsis, box).
TEMPLATE_PUNCTUATION = "–“”…□"


class FontError(Exception):
    """No usable font, or a font the caller named cannot be used. Message in Vietnamese."""


class FontWarning(UserWarning):
    """A font family was skipped (missing file or letters)."""


def vietnamese_letters() -> frozenset[str]:
    """The 146 precomposed Vietnamese letters: 12 vowels x (plain + 5 tones) + đ, both cases."""
    lower = {unicodedata.normalize("NFC", v + tone) for v in _VOWELS for tone in ("",) + tuple(_TONES)}
    lower.add("đ")
    return frozenset(lower | {c.upper() for c in lower})


def required_characters() -> frozenset[str]:
    """Vietnamese letters, printable ASCII and the template punctuation."""
    ascii_printable = {chr(code) for code in range(0x20, 0x7F)}
    return vietnamese_letters() | ascii_printable | set(TEMPLATE_PUNCTUATION)


@dataclass(frozen=True)
class FontFamily:
    """Four TTF files of one family and where they came from."""

    label: str  # "Times New Roman", "DejaVu Serif", ...
    regular: Path
    bold: Path
    italic: Path
    bold_italic: Path

    def paths(self) -> dict[str, Path]:
        return {style: getattr(self, style) for style in STYLES}


@dataclass(frozen=True)
class RegisteredFont:
    """A family registered with reportlab: use `name` as fontName; <b>/<i> map to the rest."""

    name: str
    bold: str
    italic: str
    bold_italic: str
    family: FontFamily
    warnings: tuple[str, ...] = field(default=())


def _parse_face(path: Path) -> TTFontFace:
    try:
        return TTFontFace(str(path))
    except Exception as exc:  # reportlab raises TTFError and struct/OS errors alike
        raise FontError(f"Không đọc được tệp phông chữ {path}: {exc}") from exc


def _missing(face: TTFontFace, required: frozenset[str] | None = None) -> set[str]:
    required = required_characters() if required is None else required
    mapped = face.charToGlyph or {}
    return {char for char in required if ord(char) not in mapped}


def missing_characters(path: Path, required: frozenset[str] | None = None) -> set[str]:
    """Characters of `required` that the TTF at `path` does not map (raises FontError if unreadable)."""
    return _missing(_parse_face(path), required)


#: Faces of a family that passed the check, parsed by it, until `_TTFont` takes them
#: (registration would otherwise parse the same four files again, ~20 ms).
_CHECKED_FACES: dict[str, TTFontFace] = {}


@functools.lru_cache(maxsize=32)
def _family_problems(paths: tuple[Path, ...]) -> tuple[str, ...]:
    problems, faces = [], {}
    for style, path in zip(STYLES, paths):
        try:
            faces[str(path)] = face = _parse_face(path)
        except FontError as exc:
            problems.append(str(exc))
            continue
        missing = _missing(face)
        if missing:
            sample = " ".join(sorted(missing)[:12])
            problems.append(
                f"kiểu {STYLE_LABELS[style]} ({path.name}) thiếu {len(missing)} ký tự: {sample}"
            )
    if not problems:
        _CHECKED_FACES.update(faces)
    return tuple(problems)


def family_problems(family: FontFamily) -> list[str]:
    """Why `family` cannot print Vietnamese; empty when all four styles pass."""
    return list(_family_problems(tuple(family.paths()[s] for s in STYLES)))


# -- where families live -------------------------------------------------------

#: Sibling names for (bold, italic, bold italic), tried against the regular file's stem.
_SIBLING_PATTERNS = [
    # Foo-Regular.ttf -> Foo-Bold.ttf ... (Liberation, Tinos, most Google fonts)
    (re.compile(r"^(.*?)[-_ ]?(Regular|Roman|Book|Normal)$", re.I),
     ["{0}-Bold", "{0}-Italic", "{0}-BoldItalic", "{0}Bold", "{0}Italic", "{0}BoldItalic",
      "{0} Bold", "{0} Italic", "{0} Bold Italic", "{0}_Bold", "{0}_Italic", "{0}_Bold_Italic",
      "{0}-Bold", "{0}-Oblique", "{0}-BoldOblique"]),
    # Foo.ttf -> Foo-Bold.ttf / Foo Bold.ttf / Foobd.ttf / Foob.ttf ...
    (re.compile(r"^(.*)$"),
     ["{0}-Bold", "{0}-Italic", "{0}-BoldItalic",  # DejaVu
      "{0} Bold", "{0} Italic", "{0} Bold Italic",  # macOS "Times New Roman Bold.ttf"
      "{0}_Bold", "{0}_Italic", "{0}_Bold_Italic",  # msttcorefonts
      "{0}bd", "{0}i", "{0}bi",  # Windows times.ttf -> timesbd/timesi/timesbi
      "{0}b", "{0}i", "{0}z",  # Windows georgia.ttf -> georgiab/georgiai/georgiaz
      "{0}Bd", "{0}It", "{0}BI",  # Vera
      "{0}-Bold", "{0}-Oblique", "{0}-BoldOblique"]),
]


def _find_sibling(directory: Path, names: list[str]) -> Path | None:
    try:
        files = {p.name.lower(): p for p in directory.iterdir() if p.is_file()}
    except OSError:
        return None
    for name in names:
        hit = files.get(f"{name}.ttf".lower())
        if hit is not None:
            return hit
    return None


def family_from_regular(regular: Path, label: str | None = None) -> tuple[FontFamily | None, list[str]]:
    """Find the bold/italic/bold italic siblings of a regular TTF; (family, names of missing styles)."""
    stem, directory = regular.stem, regular.parent
    for pattern, templates in _SIBLING_PATTERNS:
        match = pattern.match(stem)
        if not match:
            continue
        base = match.group(1)
        # templates come in (bold, italic, bold italic) triples
        found: list[Path | None] = [None, None, None]
        for start in range(0, len(templates), 3):
            for slot in range(3):
                if found[slot] is None:
                    found[slot] = _find_sibling(directory, [templates[start + slot].format(base)])
        if all(found):
            bold, italic, bold_italic = found  # type: ignore[misc]
            return FontFamily(label or base.strip(" -_") or stem, regular, bold, italic, bold_italic), []
        missing = [STYLE_LABELS[s] for s, p in zip(STYLES[1:], found) if p is None]
    return None, missing


def _system_families() -> list[FontFamily]:
    """Installed candidate families in preference order (existing files only)."""
    windir = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
    local = os.environ.get("LOCALAPPDATA")
    tnr_sets = [
        [windir / n for n in ("times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf")],
    ]
    if local:
        base = Path(local) / "Microsoft" / "Windows" / "Fonts"
        tnr_sets.append([base / n for n in ("times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf")])
    for mac_dir in (Path("/Library/Fonts"), Path("/System/Library/Fonts/Supplemental"),
                    Path.home() / "Library" / "Fonts"):
        tnr_sets.append([mac_dir / f"Times New Roman{s}.ttf" for s in ("", " Bold", " Italic", " Bold Italic")])
    core = Path("/usr/share/fonts/truetype/msttcorefonts")
    tnr_sets.append([core / f"Times_New_Roman{s}.ttf" for s in ("", "_Bold", "_Italic", "_Bold_Italic")])
    tnr_sets.append([core / n for n in ("times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf")])

    candidates = [("Times New Roman", paths) for paths in tnr_sets]
    styles4 = ("Regular", "Bold", "Italic", "BoldItalic")
    for directory in ("/usr/share/fonts/truetype/liberation2", "/usr/share/fonts/truetype/liberation",
                      "/usr/share/fonts/liberation-serif", "/usr/share/fonts/liberation"):
        candidates.append(("Liberation Serif", [Path(directory) / f"LiberationSerif-{s}.ttf" for s in styles4]))
    for directory in ("/usr/share/fonts/truetype/croscore", "/usr/share/fonts/google-croscore"):
        candidates.append(("Tinos", [Path(directory) / f"Tinos-{s}.ttf" for s in styles4]))

    found, seen = [], set()
    for label, paths in candidates:
        if all(p.is_file() for p in paths):
            key = tuple(p.resolve() for p in paths)
            if key not in seen:
                seen.add(key)
                found.append(FontFamily(label, *paths))
    return found


#: The four files of the bundled family and their licence (package data).
BUNDLED_DIR = Path(__file__).resolve().parent / "fonts"
BUNDLED_LICENCE = BUNDLED_DIR / "LICENSE-LiberationSerif.txt"


def bundled_family() -> FontFamily:
    """Liberation Serif 2 shipped with doithoai (reports/fonts/, OFL 1.1)."""
    names = ("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf", "LiberationSerif-Italic.ttf",
             "LiberationSerif-BoldItalic.ttf")
    paths = [BUNDLED_DIR / name for name in names]
    missing = [p.name for p in paths if not p.is_file()]
    if missing:  # pragma: no cover - package data
        raise FontError(f"Thiếu tệp phông chữ đi kèm doithoai ({', '.join(missing)} trong {BUNDLED_DIR}); "
                        "hãy cài lại doithoai.")
    return FontFamily("Liberation Serif (kèm doithoai)", *paths)


def candidate_families(font: str | os.PathLike | None = None) -> tuple[list[FontFamily], list[str]]:
    """Families to try in order, and warnings about a named font whose siblings are missing."""
    notes: list[str] = []
    families: list[FontFamily] = []
    if font is not None:
        path = Path(font).expanduser()
        if not path.is_file():
            raise FontError(f"Không tìm thấy tệp phông chữ: {path}")
        family, missing = family_from_regular(path)
        if family is None:
            notes.append(
                f"Bỏ qua phông {path}: không tìm thấy kiểu {', '.join(missing)} cùng thư mục "
                f"(cần đủ 4 kiểu thường, đậm, nghiêng, đậm nghiêng)."
            )
        else:
            families.append(family)
    families.extend(_system_families())
    families.append(bundled_family())
    return families, notes


def choose_family(
    font: str | os.PathLike | None = None, *, families: list[FontFamily] | None = None
) -> tuple[FontFamily, list[str]]:
    """The first family that passes the Vietnamese check, and warnings for those skipped.

    `families` replaces the built-in candidate list (tests use it). Raises FontError
    when nothing passes: printing never falls back to reportlab's built-in fonts.
    """
    if families is None:
        families, notes = candidate_families(font)
    else:
        notes = []
    for family in families:
        problems = family_problems(family)
        if not problems:
            return family, notes
        notes.append(
            f"Bỏ qua phông {family.label} ({family.regular.parent}): không đủ chữ tiếng Việt — "
            + "; ".join(problems)
        )
    raise FontError(
        "Không có phông chữ nào in được đủ chữ tiếng Việt. "
        "Hãy cài Times New Roman hoặc Liberation Serif 2 (gói fonts-liberation2), "
        "hoặc chỉ đường dẫn tới một phông TrueType đủ 4 kiểu bằng --font."
        + ("\n" + "\n".join(notes) if notes else "")
    )


def _register_name(label: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()
    return "DT-" + (re.sub(r"[^A-Za-z0-9]+", "", ascii_name) or "Font")


class _TTFont(TTFont):
    """A TTFont that remembers the widths it measured: breaking the lines of a 50-page
    PDF asks ~90,000 times for the width of ~1,200 distinct syllables and words. It also
    carries its face's ascent and descent, which `pdfmetrics.getAscentDescent` (~25,000
    calls) otherwise reaches through a caught AttributeError each time."""

    def __init__(self, name: str, filename: str):
        face = _CHECKED_FACES.pop(filename, None)
        if face is None:
            super().__init__(name, filename)
        else:  # TTFont.__init__ with the face the check parsed (a test compares the two ways)
            self.fontName, self.face, self.encoding = name, face, TTEncoding()
            self.state = WeakKeyDictionary()
            self._asciiReadable = rl_config.ttfAsciiReadable
            self.shapable = not any(fnmatch(name, pattern) for pattern in rl_config.unShapedFontGlob)
        self._widths: dict[tuple, float] = {}
        self.ascent, self.descent = self.face.ascent, self.face.descent

    def stringWidth(self, text, size, encoding="utf8"):  # noqa: N802 - reportlab's name
        key = (text, size, encoding)
        try:
            return self._widths[key]
        except KeyError:
            if len(self._widths) >= 200_000:  # a long-running program: start again
                self._widths.clear()
            width = self._widths[key] = super().stringWidth(text, size, encoding)
            return width


def register_family(family: FontFamily) -> RegisteredFont:
    """Register the four styles with reportlab under stable names ('DT-DejaVuSerif', ...)."""
    base = _register_name(family.label)
    # Two different files with the same label (a caller's font vs the system one)
    # must not share a name: add a short path digest when the files differ.
    if base in pdfmetrics.getRegisteredFontNames():
        existing = pdfmetrics.getFont(base)
        if Path(getattr(existing.face, "filename", "")).resolve() != family.regular.resolve():
            base = f"{base}{zlib.crc32(str(family.regular.resolve()).encode()) % 100_000:05d}"
    names = {
        "regular": base,
        "bold": f"{base}-Bold",
        "italic": f"{base}-Italic",
        "bold_italic": f"{base}-BoldItalic",
    }
    registered = set(pdfmetrics.getRegisteredFontNames())
    for style, name in names.items():
        if name not in registered:
            pdfmetrics.registerFont(_TTFont(name, str(family.paths()[style])))
    pdfmetrics.registerFontFamily(
        base, normal=names["regular"], bold=names["bold"], italic=names["italic"],
        boldItalic=names["bold_italic"],
    )
    return RegisteredFont(base, names["bold"], names["italic"], names["bold_italic"], family)


def resolve_font(
    font: str | os.PathLike | None = None, *, families: list[FontFamily] | None = None
) -> RegisteredFont:
    """Choose, check and register a family; skipped families are reported as FontWarning.

    The warnings are also returned in `RegisteredFont.warnings` for a caller that
    shows them itself (the TUI's notify).
    """
    family, notes = choose_family(font, families=families)
    for note in notes:
        warnings.warn(note, FontWarning, stacklevel=2)
    registered = register_family(family)
    return RegisteredFont(
        registered.name, registered.bold, registered.italic, registered.bold_italic,
        family, tuple(notes),
    )
