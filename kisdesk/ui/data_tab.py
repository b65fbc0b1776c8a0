"""One base for the data tabs (국내잔고, 해외잔고, 순위).

The base owns what every data tab does alike: the state pages (loading, empty, error, not
connected), the error banner, the Refresher and its timer, refreshing by visibility and
staleness, the "still waiting" note, and the saved table layouts. A tab supplies two things:

    async def fetch(self, session, progress) -> R   # what to ask (no widgets touched)
    def show_result(self, result: R) -> None        # put one answer on screen

(``show_result``, not ``show``: ``QWidget.show`` is taken.) It lays out its own tools above the
shared parts with ``build(table_page, above=[...])`` and may override the small hooks below.

The rules, the same in every tab:
- First load: the loading page, with progress where the fetch reports it.
- A failed refresh with data on screen keeps the (stale) rows and shows a banner above them;
  without data, the error page. The error stays until a success replaces it: a retry that is
  still running does not hide it.
- A success clears every error it supersedes.
- A refresh with no sign from the server for ``WAITING_AFTER_S`` seconds says the tab is still
  waiting (a slow server tries three times before it fails: half a minute without a word).
- The timer refreshes while the tab is visible (``AUTO_WHEN_HIDDEN`` tabs always); showing a tab
  whose data is older than the interval refreshes it at once. The interval is the preference
  (``set_auto_interval``), with the tab's floor ``MIN_AUTO_S``.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar, Generic, TypeVar

from PySide6.QtCore import QSettings, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QLayout, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from kisdesk.i18n import translate

# The one function that turns a failed refresh into the sentence a tab shows.
from kisdesk.services.errors import describe as describe_error
from kisdesk.services.refresher import Progress, Refresher
from kisdesk.services.session import Session
from kisdesk.ui.tab_states import ErrorBanner, StatePage
from kisdesk.ui.table_view import RecordTableView


@dataclass(frozen=True)
class TabTexts:
    """A tab's own wording, marked with QT_TRANSLATE_NOOP in ``context`` and translated here."""

    context: str
    loading: str
    load_failed: str  # the error page, before any data; "{msg}"
    refresh_failed: str  # the banner above stale rows; "{msg}"
    not_connected: str | None = None  # the page without a session; None: the loading page

    def tr(self, text: str, **values: object) -> str:
        out = translate(self.context, text)
        return out.format(**values) if values else out


R = TypeVar("R")  # what a tab's fetch answers: a balance, a snapshot, a ranking


class DataTab(QWidget, Generic[R]):
    loaded = Signal(object)  # the result now on screen
    failed = Signal(str)  # a refresh failed; the message shown
    # Retry pressed: the tab refreshes itself; without a session the app may reconnect.
    retry_requested = Signal()

    PAGE_TABLE, PAGE_EMPTY, PAGE_ERROR, PAGE_LOADING, PAGE_OFFLINE = range(5)

    TEXTS: ClassVar[TabTexts]
    SETTINGS_KEY: ClassVar[str]
    table: RecordTableView  # the table on screen (CSV export reads it)
    AUTO_SECONDS: ClassVar[int] = 30  # until the preference is applied
    MIN_AUTO_S: ClassVar[int] = 1  # floor under the preference
    AUTO_WHEN_HIDDEN: ClassVar[bool] = False
    WAITING_AFTER_S: ClassVar[float] = 3.0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = None
        self.result: R | None = None  # the answer on screen
        self.has_data = False
        self.loaded_at: datetime | None = None
        self.refresh_button: QPushButton | None = None  # a tab's own, if it has one
        self.updated: QLabel | None = None  # "Updated 12:34:56", if the tab shows it
        self._generation = 0  # bumped when the session (or source) changes
        self._fetching = -1  # the generation the running fetch was started for
        self._fitted: set[str] = set()  # tables sized to their first rows, or restored

        self.refresher = Refresher(
            self._fetch_current, self, on_tick=self._on_tick, describe=describe_error
        )
        self.refresher.set_interval(self.AUTO_SECONDS)
        self.refresher.started.connect(self._on_started)
        self.refresher.progress.connect(self._on_progress)
        self.refresher.loaded.connect(self._on_loaded)
        self.refresher.failed.connect(self._on_failed)

        self.banner = ErrorBanner()
        self.banner_text = self.banner.text
        self.banner.retry.connect(self.retry_requested)
        self.waiting = QLabel()
        self.waiting.setObjectName("waitingNote")
        self.waiting.setStyleSheet("color: #8a6d00;")
        self.waiting.hide()
        self._quiet_since = 0.0
        self._waiting_timer = QTimer(self)
        self._waiting_timer.setInterval(250)
        self._waiting_timer.timeout.connect(self._update_waiting)

        texts = self.TEXTS
        self.empty_page = StatePage()
        self.error_page = StatePage(with_button=True)
        assert self.error_page.button is not None
        self.error_page.button.clicked.connect(self.retry_requested)
        self.loading_page = StatePage()
        self.loading_page.progress.show()
        self.loading_page.message.setText(texts.tr(texts.loading))
        self.offline_page = StatePage()
        if texts.not_connected:
            self.offline_page.message.setText(texts.tr(texts.not_connected))
        self.stack = QStackedWidget()
        self.retry_requested.connect(self.refresh)

    def build(self, table_page: QWidget, above: Iterable[QWidget | QLayout] = ()) -> None:
        """Lay the tab out: ``above`` (tools, totals), the banner, the waiting note, the pages.
        Extra pages a tab adds to ``stack`` afterwards take the indexes after PAGE_OFFLINE."""
        for page in (
            table_page,
            self.empty_page,
            self.error_page,
            self.loading_page,
            self.offline_page,
        ):
            self.stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        for item in above:
            if isinstance(item, QLayout):
                layout.addLayout(item)
            else:
                layout.addWidget(item)
        layout.addWidget(self.banner)
        layout.addWidget(self.waiting)
        layout.addWidget(self.stack, 1)
        self.stack.setCurrentIndex(self.idle_page())

    # -- what a tab supplies -------------------------------------------------------------------
    async def fetch(self, session: Session, progress: Progress) -> R:
        raise NotImplementedError

    def show_result(self, result: R) -> None:
        raise NotImplementedError

    def show_progress(self, done: int, total: int) -> None:
        """The fetch reported progress (pages, queries): show it where the tab wants."""

    def clear_data(self) -> None:
        """Empty the tab's models (a new session, or none)."""

    def can_refresh(self) -> bool:
        return self.session is not None

    def prepare_refresh(self) -> bool:
        """Just before a refresh is asked for: False refuses it (bad input, said by the tab)."""
        return True

    def is_current(self, result: R) -> bool:
        """Whether an answer still matches what the tab asks for now."""
        return True

    def idle_page(self) -> int:
        """The page while the tab cannot refresh."""
        return self.PAGE_OFFLINE if self.TEXTS.not_connected else self.PAGE_LOADING

    def saved_views(self) -> dict[str, RecordTableView]:
        """The tables whose header layout is saved, by name ("" for the tab's one table)."""
        return {"": self.table}

    # -- session and refresh -------------------------------------------------------------------
    def set_session(self, session: Session | None) -> None:
        """Attach a connected session (None: disconnected; everything is cleared)."""
        self.session = session
        self.restart()

    def restart(self) -> None:
        """The source changed (session, or a tab's own such as a market-data client): drop
        what is on screen and any answer on its way, and load afresh when the tab can."""
        self._generation += 1
        self.refresher.abandon()
        self.clear()
        self._update_button()
        if self.can_refresh() and (self.AUTO_WHEN_HIDDEN or self.isVisible()):
            self.refresh()
            self.refresher.start_auto()

    def refresh(self) -> None:
        """Ask for a refresh (F5, Retry, the timer); coalesced with one already running.
        Nothing happens while the tab cannot refresh (not connected)."""
        if self.can_refresh() and self.prepare_refresh():
            self.refresher.request()

    def set_auto_interval(self, seconds: int) -> None:
        """The refresh interval from Preferences, not below this tab's floor."""
        self.refresher.set_interval(max(self.MIN_AUTO_S, seconds))

    @property
    def auto_seconds(self) -> float:
        return self.refresher.interval_s

    async def shutdown(self) -> None:
        """Stop the timer and wait for a running refresh to end; its answer is dropped.
        ``set_session`` starts again."""
        self._generation += 1
        await self.refresher.cancel()

    def _on_tick(self) -> None:
        if self.AUTO_WHEN_HIDDEN or self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.can_refresh():
            return
        self.refresher.start_auto()
        if self.stale and not self.refresher.busy:
            self.refresh()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        if not self.AUTO_WHEN_HIDDEN:
            self.refresher.stop_auto()

    @property
    def stale(self) -> bool:
        """No data yet, or older than the refresh interval."""
        if self.loaded_at is None:
            return True
        return (datetime.now() - self.loaded_at).total_seconds() >= self.auto_seconds

    async def _fetch_current(self, progress: Progress) -> R:
        self._fetching = self._generation
        session = self.session
        if session is None:  # disconnected between the request and now: dropped unseen
            raise RuntimeError(translate("DataTab", "Not connected"))
        return await self.fetch(session, progress)

    # -- the refresher's signals ---------------------------------------------------------------
    def _on_started(self) -> None:
        self._quiet_since = time.monotonic()
        self._waiting_timer.start()
        if self.refresh_button is not None:
            self.refresh_button.setEnabled(False)
        # An error on screen stays until a success replaces it; otherwise, first load.
        if not self.has_data and self.stack.currentIndex() != self.PAGE_ERROR:
            self.loading_page.message.setText(self.TEXTS.tr(self.TEXTS.loading))
            self.stack.setCurrentIndex(self.PAGE_LOADING)

    def _on_progress(self, done: int, total: int) -> None:
        self._quiet_since = time.monotonic()  # the server answered something
        self.waiting.hide()
        self.show_progress(done, total)

    def _on_loaded(self, result: R) -> None:
        self._end_wait()
        self._update_button()
        if self._fetching != self._generation or not self.is_current(result):
            return  # for a session or a selection that is gone; a newer run follows
        self.display(result)

    def _on_failed(self, message: str) -> None:
        self._end_wait()
        self._update_button()
        if self._fetching != self._generation:
            return
        self.show_failure(message)
        self.failed.emit(message)

    # -- showing -------------------------------------------------------------------------------
    def display(self, result: R) -> None:
        """Put a fresh answer on screen; it clears the errors it supersedes."""
        self.banner.hide()  # before show_result, which may raise its own (a partial answer)
        self.result = result
        self.has_data = True
        self.loaded_at = datetime.now()
        self.show_result(result)
        if self.updated is not None:
            self.updated.setText(
                translate("DataTab", "Updated {time}").format(
                    time=self.loaded_at.strftime("%H:%M:%S")
                )
            )
        self.loaded.emit(result)

    def show_failure(self, message: str) -> None:
        """Say why there is no fresh data: a banner above the rows shown, else the error page."""
        texts = self.TEXTS
        if self.has_data:
            self.banner_text.setText(texts.tr(texts.refresh_failed, msg=message))
            self.banner.show()
        else:
            self.error_page.message.setText(texts.tr(texts.load_failed, msg=message))
            self.stack.setCurrentIndex(self.PAGE_ERROR)
        if self.updated is not None:
            self.updated.clear()

    def show_loading(self) -> None:
        """The loading page, for a new source or a new question (errors of the old one go)."""
        self.has_data = False
        self.banner.hide()
        self.loading_page.message.setText(self.TEXTS.tr(self.TEXTS.loading))
        self.stack.setCurrentIndex(self.PAGE_LOADING)

    def clear(self) -> None:
        """Forget what is shown (a new session, or none)."""
        self.result = None
        self.has_data = False
        self.loaded_at = None
        self.banner.hide()
        self._end_wait()
        if self.updated is not None:
            self.updated.clear()
        self.clear_data()
        self.stack.setCurrentIndex(self.PAGE_LOADING if self.can_refresh() else self.idle_page())

    def fit_once(self, name: str, view: RecordTableView) -> None:
        """Size a table's columns to its first rows, unless a saved layout was restored."""
        if name not in self._fitted and view.model.rowCount():
            view.view.resizeColumnsToContents()
            self._fitted.add(name)

    @property
    def error_visible(self) -> bool:
        return self.banner.isVisibleTo(self) or self.stack.currentIndex() == self.PAGE_ERROR

    @property
    def waiting_visible(self) -> bool:
        return self.waiting.isVisibleTo(self)

    def _update_button(self) -> None:
        if self.refresh_button is not None:
            self.refresh_button.setEnabled(self.can_refresh())

    def _update_waiting(self) -> None:
        quiet = time.monotonic() - self._quiet_since
        if quiet < self.WAITING_AFTER_S:
            return
        text = translate("DataTab", "Still waiting for the KIS server to answer ({seconds} s)…")
        self.waiting.setText(text.format(seconds=int(quiet)))
        self.waiting.show()

    def _end_wait(self) -> None:
        self._waiting_timer.stop()
        self.waiting.hide()

    # -- layout persistence --------------------------------------------------------------------
    def _settings_key(self, name: str) -> str:
        return f"{self.SETTINGS_KEY}/{name}" if name else self.SETTINGS_KEY

    def save_state(self, settings: QSettings) -> None:
        for name, view in self.saved_views().items():
            view.save_state(settings, self._settings_key(name))

    def restore_state(self, settings: QSettings) -> bool:
        """Header layouts saved before; True when any was restored (it is not re-fitted)."""
        restored = False
        for name, view in self.saved_views().items():
            if view.restore_state(settings, self._settings_key(name)):
                self._fitted.add(name)
                restored = True
        return restored
