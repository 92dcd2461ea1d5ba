"""The schemas as an editor reads them: the real ``yaml-language-server`` (the server of VS
Code's YAML extension, also used by Neovim, Helix, Zed, Emacs…) driven over stdio, LSP JSON-RPC.

Skipped when the server is not installed (``npm install -g yaml-language-server``; ``.ci/run``
installs it); ``VANBAN_YAML_LANGUAGE_SERVER`` may name the executable.
"""

from __future__ import annotations

import json
import os
import queue
import re
import shutil
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests_support import EXAMPLES_DIR, ROOT

from vanban._cli import main

SERVER = os.environ.get("VANBAN_YAML_LANGUAGE_SERVER") or shutil.which("yaml-language-server")
pytestmark = pytest.mark.skipif(SERVER is None, reason="yaml-language-server is not installed")
TIMEOUT = 60.0


class LanguageServer:
    """A minimal LSP client: requests, notifications, and the server's messages in a queue."""

    def __init__(self, root: Path, settings: dict[str, Any]) -> None:
        assert SERVER is not None
        self.settings = settings
        self.proc = subprocess.Popen(
            [SERVER, "--stdio"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()
        self.request(
            "initialize",
            {
                "processId": os.getpid(),
                "rootUri": root.as_uri(),
                "workspaceFolders": [{"uri": root.as_uri(), "name": root.name}],
                "capabilities": {
                    "workspace": {"configuration": True},
                    "textDocument": {
                        "hover": {"contentFormat": ["markdown", "plaintext"]},
                        "completion": {"completionItem": {"snippetSupport": True}},
                        "publishDiagnostics": {},
                    },
                },
            },
        )
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": settings})

    def _read(self) -> None:
        out = self.proc.stdout
        assert out is not None
        while True:
            length = 0
            while (line := out.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            if not line:
                return
            self.messages.put(json.loads(out.read(length)))

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        stdin = self.proc.stdin
        assert stdin is not None
        stdin.write(f"Content-Length: {len(body)}\r\n\r\n".encode("ascii") + body)
        stdin.flush()

    def notify(self, method: str, params: Any) -> None:
        self._send({"method": method, "params": params})

    def request(self, method: str, params: Any) -> Any:
        self.next_id += 1
        wanted = self.next_id
        self._send({"id": wanted, "method": method, "params": params})
        for message in self._until(lambda m: m.get("id") == wanted and "method" not in m):
            return message.get("result")
        raise AssertionError(f"no answer to {method}")

    def _until(self, wanted: Any) -> Iterator[dict[str, Any]]:
        """The first message ``wanted`` accepts; the server's own requests are answered."""
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            try:
                message = self.messages.get(timeout=deadline - time.monotonic())
            except queue.Empty:
                break
            if "method" in message and "id" in message:  # a request from the server
                result: Any = None
                if message["method"] == "workspace/configuration":
                    items = message["params"]["items"]
                    result = [self.settings.get(i.get("section", ""), None) for i in items]
                self._send({"id": message["id"], "result": result})
                continue
            if wanted(message):
                yield message
                return

    def open(self, path: Path, text: str | None = None) -> list[dict[str, Any]]:
        """Open a file and return the diagnostics the server publishes for it."""
        uri = path.as_uri()
        if text is None:
            text = path.read_text(encoding="utf-8")
        self.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}},
        )
        for message in self._until(
            lambda m: (
                m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
            )
        ):
            return list(message["params"]["diagnostics"])
        raise AssertionError(f"no diagnostics published for {path}")

    def hover(self, path: Path, line: int, character: int) -> str:
        result = self.request(
            "textDocument/hover",
            {
                "textDocument": {"uri": path.as_uri()},
                "position": {"line": line, "character": character},
            },
        )
        if not result:
            return ""
        contents = result["contents"]
        return str(contents["value"] if isinstance(contents, dict) else contents)

    def completion(self, path: Path, line: int, character: int) -> list[str]:
        result = self.request(
            "textDocument/completion",
            {
                "textDocument": {"uri": path.as_uri()},
                "position": {"line": line, "character": character},
            },
        )
        items = result["items"] if isinstance(result, dict) else result or []
        return [str(i["label"]) for i in items]

    def close(self) -> None:
        try:
            self.request("shutdown", None)
            self.notify("exit", None)
            self.proc.wait(timeout=10)
        except Exception:  # a server that will not stop is killed
            self.proc.kill()
            self.proc.wait()


def _settings(schemas: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "yaml": {
            "validate": True,
            "hover": True,
            "completion": True,
            "format": {"enable": False},
            "schemas": schemas or {},
            "schemaStore": {"enable": False},
        }
    }


#: The server's own English: none of it may reach a person writing a vanban file.
ENGLISH = re.compile(
    r"is not allowed|Missing property|Incorrect type|Value is not accepted|does not match"
    r"|Matches multiple schemas|is not a|Expected"
)
SCHEMAS = ROOT / "schemas"


def _with_schema(text: str, doc_type: str) -> str:
    """A plan whose first line names the committed schema of its type by absolute URI."""
    uri = (SCHEMAS / f"{doc_type}.schema.json").as_uri()
    body = text.split("\n", 1)[1] if text.startswith("# yaml-language-server:") else text
    return f"# yaml-language-server: $schema={uri}\n{body}"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LanguageServer]:
    ls = LanguageServer(tmp_path_factory.mktemp("editor"), _settings())
    yield ls
    ls.close()


def _messages(diagnostics: list[dict[str, Any]]) -> list[str]:
    return [d["message"] for d in diagnostics]


def test_a_typo_a_missing_field_and_a_wrong_type_are_told_in_vietnamese(
    server: LanguageServer, tmp_path: Path
) -> None:
    text = _with_schema(
        "type: ke_hoach\n"
        "issuer:\n"
        "  name: ỦY BAN NHÂN DÂN XÃ TÂN AN\n"
        "  abbreviation: UBND\n"
        "tittle: Kiểm tra an toàn thực phẩm\n"  # a typo
        "number: năm\n"  # text for a number
        "place: Tân An\n"
        "date: 2025-03-05\n"
        "signer:\n"  # no name
        "  title: CHỦ TỊCH\n"
        "sections:\n"
        "  - title: Mục đích\n"
        "    content: [Bảo đảm an toàn thực phẩm.]\n",
        "ke_hoach",
    )
    found = {
        (d["range"]["start"]["line"], d["message"]) for d in server.open(tmp_path / "a.yaml", text)
    }
    assert found == {
        (
            5,
            'trường này không có trong mẫu Kế hoạch; có phải ý bạn là "title" '
            "(Trích yếu nội dung)?",
        ),
        (1, 'thiếu trường bắt buộc "title" (Trích yếu nội dung) của Kế hoạch'),
        (6, "Số (number): cần một số nguyên hoặc để trống"),
        (9, 'thiếu trường bắt buộc "name" (Họ tên người ký) của Người ký'),
    }


def test_unknown_key_far_from_any_field_lists_the_fields(
    server: LanguageServer, tmp_path: Path
) -> None:
    path = EXAMPLES_DIR / "giam-ngheo-ben-vung.yaml"
    text = _with_schema(path.read_text(encoding="utf-8"), "ke_hoach")
    text = text.replace("\nsigner:\n", "\nsigner:\n  chu_ky: x\n", 1)
    (message,) = _messages(server.open(tmp_path / "b.yaml", text))
    assert message.startswith("trường này không có trong mẫu Người ký; các trường: authority, ")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("  title: ", "  titel: "), 'có phải ý bạn là "title"'),  # two letters swapped
        (("  name: ", "  nam: "), 'có phải ý bạn là "name"'),  # a letter missing
        (("  authority: KT", "  authority: THAY"), "quyền hạn ký chỉ nhận TM., KT., Q., TL., TUQ."),
        (("place: ", "place:\n  - "), "Địa danh (place): cần một đoạn chữ"),
    ],
)
def test_more_mistakes_in_vietnamese(
    server: LanguageServer, tmp_path: Path, change: tuple[str, str], expected: str
) -> None:
    text = _with_schema(
        "type: cong_van\nissuer:\n  name: SỞ CÔNG THƯƠNG\n  abbreviation: SCT\nplace: Hà Nội\n"
        "title: Về việc báo cáo\naddressees: [Các phòng]\ncontent: [Đề nghị báo cáo.]\n"
        "signer:\n  authority: KT\n  head_title: GIÁM ĐỐC\n  title: PHÓ GIÁM ĐỐC\n"
        "  name: Trần Văn B\n",
        "cong_van",
    )
    assert not server.open(tmp_path / "ok.yaml", text)
    assert change[0] in text
    messages = _messages(
        server.open(tmp_path / f"{abs(hash(change))}.yaml", text.replace(*change, 1))
    )
    assert any(expected in m for m in messages), messages
    assert not [m for m in messages if ENGLISH.search(m)], messages


def test_no_english_reaches_the_writer(server: LanguageServer, tmp_path: Path) -> None:
    """Every broken copy of an example that test_schema builds: Vietnamese only."""
    import yaml
    from test_schema import _broken

    from vanban._loading import parse_yaml

    seen = 0
    for name in (
        "giam-ngheo-ben-vung",
        "cong-van-so-tai-chinh-bao-cao-von",
        "bien-ban-hop-hoi-dong-xet-tuyen-vien-chuc",
    ):
        path = EXAMPLES_DIR / f"{name}.yaml"
        data, _ = parse_yaml(path.read_text(encoding="utf-8"), str(path))
        cases = _broken(data)
        if data["type"] == "bien_ban":  # neither signers nor chair and secretary; no content
            unsigned = {k: v for k, v in data.items() if k not in ("signers", "chair", "secretary")}
            cases.append(("unsigned biên bản", unsigned))
            cases.append(("empty biên bản", {k: v for k, v in data.items() if k != "content"}))
        for i, (name, broken) in enumerate(cases):
            text = _with_schema(yaml.safe_dump(broken, allow_unicode=True), data["type"])
            messages = _messages(server.open(tmp_path / f"{path.stem}-{i}.yaml", text))
            seen += 1
            assert messages, f"{path.name}: the editor accepts a {name}"
            assert not [m for m in messages if ENGLISH.search(m)], (name, messages)
    assert seen >= 20


def test_examples_have_no_diagnostics_and_hovers_one_title(
    server: LanguageServer,
) -> None:
    """The examples open clean (the committed schemas they name), and a hover on any of their
    keys shows the field's title once (not "Tiêu đề || Tiêu đề")."""
    hovers = 0
    for path in sorted(EXAMPLES_DIR.glob("*.yaml")):
        assert server.open(path) == [], path.name
        seen: set[str] = set()
        for i, line in enumerate(path.read_text(encoding="utf-8").split("\n")):
            m = re.match(r"^(\s*(?:- )?)([a-z_]+):", line)
            if not m or m.group(2) in seen:
                continue
            seen.add(m.group(2))
            text = server.hover(path, i, len(m.group(1)) + 1)
            titles = re.findall(r"^#### (.*)$", text, re.M)
            assert len(titles) == 1 and "||" not in titles[0], (path.name, i + 1, titles)
            hovers += 1
    assert hovers > 300


def test_authority_offers_the_decrees_five_and_the_empty_one(
    server: LanguageServer, tmp_path: Path
) -> None:
    text = _with_schema(
        "type: to_trinh\nsigner:\n  authority: \n  title: GIÁM ĐỐC\n  name: Lê C\n", "to_trinh"
    )
    path = tmp_path / "c.yaml"
    server.open(path, text)
    line = text.split("\n").index("  authority: ")
    labels = server.completion(path, line, len("  authority: "))
    assert sorted(labels) == sorted(['""', "TM.", "KT.", "Q.", "TL.", "TUQ."])
    hover = server.hover(path, line, 4)
    assert hover.count("#### ") == 1 and "#### Quyền hạn ký" in hover
    assert "thừa ủy quyền" in hover


def test_editor_setup_checks_files_from_vanban_new(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``vanban schema --editor DIR``: a file ``vanban new`` writes in any folder under DIR is
    checked, in Vietnamese, with no schema beside it; other YAML files are left alone."""
    assert main(["schema", "--editor", str(tmp_path)]) == 0
    (tmp_path / "2025" / "thang-3").mkdir(parents=True)
    new = tmp_path / "2025" / "thang-3" / "qd.yaml"
    assert main(["new", "quyet_dinh", "-o", str(new)]) == 0
    capsys.readouterr()
    assert not list(new.parent.glob("*.json"))
    settings = json.loads((tmp_path / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    ls = LanguageServer(tmp_path, _settings(settings["yaml.schemas"]))
    try:
        assert ls.open(new) == []
        text = new.read_text(encoding="utf-8").replace("\ntitle:", "\ntittle:", 1)
        messages = _messages(ls.open(new.with_name("qd-sai.yaml"), text))
        assert 'trường này không có trong mẫu Quyết định; có phải ý bạn là "title"' in messages[0]
        assert ls.open(tmp_path / "mkdocs.yml", "site_name: x\nnav: [a.md]\n") == []
        (message,) = _messages(ls.open(tmp_path / "x.yaml", "type: quyet_dinhh\n"))
        assert message.startswith("loại văn bản không có trong vanban; các loại: ")
    finally:
        ls.close()


def test_completion_offers_every_field_and_the_types_skeleton(
    server: LanguageServer, tmp_path: Path
) -> None:
    """The messages change nothing an editor completes: every field of the type, the
    skeleton of its required fields (from examples), no "property" placeholder."""
    props = set(
        json.loads((SCHEMAS / "giay_moi.schema.json").read_text(encoding="utf-8"))["properties"]
    )
    path = tmp_path / "d.yaml"
    server.open(path, _with_schema("type: giay_moi\n\n", "giay_moi"))
    result = server.request(
        "textDocument/completion",
        {"textDocument": {"uri": path.as_uri()}, "position": {"line": 2, "character": 0}},
    )
    items = {i["label"]: i.get("insertText", "") for i in result["items"]}
    assert set(items) == props - {"type"} | {"Giấy mời"}
    assert "issuer:\n  name: ${1:" in items["Giấy mời"]
    assert "venue: ${" in items["Giấy mời"]
