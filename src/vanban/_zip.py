"""A small, deterministic zip writer for OOXML packages.

Every entry carries the same fixed timestamp (1980-01-01 00:00, the zip epoch), entries are
written in the order given, and parts that never change are compressed once and reused.
The output is byte-identical for the same input and the same zlib build.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass

from vanban._record import FrozenRecord

_DOS_TIME = 0
_DOS_DATE = (0 << 9) | (1 << 5) | 1  # 1980-01-01
_LEVEL = 6


@dataclass(init=False, repr=False, eq=False)  # methods by hand: see vanban._record
class Entry(FrozenRecord):
    """A compressed zip member: name, CRC-32, sizes and the deflated bytes."""

    __slots__ = ("crc", "data", "name", "size")

    name: bytes
    crc: int
    size: int
    data: bytes

    def __init__(self, name: bytes, crc: int, size: int, data: bytes) -> None:
        setattr_ = object.__setattr__
        setattr_(self, "name", name)
        setattr_(self, "crc", crc)
        setattr_(self, "size", size)
        setattr_(self, "data", data)

    @classmethod
    def deflate(cls, name: str, raw: bytes) -> Entry:
        data = zlib.compress(raw, _LEVEL, -15)  # raw deflate, as zip stores it
        return cls(name.encode("utf-8"), zlib.crc32(raw), len(raw), data)

    def local_header(self) -> bytes:
        return (
            struct.pack(
                "<IHHHHHIIIHH",
                0x04034B50,
                20,
                0x0800,
                8,
                _DOS_TIME,
                _DOS_DATE,
                self.crc,
                len(self.data),
                self.size,
                len(self.name),
                0,
            )
            + self.name
        )


def write(entries: list[Entry]) -> bytes:
    """The bytes of a zip archive holding ``entries`` in order."""
    chunks: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for e in entries:
        header = e.local_header()
        chunks.append(header)
        chunks.append(e.data)
        central.append(
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                0x0800,
                8,
                _DOS_TIME,
                _DOS_DATE,
                e.crc,
                len(e.data),
                e.size,
                len(e.name),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + e.name
        )
        offset += len(header) + len(e.data)
    cd = b"".join(central)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(cd), offset, 0)
    return b"".join(chunks) + cd + end
