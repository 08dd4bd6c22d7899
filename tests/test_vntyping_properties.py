"""Properties of the typing hook in a running App: with the mode off any text passes through
the text fields unchanged, and with Telex on, words that cannot be Vietnamese do too."""

from __future__ import annotations

import asyncio
import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual import events
from textual.keys import KEY_NAME_REPLACEMENTS, _character_to_key
from textual.widgets import Input, TextArea

from screens.vntyping.engine import Method
from screens.vntyping.hook import VnTypingApp

from .test_vntyping import not_vietnamese_words


class Fields(VnTypingApp):
    def compose(self):
        yield TextArea(id="area")
        yield Input(id="line")


def key_event(char: str) -> events.Key:
    name = char if char.isalnum() else _character_to_key(char)
    return events.Key(KEY_NAME_REPLACEMENTS.get(name, name), char)


async def typed(text: str, method: Method | None) -> tuple[str, str]:
    """What the TextArea and the Input hold after `text` arrives in one burst in each."""
    app = Fields(vn_method=method)
    async with app.run_test() as pilot:
        for field in ("#area", "#line"):
            app.query_one(field).focus()
            await pilot.pause()
            for char in text:
                event = key_event(char)
                event.set_sender(app)
                app._driver.send_message(event)
            await pilot.pause()
        return app.query_one(TextArea).text, app.query_one(Input).value


PRINTABLE = string.ascii_letters + string.digits + string.punctuation + " "
SETTINGS = settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))


@given(st.text(alphabet=PRINTABLE, max_size=30))
@SETTINGS
def test_with_the_mode_off_text_passes_through(text):
    assert asyncio.run(typed(text, None)) == (text, text)


@given(st.lists(not_vietnamese_words(), min_size=1, max_size=4))
@SETTINGS
def test_with_telex_on_words_that_cannot_be_vietnamese_pass_through(words):
    text = " ".join(words)
    assert asyncio.run(typed(text, Method.TELEX)) == (text, text)
