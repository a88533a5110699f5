"""The parts of a layout that are laid out on their own: header, card content, faces, legend."""

from __future__ import annotations

from cxmapper.layout.blueprint import lane_order
from cxmapper.layout.boxes import (
    BADGE_KINDS,
    BADGE_LABELS,
    CardContent,
    Header,
    LegendEntry,
)
from cxmapper.layout.geometry import Rect
from cxmapper.layout.style import Style
from cxmapper.layout.text import ELLIPSIS, TextFitter
from cxmapper.model.future import feeling_then
from cxmapper.model.journey import EVIDENCE, EVIDENCE_NAMES, FEELING_WORDS, JourneyMap, Touchpoint
from cxmapper.model.voting import dots, topic_name

FUTURE_TAGS = {"new": "New", "removed": "Retired"}  # in the future state
VOTE_TEXT = 0.75  # a sticker's count, as a share of the sticker's height


def header_box(journey: JourneyMap, rect: Rect, fitter: TextFitter, s: Style) -> Header:
    title = fitter.single_line(journey.title, rect.w, s.title_size, bold=True)
    title_box = Rect(rect.x, rect.y, rect.w, s.line_height(s.title_size))
    lines = []
    y = title_box.bottom + s.title_gap
    persona = journey.persona
    who = persona.name + (f" — {persona.description}" if persona.description else "")
    for label, text in (("Persona", who), ("Scenario", journey.scenario)):
        if text.strip():
            line = fitter.single_line(f"{label}: {text}", rect.w, s.subtitle_size)
            lines.append((line, Rect(rect.x, y, rect.w, s.subtitle_size * 1.4)))
            y += s.subtitle_size * s.subtitle_spacing
    if persona.goals and y + s.subtitle_size * 1.4 <= rect.bottom:
        line = fitter.single_line("Goals: " + "; ".join(persona.goals), rect.w, s.subtitle_size)
        lines.append((line, Rect(rect.x, y, rect.w, s.subtitle_size * 1.4)))
    return Header(rect, title, title_box, lines)


def card_content(
    tp: Touchpoint,
    channel_icon: str | None,
    colour: str,
    fitter: TextFitter,
    s: Style,
    future: bool = False,
    votes_shown: str | None = None,
) -> CardContent:
    """A card: the owner's colour band across the top with the channel's icon at its left and
    the flags at its right, after them (with `votes_shown`, a vote topic) a sticker with the
    card's dots; the title below it, the whole card wide; the face and the emotion word at the
    foot."""
    pad, w, h, band = s.card_pad, s.card_width, s.card_height, s.card_band
    mark = s.card_mark_size  # icons and flags in the band
    icon = Rect(pad - s.hair, (band - mark) / 2, mark, mark)
    inset = s.card_title_inset  # a long word ("confirmation") fits a line at the title's size
    lines_h = s.line_height(s.card_title_size) * s.card_title_lines
    title = Rect(inset, band + s.mark_gap, w - 2 * inset, lines_h)
    # A long word ("Troubleshoots") is set smaller (down to the style's least) before it is
    # ever broken; lines end at spaces and after hyphens, never inside a word.
    size, lines_most = s.card_title_size, s.card_title_lines
    least = size * s.name_least
    lines, size = fitter.fit_name(tp.title, title.w, size, lines_most, True, least)
    on = (bool(tp.pain_points), bool(tp.opportunities), tp.moment_of_truth, tp.partner_owned)
    flags = [kind for kind, flag in zip(BADGE_KINDS, on, strict=True) if flag]
    step = mark + s.mark_gap
    end = w - pad + s.hair  # where the band's marks end, at its right
    count = dots(tp, votes_shown) if votes_shown else 0
    sticker = sticker_text = None
    sticker_size, label = 0.0, ""
    if count:  # a little apart from the flags: not one more of them
        beside = len(flags) * step - s.mark_gap + s.label_gap if flags else 0.0
        room = end - icon.right - s.mark_gap - beside
        label = votes_label(count)
        sticker, sticker_text, sticker_size = vote_sticker(label, end, room, fitter, s)
        end = sticker.x - s.label_gap
    first_badge = end - len(flags) * step + s.mark_gap
    badges = tuple(
        (kind, Rect(first_badge + i * step, icon.y, mark, mark)) for i, kind in enumerate(flags)
    )
    row = s.card_face_size
    bottom_row = h - pad - row
    # In the future state's view a card shows the future feeling, and no word for today's.
    feeling = feeling_then(tp) if future else tp.feeling
    emotion_word = "" if future or not s.card_foot else tp.emotion
    face = Rect(pad, bottom_row, row, row) if feeling is not None and s.card_foot else None
    text_left = (face.right + s.note_pad) if face else pad
    text_right = w - pad
    evidence_box = None
    if tp.evidence and s.card_foot:
        evidence_box = Rect(w - pad - mark, bottom_row + (row - mark) / 2, mark, mark)
        text_right = evidence_box.x - s.mark_gap
    emotion = Rect(text_left, bottom_row, max(0.0, text_right - text_left), row)
    emotion_line, emotion_size = "", s.card_note_size
    if emotion_word and emotion.w > 2 * row:
        # A long word ("exasperated") is set smaller, down to 3/4 of the size, before it is cut.
        natural = fitter.width(emotion_word, emotion_size)
        if natural > emotion.w:
            emotion_size = max(s.card_note_size * 0.75, emotion_size * emotion.w / natural * 0.98)
        emotion_line = fitter.single_line(emotion_word, emotion.w, emotion_size)
    tag = FUTURE_TAGS.get(tp.future_state, "")
    state_box = None
    if tag:
        left = icon.right + s.mark_gap
        right = (badges[0][1].x if badges else sticker.x if sticker else w - pad) - s.mark_gap
        # a band crowded with flags and a sticker cuts the tag short ("Retir…"), or leaves no
        # room for it at all: it never runs over them
        room = right - left - s.label_gap - s.mark_gap  # (the tag's ends a little closer)
        tag = fitter.single_line(tag, room, s.card_tag_size, True) if room > 0 else ""
        if tag and tag != ELLIPSIS:
            tag_w = fitter.width(tag, s.card_tag_size, True) + 2 * s.label_gap
            tag_w = min(tag_w, right - left)
            state_box = Rect(
                left + (right - left - tag_w) / 2, s.hair * 2, tag_w, band - 4 * s.hair
            )
        else:
            tag = ""
    return CardContent(
        width=w,
        height=h,
        colour=colour,
        stripe=Rect(0, 0, w, band),
        icon=icon,
        channel_icon=channel_icon,
        title=title,
        title_lines=lines,
        title_size=size,
        face=face,
        feeling=feeling,
        emotion=emotion,
        emotion_line=emotion_line,
        badges=badges,
        emotion_size=emotion_size,
        evidence=tp.evidence,
        evidence_box=evidence_box,
        state_tag=tag,
        state_box=state_box,
        votes=count,
        votes_label=label,
        votes_box=sticker,
        votes_text=sticker_text,
        votes_size=sticker_size,
    )


def votes_label(count: int) -> str:
    """A count of dots as a sticker shows it: in full up to 9999, then in thousands ("12k")."""
    return str(count) if count < 10_000 else f"{count // 1000}k"


def vote_sticker(
    text: str, right: float, room: float, fitter: TextFitter, s: Style
) -> tuple[Rect, Rect, float]:
    """A card's voting sticker ending at `right` in its band, at most `room` wide: a dot with
    the count `text` in it, a pill when it is wider than a digit; the count is set smaller only
    when a wide one (thousands) would not fit the room. Returns the sticker, the count's box
    (its own width, centred) and its size."""
    h = s.vote_dot
    size = h * VOTE_TEXT
    text_w = fitter.width(text, size, True)
    side = h / 2  # the count's room from the pill's ends: its rounded ends stay clear
    if text_w + side > room:  # (the band's other marks keep their places)
        size *= max(0.1, room - side) / text_w
        text_w = fitter.width(text, size, True)
    sticker_w = max(h, text_w + side)
    sticker = Rect(right - sticker_w, (s.card_band - h) / 2, sticker_w, h)
    return sticker, Rect(sticker.center.x - text_w / 2, sticker.y, text_w, h), size


ROW = None  # in the legend's items: the next ones on a new row


def _blueprint_keys(journey: JourneyMap) -> list:
    """The legend's items for the curves, evidence and handoffs the map shows."""
    items: list = []
    if journey.curves != "current":
        items.append(("heading", "curves", "Curves:", False))
        if journey.curves == "both":
            items.append(("curve", "current", "Today", True))
        items.append(("curve", "future", "Future state", True))
    used = {tp.evidence for tp in journey.touchpoints if tp.evidence}
    if used:
        items.append(("heading", "evidence", "Evidence:", False))
        items += [("evidence", e, EVIDENCE_NAMES[e], True) for e in EVIDENCE if e in used]
    if any(tp.leads_to for tp in journey.touchpoints):
        items.append(("heading", "blueprint", "Blueprint:", False))
        items.append(("handoff", "handoff", "Hands off to", True))
    return items


def legend_items(journey: JourneyMap) -> list:
    """What the legend holds, in order: (kind, key, label, with a swatch) and ROW, the next
    on a new row. (Laid out again, a legend that moved only down needs these alone.)"""
    items: list = [("heading", "feelings", "Feelings:", False)]
    items += [("feeling", str(f), FEELING_WORDS[f], True) for f in range(2, -3, -1)]
    items.append(("heading", "flags", "Flags:", False))
    items += [("badge", kind, BADGE_LABELS[kind], True) for kind in BADGE_KINDS]
    topic = journey.votes_shown
    if topic and any(dots(tp, topic) for tp in journey.touchpoints):
        items.append(("votes", topic, f"Votes on {topic_name(topic)}", True))
    items.append(ROW)
    blueprint = _blueprint_keys(journey)
    if blueprint:
        items += [*blueprint, ROW]
    if journey.departments:
        items.append(("heading", "departments", "Departments:", False))
        order = lane_order(journey, [d.id for d in journey.departments])  # as the lanes run
        for d in sorted(journey.departments, key=lambda d: order.index(d.id)):
            items.append(("department", d.id, d.name, True))
        items.append(ROW)
    used = {tp.channel_id for tp in journey.touchpoints}
    channels = [c for c in journey.channels if c.id in used]
    if channels:
        items.append(("heading", "channels", "Channels:", False))
        items += [("channel", c.icon, c.name, True) for c in channels]
        items.append(ROW)
    return items


def legend_entries(
    journey: JourneyMap, area: Rect, fitter: TextFitter, s: Style, items: list | None = None
) -> tuple[list[LegendEntry], float]:
    """Flow the legend's entries left to right, wrapping to new rows; returns entries and bottom.
    `items`: the map's legend_items, when known."""
    size, swatch, gap = s.legend_size, s.legend_swatch, s.legend_gap
    row_h, nudge = s.legend_row, 2 * s.hair
    to_text = swatch + s.label_gap
    entries: list[LegendEntry] = []
    x, y = area.x, area.y
    for item in legend_items(journey) if items is None else items:
        if item is ROW:
            x, y = area.x, y + row_h
            continue
        kind, key, label, with_swatch = item
        text_w = min(fitter.width(label, size, kind == "heading") + nudge, s.legend_most_width)
        w = (to_text if with_swatch else 0) + text_w
        if x + w > area.right and x > area.x:
            x, y = area.x, y + row_h
        sw = Rect(x, y + (row_h - swatch) / 2 - nudge, swatch, swatch) if with_swatch else None
        tx = x + (to_text if with_swatch else 0)
        shown = fitter.single_line(label, text_w, size, kind == "heading")
        entries.append(LegendEntry(kind, key, shown, sw, Rect(tx, y, text_w, row_h - 2 * nudge)))
        x += w + gap
    return entries, y
