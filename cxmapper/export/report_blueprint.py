"""The report's pages on what sits behind the map: the service blueprint (its handoffs, the
touchpoints no one owns, where the customer waits on backstage work), the evidence (how much of
each stage and department is observed) and the future state (what improves, what gets worse).
Each appears only when the map says something about it."""

from __future__ import annotations

from statistics import mean
from xml.sax.saxutils import escape

from reportlab.platypus import Paragraph, Spacer, Table

from cxmapper.export.report import (
    BODY,
    H1,
    H2,
    SMALL,
    Bookmark,
    feeling_text,
    markup,
    report_table,
    signed,
)
from cxmapper.layout.blueprint import is_blueprint, lane_order, layer_rank
from cxmapper.model.future import (
    feeling_changes,
    feeling_now,
    feeling_then,
    in_current,
    in_future,
)
from cxmapper.model.journey import BLUEPRINT_LAYERS, EVIDENCE, LAYER_NAMES, JourneyMap

OUT_OF_SIGHT = {BLUEPRINT_LAYERS.index("backstage"), BLUEPRINT_LAYERS.index("support")}
IN_SIGHT = {BLUEPRINT_LAYERS.index("customer"), BLUEPRINT_LAYERS.index("frontstage")}


def _table(rows: list[list[str]], width: float, shares: tuple[float, ...]) -> Table:
    cells = [[Paragraph(escape(c), SMALL) for c in rows[0]]]
    cells += [[Paragraph(markup(c), BODY) for c in r] for r in rows[1:]]
    return report_table(cells, width, shares)


def _layer_of(journey: JourneyMap, department_id: str | None) -> str:
    rank = layer_rank(journey, department_id)
    return LAYER_NAMES[BLUEPRINT_LAYERS[rank]] if rank < len(BLUEPRINT_LAYERS) else "no layer"


def blueprint_summary(journey: JourneyMap, width: float) -> list:
    """Handoffs, touchpoints with no owner, and the stages where the customer waits on work
    done out of sight (a handoff from a customer or frontstage card to a backstage or support
    one)."""
    by_id = {t.id: t for t in journey.touchpoints}
    handoffs = [
        (tp, target)
        for tp in journey.touchpoints_in_time_order()
        for target in (by_id.get(i) for i in tp.leads_to)
        if target is not None
    ]
    if not handoffs and not is_blueprint(journey):
        return []
    stage_names = {s.id: s.name for s in journey.stages}
    story: list = [
        *_opening(
            "blueprint",
            "Service blueprint",
            "The journey seen from the organisation's side: who hands off to whom, what no one "
            "owns, and where the customer waits on work they cannot see.",
        ),
        Paragraph(f"Handoffs ({len(handoffs)})", H2),
    ]
    if handoffs:
        rows = [["Stage", "From", "To", "Across"]]
        for a, b in handoffs:
            layers = (_layer_of(journey, a.department_id), _layer_of(journey, b.department_id))
            rows.append(
                [
                    stage_names[a.stage_id],
                    a.title,
                    b.title + (f" ({stage_names[b.stage_id]})" if b.stage_id != a.stage_id else ""),
                    f"{layers[0]} to {layers[1]}" if layers[0] != layers[1] else "within a layer",
                ]
            )
        story.append(_table(rows, width, (0.18, 0.3, 0.3, 0.22)))
    else:
        story.append(Paragraph("No touchpoint says whom it hands off to yet.", SMALL))
    unowned = [tp for tp in journey.touchpoints_in_time_order() if tp.department_id is None]
    story.append(Paragraph(f"Touchpoints with no owner ({len(unowned)})", H2))
    if unowned:
        for tp in unowned:
            story.append(Paragraph(markup(f"{stage_names[tp.stage_id]}: {tp.title}"), BODY))
    else:
        story.append(Paragraph("Every touchpoint has an owning department.", SMALL))
    waits: dict[str, list[str]] = {}
    for a, b in handoffs:
        if (
            layer_rank(journey, a.department_id) in IN_SIGHT
            and layer_rank(journey, b.department_id) in OUT_OF_SIGHT
        ):
            waits.setdefault(a.stage_id, []).append(f"{a.title} → {b.title}")
    story.append(Paragraph("Where the customer waits on backstage work", H2))
    if waits:
        for stage in journey.stages:
            if stage.id in waits:
                story.append(
                    Paragraph(
                        markup(f"{stage.name}: " + "; ".join(waits[stage.id]), bold=False), BODY
                    )
                )
    else:
        story.append(
            Paragraph("No handoff goes from the customer's side to work out of sight.", SMALL)
        )
    return story


def _groups(journey: JourneyMap) -> list[tuple[str, list]]:
    """The report's two ways to cut a map: by stage, and by owning department as the lanes
    run (Unassigned last, when any card has no owner); each part a name and a test."""
    order = lane_order(journey, [d.id for d in journey.departments])
    names = {d.id: d.name for d in journey.departments}
    departments = [(names[d], lambda t, d=d: t.department_id == d) for d in order]
    if any(t.department_id is None for t in journey.touchpoints):
        departments.append(("Unassigned", lambda t: t.department_id is None))
    stages = [(s.name, lambda t, s=s: t.stage_id == s.id) for s in journey.stages]
    return [("By stage", stages), ("By owning department", departments)]


def _opening(key: str, title: str, intro: str) -> list:
    """A section's bookmark, heading and one-line introduction."""
    return [Bookmark(key, title), Paragraph(title, H1), Paragraph(intro, SMALL), Spacer(1, 6)]


def evidence_summary(journey: JourneyMap, width: float) -> list:
    """How much of each stage and department is observed, assumed or proposed."""
    if not any(tp.evidence for tp in journey.touchpoints):
        return []
    story: list = [
        *_opening(
            "evidence",
            "Evidence",
            "How much of the map was seen with customers (observed), is believed (assumed) or "
            "is an idea (proposed). A map that is mostly assumed is a hypothesis to test.",
        ),
    ]
    total = len(journey.touchpoints)
    observed = sum(1 for t in journey.touchpoints if t.evidence == "observed")
    story.append(
        Paragraph(
            escape(f"Observed: {observed} of {total} touchpoints ({_share(observed, total)})."),
            BODY,
        )
    )
    for title, parts in _groups(journey):
        rows = [["", "Touchpoints", "Observed", "Assumed", "Proposed", "Not said", "Observed %"]]
        for name, keeps in parts:
            members = [t for t in journey.touchpoints if keeps(t)]
            counts = [sum(1 for t in members if t.evidence == e) for e in EVIDENCE]
            unsaid = len(members) - sum(counts)
            rows.append(
                [name, str(len(members)), *map(str, counts), str(unsaid)]
                + [_share(counts[0], len(members))]
            )
        story += [
            Paragraph(title, H2),
            _table(rows, width, (0.3, 0.12, 0.12, 0.12, 0.12, 0.11, 0.11)),
        ]
    return story


def _share(part: int, whole: int) -> str:
    """A percentage, rounded half up (62.5% is 63%, as readers round)."""
    return f"{int(100 * part / whole + 0.5)}%" if whole else "none"


def future_summary(journey: JourneyMap, width: float) -> list:
    """The current state against the future state: what improves, what gets worse, by how
    much, per stage and per department; and what is new or retired."""
    changes = feeling_changes(journey)
    new = [t for t in journey.touchpoints_in_time_order() if not in_current(t)]
    retired = [t for t in journey.touchpoints_in_time_order() if not in_future(t)]
    if not changes and not new and not retired:
        return []
    stage_names = {s.id: s.name for s in journey.stages}
    story: list = [
        *_opening(
            "future",
            "Current and future state",
            "How the customer's feelings move from today to the future state the map plans: "
            "the gap between the two curves.",
        ),
    ]
    now_all = [f for t in journey.touchpoints if (f := feeling_now(t)) is not None]
    then_all = [f for t in journey.touchpoints if (f := feeling_then(t)) is not None]
    story.append(
        Paragraph(
            escape(
                f"Average feeling today {_mean(now_all)} ({len(now_all)} rated), in the future "
                f"state {_mean(then_all)} ({len(then_all)} rated), a change of "
                + (
                    f"{signed(mean(then_all) - mean(now_all))}."
                    if now_all and then_all
                    else "not comparable yet."
                )
            ),
            BODY,
        )
    )
    better = [c for c in changes if c.by > 0]
    worse = [c for c in changes if c.by < 0]
    for title, group in (("Improve", better), ("Get worse", worse)):
        story.append(Paragraph(f"{title} ({len(group)})", H2))
        if not group:
            story.append(Paragraph("None.", SMALL))
            continue
        rows = [["Stage", "Touchpoint", "Today", "Future", "By"]]
        for c in group:  # in time order, as the map reads
            tp = c.touchpoint
            rows.append(
                [
                    stage_names[tp.stage_id],
                    tp.title,
                    feeling_text(c.now),
                    feeling_text(c.then),
                    f"{c.by:+d}",
                ]
            )
        story.append(_table(rows, width, (0.18, 0.34, 0.2, 0.2, 0.08)))
    for title, group in (("New in the future state", new), ("Retired", retired)):
        if group:
            story.append(Paragraph(f"{title} ({len(group)})", H2))
            for tp in group:
                note = f" — {tp.future_note}" if tp.future_note else ""
                line = f"{stage_names[tp.stage_id]}: {tp.title}{note}"
                story.append(Paragraph(markup(line), BODY))
    for title, parts in _groups(journey):
        rows = [["", "Today", "Future", "Change", "Improve", "Get worse"]]
        for name, keeps in parts:
            members = [t for t in journey.touchpoints if keeps(t)]
            now = [f for t in members if (f := feeling_now(t)) is not None]
            then = [f for t in members if (f := feeling_then(t)) is not None]
            if not now and not then:
                continue
            moved = [c for c in changes if keeps(c.touchpoint)]
            rows.append(
                [
                    name,
                    _mean(now),
                    _mean(then),
                    signed(mean(then) - mean(now)) if now and then else "",
                    str(sum(1 for c in moved if c.by > 0)),
                    str(sum(1 for c in moved if c.by < 0)),
                ]
            )
        if len(rows) > 1:
            shares = (0.34, 0.13, 0.13, 0.13, 0.13, 0.14)
            story += [
                Paragraph(f"Average feeling {title.lower()}", H2),
                _table(rows, width, shares),
            ]
    return story


def _mean(values: list[int]) -> str:
    return signed(mean(values)) if values else "not rated"
