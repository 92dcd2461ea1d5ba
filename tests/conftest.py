"""Shared fixtures: a small but complete plan, as data and as a model."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))

SAMPLE: dict[str, Any] = {
    "type": "ke_hoach",
    "issuer": {
        "parent": "UBND TỈNH BẮC GIANG",
        "name": "BAN QUẢN LÝ CÁC\nKHU CÔNG NGHIỆP",
        "abbreviation": "KCN",
    },
    "number": 5,
    "place": "Bắc Giang",
    "date": "2025-02-05",
    "title": "Triển khai công tác bảo đảm an ninh, trật tự\ntại các khu công nghiệp năm 2025",
    "bases": ["Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư"],
    "intro": ["Ban Quản lý các KCN xây dựng Kế hoạch như sau:"],
    "footnotes": {"kcn": "Gồm các KCN Đình Trám, Quang Châu, Vân Trung."},
    "sections": [
        {
            "title": "Mục đích, yêu cầu",
            "content": [
                {
                    "title": "Mục đích",
                    "content": [{"bullets": ["Bảo đảm an ninh tại các KCN[^kcn]."]}],
                },
                {
                    "title": "Yêu cầu",
                    "content": [
                        {
                            "bullets": [
                                {
                                    "text": "Phối hợp chặt chẽ:",
                                    "bullets": ["giữa các phòng;", "với Công an tỉnh."],
                                }
                            ]
                        }
                    ],
                },
            ],
        },
        {
            "title": "Nhiệm vụ",
            "content": [
                {
                    "task": "Rà soát lực lượng bảo vệ.",
                    "deadline": "2025-03-15",
                    "leads": "Văn phòng Ban",
                },
                {"task": "Tuyên truyền thường xuyên.", "deadline": "thường xuyên"},
                {"letters": ["điểm một;", "điểm hai."]},
            ],
        },
        {
            "title": "Tổ chức thực hiện",
            "content": [{"body": "Văn phòng Ban", "duties": ["Theo dõi, tổng hợp."]}],
        },
    ],
    "closing": "Trên đây là Kế hoạch của Ban Quản lý các KCN",
    "recipients": ["Công an tỉnh", {"name": "Các doanh nghiệp KCN", "purpose": "để t/h"}],
    "archive": ["VP"],
    "signer": {
        "authority": "KT",
        "head_title": "Trưởng ban",
        "title": "Phó Trưởng ban",
        "name": "Nguyễn Văn A",
    },
}


@pytest.fixture
def sample() -> dict[str, Any]:
    """A fresh deep copy of the sample plan data (tests may change it)."""
    return copy.deepcopy(SAMPLE)


@pytest.fixture
def sample_doc(sample: dict[str, Any]):  # type: ignore[no-untyped-def]
    from vanban.models import KeHoach

    return KeHoach.model_validate(sample)


# ------------------------------------------------- the catalogue of bad inputs, within limits

#: What one case of the catalogue (tests marked ``catalogue``) may use: memory beyond what the
#: test process holds when the case starts, and time. A regression that makes vanban allocate
#: gigabytes or loop fails that case fast (MemoryError, timeout) instead of stalling CI.
CATALOGUE_MEMORY = 1536 * 1024 * 1024
CATALOGUE_SECONDS = 60


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "catalogue: a bad-input case, run under a memory limit and a time limit (conftest.py)",
    )


class CaseTimeout(Exception):
    """A catalogue case ran past :data:`CATALOGUE_SECONDS`."""


def _address_space() -> int | None:
    """The bytes of address space this process maps now (Linux), else None."""
    try:
        with open("/proc/self/statm", encoding="ascii") as f:
            import os

            return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


@pytest.fixture(autouse=True)
def _catalogue_limits(request: pytest.FixtureRequest) -> Any:
    """Cases marked ``catalogue``: address space limited to what the process maps now plus
    :data:`CATALOGUE_MEMORY` (``RLIMIT_AS``, put back after the case), and a SIGALRM after
    :data:`CATALOGUE_SECONDS`."""
    if request.node.get_closest_marker("catalogue") is None:
        yield
        return
    import signal
    import threading

    try:
        import resource
    except ImportError:  # not POSIX: no limits
        yield
        return
    used = _address_space()
    old_as = resource.getrlimit(resource.RLIMIT_AS)
    limited = used is not None and (
        old_as[0] == resource.RLIM_INFINITY or old_as[0] > used + CATALOGUE_MEMORY
    )
    if limited:
        assert used is not None
        resource.setrlimit(resource.RLIMIT_AS, (used + CATALOGUE_MEMORY, old_as[1]))
    timed = threading.current_thread() is threading.main_thread() and signal.getsignal(
        signal.SIGALRM
    ) in (signal.SIG_DFL, None)

    def expired(signum: int, frame: Any) -> None:
        raise CaseTimeout(f"the case ran more than {CATALOGUE_SECONDS} s")

    if timed:
        signal.signal(signal.SIGALRM, expired)
        signal.setitimer(signal.ITIMER_REAL, CATALOGUE_SECONDS)
    try:
        yield
    finally:
        if timed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, signal.SIG_DFL)
        if limited:
            resource.setrlimit(resource.RLIMIT_AS, old_as)
