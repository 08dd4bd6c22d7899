"""The Telex/VNI engine: a hand-written table of keystrokes and words, and properties."""

from __future__ import annotations

import ast
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from screens.vntyping.engine import Method, Typist, WordState, current_word
from screens.vntyping.syllable import Style, is_possible, parse

TABLE = Path(__file__).with_name("vntyping_pairs.tsv")
TYPISTS = {"telex": Typist(Method.TELEX), "vni": Typist(Method.VNI)}


def rows() -> list[tuple[str, str, str]]:
    out = []
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            method, keys, expected = line.split("\t")
            out.append((method, keys, expected))
    return out


ROWS = rows()


def test_the_table_is_large_enough():
    methods = [m for m, _, _ in ROWS]
    assert methods.count("telex") >= 300 and methods.count("vni") >= 100


@pytest.mark.parametrize(("method", "keys", "expected"), ROWS, ids=[f"{m}:{k}" for m, k, _ in ROWS])
def test_pairs(method, keys, expected):
    got = TYPISTS[method].type(keys)
    assert got == expected
    assert unicodedata.is_normalized("NFC", got)


def vietnamese_words() -> set[str]:
    """Words of the table with Vietnamese letters (undo rows like "tiêngs" left out)."""
    words = {w for _, _, e in ROWS for w in e.split()
             if any(not c.isascii() for c in w) and all(c.isalpha() for c in w)}
    return {w for w in words if (p := parse(w)) is not None and is_possible(*p)}


def test_the_table_has_many_vietnamese_words():
    assert len(vietnamese_words()) >= 200


def test_a_word_already_written_reads_back_as_itself():
    for word in sorted(vietnamese_words()):
        for typist in TYPISTS.values():
            state = typist.start(word)
            assert state.literal is None, word
            assert typist.text(state) == word


def test_backspace_is_one_letter_and_typing_goes_on_from_what_is_left():
    # The text field deletes one letter (one NFC character); the engine reads what is left.
    telex = TYPISTS["telex"]
    assert telex.type("vieetj") == "việt"
    delete, insert, _ = telex.edit("việ", "t")  # "việt", backspace, "t"
    assert (delete, insert) == (0, "t")
    assert telex.edit("tiê", "s")[:2] == (1, "ế")  # "tiê" + s: replace the ê only
    assert telex.edit("tiên", "g")[:2] == (0, "g")
    assert telex.edit("tiêng", "s")[:2] == (3, "ếng")
    for word in sorted(vietnamese_words()):
        if word[-1].lower() in "cmnpth" and len(word) > 1:
            assert telex.edit(word[:-1], word[-1])[:2] == (0, word[-1]), word


def test_tone_style():
    old, new = Typist(Method.TELEX), Typist(Method.TELEX, Style.NEW)
    for keys, o, n in [("hoaf", "hòa", "hoà"), ("khoer", "khỏe", "khoẻ"), ("thuyr", "thủy", "thuỷ"),
                       ("Uyr", "Ủy", "Uỷ"), ("hoanf", "hoàn", "hoàn"), ("quys", "quý", "quý"),
                       ("ngoaif", "ngoài", "ngoài"), ("hoawcj", "hoặc", "hoặc")]:
        assert (old.type(keys), new.type(keys)) == (o, n)
    # A word written in the other style is still read (and retoned in this one).
    assert old.start("hoà").literal is None and old.type("hoà") == "hoà"
    assert old.edit("hoà", "n")[:2] == (0, "n")


def test_brackets_are_optional():
    assert Typist(Method.TELEX).type("tr[") == "tr["
    with_brackets = Typist(Method.TELEX, brackets=True)
    assert with_brackets.type("tr[ngf") == "trừng"
    assert with_brackets.type("t]") == "tơ"


def test_a_word_that_is_not_vietnamese_stays_as_typed():
    telex = TYPISTS["telex"]
    assert telex.start("QL1A").literal == "QL1A"
    assert telex.edit("QL1", "A")[:2] == (0, "A")
    assert telex.edit("số 2", "s")[:2] == (0, "s")
    assert current_word("Hà Nội, thôn") == "thôn"


def test_states_are_values():
    state = TYPISTS["telex"].feed(WordState(), "a")
    assert TYPISTS["telex"].feed(state, "s") != state and TYPISTS["telex"].text(state) == "a"


def test_possible_syllables():
    assert is_possible(*parse("nghiêng")) and is_possible(*parse("giường")) and is_possible(*parse("thuở"))
    assert not is_possible(*parse("tẽt"))   # ngã with a stop final
    assert not is_possible(*parse("ql"))


def test_engine_imports_no_textual():
    for name in ("engine.py", "syllable.py", "__init__.py"):
        tree = ast.parse((Path(__file__).parent.parent / "screens" / "vntyping" / name).read_text())
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                assert not any(n.split(".")[0] in ("textual", "rich") for n in names), name


# ---- properties ---------------------------------------------------------------------------

VIETNAMESE_INITIAL_PREFIXES = {"c", "ch", "g", "gh", "gi", "k", "kh", "n", "ng", "ngh", "nh", "p", "ph",
                               "q", "qu", "t", "th", "tr"}
CONSONANTS = "bcdghklmnpqrstvx"


@st.composite
def not_vietnamese_words(draw) -> str:
    """ASCII words whose first letters cannot begin a Vietnamese syllable, then anything."""
    kind = draw(st.sampled_from(["cluster", "foreign", "digit"]))
    if kind == "cluster":
        first = draw(st.sampled_from(CONSONANTS))
        second = draw(st.sampled_from(CONSONANTS).filter(
            lambda c: first + c not in VIETNAMESE_INITIAL_PREFIXES and first + c != "dd"))
        head = first + second
    elif kind == "foreign":
        head = draw(st.sampled_from("fjz"))
    else:
        head = draw(st.sampled_from("0123456789"))
    tail = draw(st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", max_size=10))
    word = head + tail
    return "".join(c.upper() if draw(st.booleans()) else c for c in word)


@given(st.lists(not_vietnamese_words(), min_size=1, max_size=6))
@settings(max_examples=300, deadline=None)
def test_words_that_cannot_be_vietnamese_pass_through_when_on(words):
    text = " ".join(words)
    assert TYPISTS["telex"].type(text) == text
    assert TYPISTS["vni"].type(text.translate(str.maketrans("", "", "0123456789")) or "x") == \
        (text.translate(str.maketrans("", "", "0123456789")) or "x")


# Telex text without a mark key (no s f r x j z w, no aa ee oo dd) is typed as is.
PLAIN = "abceghiklmnopqtuvy"


@st.composite
def unmarked_telex(draw) -> str:
    chars = draw(st.lists(st.sampled_from(PLAIN + PLAIN.upper() + " .,-"), max_size=40))
    text = "".join(chars)
    for pair in ("aa", "ee", "oo", "dd"):
        while pair in text.lower():
            k = text.lower().index(pair)
            text = text[:k + 1] + " " + text[k + 1:]
    return text


@given(unmarked_telex())
@settings(max_examples=300, deadline=None)
def test_text_without_marks_passes_through_telex(text):
    assert TYPISTS["telex"].type(text) == text


@given(st.text(alphabet=st.characters(codec="ascii", exclude_categories=("Cc",), exclude_characters="0123456789"),
               max_size=60))
@settings(max_examples=300, deadline=None)
def test_vni_leaves_text_without_digits_alone(text):
    assert TYPISTS["vni"].type(text) == text


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=40),
       st.sampled_from("abcdefghijklmnopqrstuvwxyzASDFJWZ0123456789"))
@settings(max_examples=300, deadline=None)
def test_edit_touches_only_the_word_before_the_cursor(before, key):
    for typist in TYPISTS.values():
        delete, insert, _ = typist.edit(before, key)
        assert delete <= len(current_word(before))
        result = before[:len(before) - delete] + insert
        assert result.startswith(before[:len(before) - len(current_word(before))])
        assert unicodedata.is_normalized("NFC", insert) or not unicodedata.is_normalized("NFC", before)
