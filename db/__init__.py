"""The meeting store: SQLite through sqlite-utils, plain functions per aggregate.

This package never imports textual, rich or reportlab (tests/test_db_imports.py
proves it), so the chair display, the printouts and the command line can all use
it without pulling in a user interface.
"""
