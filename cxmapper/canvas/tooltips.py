"""What the pointer shows over a card, a stage header or a lane label: the full text a card has
no room for. Escaped: a map's text is never markup."""

from __future__ import annotations

from html import escape

from cxmapper.model.journey import EVIDENCE_NAMES, FEELING_WORDS, JourneyMap, Touchpoint

MAX_SHOWN = 400


def _text(value: str) -> str:
    value = value if len(value) <= MAX_SHOWN else value[: MAX_SHOWN - 1] + "…"
    return escape(value).replace("\n", "<br>")


def plain(text: str) -> str:
    """Any text for a place where Qt takes markup when the text looks like it (a tooltip, a
    message box): escaped inside a paragraph that keeps its line breaks, so a map's "<b>" or
    "<img src=...>" reads as typed and loads nothing."""
    return f"<p style='white-space:pre-wrap'>{escape(text, quote=False)}</p>"


def _list(title: str, items: list[str]) -> str:
    shown = "".join(f"<li>{_text(i)}</li>" for i in items[:8])
    more = f"<li>… and {len(items) - 8} more</li>" if len(items) > 8 else ""
    return f"<p><b>{title}</b><ul style='margin:0'>{shown}{more}</ul></p>"


def touchpoint_tip(journey: JourneyMap, tp: Touchpoint) -> str:
    parts = [f"<p><b>{_text(tp.title)}</b></p>"]
    facts = []
    channel = journey.channel(tp.channel_id)
    if channel:
        facts.append(f"Channel: {_text(channel.name)}")
    owner = journey.department(tp.department_id)
    facts.append(f"Owner: {_text(owner.name) if owner else 'unassigned'}")
    if tp.feeling is not None:
        word = f" ({_text(tp.emotion)})" if tp.emotion else ""
        facts.append(f"Feeling: {FEELING_WORDS[tp.feeling]}{word}")
    if tp.expectation != "unknown":
        facts.append(f"Expectations: {tp.expectation}")
    if tp.moment_of_truth:
        facts.append("A moment of truth")
    if tp.partner_owned:
        facts.append("Delivered by a partner")
    if tp.evidence:
        facts.append(f"Evidence: {EVIDENCE_NAMES[tp.evidence].lower()}")
    if tp.future_state != "same":
        facts.append("New in the future state" if tp.future_state == "new" else "Retired")
    if tp.future_feeling is not None:
        facts.append(f"Future feeling: {FEELING_WORDS[tp.future_feeling]}")
    parts.append("<p>" + "<br>".join(facts) + "</p>")
    if tp.description:
        parts.append(f"<p>{_text(tp.description)}</p>")
    if tp.pain_points:
        parts.append(_list("Pain points", tp.pain_points))
    if tp.root_cause:
        parts.append(f"<p><b>Root cause</b><br>{_text(tp.root_cause)}</p>")
    if tp.opportunities:
        parts.append(_list("Opportunities", tp.opportunities))
    if tp.quotes:
        parts.append(_list("Customer quotes", [f"“{q}”" for q in tp.quotes]))
    if tp.sources:
        parts.append(_list("Sources", tp.sources))
    if tp.future_note:
        parts.append(f"<p><b>Future state</b><br>{_text(tp.future_note)}</p>")
    targets = [t.title for t in journey.touchpoints if t.id in tp.leads_to]
    if targets:
        parts.append(_list("Hands off to", targets))
    return "".join(parts)


def stage_tip(journey: JourneyMap, stage_id: str) -> str:
    stage = journey.stage(stage_id)
    if stage is None:
        return ""
    parts = [f"<p><b>{_text(stage.name)}</b></p>"]
    if stage.customer_goal:
        parts.append(f"<p>Customer goal: {_text(stage.customer_goal)}</p>")
    if stage.description:
        parts.append(f"<p>{_text(stage.description)}</p>")
    parts.append("<p><i>Double-click to rename; right-click for more.</i></p>")
    return "".join(parts)


def department_tip(journey: JourneyMap, department_id: str | None) -> str:
    owned = sum(1 for t in journey.touchpoints if t.department_id == department_id)
    department = journey.department(department_id)
    name = _text(department.name) if department else "Unassigned"
    hint = (
        "" if department is None else "<p><i>Double-click to rename; right-click for more.</i></p>"
    )
    return f"<p><b>{name}</b><br>{owned} touchpoint{'s' if owned != 1 else ''}</p>{hint}"
