"""The selected touchpoints of an open map: one selection that the canvas, the Inspector, the
find bar and the window's actions share, instead of each reading the canvas's items.

It holds ids only, always in the map's time order as drawn (stage by stage, slot by slot, lanes
top to bottom), and only ids of touchpoints on the map: an id that leaves the map leaves the
selection. Whoever lays the map out tells it that order (`set_order`). Listeners hear of each
change once, however many cards it selects or deselects (a Select All of 2,000 cards is one
announcement); a change is a change of which touchpoints are selected, never of their order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import suppress

Listener = Callable[[list[str]], None]
FEW = 16  # selected touchpoints found in a new order one by one (more: the order ranked)


class Selection:
    def __init__(self, order: Iterable[str] = ()) -> None:
        self._order: list[str] = []
        self._ranks: dict[str, int] | None = {}  # (made when first needed after a new order)
        self._ids: list[str] = []
        self._chosen: set[str] = set()
        self._listeners: list[Listener] = []
        self.set_order(order)

    # --- what is selected ----------------------------------------------------------------------
    @property
    def ids(self) -> list[str]:
        """The selected touchpoints, in time order (a copy: changing it changes nothing)."""
        return list(self._ids)

    @property
    def order(self) -> list[str]:
        """Every touchpoint of the map, in time order (what Select All selects)."""
        return list(self._order)

    def __contains__(self, touchpoint_id: object) -> bool:
        return touchpoint_id in self._chosen

    def is_empty(self) -> bool:
        return not self._ids

    # --- changing it ---------------------------------------------------------------------------
    @property
    def _rank(self) -> dict[str, int]:
        if self._ranks is None:
            self._ranks = {tid: k for k, tid in enumerate(self._order)}
        return self._ranks

    def select(self, ids: Iterable[str]) -> None:
        """Exactly these touchpoints (those on the map; any order, repeats ignored)."""
        rank = self._rank
        wanted = {i for i in ids if i in rank}
        if wanted == self._chosen:
            return
        self._ids, self._chosen = sorted(wanted, key=rank.__getitem__), wanted
        self._announce()

    def select_all(self) -> None:
        self.select(self._order)

    def clear(self) -> None:
        self.select(())

    def toggle(self, touchpoint_id: str) -> None:
        """One touchpoint in or out, the others kept (Ctrl+click)."""
        if touchpoint_id in self._chosen:
            self.select(i for i in self._ids if i != touchpoint_id)
        else:
            self.select([*self._ids, touchpoint_id])

    def set_order(self, order: Iterable[str]) -> None:
        """The map's touchpoints as laid out now, in time order: the selection keeps to them
        (announced only when a selected touchpoint left the map)."""
        order = list(order)
        if order == self._order:
            return
        self._order, self._ranks = order, None
        if len(self._ids) <= FEW:  # (a card or two moved: no need to rank the whole map)
            at = {}
            for i in self._ids:
                with suppress(ValueError):  # (gone from the map)
                    at[i] = order.index(i)
            kept = sorted(at, key=at.__getitem__)
        else:
            rank = self._rank
            kept = sorted((i for i in self._ids if i in rank), key=rank.__getitem__)
        changed = len(kept) != len(self._ids)
        self._ids, self._chosen = kept, set(kept)
        if changed:
            self._announce()

    # --- who follows it ------------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call `listener(ids)` after each change; returns the call that stops it."""
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def _announce(self) -> None:
        ids = self.ids
        for listener in list(self._listeners):  # (one may stop listening as it hears)
            listener(ids)
