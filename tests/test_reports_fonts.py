"""Font selection: every family is checked for the 146 Vietnamese letters in all four styles."""

from __future__ import annotations

import shutil
import unicodedata
import warnings
from pathlib import Path

import pytest
import reportlab
from pypdf import PdfReader

from reports import print_documents
from reports.fonts import (
    BUNDLED_LICENCE,
    FontError,
    FontWarning,
    bundled_family,
    candidate_families,
    choose_family,
    family_from_regular,
    family_problems,
    missing_characters,
    resolve_font,
    vietnamese_letters,
)

from .reports_fixtures import ended_record

VERA_DIR = Path(reportlab.__file__).parent / "fonts"
LIBERATION_1 = Path("/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf")


@pytest.fixture
def fake_family(tmp_path) -> Path:
    """Bitstream Vera (bundled with reportlab, no Vietnamese) under Foo-Regular/-Bold/... names."""
    directory = tmp_path / "fake"
    directory.mkdir()
    for source, style in [("Vera", "Regular"), ("VeraBd", "Bold"), ("VeraIt", "Italic"),
                          ("VeraBI", "BoldItalic")]:
        shutil.copy(VERA_DIR / f"{source}.ttf", directory / f"Fake-{style}.ttf")
    return directory / "Fake-Regular.ttf"


def test_the_146_vietnamese_letters():
    letters = vietnamese_letters()
    assert len(letters) == 146
    domain_list = "ạ ả ấ ầ ẩ ẫ ậ ắ ằ ẳ ẵ ặ ẹ ẻ ẽ ế ề ể ễ ệ ỉ ị ọ ỏ ố ồ ổ ỗ ộ ớ ờ ở ỡ ợ ụ ủ ứ ừ ử ữ ự ỳ ỵ ỷ ỹ đ Đ ơ ư"
    for letter in domain_list.split():
        assert letter in letters and letter.upper() in letters
    assert all(len(c) == 1 and unicodedata.is_normalized("NFC", c) for c in letters)
    assert {"a", "A", "y", "Ỹ"} <= letters


def test_bundled_liberation_serif_passes_and_carries_its_licence():
    family = bundled_family()
    assert all(p.is_file() for p in family.paths().values())
    assert family_problems(family) == []
    licence = BUNDLED_LICENCE.read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence and "Liberation" in licence


def test_bundled_family_is_the_last_resort():
    families, _notes = candidate_families()
    assert families[-1] == bundled_family()


def test_rinohtype_is_no_longer_a_dependency():
    import tomllib

    from .conftest import REPO

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert not any("rinoh" in dep for dep in project["project"]["dependencies"])
    data = project["tool"]["setuptools"]["package-data"]["reports"]
    assert "fonts/*.ttf" in data and "fonts/*.txt" in data


def test_font_lacking_letters_fails(fake_family):
    missing = missing_characters(fake_family, vietnamese_letters())
    assert "ạ" in missing and "Ư" in missing and "a" not in missing
    family, _ = family_from_regular(fake_family)
    assert family is not None
    problems = family_problems(family)
    assert len(problems) == 4  # all four styles named
    assert "thiếu" in problems[0] and "Fake-Regular.ttf" in problems[0]


def test_nothing_passes_raises_vietnamese_error_never_builtin(fake_family):
    family, _ = family_from_regular(fake_family)
    with pytest.raises(FontError, match="Không có phông chữ nào in được đủ chữ tiếng Việt"):
        choose_family(families=[family])


def test_failing_family_is_skipped_with_a_warning(fake_family):
    family, _ = family_from_regular(fake_family)
    chosen, notes = choose_family(families=[family, bundled_family()])
    assert chosen == bundled_family()
    assert len(notes) == 1 and "Bỏ qua phông" in notes[0]


def test_named_font_that_fails_warns_and_falls_back(fake_family):
    with pytest.warns(FontWarning, match="không đủ chữ tiếng Việt"):
        font = resolve_font(fake_family)
    assert font.family.regular != fake_family
    assert family_problems(font.family) == []
    assert any("Fake" in note for note in font.warnings)


def test_named_font_that_passes_is_used(tmp_path):
    directory = tmp_path / "mine"
    shutil.copytree(bundled_family().regular.parent, directory, ignore=shutil.ignore_patterns("*.txt"))
    with warnings.catch_warnings():
        warnings.simplefilter("error", FontWarning)
        font = resolve_font(directory / "LiberationSerif-Regular.ttf")
    assert font.family.regular == directory / "LiberationSerif-Regular.ttf"
    assert font.family.bold_italic == directory / "LiberationSerif-BoldItalic.ttf"


def test_missing_font_path_is_a_clear_error(tmp_path):
    path = tmp_path / "khong-co" / "times.ttf"
    with pytest.raises(FontError) as info:
        resolve_font(path)
    assert "Không tìm thấy tệp phông chữ" in str(info.value)
    assert str(path) in str(info.value)


def test_named_font_without_siblings_is_skipped(tmp_path):
    lonely = tmp_path / "Lonely.ttf"
    shutil.copy(VERA_DIR / "Vera.ttf", lonely)
    with pytest.warns(FontWarning, match="không tìm thấy kiểu đậm, nghiêng, đậm nghiêng"):
        font = resolve_font(lonely)
    assert font.family.regular != lonely


@pytest.mark.parametrize(
    ("names", "regular"),
    [
        (["times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf"], "times.ttf"),
        (["Times New Roman.ttf", "Times New Roman Bold.ttf", "Times New Roman Italic.ttf",
          "Times New Roman Bold Italic.ttf"], "Times New Roman.ttf"),
        (["Tinos-Regular.ttf", "Tinos-Bold.ttf", "Tinos-Italic.ttf", "Tinos-BoldItalic.ttf"],
         "Tinos-Regular.ttf"),
        (["DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic.ttf",
          "DejaVuSerif-BoldItalic.ttf"], "DejaVuSerif.ttf"),
        (["Times_New_Roman.ttf", "Times_New_Roman_Bold.ttf", "Times_New_Roman_Italic.ttf",
          "Times_New_Roman_Bold_Italic.ttf"], "Times_New_Roman.ttf"),
        (["georgia.ttf", "georgiab.ttf", "georgiai.ttf", "georgiaz.ttf"], "georgia.ttf"),
    ],
)
def test_sibling_naming_conventions(tmp_path, names, regular):
    for name in names:
        (tmp_path / name).write_bytes(b"")
    family, missing = family_from_regular(tmp_path / regular)
    assert missing == []
    assert [p.name for p in family.paths().values()] == names


@pytest.mark.skipif(not LIBERATION_1.is_file(), reason="fonts-liberation (1.x) not installed")
def test_liberation_serif_1_fails():
    family, _ = family_from_regular(LIBERATION_1)
    if family_problems(family) == []:
        pytest.skip("this Liberation Serif is 2.x")
    assert len(missing_characters(LIBERATION_1, vietnamese_letters())) == 92


def test_printed_pdf_embeds_only_the_checked_truetype_font(tmp_path):
    font = resolve_font(families=[bundled_family()])
    minutes, notice = print_documents(ended_record(), tmp_path, font=font)
    for pdf in (minutes, notice):
        for page in PdfReader(str(pdf)).pages:
            fonts = page["/Resources"]["/Font"]
            for ref in fonts.values():
                f = ref.get_object()
                assert f["/Subtype"] == "/TrueType", f  # no standard Type 1 (Helvetica/Times)
                assert "LiberationSerif" in f["/BaseFont"]
                assert "/FontFile2" in f["/FontDescriptor"].get_object()  # embedded
