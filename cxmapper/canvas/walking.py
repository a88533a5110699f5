"""Walking the cards: the arrow keys step the selection left and right through time (in any
lane), up and down to a card stacked above or below, then to the next lane; in a dot vote only
the cards that can take a dot. A card selected this way is scrolled into view."""

from __future__ import annotations


class CardWalk:
    def __init__(self, view) -> None:
        self.view = view

    def select_only(self, touchpoint_id: str) -> None:
        """Select one touchpoint and scroll it into view."""
        self.view.selection.select([touchpoint_id])
        self.show(touchpoint_id)

    def show(self, touchpoint_id: str) -> None:
        """Scroll a touchpoint's card into view (with a margin round it)."""
        item = self.view.journey_scene.cards.get(touchpoint_id)
        if item is not None:
            self.view.ensureVisible(item, 40, 40)

    def step(self, dx: int, dy: int) -> None:
        """Arrow keys: left/right through time, up/down to a stacked card or the next lane."""
        view = self.view
        lay = view.journey_scene.layout
        order = lay.time_order
        if not order:
            return
        walk = view.walk_only  # (in a dot vote, to the next card that can take a dot)
        current = view.selection.ids
        if not current:
            first = next((t for t in order if walk is None or walk(t)), None)
            if first is not None:
                self.select_only(first)
            return
        here = lay.cards[current[-1] if dx > 0 or dy > 0 else current[0]]
        if dx:
            k = order.index(here.touchpoint_id) + dx
            while walk is not None and 0 <= k < len(order) and not walk(order[k]):
                k += dx
            if walk is not None and not 0 <= k < len(order):
                return  # no further card to vote on: stay
            self.select_only(order[max(0, min(len(order) - 1, k))])
            return
        cards = list(lay.cards.values())
        # First a card stacked above or below in the same lane and time slot, then other lanes.
        if walk is not None:  # (in a dot vote, only the cards voted on)
            cards = [c for c in cards if walk(c.touchpoint_id)]
        candidates = [
            c
            for c in cards
            if c.department_id == here.department_id
            and c.slot_x == here.slot_x
            and (c.rect.y - here.rect.y) * dy > 0
        ]
        lanes = [ln.department_id for ln in lay.lanes]
        lane = lanes.index(here.department_id)
        step = 1
        while not candidates and 0 <= lane + dy * step < len(lanes):
            candidates = [c for c in cards if c.department_id == lanes[lane + dy * step]]
            step += 1
        if candidates:
            nearest = min(
                candidates, key=lambda c: (abs(c.slot_x - here.slot_x), abs(c.rect.y - here.rect.y))
            )
            self.select_only(nearest.touchpoint_id)
