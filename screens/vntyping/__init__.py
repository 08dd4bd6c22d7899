"""Vietnamese typing (Telex and VNI) built into the app's text fields.

`syllable` knows what a Vietnamese syllable can be and where its tone goes, `engine` turns
keystrokes into letters; both are pure Python (no textual). `hook` plugs them into the
App's key handling.
"""
