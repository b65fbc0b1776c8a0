"""The shipped catalogues: every string in the code has a Korean translation, the .qm files are
compiled from the .ts files as committed, and translations keep their placeholders."""

from __future__ import annotations

import ast
import importlib.util
import re
import subprocess
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"

# {name} for str.format, %1 / %L1 / %n for Qt's own arguments.
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%L?\d+|%n")
TAG = re.compile(r"</?[A-Za-z][^<>]*>")
# A menu accelerator: & before a letter ("&File", "Reset &layout"), but not "P&L".
ACCELERATOR = re.compile(r"(?<![A-Za-z])&[A-Za-z]")


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translations: tuple[str, ...]  # one entry, or one per plural form
    finished: bool
    numerus: bool


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("kisdesk_i18n_script", ROOT / "scripts/i18n.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_ts(path: Path) -> dict[tuple[str, str], Message]:
    messages: dict[tuple[str, str], Message] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            assert translation is not None, f"{path.name}: {name}/{source!r} has no <translation>"
            forms = translation.findall("numerusform")
            texts = tuple(f.text or "" for f in forms) if forms else (translation.text or "",)
            messages[(name, source)] = Message(
                context=name,
                source=source,
                translations=texts,
                finished=translation.get("type") not in ("unfinished", "vanished", "obsolete"),
                numerus=message.get("numerus") == "yes",
            )
    return messages


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Message]:
    """What lupdate finds in kisdesk/ today, written to a temporary catalogue."""
    target = tmp_path_factory.mktemp("lupdate")
    _script().update(target_dir=target)
    return read_ts(target / "kisdesk_ko.ts")


@pytest.fixture(scope="module")
def korean() -> dict[tuple[str, str], Message]:
    return read_ts(I18N / "kisdesk_ko.ts")


@dataclass(frozen=True)
class Call:
    where: str  # file:line
    plural: bool  # a count is passed (n), so the catalogue needs plural forms


def code_calls() -> dict[tuple[str, str], Call]:
    """translate()/QT_TRANSLATE_NOOP() calls with literal context and text, read from the code
    itself: a check on lupdate, whose Python parser can skip a call it does not understand."""
    calls: dict[tuple[str, str], Call] = {}
    for path in sorted((ROOT / "kisdesk").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name not in ("translate", "QT_TRANSLATE_NOOP") or len(node.args) < 2:
                continue
            context, text = node.args[:2]
            if not all(
                isinstance(a, ast.Constant) and isinstance(a.value, str) for a in (context, text)
            ):
                continue  # run-time translation of text marked elsewhere
            plural = len(node.args) >= 4 or any(k.arg == "n" for k in node.keywords)
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            calls[(context.value, text.value)] = Call(where, plural)
    return calls


@pytest.fixture(scope="module")
def in_code() -> dict[tuple[str, str], Call]:
    return code_calls()


def _where(key: tuple[str, str]) -> str:
    return f"  {key[0]}: {key[1]!r}"


def test_every_string_in_the_code_has_a_korean_translation(extracted, in_code, korean) -> None:
    assert len(extracted) > 100, "lupdate found suspiciously few strings"
    keys = set(extracted) | set(in_code)
    missing = [k for k in keys if k not in korean]
    unfinished = [
        k
        for k in keys
        if k in korean
        and (not korean[k].finished or not all(t.strip() for t in korean[k].translations))
    ]
    # A count in the code needs a plural message; Korean has exactly one plural form.
    plural_wrong = [
        k
        for k, call in in_code.items()
        if k in korean
        and (korean[k].numerus != call.plural or (call.plural and len(korean[k].translations) != 1))
    ]
    problems = []
    if missing:
        problems.append("not in kisdesk_ko.ts (run `python scripts/i18n.py update`):")
        problems += [_where(k) for k in sorted(missing)]
    if unfinished:
        problems.append("unfinished or empty in kisdesk_ko.ts:")
        problems += [_where(k) for k in sorted(unfinished)]
    if plural_wrong:
        problems.append("plural forms differ from the code (a count needs one <numerusform>):")
        problems += [f"{_where(k)} ({in_code[k].where})" for k in sorted(plural_wrong)]
    assert not problems, "\n".join(problems)


def test_lupdate_extracts_every_translate_call_as_written(extracted, in_code) -> None:
    """lupdate's Python parser reads a 4th translate() argument that is a name as a PyQt4
    "encoding" (the message loses its plural forms) and drops the call entirely for anything
    longer (len(rows), result.holdings). `update` then deletes those catalogue entries."""
    problems = [
        f"{_where(k)} ({call.where}): "
        + ("not extracted" if k not in extracted else "extracted without plural forms")
        for k, call in sorted(in_code.items())
        if k not in extracted or extracted[k].numerus != call.plural
    ]
    assert not problems, "lupdate does not see these calls as written:\n" + "\n".join(problems)


def test_english_catalogue_matches_and_has_its_plural_forms(korean) -> None:
    english = read_ts(I18N / "kisdesk_en.ts")
    assert set(english) == set(korean)
    # English needs "1 order" / "2 orders": a plural message must fill both forms.
    bad = [
        k
        for k, m in english.items()
        if m.numerus and (len(m.translations) != 2 or not all(m.translations))
    ]
    assert not bad, "English plural forms missing:\n" + "\n".join(_where(k) for k in bad)
    unfinished = [k for k, m in english.items() if not m.finished]
    assert not unfinished, "unfinished in kisdesk_en.ts:\n" + "\n".join(
        _where(k) for k in unfinished
    )


def test_translations_keep_placeholders_tags_and_accelerators(korean) -> None:
    problems = []
    for key, m in korean.items():
        for text in m.translations:
            if not text:
                continue
            source_marks = Counter(PLACEHOLDER.findall(m.source))
            if m.numerus:  # %n may be left out of a plural form, but nothing else may change
                source_marks.pop("%n", None)
                found = Counter(PLACEHOLDER.findall(text))
                found.pop("%n", None)
            else:
                found = Counter(PLACEHOLDER.findall(text))
            if found != source_marks:
                problems.append(f"{_where(key)} placeholders {dict(source_marks)} → {dict(found)}")
            if Counter(TAG.findall(m.source)) != Counter(TAG.findall(text)):
                problems.append(f"{_where(key)} HTML tags differ")
            if ACCELERATOR.search(m.source) and not re.search(r"&[A-Za-z0-9]", text):
                problems.append(f"{_where(key)} lost its menu accelerator")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", ["ko", "en"])
def test_shipped_qm_is_compiled_from_the_ts(language: str, tmp_path: Path) -> None:
    ts = I18N / f"kisdesk_{language}.ts"
    qm = tmp_path / f"kisdesk_{language}.qm"
    subprocess.run(
        [_script()._tool("lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True
    )
    shipped = I18N / f"kisdesk_{language}.qm"
    up_to_date = shipped.read_bytes() == qm.read_bytes()
    assert up_to_date, f"{shipped.name} is stale: run `python scripts/i18n.py release`"


def _installed(qapp, language: str):
    translator = QTranslator()
    assert translator.load(str(I18N / f"kisdesk_{language}.qm"))
    qapp.installTranslator(translator)
    return translator


@pytest.fixture
def korean_translator(qapp):
    translator = _installed(qapp, "ko")
    yield translator
    qapp.removeTranslator(translator)


@pytest.fixture
def english_translator(qapp):
    translator = _installed(qapp, "en")
    yield translator
    qapp.removeTranslator(translator)


def test_korean_translator_translates_key_strings(korean_translator) -> None:
    tr = QCoreApplication.translate
    assert tr("Holdings", "Name") == "종목명"
    assert tr("Holdings", "P&L") == "평가손익"
    assert tr("Env", "PAPER") == "모의투자"
    assert tr("OrderType", "Limit") == "지정가"
    assert tr("MainWindow", "&File") == "파일(&F)"
    # A context decides: "Price" is the current price in a table, the order price in the panel.
    assert tr("Holdings", "Price") != tr("OrderPanel", "Price")
    # Plural messages: Qt puts the count in for %n, str.format fills in the rest.
    exported = tr("MainWindow", "Exported %n row(s) to {path}", None, 3)
    assert exported.format(path="/x.csv") == "/x.csv에 3행을 내보냈습니다"
    assert tr("OpenOrders", "%n order(s) today", None, 1) == "오늘 주문 1건"
    # Strings the catalogue does not know fall back to the English source.
    assert tr("Holdings", "not a catalogue string") == "not a catalogue string"


def test_english_translator_picks_the_plural_form(english_translator) -> None:
    tr = QCoreApplication.translate
    source = "Exported %n row(s) to {path}"
    assert tr("MainWindow", source, None, 3).format(path="/x.csv") == "Exported 3 rows to /x.csv"
    assert tr("MainWindow", source, None, 1).format(path="/x.csv") == "Exported 1 row to /x.csv"
    assert tr("OpenOrders", "%n order(s)", None, 0) == "0 orders"
    assert tr("SetupDialog", "Connected: balance read, %n holding(s).", None, 1) == (
        "Connected: balance read, 1 holding."
    )
    # No English text of its own: the source string itself, not an empty one.
    assert tr("MainWindow", "&File") == "&File"
