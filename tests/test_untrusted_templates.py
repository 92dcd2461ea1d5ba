"""User templates are untrusted input: the catalogue in tests/bad_inputs/templates, package
limits (zip bombs), and a property test over random templates built from the documented
context (docs/templates.md).

A case is ``tests/bad_inputs/templates/NN-name.txt``: ``# what``, ``# expect: <a piece of the
message>``, optionally ``# tag: <a piece of the tag named>`` and ``# raw: true`` (the body
is XML put in word/document.xml as it is, not a paragraph of text), then ``---`` and the
template body. Each must fail with a located :class:`vanban.TemplateError`, fast, and
leave no file behind.
"""

from __future__ import annotations

import io
import re
import time
import warnings
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import vanban
from vanban import _package
from vanban._cli import main
from vanban._templating import Prepared
from vanban.models import KeHoach

#: Every case runs under a memory and a time limit (tests/conftest.py).
pytestmark = pytest.mark.catalogue

HERE = Path(__file__).resolve().parent / "bad_inputs" / "templates"
CASES = sorted(HERE.glob("[0-9]*.txt"))


def _case(path: Path) -> tuple[dict[str, str], str]:
    head, _, body = path.read_text(encoding="utf-8").partition("\n---\n")
    meta = dict(re.findall(r"^# (expect|tag|raw): (.*)$", head, re.M))
    return meta, body.rstrip("\n")


def make_template(folder: Path, body: str, *, raw: bool = False, name: str = "t.docx") -> Path:
    """A .docx as Word makes it, with ``body`` as a paragraph (or, ``raw``, as XML)."""
    d = docx.Document()
    d.add_paragraph("RAWMARK" if raw else body)
    buf = io.BytesIO()
    d.save(buf)
    path = folder / name
    if not raw:
        path.write_bytes(buf.getvalue())
        return path
    src = zipfile.ZipFile(buf)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                text = data.decode("utf-8")
                text, n = re.subn(r"<w:p>(?:(?!</w:p>).)*RAWMARK.*?</w:p>", body, text, flags=re.S)
                assert n == 1
                data = text.encode("utf-8")
            z.writestr(info.filename, data)
    path.write_bytes(out.getvalue())
    return path


@pytest.fixture
def doc(sample: dict) -> KeHoach:
    from vanban._loading import validate

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return validate(sample)  # type: ignore[return-value]


def test_catalogue_covers_the_attacks_of_the_issue() -> None:
    assert len(CASES) >= 20
    bodies = "\n".join(_case(c)[1] for c in CASES)
    for attack in ("cycler.__init__.__globals__", "lipsum.__globals__", "range(10**9)", "1/0"):
        assert attack in bodies
    assert "|safe" in bodies and "10**10" in bodies


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_template_case(case: Path, doc: KeHoach, tmp_path: Path) -> None:
    meta, body = _case(case)
    template = make_template(tmp_path, body, raw=meta.get("raw") == "true")
    out = tmp_path / "out" / "van-ban.docx"
    out.parent.mkdir()
    start = time.perf_counter()
    with pytest.raises(vanban.TemplateError) as info:
        vanban.Renderer(template).render_to(doc, out)
    assert time.perf_counter() - start < 15  # the budget is 10 s; most fail in milliseconds
    err = info.value
    assert meta["expect"] in str(err), str(err)
    assert err.part == "word/document.xml"
    assert str(err).startswith(f"mẫu {template}, phần word/document.xml")
    if "tag" in meta:
        assert err.tag is not None and meta["tag"] in err.tag, err.tag
        assert err.line is not None and f"dòng {err.line}" in str(err)
    assert list(out.parent.iterdir()) == []  # nothing written, not even a temporary file
    assert "uid=" not in str(err) and "root:" not in str(err)


def test_cli_template_problem_exits_1_located(
    doc: KeHoach, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        (Path(__file__).parent / "bad_inputs/injection/07-unicode-text.yaml").read_text("utf-8"),
        encoding="utf-8",
    )
    _, body = _case(HERE / "01-python-globals-through-cycler.txt")
    template = make_template(tmp_path, body)
    code = main(["render", str(plan), "--template", str(template)])
    err = capsys.readouterr().err
    assert code == 1
    assert "lỗi mẫu: mẫu" in err and "phần word/document.xml" in err and "cycler" in err
    assert "Traceback" not in err and not (tmp_path / "plan.docx").exists()


def test_own_templates_are_trusted_and_users_are_not(doc: KeHoach, tmp_path: Path) -> None:
    assert Prepared.load("mot_nguoi_ky").trusted
    user = make_template(tmp_path, "{{ number.text }}")
    prepared = Prepared.load(user)
    assert not prepared.trusted
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    assert isinstance(prepared.env, ImmutableSandboxedEnvironment)
    data = vanban.Renderer(user).render(doc)
    assert "5/KH-KCN" in zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()


# --------------------------------------------------------------------------- zip bombs


def _zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return out.getvalue()


def _word_parts(tmp_path: Path) -> dict[str, bytes]:
    z = zipfile.ZipFile(make_template(tmp_path, "{{ number.text }}"))
    return {n: z.read(n) for n in z.namelist()}


def test_template_zip_bomb_is_refused_fast(tmp_path: Path, doc: KeHoach) -> None:
    parts = _word_parts(tmp_path)
    parts["word/media/bomb.bin"] = bytes(_package.MAX_UNCOMPRESSED + 1)  # ~100 MB of zeros
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(_zip(parts))
    assert bomb.stat().st_size < 1_000_000
    start = time.perf_counter()
    with pytest.raises(vanban.TemplateError, match=r"giải nén ra .* byte, giới hạn .*zip bomb"):
        vanban.Renderer(bomb).render(doc)
    assert time.perf_counter() - start < 2


def test_template_with_too_many_parts_is_refused(tmp_path: Path, doc: KeHoach) -> None:
    parts = _word_parts(tmp_path)
    parts.update({f"word/x{i}.bin": b"" for i in range(_package.MAX_PARTS)})
    path = tmp_path / "many.docx"
    path.write_bytes(_zip(parts))
    with pytest.raises(vanban.TemplateError, match=r"phần, giới hạn 1\.000"):
        vanban.Renderer(path).render(doc)


def test_checked_documents_have_the_same_limits(tmp_path: Path, doc: KeHoach) -> None:
    z = zipfile.ZipFile(io.BytesIO(vanban.render(doc)))
    parts = {n: z.read(n) for n in z.namelist()}
    parts["word/media/bomb.bin"] = bytes(_package.MAX_UNCOMPRESSED + 1)
    with pytest.raises(vanban.ValidationError, match="zip bomb"):
        vanban.check(_zip(parts))


def test_template_not_a_zip_and_not_utf8(tmp_path: Path, doc: KeHoach) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"this is not a zip")
    with pytest.raises(vanban.TemplateError, match=r"không phải tệp \.docx"):
        vanban.Renderer(bad).render(doc)
    parts = _word_parts(tmp_path)
    parts["word/document.xml"] = "<w:document>{{ x }} \u00e9</w:document>".encode("cp1258")
    latin = tmp_path / "latin.docx"
    latin.write_bytes(_zip(parts))
    with pytest.raises(vanban.TemplateError, match="không phải UTF-8"):
        vanban.Renderer(latin).render(doc)


def test_static_part_with_a_doctype_is_refused(tmp_path: Path, doc: KeHoach) -> None:
    parts = _word_parts(tmp_path)
    parts["word/custom.xml"] = b'<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'
    path = tmp_path / "dtd.docx"
    path.write_bytes(_zip(parts))
    with pytest.raises(vanban.TemplateError, match="DOCTYPE"):
        vanban.Renderer(path).render(doc)


# ------------------------------------------------------------------ the property test

#: The documented context (docs/templates.md): names, and what each holds.
PARAS = ["number", "place_date", "signer_name"]
LISTS = ["header_left", "header_right", "heading", "body", "recipients", "signer"]
DICTS = {
    "header_table": ["left", "right", "width", "indent"],
    "signer_table": ["left", "right", "width"],
    "properties": ["title", "subject", "creator", "created"],
}
ATTRS = ["text", "runs", "role", "style"]
HOSTILE = [
    "{{ number.__class__ }}",
    "{{ body.__len__() }}",
    "{{ number._block }}",
    "{{ cycler.__init__.__globals__ }}",
    "{{ range(10**7)|list }}",
    "{{ 'x' * 10**9 }}",
    "{{ 10 ** 10 ** 10 }}",
    "{{ body.pop() }}",
    "{{ 1/0 }}",
    "{{ undefined_name }}",
    "{% for x in body %}",
    "{{ '%99999999s' % 'a' }}",
    "{{ lipsum() }}",
    "{{ self.__dict__ }}",
    "{{ properties.title|safe }}",
]

expressions = st.one_of(
    st.sampled_from(PARAS).flatmap(lambda p: st.sampled_from(ATTRS).map(lambda a: f"{p}.{a}")),
    st.sampled_from(LISTS).map(lambda n: f"{n}|length"),
    st.sampled_from(sorted(DICTS)).flatmap(
        lambda d: st.sampled_from(DICTS[d]).map(lambda k: f"{d}.{k}")
    ),
    st.sampled_from(["doc_type", "issuer_rule", "page", "sizes", "fmt", "footnotes|length"]),
)
pieces = st.one_of(
    expressions.map(lambda e: "{{ " + e + " }}"),
    st.tuples(st.sampled_from(LISTS), st.sampled_from(ATTRS)).map(
        lambda t: "{% for b in " + t[0] + " %}{{ b." + t[1] + " }}{% endfor %}"
    ),
    st.sampled_from(HOSTILE),
    st.text(alphabet="abc <>&\"'{}%#", max_size=8),
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(paragraphs=st.lists(pieces, min_size=1, max_size=4), raw=st.booleans())
def test_random_templates_are_sandboxed_well_formed_or_clearly_refused(
    paragraphs: list[str], raw: bool, doc: KeHoach, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("tpl")
    body = (
        "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
        if raw
        else "\n".join(paragraphs)
    )
    try:
        template = make_template(folder, body, raw=raw)
    except AssertionError:
        return  # the body held the marker's regex metacharacters; nothing to test
    start = time.perf_counter()
    try:
        data = vanban.Renderer(template).render(doc)
    except vanban.TemplateError as err:  # a clear, located error in Vietnamese
        assert err.part and err.message and not err.message.isascii()
        assert "Traceback" not in str(err)
        return
    finally:
        assert time.perf_counter() - start < 15
    z = zipfile.ZipFile(io.BytesIO(data))
    for name in z.namelist():
        if name.endswith((".xml", ".rels")):
            ElementTree.fromstring(z.read(name))  # every part well-formed
    text = z.read("word/document.xml").decode("utf-8")
    for leak in ("<class ", "<function", "<built-in", "__globals__", "<module"):
        assert leak not in text, leak  # nothing of Python's internals got out


def test_a_template_folder_with_a_symlink_is_refused(tmp_path: Path, doc: KeHoach) -> None:
    folder = tmp_path / "mau"
    for name, data in _word_parts(tmp_path).items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    assert vanban.Renderer(folder).render(doc)[:2] == b"PK"
    (folder / "word" / "media").mkdir()
    (folder / "word" / "media" / "secret.bin").symlink_to("/etc/passwd")
    with pytest.raises(vanban.TemplateError, match="liên kết tượng trưng"):
        vanban.Renderer(folder).render(doc)
