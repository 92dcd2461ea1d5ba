"""Untrusted OOXML packages: read within limits, and every XML part checked well-formed.

Used for what comes from strangers: user templates (``vanban render --template``), the
documents a user template renders, and the .docx files given to :func:`vanban.check` and
:func:`vanban.to_pdf`. vanban's own templates and documents do not go through here.

Limits (zip bombs, absurd nesting): a package of at most :data:`MAX_FILE_BYTES` on disk,
:data:`MAX_PARTS` parts, :data:`MAX_UNCOMPRESSED` bytes once uncompressed (counted from the
zip's headers before anything is inflated; :mod:`zipfile` refuses a part longer than its
header says), and XML elements nested at most :data:`MAX_XML_DEPTH` deep. A DOCTYPE is
refused (OOXML has none; it is how entity bombs and external entities come in).
"""

from __future__ import annotations

import io
import os
import re
from dataclasses import dataclass
from pathlib import Path

from vanban import _files
from vanban._record import FrozenRecord
from vanban.nd30.text import format_number

#: A package file larger than this is refused before it is read (bytes).
MAX_FILE_BYTES = 50 * 1024 * 1024
#: How many parts a package may hold.
MAX_PARTS = 1000
#: How many bytes all parts may hold together once uncompressed.
MAX_UNCOMPRESSED = 100 * 1024 * 1024
#: How deep XML elements may nest (Word's own documents stay far below 100).
MAX_XML_DEPTH = 256


@dataclass(init=False, repr=False, eq=False)  # methods by hand: see vanban._record
class PackageProblem(FrozenRecord, Exception):
    """What is wrong with a package: a Vietnamese message, and where (part, line, column)."""

    message: str
    part: str | None = None
    line: int | None = None
    column: int | None = None

    def __init__(
        self,
        message: str,
        part: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        object.__setattr__(self, "message", message)
        object.__setattr__(self, "part", part)
        object.__setattr__(self, "line", line)
        object.__setattr__(self, "column", column)

    def __str__(self) -> str:
        where = ""
        if self.part:
            where = f"phần {self.part}"
            if self.line is not None:
                where += f", dòng {self.line}, cột {self.column}"
            where += ": "
        return where + self.message


def _bytes(n: int) -> str:
    return f"{format_number(n)} byte"


def read_file(path: str | os.PathLike[str], max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a package file, refused when it is too large: never more than
    ``max_bytes + 1`` bytes are read. Only a regular file is read
    (:class:`vanban._files.NotRegularFile` for a FIFO or a device, at once).

    OSError (missing, unreadable, not a regular file) propagates for the caller to report.
    """
    p = Path(path)
    if p.is_dir():
        raise IsADirectoryError(21, "là một thư mục, không phải tệp", str(p))
    data = _files.read_input(p, max_bytes)  # a regular file only, read no further than the limit
    if len(data) > max_bytes:
        raise PackageProblem(f"tệp quá lớn: hơn {_bytes(max_bytes)}")
    return data


def read_zip(
    data: bytes,
    *,
    max_parts: int = MAX_PARTS,
    max_uncompressed: int = MAX_UNCOMPRESSED,
) -> dict[str, bytes]:
    """The parts of a zip package by name, within the limits; :class:`PackageProblem` else."""
    import zipfile  # a user's template or a .docx read: not on a render with vanban's own

    if len(data) > MAX_FILE_BYTES:
        raise PackageProblem(f"tệp quá lớn: {_bytes(len(data))}, giới hạn {_bytes(MAX_FILE_BYTES)}")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = [i for i in z.infolist() if not i.is_dir()]
            if len(infos) > max_parts:
                raise PackageProblem(
                    f"tệp .docx có {format_number(len(infos))} phần, giới hạn "
                    f"{format_number(max_parts)} (zip bomb?)"
                )
            total = sum(i.file_size for i in infos)
            if total > max_uncompressed:
                raise PackageProblem(
                    f"tệp .docx giải nén ra {_bytes(total)}, giới hạn {_bytes(max_uncompressed)} "
                    "(zip bomb?)"
                )
            names = [i.filename for i in infos]
            if len(set(names)) != len(names):
                raise PackageProblem("tệp .docx có hai phần cùng tên")
            return {i.filename: z.read(i) for i in infos}
    except PackageProblem:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError) as exc:
        raise PackageProblem(
            f"không phải tệp .docx (zip) đọc được ({type(exc).__name__})"
        ) from None
    except (RuntimeError, ValueError, OSError):  # encrypted, bad compression, CRC
        raise PackageProblem("tệp .docx (zip) bị hỏng hoặc được mã hóa") from None


#: expat's messages, in Vietnamese (by the start of expat's English text).
_EXPAT = [
    ("mismatched tag", "thẻ đóng không khớp với thẻ mở"),
    ("no element found", "XML kết thúc giữa chừng (thiếu thẻ đóng)"),
    ("unclosed token", "XML kết thúc giữa chừng (một thẻ chưa đóng)"),
    ("not well-formed", "XML sai cú pháp (ký tự hoặc thẻ không hợp lệ)"),
    ("junk after document element", "có nội dung sau phần tử gốc"),
    ("undefined entity", "thực thể (&…;) không xác định"),
    ("duplicate attribute", "một thuộc tính xuất hiện hai lần"),
    ("unbound prefix", "tiền tố không gian tên chưa được khai báo"),
    ("syntax error", "XML sai cú pháp"),
    ("reference to invalid character number", "tham chiếu tới ký tự không hợp lệ trong XML"),
    ("unknown encoding", "bảng mã không được hỗ trợ"),
    ("XML or text declaration not at start of entity", "khai báo <?xml?> không ở đầu phần"),
    ("partial character", "ký tự UTF-8 bị cắt"),
    ("illegal character", "ký tự không hợp lệ trong XML"),
]


class _Refused(Exception):
    def __init__(self, message: str) -> None:
        self.message = message


def check_xml(part: str, data: bytes, *, max_depth: int = MAX_XML_DEPTH) -> None:
    """Raise :class:`PackageProblem` (located) unless ``data`` is well-formed XML, without a
    DOCTYPE, nested at most ``max_depth`` deep, with no negative table-grid width."""
    from xml.parsers import expat  # here: a render with vanban's own template reads no XML

    parser = expat.ParserCreate()
    depth = 0

    def start(name: str, attrs: dict[str, str]) -> None:
        nonlocal depth
        depth += 1
        if depth > max_depth:
            raise _Refused(f"các phần tử XML lồng nhau quá {max_depth} tầng")
        if name == "w:gridCol" and attrs.get("w:w", "").lstrip().startswith("-"):
            raise _Refused(f'độ rộng cột bảng âm (w:gridCol w:w="{attrs["w:w"][:20]}")')

    def end(name: str) -> None:
        nonlocal depth
        depth -= 1

    def doctype(*_: object) -> None:
        raise _Refused("XML có khai báo DOCTYPE: không được phép trong tệp .docx")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.StartDoctypeDeclHandler = doctype
    try:
        parser.Parse(data, True)
    except _Refused as refused:
        raise PackageProblem(
            refused.message, part, parser.CurrentLineNumber, parser.CurrentColumnNumber + 1
        ) from None
    except expat.ExpatError as exc:
        text = expat.errors.messages.get(exc.code, "") if exc.code else str(exc)
        message = next((vi for en, vi in _EXPAT if text.startswith(en)), "XML không hợp lệ")
        raise PackageProblem(message, part, exc.lineno, exc.offset + 1) from None


#: What may come before the first "<" of an XML part: byte-order marks, white space and the
#: zero bytes of UTF-16/UTF-32.
_XML_LEAD = b" \t\r\n\x00\xef\xbb\xbf\xfe\xff"


def is_xml_part(name: str, data: bytes = b"") -> bool:
    r"""Whether a part is XML that a reader could parse: by its name (``.xml``, ``.rels``) or,
    whatever its name, by its content (its first character is "<", after a byte-order mark
    or white space). The main part can be ``word/main.bin``: its name says nothing.

    >>> is_xml_part("word/main.bin", b"\xef\xbb\xbf<?xml version='1.0'?><w:document/>")
    True
    >>> is_xml_part("word/media/image1.png", b"\x89PNG\r\n")
    False
    """
    return name.endswith((".xml", ".rels")) or data[:64].lstrip(_XML_LEAD).startswith(b"<")


def check_package(parts: dict[str, bytes]) -> None:
    """Every XML part (by name or by content) well-formed and within the limits;
    :class:`PackageProblem` else."""
    for name, data in parts.items():
        if is_xml_part(name, data):
            check_xml(name, data)


_SNIPPET_WS = re.compile(r"\s+")


def snippet(data: bytes, line: int | None, column: int | None, width: int = 60) -> str:
    """A short, printable piece of ``data`` around (line, column), for error messages."""
    if line is None:
        return ""
    lines = data.split(b"\n")
    if not 1 <= line <= len(lines):
        return ""
    text = lines[line - 1].decode("utf-8", "replace")
    at = max(0, (column or 1) - 1)
    piece = text[max(0, at - width // 2) : at + width // 2]
    return _SNIPPET_WS.sub(" ", piece).encode("unicode_escape").decode("ascii")


def read_docx_guarded(source: bytes | str | os.PathLike[str]) -> bytes:
    """The bytes of a .docx from strangers, refused (:class:`PackageProblem`) when it is not a
    well-formed package within the limits: for :func:`vanban.check` and :func:`vanban.to_pdf`.
    OSError for a missing or unreadable file propagates."""
    data = (
        bytes(source) if isinstance(source, (bytes, bytearray, memoryview)) else read_file(source)
    )
    check_package(read_docx_limited(data))
    return data


def read_docx_limited(data: bytes) -> dict[str, bytes]:
    """The parts of a .docx within the package limits (size, parts, uncompressed bytes) and
    holding ``word/document.xml``; the XML is not checked (the reader of :mod:`vanban.checker`
    checks each part it parses, whatever its name)."""
    parts = read_zip(data)
    if "word/document.xml" not in parts:
        raise PackageProblem("không phải tệp .docx: thiếu phần word/document.xml")
    return parts


def untrusted_docx(source: bytes | str | os.PathLike[str]) -> bytes:
    """:func:`read_docx_guarded` for the public API: a problem is a
    :class:`vanban.ValidationError` naming the file (and the part, line and column), a file
    that cannot be read an :class:`vanban.InputError`. Cheap next to reading the document."""
    from vanban.errors import InputError, Problem, ValidationError, os_message

    name = "<bytes>" if isinstance(source, (bytes, bytearray, memoryview)) else str(source)
    try:
        return read_docx_guarded(source)
    except PackageProblem as problem:
        raise ValidationError([Problem("", "bad_docx", str(problem), name)]) from None
    except OSError as exc:
        raise InputError(f"không đọc được tệp {name}: {os_message(exc)}") from None
