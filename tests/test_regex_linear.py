"""Every regular expression that runs over user text finishes in time on hostile input.

A backtracking regex can be quadratic (or worse) on a run of one character: the lone-asterisk
check took 3 s on 16,000 stars and days on a 9 MB field (issue 18, item 2). Here each pattern
of the package, found by walking every module (so a pattern added later is timed too), and
each function that builds a pattern inline, runs on 100,000-character adversarial inputs:
runs of ``*``, ``_``, spaces, tabs, brackets, digits, dots, Vietnamese letters, the openers of
the inline syntax and of template tags, each alone and with a prefix that lets an anchored
pattern start. The bound per call is generous (:data:`BOUND` seconds, where a linear pattern
takes a few milliseconds), so the test fails only on a pattern that rescans its input.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import pkgutil
import re
import time
import warnings
from collections.abc import Callable
from typing import Any

import pytest

import vanban
from vanban import _cleaning, _markup, _metrics, _sandbox, _templating, _validation
from vanban._docx_reader import _measure
from vanban._loading import _Loader
from vanban._patterns import LazyPattern
from vanban._regions.paragraphs import pieces
from vanban.nd30 import recipients, rules

N = 100_000
#: Seconds one call of a pattern may take; linear patterns take milliseconds on these inputs.
BOUND = 0.5
#: Seconds one call of a function may take: they build an object per token (100,000 tabs
#: are 100,000 Tab marks), which is linear but not free; a quadratic one takes minutes.
FUNCTION_BOUND = 2.0

#: What the runs are made of: every character the patterns treat specially, and pairs of them.
UNITS = [
    "*", "_", " ", "\t", "\n", "\u00a0", "[", "]", "(", ")", "{", "}", "0", "9", ".", ",", ":",
    ";", "/", "-", "~", "^", "%", "#", "'", '"', "\\", "<", ">", "a", "A", "ệ", "Đ", "x ",
    " \t", " \n", "\n ", "*a", "a*", "1.", "a.", "[^", "[@", "{{", "{%", "{#", "<!--", "-->",
    "{:", ":1", "oà", "ng", "\\*", "0/", "a~", "a^", "Số ", "ngày ",
]  # fmt: skip
#: Beginnings that let an anchored pattern reach the run.
PREFIXES = [
    "x", "Số", "ngày", "Điều", "KT.", "1", "1.", "{", "{:", "<!--", ">", "height:", "%", '["',
    "- ",
]  # fmt: skip


def _inputs() -> list[str]:
    """Each unit's run, ended by a character no pattern expects (so a pattern anchored at
    the end fails there and backtracks); then runs of blanks, digits, letters and stars
    behind each prefix, with nothing after them, and runs of blanks ended as the units are."""
    out = []
    for unit in UNITS:
        out.append((unit * (N // len(unit) + 1))[:N] + "\x01")
    for prefix in PREFIXES:
        for unit in (" ", "1", "ệ", "*"):  # unended: a pattern may fail for want of a character
            out.append(prefix + unit * N)
        for unit in (" ", " \n"):  # blanks then a character no pattern expects
            out.append(prefix + (unit * N)[:N] + "\x01")
    return out


INPUTS = _inputs()


def _patterns() -> dict[str, re.Pattern[str]]:
    """Every compiled pattern at the top of a module of the package, and the YAML resolvers."""
    found: dict[str, re.Pattern[str]] = {}
    seen: set[int] = set()  # a pattern imported into another module is timed once
    for info in pkgutil.walk_packages(vanban.__path__, "vanban."):
        if info.name.endswith("__main__"):  # runs the command line when imported
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, LazyPattern):  # compiled on first use (vanban._patterns)
                value = value()
            pattern = isinstance(value, re.Pattern) and isinstance(value.pattern, str)
            if pattern and id(value) not in seen:
                seen.add(id(value))
                found[f"{info.name}.{name}"] = value
    for resolvers in _Loader.yaml_implicit_resolvers.values():
        for tag, pattern in resolvers:
            if id(pattern) not in seen:
                seen.add(id(pattern))
                found[f"yaml resolver {tag}"] = pattern
    return found


PATTERNS = _patterns()


def _timed(call: Callable[[str], Any], text: str) -> float:
    start = time.perf_counter()
    call(text)
    return time.perf_counter() - start


def _worst(call: Callable[[str], Any], bound: float) -> tuple[float, str]:
    """The longest call over the inputs, and the input's start; a call over the bound is
    timed again and the shorter time kept (the machine may be busy for a moment)."""
    worst, which = 0.0, ""
    for text in INPUTS:
        took = _timed(call, text)
        if took > bound:
            took = min(took, _timed(call, text))
        if took > worst:
            worst, which = took, text[:20]
            if worst > bound:  # one is enough: the next could take minutes
                break
    return worst, which


def test_the_patterns_are_found() -> None:
    """The walk finds the patterns this file was written against (it cannot pass empty)."""
    assert {
        "vanban._markup._TOKEN",
        "vanban._validation._STAR_RUN",
        "vanban._metrics._WORD_RE",
    } <= set(PATTERNS)
    assert len(PATTERNS) > 40


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_pattern_is_linear(name: str) -> None:
    pattern = PATTERNS[name]

    def every_use(text: str) -> None:
        pattern.findall(text)  # a search from every position, as sub, split and search fail
        pattern.fullmatch(text)  # backtracking over the whole text from its start

    worst, which = _worst(every_use, BOUND)
    assert worst < BOUND, f"{name} took {worst:.2f} s on {which!r}…"


def _load_field(text: str) -> None:
    """A whole load, with the text as a paragraph of a công văn's content (all checks run)."""
    source = {
        "type": "cong_van",
        "issuer": {"name": "SỞ NỘI VỤ", "abbreviation": "SNV"},
        "title": "v",
        "addressees": "Sở Tài chính",
        "content": [text],
        "signer": {"title": "GIÁM ĐỐC", "name": "A"},
    }
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with contextlib.suppress(vanban.VanbanError):
            vanban.loads(json.dumps(source, ensure_ascii=False))


#: Functions that build their patterns inline, or chain several over the same text.
FUNCTIONS: dict[str, Callable[[str], Any]] = {
    "markup.parse": _markup.parse,
    "markup.plain(parse)": lambda t: _markup.plain(_markup.parse(t)),
    "markup.footnote_names": _markup.footnote_names,
    "markup.ref_names": _markup.ref_names,
    "validation.lone_stars": _validation.lone_stars,
    "cleaning.clean": _cleaning.clean,
    "cleaning.bad_character": _cleaning.bad_character,
    "metrics.wrap": lambda t: _metrics.wrap(t, 9000, 13),
    "regions.pieces": pieces,
    "rules.date_problems": rules.date_problems,
    "rules.number_problems": rules.number_problems,
    "rules.signer_prefix_problem": rules.signer_prefix_problem,
    "rules.recipient_problem": lambda t: rules.recipient_problem(t, last=True),
    "recipients.archive_unit": recipients.archive_unit,
    "recipients.drafter_code": recipients.drafter_code,
    "recipients.split_archive": recipients.split_archive,
    "docx_reader._measure": _measure,
    "sandbox._tags": _sandbox._tags,
    "sandbox._check_format": _sandbox._check_format,
    "sandbox._check_width": _sandbox._check_width,
    "templating._clean": _templating._clean,
}


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
def test_function_is_linear(name: str) -> None:
    def call(text: str) -> None:
        with contextlib.suppress(ValueError, _sandbox.LimitExceeded):  # a refusal is an answer
            FUNCTIONS[name](text)

    worst, which = _worst(call, FUNCTION_BOUND)
    assert worst < FUNCTION_BOUND, f"{name} took {worst:.2f} s on {which!r}…"


@pytest.mark.parametrize(
    "text",
    ["*" * N, "a" + "*" * N, '***"a"' + "*" * N + ",*", "[^" * (N // 2), "H~" * (N // 2)],
    ids=["stars", "word-stars", "excess-stars", "footnote-openers", "subscript-openers"],
)
def test_loading_a_hostile_field_is_fast(text: str) -> None:
    """The whole load (cleaning, markup, every text check) of a 100,000-character field: the
    lone-asterisk check ran on every load, and 16,000 stars took 3 s."""
    start = time.perf_counter()
    _load_field(text)
    assert time.perf_counter() - start < 3 * FUNCTION_BOUND
