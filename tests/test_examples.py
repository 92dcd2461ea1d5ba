"""The example plans reproduce, line for line, the real plans they were built from.

Each file in ``examples/`` rebuilds a real Kế hoạch whose text, extracted from the original,
is kept in ``tests/fixtures/seeds/`` (:data:`SEEDS`). The test renders the example, reads the
.docx back with :func:`~vanban._docx_reader.read_docx` and checks that every non-empty line of
the seed is a paragraph of the rendered document, in the seed's order.

Normalisation, applied to both sides unless said otherwise:

1. Page-break splits joined (seed only): a line that starts with a lower-case letter continues
   the previous line and is joined to it with a space. Seed 003's title, which the original
   breaks before "tại các KCN…", is joined the same way; its rendered line break becomes a
   space under rule 4.
2. Footnotes (seed only): a line starting with a superscript mark ("¹") is the footnote's own
   text, taken out of the body and looked up in the docx footnotes part; marks inside body
   lines are removed, and the rendered paragraph must hold a footnote reference at the same
   place (:func:`test_footnotes`).
3. Markup markers removed for the text comparison: ``**`` (bold) and ``*`` (italic). Italics
   are then compared on their own, for the paragraphs of the content (outside the two layout
   tables): the italic stretches of the seed line (``*…*``) must be exactly the italic runs of
   the rendered paragraph. Bold is not compared: the extraction marks it only on one signer
   block; formatting as a whole is pinned by ``test_snapshots.py``. The header and the
   recipients/signer tables are compared as text only: the extraction lost their formatting
   (e.g. the italic place-and-date line is not marked).
4. Whitespace collapsed: runs of spaces, tabs and line breaks become one space and the ends
   are trimmed, so "Số: /KH-UBND" matches "Số:       /KH-UBND".

The "- " and "+ " markers, the numbering and all punctuation are kept: they are what the
library derives from the structure, so they are what is checked.

Where a seed departs from NĐ 30 or from itself, the library's consistent form wins: such
lines are listed in :data:`EXCEPTIONS` by name, with the seed line and the rendered line
expected in its place (in the marked form of rule 3: italics as ``*…*``), and each entry
must be used.

Completeness: every non-empty rendered paragraph must be matched by a seed line, except the
header lines the extraction lost, listed per example in :data:`LOST_HEADER`. This one-to-one
check is preferred to counting paragraphs: a count can balance a missing line against an
extra one, and a failure names the unexpected line; the lost header lines are few and fixed
by the decree (Quốc hiệu, Tiêu ngữ, issuer), so the list is stable.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

import vanban
from vanban._docx_reader import DocxView, ParaView, read_docx
from vanban._rendering import render

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES_DIR = ROOT / "examples"
SEEDS_DIR = Path(__file__).resolve().parent / "fixtures" / "seeds"

#: Example file stem -> the seed it reproduces.
SEEDS = {
    "an-ninh-cong-nhan-bac-giang": "000_bbbc6e60bfce8bc9.txt",
    "ngay-hoi-bao-ve-an-ninh-to-quoc": "003_90a3ecd0b27b783b.txt",
    "giam-ngheo-ben-vung": "004_3f9d3fd9f1ec719c.txt",
}

NATIONAL = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
KCN = ["UBND TỈNH BẮC GIANG", "BAN QUẢN LÝ CÁC", "KHU CÔNG NGHIỆP"]

#: Rendered lines the seed lacks because the extraction lost them (the header table), in
#: document order.
LOST_HEADER = {
    "an-ninh-cong-nhan-bac-giang": ["ỦY BAN NHÂN DÂN", "TỈNH BẮC GIANG", *NATIONAL],
    # Seed 003 also lost its Số and date lines; the example reconstructs them.
    "ngay-hoi-bao-ve-an-ninh-to-quoc": [
        *KCN,
        *NATIONAL,
        "Số: /KH-KCN",
        "Bắc Giang, ngày tháng năm 2022",
    ],
    "giam-ngheo-ben-vung": [*KCN, *NATIONAL],
}


@dataclass(frozen=True)
class Departure:
    """A seed line the library writes otherwise, and why."""

    seed: str
    rendered: str
    why: str


_TASK_1 = (
    "1. Ban hành quyết định thành lập Ban xây dựng Đề án, quy chế làm việc của Ban xây dựng Đề "
    "án; Quyết định thành lập Tổ giúp việc Ban xây dựng Đề án "
)
_TASK_4 = (
    "4. Tiếp thu ý kiến tham gia của thành viên Ban xây dựng Đề án, các sở, ngành có liên quan "
    "và một số UBND huyện, thị xã, thành phố; chỉnh sửa dự thảo Đề án và gửi xin ý kiến thành "
    "viên Ban xây dựng Đề án "
)

#: Per example: name -> the seed line (normalised, italics as ``*…*``) and its rendered form.
EXCEPTIONS: dict[str, dict[str, Departure]] = {
    "an-ninh-cong-nhan-bac-giang": {
        "first_deadline_upright": Departure(
            seed=_TASK_1 + "(hoàn thành trước ngày 30/11/2024).",
            rendered=_TASK_1 + "(*hoàn thành trước ngày 30/11/2024*).",
            why="the seed sets this deadline upright and the five others in italics; "
            "the library writes every inline deadline in italics",
        ),
        "deadline_without_ngay": Departure(
            seed=_TASK_4 + "(*hoàn thành trước 05/4/2025*).",
            rendered=_TASK_4 + "(*hoàn thành trước ngày 05/4/2025*).",
            why='the other dated deadlines read "hoàn thành trước ngày …"; the library '
            "derives the words from the date (deadline: 2025-04-05)",
        ),
    },
    "ngay-hoi-bao-ve-an-ninh-to-quoc": {
        "recipient_ends_with_period": Departure(
            seed="- Các phòng, đơn vị thuộc Ban.",
            rendered="- Các phòng, đơn vị thuộc Ban;",
            why='NĐ 30 (Phụ lục I, II.9): every recipient line ends with ";", only the '
            '"Lưu" line with "."',
        ),
    },
    "giam-ngheo-ben-vung": {},
}

SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹⁰"
_WS = re.compile(r"\s+")


def collapse(text: str) -> str:
    """Rule 4: runs of whitespace (line breaks included) become one space, ends trimmed."""
    return _WS.sub(" ", text).strip()


def plain(marked: str) -> str:
    """The text of a marked line: italic markers removed (rule 3)."""
    return marked.replace("*", "")


@dataclass(frozen=True)
class SeedLine:
    marked: str  # normalised, italics as *…*, no footnote marks
    before_note: str | None  # the text before a footnote mark, when the line has one


@dataclass(frozen=True)
class Seed:
    lines: list[SeedLine]
    footnotes: list[str]


def read_seed(name: str) -> Seed:
    """The seed's lines after rules 1–4 (italic markers kept), and its footnote texts."""
    joined: list[str] = []
    for raw in (SEEDS_DIR / name).read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            continue
        if joined and line[0].islower():  # rule 1
            joined[-1] += " " + line
        else:
            joined.append(line)
    lines, notes = [], []
    for line in joined:
        line = line.replace("**", "")  # rule 3, bold
        if line[0] in SUPERSCRIPTS:  # rule 2
            notes.append(collapse(line.lstrip(SUPERSCRIPTS)))
            continue
        before = None
        m = re.search(f"[{SUPERSCRIPTS}]", line)
        if m:
            before = collapse(plain(line[: m.start()]))
        marked = collapse(re.sub(f"[{SUPERSCRIPTS}]", "", line))
        lines.append(SeedLine(marked, before))
    return Seed(lines, notes)


@dataclass(frozen=True)
class Rendered:
    para: ParaView
    text: str  # collapsed
    marked: str  # collapsed, italic runs as *…*

    @property
    def in_content(self) -> bool:
        """Outside the header table and the recipients/signer table (rule 3)."""
        return self.para.table is None


def marked_text(para: ParaView) -> str:
    out, italic = [], False
    for run in para.runs:
        if run.is_footnote_ref or not run.text:
            continue
        if run.italic != italic:
            out.append("*")
            italic = run.italic
        out.append(run.text)
    if italic:
        out.append("*")
    return collapse("".join(out))


@cache
def rendered(stem: str) -> DocxView:
    with warnings.catch_warnings():
        warnings.simplefilter("error", vanban.VanbanWarning)
        doc = vanban.load(EXAMPLES_DIR / f"{stem}.yaml")
    return read_docx(render(doc))


def rendered_lines(view: DocxView) -> list[Rendered]:
    return [
        Rendered(p, collapse(p.text), marked_text(p)) for p in view.paragraphs if collapse(p.text)
    ]


def match(stem: str) -> tuple[list[tuple[SeedLine, Rendered]], list[Rendered], set[str]]:
    """Match the seed lines, in order, to rendered paragraphs.

    Returns the pairs, the rendered paragraphs left unmatched and the exceptions used.
    """
    seed = read_seed(SEEDS[stem])
    lines = rendered_lines(rendered(stem))
    by_seed = {d.seed: (name, d) for name, d in EXCEPTIONS[stem].items()}
    pairs, used, matched, pos = [], set(), set(), 0
    for line in seed.lines:
        expected = line.marked
        if expected in by_seed:
            name, departure = by_seed[expected]
            used.add(name)
            expected = departure.rendered
        for j in range(pos, len(lines)):
            if lines[j].text == plain(expected):
                break
        else:
            following = lines[pos].text if pos < len(lines) else "(end of document)"
            pytest.fail(
                f"{stem}: seed line not found in order:\n  {plain(expected)!r}\n"
                f"next rendered paragraph:\n  {following!r}"
            )
        r = lines[j]
        if r.in_content:
            assert r.marked == expected, (
                f"{stem}: italics differ\n  seed:     {expected!r}\n  rendered: {r.marked!r}"
            )
        pairs.append((line, r))
        matched.add(j)
        pos = j + 1
    rest = [r for j, r in enumerate(lines) if j not in matched]
    return pairs, rest, used


@pytest.mark.parametrize("stem", sorted(SEEDS))
def test_every_seed_line_is_rendered_in_order(stem: str) -> None:
    pairs, _, used = match(stem)
    assert len(pairs) == len(read_seed(SEEDS[stem]).lines)
    # Every listed exception is needed: its seed line occurs, its rendered line is there.
    assert used == set(EXCEPTIONS[stem]), f"unused exceptions: {set(EXCEPTIONS[stem]) - used}"
    texts = [r.text for _, r in pairs]
    for departure in EXCEPTIONS[stem].values():
        assert plain(departure.rendered) in texts


@pytest.mark.parametrize("stem", sorted(SEEDS))
def test_no_rendered_line_the_seed_lacks(stem: str) -> None:
    _, rest, _ = match(stem)
    assert [r.text for r in rest] == LOST_HEADER[stem]
    # The lost lines are all header-table lines.
    assert all(r.para.table == 0 for r in rest)


@pytest.mark.parametrize("stem", sorted(SEEDS))
def test_footnotes(stem: str) -> None:
    seed = read_seed(SEEDS[stem])
    view = rendered(stem)
    assert sorted(collapse(t) for t in view.footnotes.values()) == sorted(seed.footnotes)
    marked_lines = [line for line in seed.lines if line.before_note is not None]
    assert len(view.footnote_refs) == len(marked_lines) == len(seed.footnotes)
    # Each reference sits where the seed has its mark.
    pairs, _, _ = match(stem)
    for line, r in pairs:
        refs = [i for i, run in enumerate(r.para.runs) if run.is_footnote_ref]
        if line.before_note is None:
            assert not refs, f"{stem}: unexpected footnote reference in {r.text!r}"
            continue
        assert len(refs) == 1
        before = collapse("".join(run.text for run in r.para.runs[: refs[0]]))
        assert before == line.before_note


def test_seed_000_footnote() -> None:
    """The one footnote of seed 000: its text in the footnotes part, one reference to it."""
    view = rendered("an-ninh-cong-nhan-bac-giang")
    text = (
        "Dự kiến nội dung Đề án “Bảo đảm an ninh công nhân tại các khu công nghiệp trên địa bàn "
        "tỉnh Bắc Giang, giai đoạn 2025-2030” sẽ gắn với công tác bảo đảm an ninh, trật tự, "
        "phòng cháy, chữa cháy, an ninh khu công nghiệp trong điều kiện thiên tai, dịch bệnh."
    )
    assert [collapse(t) for t in view.footnotes.values()] == [text]
    assert len(view.footnote_refs) == 1
    assert view.footnote_refs[0] in view.footnotes


def test_every_seed_has_its_example() -> None:
    for stem, seed in SEEDS.items():
        assert (EXAMPLES_DIR / f"{stem}.yaml").is_file()
        assert (SEEDS_DIR / seed).is_file()
