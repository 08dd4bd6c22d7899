"""Vietnamese syllables: letters with their marks, where the tone goes, what can be a syllable.

A word is a tuple of `Letter`s (a base letter a-z with an optional vowel mark or the stroke
of đ) and one `Tone` for the whole syllable; the tone is placed on a letter only when the
word is rendered, so typing order does not matter. Rendered text is NFC.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from enum import Enum, IntEnum
from functools import cache


class Tone(IntEnum):
    NONE = 0
    ACUTE = 1  # sắc
    GRAVE = 2  # huyền
    HOOK = 3   # hỏi
    TILDE = 4  # ngã
    DOT = 5    # nặng


class Style(Enum):
    """Where the tone of an open oa/oe/uy goes: "hòa, khỏe, thủy" (OLD) or "hoà, khoẻ, thuỷ" (NEW)."""

    OLD = "old"
    NEW = "new"


TONE_MARKS = {Tone.ACUTE: "\u0301", Tone.GRAVE: "\u0300", Tone.HOOK: "\u0309",
              Tone.TILDE: "\u0303", Tone.DOT: "\u0323"}
MARK_TONES = {mark: tone for tone, mark in TONE_MARKS.items()}

CIRCUMFLEX, BREVE, HORN, STROKE = "^", "(", "+", "-"
MOD_MARKS = {CIRCUMFLEX: "\u0302", BREVE: "\u0306", HORN: "\u031b"}
MARK_MODS = {mark: mod for mod, mark in MOD_MARKS.items()}
SHAPES = {("a", CIRCUMFLEX): "â", ("a", BREVE): "ă", ("e", CIRCUMFLEX): "ê", ("o", CIRCUMFLEX): "ô",
          ("o", HORN): "ơ", ("u", HORN): "ư", ("d", STROKE): "đ"}
SHAPE_LETTERS = {shape: key for key, shape in SHAPES.items()}
VOWELS = frozenset("aeiouy")
ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")
STOP_FINALS = ("c", "ch", "p", "t")


@dataclass(frozen=True)
class Letter:
    base: str            # a-z, lower case
    mod: str = ""        # CIRCUMFLEX, BREVE, HORN, STROKE or ""
    upper: bool = False
    typed_w: bool = False  # an ư typed as a lone "w" (Telex): undoing it gives "w" back

    @property
    def shape(self) -> str:
        return SHAPES.get((self.base, self.mod), self.base)

    @property
    def vowel(self) -> bool:
        return self.base in VOWELS


def spell(letters: tuple[Letter, ...]) -> str:
    """The word in lower case with its vowel marks and no tone: "thươ"."""
    return "".join(letter.shape for letter in letters)


def split(letters: tuple[Letter, ...]) -> tuple[int, int]:
    """(start, end) of the vowels that carry the tone; the initial consonant is before, the final after.

    The u of "qu" and the i of "gi" before another vowel belong to the initial."""
    n = len(letters)
    start = 0
    while start < n and not letters[start].vowel:
        start += 1
    if start == 1 and start + 1 < n and letters[start + 1].vowel and (
            (letters[0].base == "q" and letters[1].base == "u")
            or (letters[0].base == "g" and letters[1].base == "i" and not letters[1].mod)):
        start += 1
    end = start
    while end < n and letters[end].vowel:
        end += 1
    return start, end


def tone_index(letters: tuple[Letter, ...], style: Style = Style.OLD) -> int | None:
    """The letter the tone sits on, by the rules of the orthography; None without a vowel.

    A vowel with a mark takes it (the last one: "ươ" -> ơ); else the last vowel when a
    consonant follows ("hoàn", "uyn"); else the middle of three ("ngoài"); else the first of
    two ("mùa", "mái"), except oa/oe/uy, which take it on the second in the NEW style."""
    start, end = split(letters)
    if start == end:
        return None
    marked = [k for k in range(start, end) if letters[k].mod in (CIRCUMFLEX, BREVE, HORN)]
    if marked:
        return marked[-1]
    count = end - start
    if count == 1:
        return start
    if end < len(letters):
        return end - 1
    if count >= 3:
        return start + 1
    pair = letters[start].base + letters[start + 1].base
    return start + 1 if style is Style.NEW and pair in ("oa", "oe", "uy") else start


def render(letters: tuple[Letter, ...], tone: Tone = Tone.NONE, style: Style = Style.OLD) -> str:
    """The word as text (NFC), its tone placed by `tone_index`."""
    at = tone_index(letters, style) if tone else None
    start, end = split(letters)
    open_uo = (end == len(letters) and end - start == 2 and letters[start].base == "u"
               and letters[start].mod == HORN and letters[start + 1].base == "o"
               and letters[start + 1].mod == HORN and not letters[start].typed_w)
    out = []
    for k, letter in enumerate(letters):
        shape = "u" if open_uo and k == start else letter.shape
        if k == at:
            shape = unicodedata.normalize("NFC", shape + TONE_MARKS[tone])
        out.append(shape.upper() if letter.upper else shape)
    return "".join(out)


def parse(text: str) -> tuple[tuple[Letter, ...], Tone] | None:
    """The letters and tone of a word already written, or None if it is not Vietnamese letters."""
    letters: list[Letter] = []
    tone = Tone.NONE
    for char in text:
        lower = char.lower()
        upper = lower != char
        if lower == "đ":
            letters.append(Letter("d", STROKE, upper))
            continue
        base, *marks = unicodedata.normalize("NFD", lower)
        if base not in ASCII_LETTERS:
            return None
        mod = ""
        for mark in marks:
            if mark in MARK_TONES and base in VOWELS and not tone:
                tone = MARK_TONES[mark]
            elif mark in MARK_MODS and not mod and (base, MARK_MODS[mark]) in SHAPES:
                mod = MARK_MODS[mark]
            else:
                return None
        letters.append(Letter(base, mod, upper))
    word = tuple(letters)
    start, end = split(word)
    if (end == len(word) and end - start == 2 and spell(word[start:end]) == "uơ"):
        word = word[:start] + (replace(word[start], mod=HORN),) + word[end - 1:]  # thuở: ươ inside
    return word, tone


# What a syllable can be: an initial consonant, then a rhyme (vowels and final).
INITIALS = ("b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x").split()
RHYMES = """
a ai ao au ay ac ach am an ang anh ap at  ăc ăm ăn ăng ăp ăt  âc âm ân âng âp ât âu ây
e eo ec em en eng ep et  ê êu êch êm ên ênh êp êt
i ia iu ich im in inh ip it  iêc iêm iên iêng iêp iêt iêu
o oi oc om on ong op ot ooc oong  oa oai oay oao oac oach oam oan oang oanh oap oat
oăc oăm oăn oăng oăp oăt  oe oeo oen oet
ô ôi ôc ôm ôn ông ôp ôt  ơ ơi ơm ơn ơp ơt
u ua ui uc um un ung up ut  uân uâng uât uây  uê uêch uênh  uôc uôi uôm uôn uông uôt
uy uya uych uyn uynh uyp uyt uyu uyên uyêt  uơ
ư ưa ưi ưu ưc ưm ưn ưng ưt  ươc ươi ươm ươn ương ươp ươt ươu
y yêm yên yêt yêu
""".split()


def _loose(text: str) -> set[str]:
    """`text` and every variant with some of its marks not typed yet ("ươ" -> uo, ưo, uơ, ươ)."""
    variants = {""}
    for char in text:
        options = {char}
        if char in SHAPE_LETTERS:
            options.add(SHAPE_LETTERS[char][0])
        variants = {v + o for v in variants for o in options}
    return variants


@cache
def _rhyme_prefixes(initial: str) -> frozenset[str]:
    if initial == "qu":
        rhymes = [r for r in RHYMES if r[0] not in "uư"]
    elif initial == "gi":
        rhymes = [r[1:] if r.startswith("iê") else r for r in RHYMES if r[0] not in "iy" or r.startswith("iê")]
    else:
        rhymes = RHYMES
    out: set[str] = set()
    for rhyme in rhymes:
        for k in range(len(rhyme) + 1):
            out |= _loose(rhyme[:k])
    return frozenset(out)


@cache
def _initial_prefixes() -> frozenset[str]:
    return frozenset(v for i in INITIALS for k in range(len(i) + 1) for v in _loose(i[:k]))


def is_possible(letters: tuple[Letter, ...], tone: Tone = Tone.NONE) -> bool:
    """Can these letters (marks still to come allowed) begin a Vietnamese syllable with this tone?"""
    text = spell(letters)
    if any(letter.base not in ASCII_LETTERS for letter in letters):
        return False
    ok = False
    for k in range(min(len(text), 3) + 1):
        initial, rest = text[:k], text[k:]
        if not rest:
            ok = initial in _initial_prefixes()
        elif (k == 0 or initial in INITIALS) and rest in _rhyme_prefixes(initial):
            ok = True
        if ok:
            break
    if not ok:
        return False
    if tone in (Tone.GRAVE, Tone.HOOK, Tone.TILDE):
        start, end = split(letters)
        if spell(letters[end:]) in STOP_FINALS:
            return False
    return True
