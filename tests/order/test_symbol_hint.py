"""The symbol field's message agrees with its suggestion list (issue 13 §6): typed initials that
name no single listing but match several say how many match and which one Enter takes, in grey,
never "no listed issue matches" in red while the list offers 삼성전자."""

from __future__ import annotations

from order_helpers import press
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

K = Qt.Key
RED = "#c62828"


def key_hangul(window, text: str) -> None:
    """Each character as a key press carrying Hangul text (TOOLCHAIN: QTest.keyClicks aborts on
    non-Latin-1), to whatever has the focus."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            target = QApplication.focusWidget() or window
            QApplication.sendEvent(target, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def test_initials_hint_names_what_enter_picks(qtbot, make_desk):
    desk = make_desk("demo")
    p = desk.panel
    edit, label = p.symbol_edit, p.errors["symbol"]
    press(qtbot, desk.window, K.Key_F2)
    key_hangul(desk.window, "ㅅㅅㅈㅈ")
    assert edit.text() == "ㅅㅅㅈㅈ"
    assert edit.popup_visible()
    listed = edit.suggestions()
    assert listed[0].code == "005930"
    total = len(p.symbols.search("ㅅㅅㅈㅈ", None))
    assert total > 1

    # The field's message: how many match, and that Enter takes the highlighted 삼성전자.
    assert label.isVisibleTo(p)
    text = label.text()
    assert "No listed issue" not in text
    assert "삼성전자 (005930)" in text and str(total) in text
    assert RED not in label.styleSheet()
    # The reason under the form says the same, in grey: a step to take, not a mistake.
    assert "삼성전자 (005930)" in p.reason_label.text()
    assert p.reason_is_hint and RED not in p.reason_label.styleSheet()

    # Down moves the highlight; the message follows it.
    press(qtbot, desk.window, K.Key_Down)
    second = edit.suggestions()[1]
    assert second.display in label.text() and "삼성전자 (005930)" not in label.text()
    press(qtbot, desk.window, K.Key_Up)
    assert "삼성전자 (005930)" in label.text()

    # Esc closes the list: Enter no longer picks anything, and the message says how to reopen.
    press(qtbot, desk.window, K.Key_Escape)
    assert not edit.popup_visible()
    assert "삼성전자" not in label.text() and str(total) in label.text()
    assert RED not in label.styleSheet()
    press(qtbot, desk.window, K.Key_Down)
    assert edit.popup_visible() and edit.suggestions()[0].code == "005930"
    assert "삼성전자 (005930)" in label.text()

    press(qtbot, desk.window, K.Key_Return)
    assert p.symbol is not None and p.symbol.code == "005930"
    assert edit.text() == "삼성전자 (005930)"
    assert not label.isVisibleTo(p) or "ㅅㅅㅈㅈ" not in label.text()


def test_no_match_is_still_an_error(qtbot, make_desk):
    desk = make_desk("demo")
    p = desk.panel
    press(qtbot, desk.window, K.Key_F2)
    key_hangul(desk.window, "ㅋㅋㅋㅋㅋㅋㅋ")
    assert not p.symbol_edit.popup_visible()
    label = p.errors["symbol"]
    assert label.isVisibleTo(p) and "ㅋㅋㅋㅋㅋㅋㅋ" in label.text()
    assert RED in label.styleSheet()
    assert not p.reason_is_hint and RED in p.reason_label.styleSheet()
