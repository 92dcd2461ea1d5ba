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
