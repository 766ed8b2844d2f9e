"""Errors that stop one document (never a batch), with a message a reviewer can act on."""

from __future__ import annotations


class ExtractError(Exception):
    """A document that cannot be read. ``code`` is stable (other tools read it)."""

    def __init__(self, code: str, message_zh: str, message_en: str | None = None) -> None:
        super().__init__(message_zh)
        self.code = code
        self.message_zh = message_zh
        self.message_en = message_en or message_zh

    def message(self, lang: str = "zh") -> str:
        return self.message_en if lang == "en" else self.message_zh
