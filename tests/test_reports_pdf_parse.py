"""The PDF renderer's shortcuts give reportlab exactly what it computed itself:
our markup parser the same fragments, the font's width memory the same widths."""

from __future__ import annotations

from datetime import datetime

import pytest
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph

from reports.layout import make_styles
from reports.pdf import _Paragraph, _Renderer
from reports.printing import documents

from .reports_fixtures import bundled_font, ended_record
from .test_reports_markup import hostile_record

NOW = datetime(2026, 6, 18, 11, 20)


def _paragraphs(flowables):
    for flowable in flowables:
        if isinstance(flowable, _Paragraph):
            yield flowable
        yield from _paragraphs(getattr(flowable, "_content", []))
        for row in getattr(flowable, "_cellvalues", []):
            for cell in row:
                yield from _paragraphs(cell if isinstance(cell, list) else [cell])


@pytest.mark.parametrize("record", [ended_record, hostile_record])
def test_our_parser_gives_reportlabs_fragments(record, monkeypatch):
    font = bundled_font()
    sources = {}
    setup = _Paragraph._setup

    def remember(self, text, *args):
        sources[id(self)] = text
        return setup(self, text, *args)

    monkeypatch.setattr(_Paragraph, "_setup", remember)
    checked = 0
    for _stem, document in documents(record(), NOW):
        for para in _paragraphs(_Renderer(make_styles(font)).blocks(document.blocks)):
            reference = Paragraph(sources[id(para)], para.style)
            assert [vars(f) for f in para.frags] == [vars(f) for f in reference.frags], sources[id(para)]
            assert para.text == reference.text
            checked += 1
    assert checked > 50


def test_other_markup_still_goes_through_reportlabs_parser():
    style = make_styles(bundled_font()).body
    text = 'a <font color="red">đỏ</font> &#273; <u>gạch</u>'
    assert [vars(f) for f in _Paragraph(text, style).frags] == [vars(f) for f in Paragraph(text, style).frags]


def test_remembered_widths_are_the_measured_ones():
    font = getFont(bundled_font().name)
    for text in ("Nguyễn", "Nguyễn Văn A", "", "ỦY BAN NHÂN DÂN"):
        for size in (9, 13, 13.0, 14):
            assert font.stringWidth(text, size) == TTFont.stringWidth(font, text, size)
    assert font.stringWidth("Nguyễn", 13) != font.stringWidth("Nguyễn", 14)


def test_same_frag_answers_as_reportlabs_c_version():
    import itertools

    from reportlab.lib import colors
    from reportlab.lib.rl_accel import sameFrag as c_same_frag
    from reportlab.platypus.paraparser import ParaFrag

    from reports.pdf import _same_frag

    black = colors.black
    variants = [
        {}, {"fontName": "A", "fontSize": 13, "textColor": black, "rise": 0, "us_lines": [], "link": []},
        {"fontName": "A", "fontSize": 13, "textColor": colors.Color(0, 0, 0, 1), "rise": 0, "us_lines": [], "link": []},
        {"fontName": "B", "fontSize": 13, "textColor": black, "rise": 0, "us_lines": [], "link": []},
        {"fontName": "A", "fontSize": 13.0, "textColor": black, "rise": 0, "us_lines": [], "link": []},
        {"fontName": "A", "fontSize": 13, "textColor": colors.red, "rise": 0, "us_lines": [], "link": []},
        {"fontName": "A", "fontSize": 13, "textColor": black, "rise": 0, "us_lines": [], "link": [], "nobr": True},
        {"fontName": "A", "fontSize": 13, "textColor": black, "rise": 0, "us_lines": [], "link": [], "backColor": None},
        {"fontName": "A", "fontSize": 13, "textColor": black, "rise": 0, "us_lines": [], "link": [], "lineBreak": True},
        {"fontName": "A", "fontSize": 13, "textColor": black, "rise": 0, "us_lines": [], "link": [], "cbDefn": 1},
        {"fontName": "A", "fontSize": 13, "textColor": black, "rise": 2, "us_lines": [(1,)], "link": []},
    ]
    frags = [ParaFrag(text="x", **v) for v in variants]
    for f, g in itertools.product(frags, repeat=2):
        assert _same_frag(f, g) == bool(c_same_frag(f, g)), (vars(f), vars(g))


def test_the_font_carries_its_faces_ascent_and_descent():
    from reportlab.pdfbase.pdfmetrics import getAscentDescent

    font = getFont(bundled_font().bold)
    assert (font.ascent, font.descent) == (font.face.ascent, font.face.descent)
    assert getAscentDescent(font.fontName, 13) == (font.face.ascent * 13 / 1000, font.face.descent * 13 / 1000)


def test_a_font_built_on_the_checked_face_is_the_font_reportlab_builds():
    from reports import fonts

    path = str(fonts.bundled_family().regular)
    plain = fonts._TTFont("DT-Compare", path)
    fonts._CHECKED_FACES[path] = fonts._parse_face(fonts.Path(path))
    reused = fonts._TTFont("DT-Compare", path)
    assert path not in fonts._CHECKED_FACES  # taken, not parsed again
    assert set(vars(plain)) == set(vars(reused))
    for name, value in vars(plain).items():
        if name == "face":
            assert vars(value).keys() == vars(reused.face).keys()
            assert all(vars(value)[k] == vars(reused.face)[k] for k in vars(value) if not callable(vars(value)[k]))
        elif name != "state":
            assert value == getattr(reused, name) or type(value) is type(getattr(reused, name)), name


def _shared(frags, name):
    """Which fragments share their `name` list: the index of the first holder of each."""
    first: dict[int, int] = {}
    return [first.setdefault(id(getattr(f, name)), i) for i, f in enumerate(frags)]


@pytest.mark.parametrize("text", [
    "Ông <b>Nguyễn Văn A</b> (thôn 1): <i>đề nghị</i> sửa đường", "<b><i>đậm nghiêng</i></b> rồi <i><b>x</b></i>",
    "<b><b>hai lần</b></b>", "<i>chỉ nghiêng</i>", "không có thẻ", "  cách  đầu cuối  ", "<b></b>trống",
    "<B>HOA</B>", "a &amp; b <b>c</b>", "<b>x</b><br/>y", "<para>z</para>", "<u>gạch</u> <b>đậm</b>"])
def test_bold_and_italic_are_read_without_the_parser_as_the_parser_reads_them(text):
    style = make_styles(bundled_font()).body
    ours, reference = _Paragraph(text, style).frags, Paragraph(text, style).frags
    assert [vars(f) for f in ours] == [vars(f) for f in reference]
    # one parse's fragments share their link and line lists as the parser's do; another parse has its own
    for name in ("link", "us_lines"):
        assert _shared(ours, name) == _shared(reference, name)
    assert _Paragraph(text, style).frags[0].link is not ours[0].link


@pytest.mark.parametrize("text", ["<b>chưa đóng", "</i>đóng thừa", "<b>sai <i>thứ tự</b></i>"])
def test_tags_left_open_or_crossed_are_the_parsers_error(text):
    style = make_styles(bundled_font()).body
    with pytest.raises(ValueError, match="Parse error"):
        Paragraph(text, style)
    with pytest.raises(ValueError, match="Parse error"):
        _Paragraph(text, style)
