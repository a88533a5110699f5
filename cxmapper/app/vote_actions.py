"""Map > Start Vote: dot voting, the room choosing what matters most, at one keyboard.

The facilitator chooses what the room votes on (every touchpoint, the touchpoints with pain
points, or those with opportunities) and how many dots each person has. Then each person in turn
puts their dots on cards: V (or a click on a card) puts a dot on the selected card, Shift+V takes
one off, the arrows walk only the cards being voted on (the others are faint), N hands over to
the next person early; a person's last dot hands over by itself. Each dot is one undo step and is
saved with the map (on each card, by topic), and the cards show their dots on screen and on
paper. End Vote says what came first; Vote Results lists the cards by dots.
"""

from __future__ import annotations

from contextlib import suppress

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox

from cxmapper.app.menus import action
from cxmapper.model.fields import MAP_ID, EditRefused
from cxmapper.model.journey import VOTE_TOPICS
from cxmapper.model.voting import (
    DEFAULT_DOTS,
    DEFAULT_TOPIC,
    HAND_OVER,
    MAX_DOTS,
    VoteRound,
    can_take_dot,
    dots,
    ranked,
    topic_name,
    total,
)


def counted(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


class VoteActions(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.round: VoteRound | None = None
        self._since = 0  # the undo stack's index when the round began
        self._voter = 1
        self._on = None  # the document the round runs on
        saved = QSettings()
        self.topic = str(saved.value("vote/topic", DEFAULT_TOPIC))
        if self.topic not in VOTE_TOPICS:
            self.topic = DEFAULT_TOPIC
        try:
            self.dots = max(1, min(MAX_DOTS, int(saved.value("vote/dots", DEFAULT_DOTS))))
        except (TypeError, ValueError):
            self.dots = DEFAULT_DOTS
        self.start_action = action(
            window,
            "Start &Vote…",
            self.ask_and_start,
            ["Ctrl+Shift+V"],
            "Dot voting: choose what the room votes on and how many dots each person has",
        )
        self.map_actions: list[QAction] = []
        self.vote_action = self._map_action(
            "&Vote for Selected Card", "V", lambda: self.vote(), "A dot on the card"
        )
        self.take_off_action = self._map_action(
            "Take a &Dot Off", "Shift+V", lambda: self.vote(change=-1), "One dot less"
        )
        self.next_action = self._map_action(
            "&Next Voter", "N", self.next_voter, "The next person votes"
        )
        self.end_action = action(window, "&End Vote", self.end, tip="Stop voting")
        self.results_action = action(
            window, "Vote &Results…", self.show_results, tip="The cards by their dots"
        )
        self.clear_action = action(
            window, "&Clear Votes…", self.ask_and_clear, tip="Take the dots shown off the cards"
        )
        self.entries = [
            self.start_action,
            *self.map_actions,
            self.end_action,
            self.results_action,
            self.clear_action,
        ]
        self.banner = QLabel(window)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setAccessibleName("Vote")
        self.banner.hide()
        self._big: bool | None = None
        window.installEventFilter(self)
        self._update_actions()

    def _map_action(self, text: str, key: str, slot, tip: str) -> QAction:
        """An action whose key works while the map has the keyboard (a letter typed in a panel
        or in a name is that letter)."""
        made = QAction(text, self.window)
        made.setShortcut(QKeySequence(key))
        made.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        made.setShortcutVisibleInContextMenu(True)
        made.setAutoRepeat(False)  # a key held down is one dot, not a row of them
        made.setStatusTip(tip)
        made.triggered.connect(slot)
        self.map_actions.append(made)
        return made

    def attach(self, view) -> None:
        for map_action in self.map_actions:
            view.addAction(map_action)

    def for_menu(self, menu, ids: list[str]) -> None:
        """A card's menu, while a vote runs: a dot on it, or one off."""
        if self.round is None:
            return
        menu.addAction(self._copy(self.vote_action, lambda: self.vote(ids), menu))
        menu.addAction(self._copy(self.take_off_action, lambda: self.vote(ids, -1), menu))

    @staticmethod
    def _copy(shared: QAction, slot, menu) -> QAction:
        copy = QAction(shared.text(), menu)
        copy.setShortcut(shared.shortcut())
        copy.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        copy.setShortcutVisibleInContextMenu(True)
        copy.triggered.connect(slot)
        return copy

    # --- the round ---------------------------------------------------------------------------
    @property
    def document(self):
        return self.window.document

    def ask_and_start(self) -> None:
        if self.document is None:
            return
        if not self.document.journey.touchpoints:
            self._say("The map has no touchpoints to vote on yet")
            return
        from cxmapper.app.vote_dialog import VoteDialog  # (when asked for: start-up)

        dialog = VoteDialog(self.document.journey, self.topic, self.dots, self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.start(dialog.topic(), dialog.dots.value(), afresh=dialog.afresh.isChecked())

    def start(self, topic: str, dots_each: int, afresh: bool = False) -> None:
        """A round on `topic`, each person with `dots_each` dots; `afresh`: the dots already on
        the cards for that topic are taken off first (in the same undo step)."""
        doc, w = self.document, self.window
        if doc is None:
            return
        if self.round is not None:
            self.end(quiet=True)
        self.topic, self.dots = topic, max(1, min(MAX_DOTS, dots_each))
        QSettings().setValue("vote/topic", topic)
        QSettings().setValue("vote/dots", self.dots)
        clear = self._clearing(topic) if afresh else {}
        show = doc.journey.votes_shown != topic
        if clear or show:
            with doc.macro(f"Start a vote on {topic_name(topic)}"):
                if clear:
                    doc.set_values("touchpoint", clear)
                if show:
                    doc.set_fields("map", MAP_ID, {"votes_shown": topic})
        self._since = doc.undo_stack.index()
        self.round = VoteRound(topic, self.dots)
        self._handed_over: list[tuple[int, object]] = []  # (where in the history, after what)
        self._voter = 1
        w.view.card_clicked = lambda tid: self.vote([tid])
        w.view.walk_only = self._takes_dot
        w.scene.fade(lambda tid: not self._takes_dot(tid))
        chosen = [t for t in w.selection.ids if self._takes_dot(t)]
        if not chosen:
            w.selection.clear()
            w.view.step_selection(1, 0)  # the first card to vote on
        self._on = doc
        doc.changed.connect(self._follow)
        self._update_actions()
        self._show()
        self._say(
            f"Voting on {topic_name(topic)}: {counted(self.dots, 'dot')} each. V or a click puts "
            "a dot on a card, Shift+V takes one off, N: the next person"
        )
        w.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _takes_dot(self, touchpoint_id: str) -> bool:
        doc, r = self.document, self.round
        if r is None or doc is None or not doc.has_touchpoint(touchpoint_id):
            return False
        return can_take_dot(doc.touchpoint(touchpoint_id), r.topic)

    def _clearing(self, topic: str) -> dict:
        return {
            tp.id: {"votes": {**tp.votes, topic: 0}}
            for tp in self.document.journey.touchpoints
            if dots(tp, topic)
        }

    def vote(self, ids: list[str] | None = None, change: int = 1) -> bool:
        """`change` dots (1, or -1 to take one off) on these cards (the selected ones)."""
        r, w, doc = self.round, self.window, self.document
        if r is None or doc is None or w.view is None:
            self._say("Start a vote first: Map > Start Vote…")
            return False
        if ids is None and w.view.title_editor.hasFocus():
            return False  # (a letter typed in a name is the name's)
        ids = w.selection.ids if ids is None else ids
        if not ids:
            self._say("Select a card to vote for: the arrow keys walk the cards being voted on")
            return False
        taking = [i for i in ids if doc.has_touchpoint(i) and self._takes_dot(i)]
        if not taking:
            title = doc.touchpoint(ids[0]).title if doc.has_touchpoint(ids[0]) else "?"
            self._say(f"“{title}” has no {topic_name(r.topic)} to vote on")
            return False
        if change > 0:
            voter, left = r.turn(self.events())
            if len(taking) > left:
                self._say(f"Person {voter} has {counted(left, 'dot')} left: select fewer cards")
                return False
        bare = next((i for i in taking if dots(doc.touchpoint(i), r.topic) + change < 0), None)
        if bare is not None:
            title = doc.touchpoint(bare).title
            self._say(f"“{title}” has no dot to take off ({topic_name(r.topic)})")
            return False
        try:
            done = doc.add_dots(taking, r.topic, change)
        except EditRefused as refused:
            self._say(str(refused))
            return False
        if done:  # the round's own dots: whose turn it is is read from them
            stack = doc.undo_stack
            stack.command(stack.index() - 1).round_dots = (r, change * len(taking))
            self._show()  # (the change was announced before its dots were marked the round's)
        return done

    def events(self) -> list[int | None]:
        """The round's events as the undo history holds them now: its dots (undone ones are
        no longer there, redone ones are back) and the hand-overs made after them."""
        r, doc = self.round, self._on
        if r is None or doc is None:
            return []
        stack = doc.undo_stack
        index = stack.index()
        # A hand-over after a step that was undone and replaced by another edit is gone.
        self._handed_over = [
            (at, after) for at, after in self._handed_over if stack.command(at - 1) is after
        ]
        handed = {at for at, _after in self._handed_over if at <= index}
        events: list[int | None] = []
        for i in range(self._since, index):
            mark = getattr(stack.command(i), "round_dots", None)
            if mark is not None and mark[0] is r:
                events.append(mark[1])
            if i + 1 in handed:
                events.append(HAND_OVER)
        return events

    def next_voter(self) -> None:
        r, doc = self.round, self.document
        if r is None or doc is None:
            return
        events = self.events()
        voter, _left = r.turn(events)
        if not r.may_hand_over(events):
            self._say(f"Person {voter} has not put a dot on a card yet")
            return
        stack = doc.undo_stack
        self._handed_over.append((stack.index(), stack.command(stack.index() - 1)))
        self._show()

    def end(self, quiet: bool = False) -> None:
        r, w, doc = self.round, self.window, self.document
        if r is None:
            return
        cast = VoteRound.cast(self.events())
        self.round = None
        with suppress(RuntimeError, TypeError):  # (a map already gone)
            self._on.changed.disconnect(self._follow)
        self._on = None
        if w.view is not None:
            w.view.card_clicked = None
            w.view.walk_only = None
            w.scene.fade(None)
        self._take_banner_away()
        self._update_actions()
        if not quiet and doc is not None:
            self._say(self.summary(r.topic, cast), 15000)

    def summary(self, topic: str, cast: int) -> str:
        journey = self.document.journey
        order = ranked(journey, topic)
        said = f"Vote on {topic_name(topic)} ended: {counted(cast, 'dot')} put on the cards"
        if order:
            firsts = ", ".join(f"“{tp.title}” {n}" for tp, n in order[:3])
            said += f"; most dots: {firsts} (Map > Vote Results…)"
        return said

    def _follow(self, _changes=None) -> None:
        """After each change: whose turn it is; an undo back past the vote's start ends it."""
        doc = self.document
        if self.round is None or doc is None:
            return
        if doc.undo_stack.index() < self._since:
            self.end(quiet=True)
            self._say("Undo went back before the vote began: the vote has ended")
            return
        self._show()

    def document_replaced(self) -> None:
        """Another map in the window: a vote belongs to the map it began on."""
        self.end(quiet=True)
        self._update_actions()

    # --- results and clearing -----------------------------------------------------------------
    def shown_topic(self) -> str | None:
        doc = self.document
        if doc is None:
            return None
        if self.round is not None:
            return self.round.topic
        shown = doc.journey.votes_shown
        if shown is not None and total(doc.journey, shown):
            return shown
        return next((t for t in VOTE_TOPICS if total(doc.journey, t)), shown)

    def show_results(self) -> None:
        if self.document is None:
            return
        from cxmapper.app.vote_results import VoteResults  # (when asked for: start-up)

        VoteResults(self.window, self.shown_topic() or self.topic).exec()

    def ask_and_clear(self) -> None:
        doc, topic = self.document, self.shown_topic()
        if doc is None or topic is None or not total(doc.journey, topic):
            self._say("No card holds a dot")
            return
        n = total(doc.journey, topic)
        answer = QMessageBox.question(
            self.window,
            "Clear Votes",
            f"Take the {counted(n, 'dot')} for {topic_name(topic)} off the cards?\n\n"
            "Edit > Undo puts them back.",
        )
        if answer == QMessageBox.StandardButton.Yes:
            doc.set_values(
                "touchpoint", self._clearing(topic), f"Clear the votes on {topic_name(topic)}"
            )

    # --- what the room sees ------------------------------------------------------------------
    def _show(self) -> None:
        r, doc = self.round, self.document
        if r is None or doc is None:
            return
        events = self.events()
        voter, left = r.turn(events)
        if voter != self._voter:
            before, self._voter = self._voter, voter
            if voter != before:  # (back too: a dot taken off gives a turn back)
                self._say(f"Person {voter}'s turn: {counted(left, 'dot')} left")
        marks = "●" * left + "○" * (r.dots - left) if r.dots <= 10 else ""
        self.banner.setText(
            f"Vote on {topic_name(r.topic)} · person {voter}: {marks} "
            f"{counted(left, 'dot')} left · {counted(r.cast(events), 'dot')} in all"
        )
        big = getattr(self.window, "workshop", None) is not None and self.window.workshop.on
        if big != self._big:
            self._big = big
            self.banner.setStyleSheet(
                "QLabel { background: #fff8e1; color: #1f2328; border-top: 2px solid #283593;"
                f" padding: 2px 12px; font-size: {26 if big else 15}px; font-weight: bold; }}"
            )
        self._place()

    def _place(self) -> None:
        """In a strip of its own under the map (the map's view made that much shorter), so
        that the banner never hides a card: the whole width, the text in the middle."""
        view = self.window.view
        if view is None:
            return
        if self.banner.parent() is not view:
            self.banner.setParent(view)
            self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
            view.installEventFilter(self)
        height = self.banner.sizeHint().height()
        if view.viewportMargins().bottom() != height:
            view.setViewportMargins(0, 0, 0, height)
        port = view.viewport().geometry()
        self.banner.setGeometry(port.x(), port.bottom() + 1, port.width(), height)
        self.banner.show()
        self.banner.raise_()

    def _take_banner_away(self) -> None:
        view = self.banner.parent()
        self.banner.hide()
        self.banner.setParent(self.window)  # (a view goes with its map; the banner stays)
        if view is not None and view is not self.window:
            view.removeEventFilter(self)
            view.setViewportMargins(0, 0, 0, 0)

    def _say(self, text: str, ms: int = 6000) -> None:
        self.window.statusBar().showMessage(text, ms)

    def _update_actions(self) -> None:
        running = self.round is not None
        has_map = self.document is not None
        self.start_action.setEnabled(has_map and not running)
        for running_only in (*self.map_actions, self.end_action):
            running_only.setEnabled(running)
        # Ctrl+Shift+V starts a vote, and while one runs, ends it: the key moves once the key
        # press that started (or ended) the vote is over (not while Qt dispatches it).
        QTimer.singleShot(0, self, self._move_key)
        self.results_action.setEnabled(has_map)
        self.clear_action.setEnabled(has_map)
        shown = getattr(self.window, "votes_menu", None)
        if shown is not None:  # (the cards show the dots of the vote running)
            shown.group.setEnabled(not running)

    def _move_key(self) -> None:
        running = self.round is not None
        self.start_action.setShortcut(QKeySequence("" if running else "Ctrl+Shift+V"))
        self.end_action.setShortcut(QKeySequence("Ctrl+Shift+V" if running else ""))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        moved = event.type() in (QEvent.Type.Resize, QEvent.Type.WindowStateChange)
        if moved and self.banner.isVisible():
            QTimer.singleShot(0, self.banner, self._show)
        return False
