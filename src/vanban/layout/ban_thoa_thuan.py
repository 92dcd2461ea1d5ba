"""Layout of a Bản thỏa thuận (BTT): the two-party text of :mod:`vanban.layout.agreement`."""

from __future__ import annotations

from vanban.layout.agreement import layout

__all__ = ["layout"]
