"""Map > Hand Off in Order (Ctrl+Shift+H) and Remove Handoffs: the quick way to draw a service
blueprint's arrows. With several cards selected, each hands off to the next in time order; the
Inspector's "Hands off to" list edits one card's handoffs one by one."""

from __future__ import annotations

from PySide6.QtCore import Qt

from cxmapper.app.menus import action


class HandoffActions:
    def __init__(self, window) -> None:
        self.window = window
        self.link = action(
            window,
            "&Hand Off in Order",
            self.hand_off_in_order,
            ["Ctrl+Shift+H"],
            "Each selected touchpoint hands off to the next one in time (an arrow between them)",
        )
        self.unlink = action(
            window,
            "&Remove Handoffs",
            self.remove_handoffs,
            [],
            "The selected touchpoints hand off to no one; nor does anyone to them",
        )
        for made in (self.link, self.unlink):
            made.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def attach(self, view) -> None:
        """Their keys work while the map has the keyboard."""
        view.addAction(self.link)
        view.addAction(self.unlink)

    def hand_off_in_order(self) -> None:
        w = self.window
        ids = w.selection.ids if w.selection is not None else []  # (in time order)
        if len(ids) < 2:
            w.statusBar().showMessage("Select two touchpoints or more to hand off in order", 5000)
            return
        doc = w.document
        values = {}
        for a, b in zip(ids, ids[1:], strict=False):
            links = doc.touchpoint(a).leads_to
            if b not in links:
                values[a] = {"leads_to": [*links, b]}
        if values:
            n = len(values)
            text = "Hand off in order" if n > 1 else "Add a handoff"
            w.try_edit(lambda: doc.set_values("touchpoint", values, text))

    def remove_handoffs(self) -> None:
        w = self.window
        ids = set(w.selection.ids if w.selection is not None else [])
        doc = w.document
        if not ids:
            return
        values = {}
        for tp in doc.journey.touchpoints:
            kept = [] if tp.id in ids else [i for i in tp.leads_to if i not in ids]
            if kept != tp.leads_to:
                values[tp.id] = {"leads_to": kept}
        if values:
            w.try_edit(lambda: doc.set_values("touchpoint", values, "Remove handoffs"))
