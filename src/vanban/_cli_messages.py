"""argparse's messages in Vietnamese.

argparse looks every message it prints up through ``gettext`` (``argparse._`` and
``argparse.ngettext``); :func:`install` puts this table in their place, so no English usage
text, help heading or error of argparse reaches a user of ``vanban``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

MESSAGES = {
    "usage: ": "cách dùng: ",
    "positional arguments": "tham số",
    "options": "tùy chọn",
    "optional arguments": "tùy chọn",
    "show this help message and exit": "in hướng dẫn này rồi thoát",
    "show program's version number and exit": "in phiên bản rồi thoát",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "unrecognized arguments: %s": "tham số không nhận ra: %s",
    "invalid %(type)s value: %(value)r": "giá trị không hợp lệ (%(type)s): %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "lựa chọn không hợp lệ: %(value)r (chọn một trong: %(choices)s)"
    ),
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "expected one argument": "cần một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "expected at most one argument": "cần nhiều nhất một giá trị",
    "ambiguous option: %(option)s could match %(matches)s": (
        "tùy chọn không rõ: %(option)s có thể là %(matches)s"
    ),
    "not allowed with argument %s": "không dùng cùng tham số %s",
    "one of the arguments %s is required": "cần một trong các tham số %s",
    "ignored explicit argument %r": "giá trị %r bị bỏ qua",
    "can't open '%(filename)s': %(error)s": "không mở được '%(filename)s': %(error)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "lệnh không có: %(parser_name)r (các lệnh: %(choices)s)"
    ),
    "unexpected option string: %s": "tùy chọn không mong đợi: %s",
    "expected %s argument": "cần %s giá trị",
    "expected %s arguments": "cần %s giá trị",
}


def translate(message: str) -> str:
    return MESSAGES.get(message, message)


def translate_n(singular: str, plural: str, n: int) -> str:
    return translate(singular if n == 1 else plural)


_installed: tuple[Callable[..., Any], Callable[..., Any]] | None = None


def install() -> None:
    """Route argparse's messages through :data:`MESSAGES` (idempotent)."""
    global _installed
    if _installed is None:
        _installed = (argparse._, argparse.ngettext)  # type: ignore[attr-defined]
        argparse._ = translate  # type: ignore[attr-defined]
        argparse.ngettext = translate_n  # type: ignore[attr-defined]
