"""Word into vanban: a .docx becomes a typed document of its detected type (``from_docx``).

The region reader that the checker uses (:mod:`vanban._regions`) finds the header, heading,
body, signer, Nơi nhận and phụ lục; here they become the model's fields. What cannot be
carried (images, text boxes, fields, a structure the type has no place for) is reported as a
located note and kept as text where it has text; nothing is dropped silently.
"""

from __future__ import annotations

import copy
import os
import re
import warnings
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError as PydanticValidationError

from vanban._importing.appendices import appendix_fields, settle_references
from vanban._importing.inline import runs_text
from vanban._importing.issued import issued_fields, settle_issuing_article, settle_reference
from vanban._importing.outline import ARTICLED, Outline, elements
from vanban._importing.own_fields import AGREEMENTS, LETTERS, minutes_content, read_own_fields
from vanban._importing.parts import (
    contact_fields,
    header_fields,
    recipient_fields,
    signer_fields,
)
from vanban._importing.tables import keep_column_titles, table_or_tasks
from vanban._regions import Regions, read_regions
from vanban._regions.paragraphs import all_runs, key, pieces, upper
from vanban.errors import Problem, ValidationError
from vanban.models import Document
from vanban.nd30.articles import PROPOSAL_PREFIX, REFERENCE_OPENINGS
from vanban.nd30.doctypes import DOC_TYPES

__all__ = ["ImportResult", "NotAnAdministrativeDocument", "from_docx"]

#: The types whose body is Điều (and Chương), after an authority line and căn cứ.
_ARTICLED = ("quyet_dinh", "nghi_quyet")
#: How a proposal line starts when vanban prints the start by itself (Mẫu 1.2).
_PROPOSAL_LEADS = (PROPOSAL_PREFIX.lower(),)


class NotAnAdministrativeDocument(ValidationError):
    """The Word file is not an administrative document of the decree (no Quốc hiệu, or a
    tên loại Phụ lục III does not know): nothing is imported."""

    def __init__(self, why: str, source: str | None = None) -> None:
        self.why = why
        super().__init__(
            [
                Problem(
                    "",
                    "not_administrative",
                    f"không phải văn bản hành chính theo Nghị định 30/2020/NĐ-CP ({why}); "
                    "không chuyển được",
                    source,
                )
            ]
        )


@dataclass
class ImportResult:
    """A Word document imported: the model of its type and the notes on what could not be
    carried as it was."""

    model: Document
    doc_type: str
    notes: list[str] = field(default_factory=list)
    #: Where each part came from: a top-level field (``"title"``) or a mục (``"sections[2]"``)
    #: → the paragraphs of the Word document, as a reader numbers them.
    sources: dict[str, tuple[int, int]] = field(default_factory=dict)

    def yaml(self) -> str:
        """The document as YAML (:func:`vanban.dump`): its notes as comments at the top, and
        before each part a comment naming the paragraphs of the Word document it came from."""
        from vanban._dumping import dump

        lines = dump(self.model).split("\n")
        out = [lines[0], *(f"# Ghi chú khi chuyển: {note}" for note in self.notes)]
        field_name = ""
        section = -1
        for line in lines[1:]:
            key = re.match(r"^([a-z_]+):", line)
            where = None
            if key:
                field_name = key.group(1)
                where = self.sources.get(field_name)
            elif field_name == "sections" and line.startswith("- "):
                section += 1
                where = self.sources.get(f"sections[{section}]")
            if where is not None:
                first, last = where
                span = f"đoạn {first}" if first == last else f"đoạn {first}–{last}"
                out.append(f"# {span} của tệp Word")
            out.append(line)
        return "\n".join(out)


def _skip_set(regions: Regions) -> set[int]:
    """Paragraphs read as other parts than the body: Kính gửi and its addressees, the V/v
    line."""
    b, h = regions.body, regions.heading
    skip: set[int] = set()
    if b is not None:
        for i in (b.kinh_gui, b.kinh_gui_in_table):
            if i is not None:
                skip.add(i)
        skip.update(b.addressees)
    if h is not None and h.subject is not None:
        skip.add(h.subject)
    return skip


def _addressees(regions: Regions) -> list[str]:
    b = regions.body
    ps = regions.reading.ps
    if b is None:
        return []
    at = b.kinh_gui if b.kinh_gui is not None else b.kinh_gui_in_table
    if at is None:
        return []
    if b.addressees:
        return [
            " ".join(ps[i].text.split()).lstrip("-–+ ").rstrip(";.,").strip() for i in b.addressees
        ]
    text = " ".join(ps[at].text.split())
    rest = text.partition(":")[2] if ":" in text else text[len("Kính gửi") :]
    return [x.strip().lstrip("-–+ ").rstrip(";.,").strip() for x in rest.split("\n") if x.strip()]


def _body_size(regions: Regions) -> str | None:
    """The size preset of the body's text when it is not the default: the size most of the
    body's words are set in, when a preset has it (13 or 14 pt, Phụ lục I, I.4)."""
    from collections import Counter

    from vanban.nd30.page import SIZE_PRESETS

    heading, closing = regions.heading, regions.closing
    if heading is None or closing is None:
        return None
    ps = regions.reading.ps
    sizes: Counter[float] = Counter()
    for i in range(heading.end + 1, closing.end):
        if ps[i].table is None:
            for r in ps[i].runs:
                sizes[r.size_pt] += len(r.text.split())
    if not sizes:
        return None
    size = sizes.most_common(1)[0][0]
    default = next(iter(SIZE_PRESETS))
    by_body = {preset.body: name for name, preset in SIZE_PRESETS.items()}
    name = by_body.get(int(size)) if size == int(size) else None
    return name if name is not None and name != default else None


def _has_articles(regions: Regions, doc_type: str, start: int, end: int) -> bool:
    """A Quy chế, Quy định… written in chương and điều: a bold paragraph opens with
    "Chương I" or "Điều 1" (the type must take articles)."""
    from vanban import registry

    if "articles" not in registry.model(doc_type).model_fields:
        return False
    ps = regions.reading.ps
    for i in range(start, end):
        p = ps[i]
        if p.table is None and p.runs and p.runs[0].bold and ARTICLED.match(p.text.strip()):
            return True
    return False


def _body(regions: Regions, notes: list[str], fields: dict[str, Any], doc_type: str) -> None:
    reading = regions.reading
    ps = reading.ps
    heading, closing, body = regions.heading, regions.closing, regions.body
    assert heading is not None and closing is not None and body is not None
    skip = _skip_set(regions)
    articles = (
        doc_type in _ARTICLED
        or doc_type in AGREEMENTS
        or _has_articles(regions, doc_type, heading.end + 1, closing.end)
    )
    start = heading.end + 1
    # The authority line of a Quyết định or Nghị quyết (UPPERCASE, before the căn cứ)
    first_body = body.paragraphs[0] if body.paragraphs else closing.end
    if doc_type in _ARTICLED:
        authority = [
            i
            for i in range(start, first_body)
            if i not in skip and ps[i].text.strip() and ps[i].table is None and upper(ps[i].text)
        ]
        if authority:
            fields["authority"] = "\n".join(
                " ".join(line.split())
                for i in authority
                for line in ps[i].text.split("\n")
                if line.strip()
            )
        skip.update(range(start, first_body))
    bases, proposal = [], []
    from vanban import registry

    outline = Outline(reading, notes)
    takes_bases = "bases" in registry.model(doc_type).model_fields
    for i in body.basis if takes_bases else []:
        style = ps[i].style_id or ""
        if style.startswith("VB") and style != "VBBasis":
            continue  # vanban's own paragraph that reads "Căn cứ …": the body's, as styled
        line = runs_text(ps[i].runs, plain=True, notes=outline.footnotes)
        line = " ".join(line.split()).rstrip(";.,").strip()
        said = key(line).lower()
        if said.startswith(("theo đề nghị", "xét đề nghị")) and doc_type in _ARTICLED:
            for lead in _PROPOSAL_LEADS:
                if said.startswith(lead):
                    line = line[len(lead) :].strip()
                    break
            proposal.append(line)
        else:
            bases.append(line)
        skip.add(i)
    if bases:
        fields["bases"] = bases
    if proposal:
        fields["proposal"] = proposal
    own = read_own_fields(regions, fields, notes, doc_type, skip)
    if own is None:  # a giấy: its field lines are the whole body
        return
    skip |= own
    for el in elements(reading, start, closing.end, skip):
        p = ps[el.index]
        if el.table is not None:
            table = reading.view.tables[el.table] if el.table < len(reading.view.tables) else None
            nested = any(ps[i].table != el.table for i in el.cells) or (
                table is not None and table.parent is not None
            )
            if table is not None and table.has_borders and not nested:
                outline.add_block(table_or_tasks(reading, table, el.cells))
                continue
            notes.append(
                f"đoạn {reading.reader_no[el.index]}, trang ~{reading.page_of[el.index]}: "
                + ("bảng lồng trong bảng" if nested else "bảng không kẻ khung")
                + " chuyển thành các đoạn văn"
            )
            for i in el.cells:
                if ps[i].text.strip():
                    outline.add(ps[i], i, articles=articles)
            continue
        t = " ".join(p.text.split())
        if p.page_break and el.index > start and not articles:
            outline.add_block({"page_break": True})  # a page break typed in the body
        if articles and upper(t) and t.endswith(":") and len(t) < 30:
            continue  # "QUYẾT ĐỊNH:", "QUYẾT NGHỊ:"
        if p.shapes and "shape" in p.shapes:
            notes.append(
                f"đoạn {reading.reader_no[el.index]}, trang ~{reading.page_of[el.index]}: "
                "hình vẽ hoặc khung chữ không chuyển được; giữ lại chữ"
            )
        outline.add(p, el.index, articles=articles)
    closing_text = outline.finish() if not articles else None
    if outline.deadline_lines:
        fields["task_style"] = "lines"
    if outline.task_labels and "task_labels" in registry.model(doc_type).model_fields:
        fields["task_labels"] = outline.task_labels
    view = reading.view
    notes_found = {
        f"n{k}": " ".join(view.footnotes.get(k, "").split()) for k in sorted(outline.footnotes)
    }
    if notes_found:
        fields["footnotes"] = {k: v or "…" for k, v in notes_found.items()}
    if articles:
        if outline.chapters:
            fields["chapters"] = outline.chapters
        else:
            fields["articles"] = outline.articles or [{"text": t} for t in outline.intro]
        return
    if doc_type == "cong_van" or doc_type in LETTERS:
        content = [*outline.intro, *outline.top]
        for section in outline.sections:
            content.append({"title": section["title"], "content": section["content"]})
        fields["content"] = content or ([closing_text] if closing_text else [])
        if closing_text and content:
            fields["closing"] = closing_text
        return
    if doc_type == "bien_ban":  # its opening, then its content (before any mục)
        outline.top = minutes_content(fields, outline.intro, outline.top, bool(outline.sections))
        outline.intro = []
    if not outline.sections:  # no mục: the paragraphs before the first block are content
        outline.top, outline.intro = [*outline.intro, *outline.top], []
    if outline.intro:
        fields["intro"] = outline.intro
    if outline.sections:
        fields["sections"] = outline.sections
        fields["_section_starts"] = outline.section_starts
        if outline.top and doc_type == "bien_ban":
            fields["content"] = outline.top  # a biên bản's content prints before its mục
        elif outline.top:  # numbered parts before mục I: kept as paragraphs of the mở đầu
            notes.append("các khoản đánh số trước mục I được giữ thành đoạn văn mở đầu")
            fields.setdefault("intro", []).extend(_flat_texts(outline.top))
    else:
        if not outline.top and closing_text:
            outline.top, closing_text = [closing_text], None
        fields["content"] = outline.top
    if closing_text:
        fields["closing"] = closing_text


def _sources(regions: Regions, fields: dict[str, Any]) -> dict[str, tuple[int, int]]:
    """The paragraphs (as a reader numbers them) each top-level part came from."""
    no = regions.reading.reader_no

    def span(indexes: list[int]) -> tuple[int, int] | None:
        numbers = [no[i] for i in indexes if 0 <= i < len(no) and no[i]]
        return (min(numbers), max(numbers)) if numbers else None

    header, heading, body, closing = (
        regions.header,
        regions.heading,
        regions.body,
        regions.closing,
    )
    found: dict[str, list[int]] = {}
    if header is not None:
        found["issuer"] = header.issuer_lines or header.region
        found["number"] = [header.number] if header.number is not None else []
        found["date"] = [header.date] if header.date is not None else []
    if heading is not None:
        found["title"] = heading.title or ([heading.subject] if heading.subject is not None else [])
    if body is not None:
        found["addressees"] = [i for i in (body.kinh_gui, body.kinh_gui_in_table) if i is not None]
        found["addressees"] += body.addressees
        found["bases"] = body.basis
        if heading is not None and closing is not None:
            inside = list(range(heading.end + 1, closing.end))
            for name in ("content", "sections", "articles", "chapters"):
                found[name] = inside
    if closing is not None and closing.attached:  # the text a decision issues (Mẫu 1.3)
        start = closing.attached[0]
        after = [h for h in regions.appendices.heads if h > start]
        found["attachment"] = list(range(start, after[0] if after else len(no)))
    if closing is not None:
        found["signer"] = [i for s in closing.signers for i in s.lines]
        found["signers"] = found["signer"]
        found["recipients"] = [closing.label, *closing.items] if closing.label is not None else []
        found["archive"] = found["recipients"]
    found.update(fields.get("_found", {}))  # the parts a type's own reader located
    out = {k: v for k, idx in found.items() if k in fields and (v := span(idx)) is not None}
    for k, start in enumerate(fields.get("_section_starts", [])):
        if start in range(len(no)) and no[start]:
            out[f"sections[{k}]"] = (no[start], no[start])
    return out


def _signatures(regions: Regions) -> list[dict[str, str]]:
    """Every signer block side by side (a biên bản's): its label lines and name."""
    closing = regions.closing
    if closing is None:
        return []
    ps = regions.reading.ps
    out = []
    for s in closing.signers:
        if s.name is None:
            continue
        titles = [
            " ".join(line.split())
            for i in s.titles
            if i != s.name
            for line in ps[i].text.split("\n")
            if line.strip()
        ]
        out.append({"title": "\n".join(titles), "name": " ".join(ps[s.name].text.split())})
    return out


def _caps_title(regions: Regions) -> list[int]:
    """A trích yếu typed in capitals under the tên loại (the reader stops at capitals, which
    are an authority line in a Quyết định): the centred bold lines before a Kính gửi, căn
    cứ or the body, for a type without an authority line."""
    heading = regions.heading
    assert heading is not None
    if heading.kind is None or not heading.kind.title or heading.kind.key in _ARTICLED:
        return []
    ps = regions.reading.ps
    out: list[int] = []
    j = heading.start + 1
    while j < len(ps) and len(out) < 5:
        p = ps[j]
        if not p.text.strip():
            if out:
                break
            j += 1
            continue
        if p.table is not None or p.alignment != "center" or not all_runs(p, "bold"):
            break
        if key(p).lower().startswith(("kính gửi", "căn cứ")):
            break
        out.append(j)
        j += 1
    return out


def _drop_automatic_recipients(fields: dict[str, Any], doc_type: str) -> None:
    """The first line of Nơi nhận that vanban writes by itself is left to it: "Như trên"
    after a Kính gửi, "Như Điều N" of the last article of a Quyết định or Nghị quyết."""
    recipients = fields.get("recipients") or []
    if not recipients or not isinstance(recipients[0], str):
        return
    first = " ".join(recipients[0].split())
    if fields.get("addressees") and doc_type not in LETTERS and key(first).lower() == "như trên":
        recipients.pop(0)
    elif doc_type in _ARTICLED and not key(first).lower().startswith("như điều"):
        fields["executors_article"] = False  # the office wrote no "Như Điều N" line
    elif doc_type in _ARTICLED:
        count = len(fields.get("articles", [])) or sum(
            len(c.get("articles", [])) for c in fields.get("chapters", [])
        )
        number = first.split()[-1]
        if number.isdigit() and count:
            if int(number) != count:
                fields["executors_article"] = int(number)
            recipients.pop(0)


def _flat_texts(blocks: list[Any]) -> list[str]:
    """The texts of blocks, in order, as paragraphs."""
    out: list[str] = []
    for block in blocks:
        if isinstance(block, str):
            out.append(block)
            continue
        head = ": ".join(x for x in (block.get("title"), block.get("text")) if x)
        if head:
            out.append(head)
        for name in ("content", "letters", "bullets"):
            out += _flat_texts(block.get(name, []))
    return out


def _from_regions(regions: Regions, source: str | None) -> ImportResult:
    if regions.out_of_scope is not None:
        raise NotAnAdministrativeDocument(regions.out_of_scope, source)
    if regions.header is not None and not regions.header.national_found:
        # checked as the nearest type, but not imported: no header of the decree to read
        raise NotAnAdministrativeDocument("không có Quốc hiệu ở đầu văn bản", source)
    heading = regions.heading
    assert heading is not None
    doc_type = heading.doc_type
    if doc_type is None or doc_type not in DOC_TYPES:
        raise NotAnAdministrativeDocument("không thấy tên loại văn bản", source)
    from vanban import registry

    notes: list[str] = []
    fields: dict[str, Any] = {"type": doc_type}
    fields.update(header_fields(regions, notes))
    ps = regions.reading.ps
    title_lines = heading.title or _caps_title(regions)
    cut = next((k for k, i in enumerate(title_lines) if ARTICLED.match(ps[i].text.strip())), None)
    if cut is not None:  # "Chương I" centred in bold right under the trích yếu: the body's
        heading.end = title_lines[cut] - 1
        title_lines = title_lines[:cut]
    if title_lines:
        fields["title"] = "\n".join(
            " ".join(line.split()) for i in title_lines for line in ps[i].text.split("\n")
        )
        if not heading.title:
            notes.append(
                f"đoạn {regions.reading.reader_no[title_lines[0]]}: trích yếu in hoa; "
                "Nghị định trình bày trích yếu bằng chữ in thường (Phụ lục I, II.5.b)"
            )
            heading.end = max(heading.end, title_lines[-1])
    elif heading.subject is not None:
        subject = "\n".join(" ".join(x.split()) for x in ps[heading.subject].text.split("\n"))
        header = regions.header
        if header is not None and header.tabbed and heading.subject == header.subject:
            subject = " ".join(
                " ".join(pieces(ps[i].text)[0].split())
                for i in range(header.subject, header.end + 1)
                if pieces(ps[i].text)
            )
        for prefix in ("V/v", "v/v", "Về việc"):
            if subject.startswith(prefix):
                subject = subject[len(prefix) :].strip()
        fields["title"] = subject
    signer = signer_fields(regions)
    facts = DOC_TYPES[doc_type]
    if facts.signers > 1:
        signatures = _signatures(regions)
        named = " ".join(ps[heading.start].text.split()) if heading.kind is not None else ""
        if doc_type == "bien_ban" and heading.kind and named.upper() != heading.kind.heading:
            fields["heading"] = named  # "BIÊN BẢN THẨM ĐỊNH HỒ SƠ", as the office names it
        if doc_type == "bien_ban" and signatures:
            fields["signers"] = signatures
            fields["header_date"] = regions.header is not None and regions.header.date is not None
            if not fields["header_date"]:
                fields.pop("place", None)
                fields.pop("date", None)
    elif signer is not None:
        fields["signer"] = signer
    fields.update(recipient_fields(regions))
    contact = contact_fields(regions)
    if contact and "contact" in registry.model(doc_type).model_fields:
        fields["contact"] = contact
    if DOC_TYPES[doc_type].addressed or doc_type in ("to_trinh", "bao_cao"):
        names = _addressees(regions)
        if names:
            fields["addressees"] = names
    _body(regions, notes, fields, doc_type)
    if doc_type in _ARTICLED and not fields.get("authority"):
        # No authority line above the căn cứ: the head's title and the body's name, said.
        head = (signer or {}).get("head_title") or (signer or {}).get("title") or ""
        name = " ".join(str(fields.get("issuer", {}).get("name", "")).split())
        if head and name:
            fields["authority"] = f"{head} {name}".upper()
            notes.append(
                f'không có dòng thẩm quyền ban hành; vanban ghi "{fields["authority"]}" '
                "theo người ký và cơ quan: hãy sửa nếu chưa đúng"
            )
    _drop_automatic_recipients(fields, doc_type)
    size = _body_size(regions)
    if size is not None:
        fields["format"] = {"size": size}
    keep_column_titles(fields)
    model_cls = registry.model(doc_type)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        model = model_cls.model_validate(
            {k: v for k, v in fields.items() if k != "type" and not k.startswith("_")}
        )
    notes.extend(str(w.message) for w in caught)
    if doc_type == "quyet_dinh":
        model = _with_issued_text(regions, notes, fields, model)
    if regions.appendices.items and "appendices" in model_cls.model_fields:
        model = _with_appendices(regions, notes, fields, model)
    return ImportResult(model, doc_type, notes, _sources(regions, fields))


def _with_issued_text(
    regions: Regions, notes: list[str], fields: dict[str, Any], model: Document
) -> Document:
    """The decision with the text it issues (Mẫu 1.3) as its ``attachment``: Điều 1 and the
    reference line settled against what vanban prints from them."""
    from vanban.layout.quyet_dinh import reference_line
    from vanban.models.quyet_dinh import Attachment, QuyetDinh
    from vanban.nd30.appendix import of_issuer

    attachment = issued_fields(regions, notes)
    if attachment is None or not isinstance(model, QuyetDinh):
        return model
    printed = {
        wording: reference_line(
            model.model_copy(
                update={
                    "attachment": Attachment.model_construct(
                        type=attachment["type"], title=attachment["title"], reference=wording
                    )
                }
            )
        )
        for wording in REFERENCE_OPENINGS
    }
    tried = copy.deepcopy(fields)
    issuer = tried.setdefault("issuer", {})
    settle_reference(
        attachment, printed, issuer, model.issuer.in_text or of_issuer(model.issuer.name)
    )
    settle_issuing_article(tried, attachment)
    tried["attachment"] = attachment
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            out: Document = type(model).model_validate(
                {k: v for k, v in tried.items() if k != "type" and not k.startswith("_")}
            )
        except PydanticValidationError as error:
            notes.append(
                "văn bản kèm theo quyết định (Mẫu 1.3) không chuyển được: "
                + "; ".join(e["msg"] for e in error.errors()[:3])
            )
            return model
    fields.clear()
    fields.update(tried)
    notes.extend(str(w.message) for w in caught if str(w.message) not in notes)
    return out


def _with_appendices(
    regions: Regions, notes: list[str], fields: dict[str, Any], model: Document
) -> Document:
    """The model with its phụ lục, their reference lines settled against the model's own
    fields (what vanban prints from them is left to vanban)."""
    from vanban.layout.appendix import reference_text
    from vanban.models.appendix import Appendix
    from vanban.nd30.appendix import of_issuer

    items = appendix_fields(regions, notes)
    expected = reference_text(model, Appendix(content=["…"]))
    issuer = fields.setdefault("issuer", {})
    said = model.issuer.in_text or of_issuer(model.issuer.name)
    settle_references(items, expected, issuer, said)
    # after the text a decision issues (Mẫu 1.3), the phụ lục are that text's
    fields.get("attachment", fields)["appendices"] = items
    keep_column_titles(fields)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out: Document = type(model).model_validate(
            {k: v for k, v in fields.items() if k != "type" and not k.startswith("_")}
        )
    notes.extend(str(w.message) for w in caught if str(w.message) not in notes)
    return out


def from_docx(source: bytes | str | os.PathLike[str]) -> ImportResult:
    """Import a Word document: the model of its detected type, and notes on what could not
    be carried. A file that is not an administrative document of the decree raises
    :class:`NotAnAdministrativeDocument`; one that cannot be read, ``UnreadableDocx``; one
    whose parts do not make a valid document, :class:`vanban.ValidationError`."""
    from vanban.checker import read_checked

    view = read_checked(source)
    name = None if isinstance(source, bytes) else os.fspath(source)
    return _from_regions(read_regions(view), name)
