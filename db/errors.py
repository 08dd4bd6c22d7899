"""Errors the store raises. Their messages are Vietnamese: they reach the secretary."""

from __future__ import annotations


class StoreError(Exception):
    """Base class: something the user asked for cannot be done; message says why."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.message


class ValidationError(StoreError):
    """A value is refused. `field` names the field (its Vietnamese label)."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.reason = message


class NotFound(StoreError):
    """The meeting, speaker or opinion does not exist."""


class StateError(StoreError):
    """The action does not fit the current state (e.g. calling a withdrawn speaker)."""


class SealedError(StateError):
    """The meeting is sealed; it must be reopened before any edit."""


class DatabaseUnavailable(StoreError):
    """The database file cannot be opened or written. One clear sentence."""
