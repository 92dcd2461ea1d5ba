"""People named in a document's fields who sign it: the chair and secretary of a Biên bản,
the representative of a party to a Hợp đồng (honorific, name, position); and what the types
signed by such people (side by side, not by ``signer``) share. (The person a giấy names is
:class:`vanban.models.persons.Person`.)"""

from collections.abc import Callable
from typing import Any, Literal

from pydantic import ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from vanban.models.types import LineText, Model, Text
from vanban.nd30.minutes import person_text


class Person(Model):
    """Ông (bà), họ tên, chức vụ."""

    model_config = ConfigDict(
        title="Người",
        json_schema_extra={
            "description": 'Một người được ghi trong văn bản: danh xưng ("Ông", "Bà"), họ tên, '
            "chức vụ. Viết gọn: chỉ họ tên."
        },
    )

    honorific: Literal["Ông", "Bà"] | None = Field(
        None, title="Danh xưng", description='"Ông" hoặc "Bà" (nếu có).', examples=["Ông", "Bà"]
    )
    name: LineText = Field(
        title="Họ tên",
        description="Họ, tên đệm (nếu có) và tên; in đậm dưới chữ ký khi người này ký.",
        examples=["Nguyễn Văn An", "Lê Thị Hoa"],
    )
    position: Text | None = Field(
        None,
        title="Chức vụ",
        description="Chức vụ, đơn vị công tác, in sau họ tên.",
        examples=["Phó Giám đốc Sở Nội vụ", "Chuyên viên Văn phòng Sở"],
    )

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        return {"name": value} if isinstance(value, str) else value

    @property
    def text(self) -> str:
        """As named in a field: "Ông Nguyễn Văn An, Phó Giám đốc Sở Nội vụ"."""
        return person_text(self.name, self.position, self.honorific)


def without_signer(description: str) -> Callable[[dict[str, Any]], None]:
    """The ``json_schema_extra`` of a type whose signers are fields of its own: its
    description, and no ``signer`` field."""

    def edit(schema: dict[str, Any]) -> None:
        schema["description"] = description
        schema.get("properties", {}).pop("signer", None)
        if "signer" in schema.get("required", []):
            schema["required"].remove("signer")

    return edit


def signer_from(data: Any, person: Any, type_name: str, title: str) -> Any:
    """Fill the shared ``signer`` (unused in the layout of a two-signer text) from one of the
    type's own people (``person``, as written in the data), and refuse a ``signer`` written
    in the data."""
    if not isinstance(data, dict):
        return data
    if "signer" in data:
        raise PydanticCustomError(
            "signer_not_used",
            "{type} không dùng signer: người ký lấy từ các trường của văn bản",
            {"type": type_name},
        )
    name = person.get("name") if isinstance(person, dict) else getattr(person, "name", person)
    if isinstance(name, str) and name.strip():
        return {**data, "signer": {"title": title, "name": name}}
    return data
