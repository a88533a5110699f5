"""View > Next Pane (F6) and Previous Pane (Shift+F6): the keyboard goes round the map, the
palette, the Inspector and Structure (a closed dock is passed over, a dock behind a tab is
brought to the front); Escape in any of the panels brings it back to the map."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QScrollArea, QTabWidget, QWidget

from cxmapper.app.menus import action


class FocusCycle(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.entries = [
            action(
                window, "Next &Pane", lambda: self.step(1), ["F6"], "The keyboard to the next panel"
            ),
            action(
                window,
                "Pre&vious Pane",
                lambda: self.step(-1),
                ["Shift+F6"],
                "The keyboard to the previous panel",
            ),
        ]
        for dock in self.docks():
            dock.installEventFilter(self)

    def docks(self) -> list:
        return self.window.docks.widgets()

    def panes(self) -> list[QWidget]:
        """The map, then the docks that are open, in the order of the cycle."""
        w = self.window
        panes = [w.view] if w.view is not None else []
        return panes + [dock for dock in self.docks() if not dock.isHidden()]

    def current(self, panes: list[QWidget]) -> int:
        focus = QApplication.focusWidget()
        for k, pane in enumerate(panes):
            if focus is not None and (focus is pane or pane.isAncestorOf(focus)):
                return k
        return -1

    def step(self, by: int) -> None:
        panes = self.panes()
        if not panes:
            return
        k = self.current(panes)
        k = (k + by) % len(panes) if k >= 0 else (0 if by > 0 else len(panes) - 1)
        self.enter(panes[k])

    def enter(self, pane: QWidget) -> None:
        w = self.window
        if pane is w.view:
            w.view.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        pane.show()
        pane.raise_()  # from behind its tab
        target = self.first_field(pane.widget())
        if target is not None:
            target.setFocus(Qt.FocusReason.TabFocusReason)

    @staticmethod
    def first_field(root: QWidget) -> QWidget | None:
        """The widget that Tab would reach first in a panel: the palette's list, the
        Inspector's first field, Structure's list."""
        if root is None:
            return None
        if isinstance(root, QTabWidget):
            page = root.currentWidget()
            if page is not None and hasattr(page, "list"):
                return page.list
        inside = root.widget() if isinstance(root, QScrollArea) else root  # the Inspector's form
        inside = inside if inside is not None else root
        chain, widget = [], inside
        for _ in range(5000):  # in Tab's order, as the panel's user would meet them
            if widget is inside or inside.isAncestorOf(widget):
                chain.append(widget)
            widget = widget.nextInFocusChain()
            if widget is inside:
                break
        for widget in chain:
            if (
                widget.focusPolicy() & Qt.FocusPolicy.TabFocus
                and widget.isVisibleTo(root)
                and widget.isEnabled()
            ):
                return widget
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Escape that nothing in a panel wanted (no editor open there) returns to the map."""
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and not event.modifiers()
            and self.window.view is not None
        ):
            self.window.view.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return False
