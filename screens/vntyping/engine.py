"""Telex and VNI: keystrokes in, Vietnamese letters out. Pure Python, no textual.

The engine works one word at a time. `Typist.start(text)` reads the word already written
before the cursor (so editing an old word works too) and `Typist.feed(state, key)` gives the
word after one more key; `Typist.text(state)` is what to show. Rules:

- Telex: s f r x j put the tones sắc huyền hỏi ngã nặng, z takes the tone off; aa ee oo give
  â ê ô, aw ow uw give ă ơ ư (uow gives ươ; a lone w gives ư), dd at the start gives đ;
  optionally [ and ] give ư and ơ.
- VNI: 1-5 the tones, 0 takes the tone off, 6 â ê ô, 7 ơ ư (ươ), 8 ă, 9 đ.
- Tone keys may come anywhere after the vowel ("vieetj" and "vieejt" both give "việt"); the
  tone goes where the orthography puts it (see `syllable.tone_index`).
- Repeating a mark's key takes the mark off and types the key itself: "ass" -> "as",
  "ddd" -> "dd"; the word is then left as typed.
- A word that cannot be Vietnamese is left alone: once the letters cannot begin a Vietnamese
  syllable, Telex gives back exactly the keys typed ("text", "window", "QL1A") and stops
  changing the word; a digit in a word (Telex) or before any vowel (VNI) does the same.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum

from screens.vntyping.syllable import (BREVE, CIRCUMFLEX, HORN, STROKE, Letter, Style, Tone,
                                       is_possible, parse, render, spell, split)


class Method(Enum):
    TELEX = "telex"
    VNI = "vni"

    @property
    def label(self) -> str:
        return self.name  # "TELEX" / "VNI", shown on screen while the mode is on


TELEX_TONES = {"s": Tone.ACUTE, "f": Tone.GRAVE, "r": Tone.HOOK, "x": Tone.TILDE, "j": Tone.DOT}
VNI_TONES = {"1": Tone.ACUTE, "2": Tone.GRAVE, "3": Tone.HOOK, "4": Tone.TILDE, "5": Tone.DOT}
TELEX_KEYS = {Tone.ACUTE: "s", Tone.GRAVE: "f", Tone.HOOK: "r", Tone.TILDE: "x", Tone.DOT: "j"}
TELEX_MOD_KEYS = {CIRCUMFLEX: None, BREVE: "w", HORN: "w", STROKE: "d"}


@dataclass(frozen=True)
class WordState:
    letters: tuple[Letter, ...] = ()
    tone: Tone = Tone.NONE
    raw: str = ""               # the keys as typed, given back when the word is not Vietnamese
    literal: str | None = None  # set once the word is left as typed


def is_word_key(key: str) -> bool:
    """Keys that belong to a word (the engine sees them); anything else ends the word."""
    return len(key) == 1 and key.isascii() and key.isalnum()


def current_word(before: str) -> str:
    """The letters and digits right before the cursor (the word being typed)."""
    k = len(before)
    while k and before[k - 1].isalnum():
        k -= 1
    return before[k:]


class Typist:
    def __init__(self, method: Method, style: Style = Style.OLD, brackets: bool = False) -> None:
        self.method = method
        self.style = style
        self.brackets = brackets and method is Method.TELEX

    # -- reading and showing -------------------------------------------------------------
    def start(self, text: str) -> WordState:
        """The state of a word already written (possibly in another style, or not Vietnamese)."""
        if not text:
            return WordState()
        parsed = parse(text)
        if parsed is None or not is_possible(*parsed):
            return WordState(raw=text, literal=text)
        letters, tone = parsed
        return WordState(letters, tone, raw=self._keys_of(letters, tone))

    def text(self, state: WordState) -> str:
        if state.literal is not None:
            return state.literal
        return render(state.letters, state.tone, self.style)

    def handles(self, key: str) -> bool:
        return is_word_key(key) or (self.brackets and key in "[]")

    def edit(self, before: str, key: str, state: WordState | None = None) -> tuple[int, str, WordState]:
        """One key typed after the text `before` (the cursor's line up to the cursor).

        Returns how many characters to delete before the cursor, the text to insert, and the
        state to pass back with the next key. `state` is the one returned last time: it is used
        only while the word before the cursor is still the text it gave (otherwise the word is
        read again from the text, e.g. after a backspace or a move)."""
        word = current_word(before)
        if state is None or self.text(state) != word:
            state = self.start(word)
        new = self.feed(state, key)
        shown = self.text(new)
        if shown == word + key:
            return 0, key, new
        common = 0
        while common < min(len(word), len(shown)) and word[common] == shown[common]:
            common += 1
        return len(word) - common, shown[common:], new

    def type(self, keys: str) -> str:
        """Type `keys` one by one into an empty text, the way the app's text fields do."""
        text, state = "", None
        for key in keys:
            if self.handles(key):
                delete, insert, state = self.edit(text, key, state)
                text = text[:len(text) - delete] + insert
            else:
                text, state = text + key, None
        return text

    # -- one key -------------------------------------------------------------------------
    def feed(self, state: WordState, key: str) -> WordState:
        if state.literal is not None:
            return replace(state, raw=state.raw + key, literal=state.literal + key)
        k = key.lower()
        if self.method is Method.TELEX:
            if k in TELEX_TONES:
                return self._tone(state, key, TELEX_TONES[k])
            if k == "z":
                return self._untone(state, key)
            if k == "w":
                return self._horn(state, key, "aou", standalone=True)
            if k in "aeo":
                return self._double(state, key)
            if k == "d":
                return self._stroke(state, key, first_only=True)
            if self.brackets and key in "[]":
                letter = Letter("u" if key == "[" else "o", HORN)
                return self._append(state, key, letter)
        else:
            if k in VNI_TONES:
                return self._tone(state, key, VNI_TONES[k])
            if k == "0":
                return self._untone(state, key)
            if k == "6":
                return self._mark(state, key, "aeo", CIRCUMFLEX)
            if k == "7":
                return self._horn(state, key, "ou", standalone=False)
            if k == "8":
                return self._mark(state, key, "a", BREVE)
            if k == "9":
                return self._stroke(state, key, first_only=False)
        return self._append(state, key, Letter(k, upper=key != k) if k.isalpha() else None)

    # -- the moves -----------------------------------------------------------------------
    def _append(self, state: WordState, key: str, letter: Letter | None) -> WordState:
        raw = state.raw + key
        if letter is not None:
            letters = state.letters + (letter,)
            if is_possible(letters, state.tone):
                return WordState(letters, state.tone, raw)
        # Not Vietnamese: Telex gives back the keys typed ("text"), VNI keeps what is shown.
        shown = raw if self.method is Method.TELEX else self.text(state) + key
        return WordState(raw=raw, literal=shown)

    def _undo(self, state: WordState, key: str, letters: tuple[Letter, ...], tone: Tone) -> WordState:
        """The mark's key again: take the mark off, type the key, leave the word as typed."""
        return WordState(raw=state.raw + key, literal=render(letters, tone, self.style) + key)

    def _accept(self, state: WordState, key: str, letters: tuple[Letter, ...], tone: Tone) -> WordState | None:
        return WordState(letters, tone, state.raw + key) if is_possible(letters, tone) else None

    def _tone(self, state: WordState, key: str, tone: Tone) -> WordState:
        start, end = split(state.letters)
        if start == end:
            return self._append(state, key, self._letter(key))
        if state.tone == tone:
            return self._undo(state, key, state.letters, Tone.NONE)
        return (self._accept(state, key, state.letters, tone)
                or self._append(state, key, self._letter(key)))

    def _untone(self, state: WordState, key: str) -> WordState:
        if state.tone:
            return WordState(state.letters, Tone.NONE, state.raw + key)
        return self._append(state, key, self._letter(key))

    def _double(self, state: WordState, key: str) -> WordState:
        """Telex aa, ee, oo: the key right after the same vowel."""
        letters = state.letters
        start, end = split(letters)
        k = key.lower()
        if letters and end == len(letters) and end > start and letters[-1].base == k:
            last = letters[-1]
            if last.mod == CIRCUMFLEX:
                return self._undo(state, key, letters[:-1] + (replace(last, mod=""),), state.tone)
            new = self._accept(state, key, letters[:-1] + (replace(last, mod=CIRCUMFLEX),), state.tone)
            if new is not None:
                return new
        return self._append(state, key, self._letter(key))

    def _mark(self, state: WordState, key: str, bases: str, mod: str) -> WordState:
        """VNI 6 and 8: the mark on the last vowel that can take it."""
        letters = state.letters
        start, end = split(letters)
        marked = [k for k in range(start, end) if letters[k].mod == mod]
        if marked:
            k = marked[-1]
            return self._undo(state, key, letters[:k] + (replace(letters[k], mod=""),) + letters[k + 1:],
                              state.tone)
        for k in reversed(range(start, end)):
            if letters[k].base in bases:
                new = self._accept(state, key, letters[:k] + (replace(letters[k], mod=mod),) + letters[k + 1:],
                                   state.tone)
                if new is not None:
                    return new
        return self._append(state, key, self._letter(key))

    def _horn(self, state: WordState, key: str, bases: str, standalone: bool) -> WordState:
        """Telex w (ă ơ ư, ươ, a lone w is ư) and VNI 7 (ơ ư, ươ)."""
        letters = state.letters
        start, end = split(letters)
        span = range(start, end)
        pair = next((k for k in span if k + 1 < end and letters[k].base == "u" and letters[k + 1].base == "o"), None)
        if pair is not None:
            both = letters[pair].mod == HORN and letters[pair + 1].mod == HORN
            mod = "" if both else HORN
            changed = (letters[:pair] + (replace(letters[pair], mod=mod), replace(letters[pair + 1], mod=mod))
                       + letters[pair + 2:])
            if both:
                return self._undo(state, key, changed, state.tone)
            new = self._accept(state, key, changed, state.tone)
            if new is not None:
                return new
        marked = [k for k in span if letters[k].mod in (HORN, BREVE) and letters[k].base in bases]
        if marked:
            k = marked[-1]
            if letters[k].typed_w:
                return self._undo(state, key, letters[:k] + letters[k + 1:], state.tone)
            return self._undo(state, key, letters[:k] + (replace(letters[k], mod=""),) + letters[k + 1:],
                              state.tone)
        for k in reversed(span):
            if letters[k].base in bases and not letters[k].mod:
                mod = BREVE if letters[k].base == "a" else HORN
                new = self._accept(state, key, letters[:k] + (replace(letters[k], mod=mod),) + letters[k + 1:],
                                   state.tone)
                if new is not None:
                    return new
        if standalone:
            return self._append(state, key, Letter("u", HORN, upper=key.isupper(), typed_w=True))
        return self._append(state, key, self._letter(key))

    def _stroke(self, state: WordState, key: str, first_only: bool) -> WordState:
        """Telex dd (right after the first d) and VNI 9 (anywhere after it): đ."""
        letters = state.letters
        if letters and letters[0].base == "d" and (len(letters) == 1 or not first_only):
            first = letters[0]
            if first.mod == STROKE:
                return self._undo(state, key, (replace(first, mod=""),) + letters[1:], state.tone)
            return self._accept(state, key, (replace(first, mod=STROKE),) + letters[1:], state.tone) \
                or self._append(state, key, self._letter(key))
        return self._append(state, key, self._letter(key))

    @staticmethod
    def _letter(key: str) -> Letter | None:
        k = key.lower()
        return Letter(k, upper=key != k) if k.isalpha() and k.isascii() else None

    def _keys_of(self, letters: tuple[Letter, ...], tone: Tone) -> str:
        """Keys that would type this word (Telex), given back if it stops being Vietnamese."""
        if self.method is not Method.TELEX:
            return spell(letters)
        out = []
        for letter in letters:
            base = letter.base.upper() if letter.upper else letter.base
            extra = {CIRCUMFLEX: base, BREVE: "w", HORN: "w", STROKE: base}.get(letter.mod, "")
            out.append(base + extra)
        if tone:
            out.append(TELEX_KEYS[tone])
        return "".join(out)
