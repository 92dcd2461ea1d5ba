"""Plans for the benchmarks: shaped like reference 000 (Bắc Giang, an ninh công nhân).

``seed_plan(i)`` is the plan of reference 000 (4 mục, ~25 paragraphs and bullets, 6 tasks
with deadlines, a footnote, 8 recipients) with its issuer, place, title and task text varied
by ``i``, so that no two plans of a batch are the same. ``tasks=`` changes the number of
tasks in mục II (the big plans: 50, 500, 5,000 tasks).

Plans are plain data (what YAML gives); :func:`plan_yaml` writes one as YAML text.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import yaml

PROVINCES = (
    "Bắc Giang",
    "Bắc Ninh",
    "Nam Định",
    "Thái Nguyên",
    "Hải Dương",
    "Hưng Yên",
    "Vĩnh Phúc",
    "Phú Thọ",
    "Quảng Ninh",
    "Thanh Hóa",
    "Nghệ An",
    "Đồng Nai",
)

PROJECT = (
    "“Bảo đảm an ninh công nhân tại các khu công nghiệp trên địa bàn tỉnh {p}, giai đoạn {y}-{y2}”"
)

TASKS = (
    "Ban hành quyết định thành lập Ban xây dựng Đề án, quy chế làm việc của Ban xây dựng Đề án; "
    "Quyết định thành lập Tổ giúp việc Ban xây dựng Đề án[^de-an].",
    "Tổ chức nghiên cứu xây dựng Đề cương Đề án tóm tắt; khảo sát, đánh giá các nội dung có liên "
    "quan làm cơ sở thực tiễn cho việc xây dựng Đề án; xin ý kiến thành viên Ban xây dựng Đề án "
    "về Đề cương Đề án tóm tắt.",
    "Tiếp thu ý kiến tham gia của thành viên Ban xây dựng Đề án; xây dựng dự thảo Đề án và gửi "
    "xin ý kiến thành viên Ban xây dựng Đề án, các sở, ngành chức năng của tỉnh có liên quan và "
    "một số UBND huyện, thị xã, thành phố.",
    "Tiếp thu ý kiến tham gia của thành viên Ban xây dựng Đề án, các sở, ngành có liên quan và "
    "một số UBND huyện, thị xã, thành phố; chỉnh sửa dự thảo Đề án và gửi xin ý kiến thành viên "
    "Ban xây dựng Đề án.",
    "Tiếp thu ý kiến tham gia của thành viên Ban xây dựng Đề án; chỉnh sửa, bổ sung dự thảo Đề án "
    "và gửi xin ý kiến thành viên Ban xây dựng Đề án.",
    "Hoàn thiện dự thảo Đề án trình Chủ tịch UBND tỉnh ký ban hành.",
)
PURPOSE = (
    "Tổ chức, phân công nhiệm vụ cho các cơ quan, đơn vị, cá nhân có liên quan trong tham gia xây "
    "dựng Đề án {project} (Đề án).",
    "Nghiên cứu, đưa ra những giải pháp, phương án giải quyết các tình huống cụ thể để bảo đảm an "
    "ninh công nhân, an ninh, trật tự, phòng cháy, chữa cháy, an ninh khu công nghiệp trong điều "
    "kiện thiên tai, dịch bệnh tại các khu công nghiệp trên địa bàn tỉnh theo đúng chủ trương của "
    "Đảng, pháp luật của Nhà nước, phù hợp với tình hình thực tiễn của địa phương, đáp ứng yêu "
    "cầu, "
    "nhiệm vụ trong tình hình mới, góp phần đảm bảo an ninh, an toàn, phát triển vững mạnh của lực "
    "lượng công nhân, thúc đẩy phát triển kinh tế - xã hội của tỉnh.",
)
REQUIREMENTS = (
    "Đề án phải đánh giá toàn diện, khách quan về mọi mặt, bám sát các quy định, hướng dẫn về công "
    "tác bảo đảm an ninh công nhân, an ninh, trật tự, phòng cháy, chữa cháy, an ninh khu công "
    "nghiệp "
    "trong điều kiện thiên tai, dịch bệnh và tình hình thực tiễn để đề ra các giải pháp, đề xuất "
    "có "
    "tính khả thi.",
    "Việc xây dựng Đề án bảo đảm đúng quan điểm, đường lối của Đảng, pháp luật của Nhà nước, bảo "
    "đảm "
    "trình tự, thủ tục, chất lượng và tiến độ. Thành viên Ban xây dựng Đề án và Tổ giúp việc Ban "
    "xây dựng Đề án đề cao trách nhiệm trong phạm vi chức năng, nhiệm vụ được giao; chủ động, tích "
    "cực tham mưu xây dựng Đề án đạt hiệu quả.",
)
DUTIES = (
    (
        "Công an tỉnh",
        (
            "Tham mưu Chủ tịch UBND tỉnh ban hành quyết định thành lập Ban xây dựng Đề án, trong đó "
            "đồng chí Giám đốc Công an tỉnh làm Trưởng ban, đồng chí Phó Giám đốc Công an tỉnh phụ "
            "trách công tác an ninh làm Phó trưởng ban thường trực và đại diện lãnh đạo các sở, ban, "
            "ngành của tỉnh làm thành viên.",
            "Ban hành Quy chế làm việc của Ban xây dựng Đề án; Quyết định thành lập Tổ giúp việc; phân "
            "công nhiệm vụ cho các thành viên Ban xây dựng và Tổ giúp việc thực hiện nhiệm vụ tại phần "
            "II của Kế hoạch này.",
            "Theo dõi, tổng hợp tình hình, kịp thời báo cáo những khó khăn, vướng mắc trong quá trình "
            "xây dựng Đề án về Chủ tịch UBND tỉnh để chỉ đạo giải quyết.",
        ),
    ),
    (
        "Văn phòng UBND tỉnh",
        (
            "Phối hợp với Công an tỉnh và các cơ quan, đơn vị có liên quan thực hiện các nội dung nêu "
            "tại phần II của Kế hoạch này.",
            "Tham gia ý kiến góp ý vào các văn bản liên quan đến việc xây dựng Đề án và nội dung dự "
            "thảo Đề án.",
            "Phối hợp với Công an tỉnh hoàn chỉnh Đề án, trình Chủ tịch UBND tỉnh ký ban hành.",
        ),
    ),
    (
        "Các sở, cơ quan: Tài chính, Lao động – Thương binh và Xã hội; Nông nghiệp và Phát triển "
        "nông thôn; Y tế; Tài nguyên và Môi trường; Giao thông vận tải; Xây dựng; Tư pháp; Thông tin "
        "và Truyền thông; Văn hóa, Thể thao và Du lịch; Ban Quản lý các Khu công nghiệp tỉnh, Bảo "
        "hiểm xã hội tỉnh; UBND cấp huyện",
        (
            "Phối hợp với Công an tỉnh thực hiện nội dung nêu tại mục 2, phần II của Kế hoạch này.",
            "Tham gia ý kiến góp ý vào các văn bản liên quan đến việc xây dựng Đề án và nội dung dự "
            "thảo Đề án.",
        ),
    ),
    (
        "Đề nghị Ủy ban Mặt trận Tổ quốc tỉnh, Liên đoàn Lao động tỉnh, Ban Dân vận Tỉnh ủy, Ban "
        "Tuyên giáo Tỉnh ủy, Hội Liên hiệp Thanh niên Việt Nam tỉnh, Hội Liên hiệp Phụ nữ Việt Nam "
        "tỉnh",
        (
            "Phối hợp với Công an tỉnh thực hiện nội dung nêu tại mục 2, phần II của Kế hoạch này.",
            "Tham gia ý kiến góp ý vào các văn bản liên quan đến việc xây dựng Đề án và nội dung dự "
            "thảo Đề án.",
        ),
    ),
)
RECIPIENTS = (
    "TT Tỉnh ủy, TT HĐND tỉnh",
    "Q. CT và các PCT UBND tỉnh",
    {
        "name": "Ủy ban MTTQ tỉnh, Liên đoàn Lao động tỉnh, Ban Dân vận Tỉnh ủy, Ban Tuyên giáo Tỉnh "
        "ủy, Hội Liên hiệp Thanh niên Việt Nam tỉnh, Hội Liên hiệp Phụ nữ Việt Nam tỉnh",
        "purpose": "để p/h",
    },
    {
        "name": "Công an tỉnh, Sở Tài chính, Sở Lao động – Thương binh và Xã hội, Sở Nông nghiệp và "
        "Phát triển nông thôn; Sở Y tế; Sở Tài nguyên và Môi trường; Sở Giao thông vận tải; "
        "Sở Xây dựng; Sở Tư pháp, Sở Thông tin và Truyền thông, Sở Văn hóa, Thể thao và Du "
        "lịch, Ban Quản lý các KCN tỉnh, Bảo hiểm xã hội tỉnh",
        "purpose": "để t/h",
    },
    "UBND các huyện, thị xã, thành phố",
    "VP UBND tỉnh: CVP, PCVPNC, TH",
    "Các phòng, ban chuyên môn thuộc Công an tỉnh",
    "Cổng thông tin điện tử tỉnh",
)
SIGNERS = ("Mai Sơn", "Nguyễn Văn Quý", "Trần Thị Hà", "Lê Minh Tuấn", "Phạm Quốc Huy")


def seed_plan(i: int = 0, *, tasks: int = 6) -> dict[str, Any]:
    """Plan number ``i`` shaped like reference 000, with ``tasks`` tasks in mục II."""
    province = PROVINCES[i % len(PROVINCES)]
    year = 2025 + i % 3
    project = PROJECT.format(p=province, y=year, y2=year + 5)
    start = dt.date(2024, 11, 1)
    task_list = []
    for t in range(tasks):
        text = TASKS[t % len(TASKS)]
        if t >= 1:  # the footnote is referenced once, by the first task
            text = text.replace("[^de-an]", "")
        text = text.replace("Đề án", f"Đề án {province}" if (t + i) % 2 else "Đề án")
        if t >= len(TASKS):
            text = f"{text[:-1]} (đợt {t // len(TASKS) + 1})."
        task_list.append(
            {
                "task": text,
                "deadline": (start + dt.timedelta(days=29 + (t * 3 + i) % 900)).isoformat(),
            }
        )
    return {
        "type": "ke_hoach",
        "issuer": {
            "parent": f"UBND TỈNH {province.upper()}" if i % 2 else None,
            "name": f"ỦY BAN NHÂN DÂN\nTỈNH {province.upper()}",
            "abbreviation": "UBND",
        },
        "place": province,
        "date": "2024-11",
        "title": f"Xây dựng Đề án {project}",
        "intro": [
            f"Thực hiện chủ trương xây dựng Đề án {project}, Chủ tịch UBND tỉnh {province} xây "
            f"dựng "
            "Kế hoạch như sau:"
        ],
        "footnotes": {
            "de-an": f"Dự kiến nội dung Đề án {project} sẽ gắn với công tác bảo đảm an ninh, trật "
            "tự, phòng cháy, chữa cháy, an ninh khu công nghiệp trong điều kiện thiên tai, dịch "
            "bệnh."
        },
        "sections": [
            {
                "title": "Mục đích, yêu cầu",
                "content": [
                    {
                        "title": "Mục đích",
                        "content": [{"bullets": [p.format(project=project) for p in PURPOSE]}],
                    },
                    {"title": "Yêu cầu", "content": [{"bullets": list(REQUIREMENTS)}]},
                ],
            },
            {"title": f"Nhiệm vụ trọng tâm năm {year}", "content": task_list},
            {
                "title": "Tổ chức thực hiện",
                "content": [{"body": body, "duties": list(duties)} for body, duties in DUTIES],
            },
            {
                "title": "Chế độ thông tin, báo cáo",
                "content": [
                    f"Định kỳ hằng quý, các cơ quan, đơn vị báo cáo kết quả thực hiện về Công an "
                    f"tỉnh "
                    f"{province} để tổng hợp, báo cáo Chủ tịch UBND tỉnh.",
                    "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị "
                    "kịp "
                    "thời phản ánh về Công an tỉnh để tổng hợp, báo cáo Chủ tịch UBND tỉnh xem "
                    "xét, "
                    "chỉ đạo.",
                ],
            },
        ],
        "closing": f"Trên đây là Kế hoạch xây dựng Đề án {project}; các cơ quan, đơn vị liên quan "
        "căn cứ thực hiện",
        "recipients": list(RECIPIENTS),
        "archive": ["NC"],
        "signer": {"authority": "Q", "head_title": "CHỦ TỊCH", "name": SIGNERS[i % len(SIGNERS)]},
    }


def _clean(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def plan_yaml(plan: dict[str, Any]) -> str:
    """A plan as YAML text (what a user would write)."""
    return yaml.safe_dump(_clean(plan), allow_unicode=True, sort_keys=False, width=100)


def plan_json(text: str) -> str:
    """The plan of YAML ``text`` as JSON text (what a program would write), indented."""
    return json.dumps(yaml.safe_load(text), ensure_ascii=False, indent=2, default=str)
