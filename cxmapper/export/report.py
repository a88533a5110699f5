"""The report pages after the map: every touchpoint's annotations, stage by stage, then a summary
by department (who owns the painful moments). User text is always escaped: it is text, never
markup, so "AT&T", "<b>" and "<img src=...>" print literally and nothing is ever loaded."""

from __future__ import annotations

from statistics import mean
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from cxmapper.export.fonts import BOLD, FALLBACKS, REGULAR, runs
from cxmapper.export.report_note import Row, TouchpointNote, list_row, row
from cxmapper.layout.blueprint import lane_order
from cxmapper.layout.style import INK, LIGHT, MUTED_INK, UNASSIGNED_COLOUR
from cxmapper.model.journey import EVIDENCE_NAMES, FEELING_WORDS, JourneyMap, Touchpoint

BODY = ParagraphStyle(
    "body", fontName=REGULAR, fontSize=9.5, leading=12.5, textColor=colors.HexColor(INK)
)
SMALL = ParagraphStyle(
    "small", parent=BODY, fontSize=8.5, leading=11, textColor=colors.HexColor(MUTED_INK)
)
H1 = ParagraphStyle(
    "h1", parent=BODY, fontName=BOLD, fontSize=18, leading=23, spaceAfter=6, keepWithNext=1
)
H2 = ParagraphStyle(
    "h2", parent=BODY, fontName=BOLD, fontSize=12.5, leading=16, spaceBefore=8, keepWithNext=1
)
INTRO = ParagraphStyle("intro", parent=BODY, keepWithNext=1)
# A stage's heading, goal and description stay with its first touchpoint: never alone at a foot.
STAGE = ParagraphStyle("stage", parent=H1, spaceBefore=16)
CHART_ROWS = 20  # rows per chart block, so a chart of many departments flows over pages
EXPECTATION_WORDS = {
    "unknown": "not known",
    "below": "below expectations",
    "met": "met expectations",
    "exceeded": "exceeded expectations",
}


def markup(text: str, bold: bool = False) -> str:
    """Paragraph markup for user text: escaped, line breaks kept, CJK in the fallback font."""
    parts = []
    for font, piece in runs(text, bold):
        safe = escape(piece).replace("\n", "<br/>")
        parts.append(f'<font name="{font}">{safe}</font>' if font in FALLBACKS else safe)
    return "".join(parts)


class Heading(Paragraph):
    """A heading that is also a bookmark: the outline entry points at the page it lands on."""

    def __init__(
        self, text: str, style: ParagraphStyle, key: str, title: str, level: int = 0
    ) -> None:
        super().__init__(text, style)
        self.key, self.title, self.level = key, title, level

    def draw(self) -> None:
        self.canv.bookmarkPage(self.key)
        self.canv.addOutlineEntry(self.title, self.key, level=self.level, closed=False)
        self.canv.showOutline()  # viewers open with the bookmarks showing
        super().draw()


class Bookmark(Flowable):
    """An invisible flowable that adds an outline entry (bookmark) where it lands."""

    def __init__(self, key: str, title: str, level: int = 0) -> None:
        super().__init__()
        self.key, self.title, self.level = key, title, level
        self.width = self.height = 0

    def draw(self) -> None:
        self.canv.bookmarkPage(self.key)
        self.canv.addOutlineEntry(self.title, self.key, level=self.level, closed=False)
        self.canv.showOutline()  # viewers open with the bookmarks showing


def signed(value: float) -> str:
    text = f"{value:+.1f}"
    return "0.0" if text in ("+0.0", "-0.0") else text


def feeling_text(feeling: int | None) -> str:
    if feeling is None:
        return "not rated"
    sign = "+" if feeling > 0 else ""
    return f"{sign}{feeling} ({FEELING_WORDS[feeling]})"


def _touchpoint(journey: JourneyMap, tp: Touchpoint, width: float) -> list:
    dept = journey.department(tp.department_id)
    channel = journey.channel(tp.channel_id)
    contributors = ", ".join(journey.department(d).name for d in tp.contributing_department_ids)
    flags = [
        w
        for w, on in (
            ("moment of truth", tp.moment_of_truth),
            ("delivered by a partner", tp.partner_owned),
        )
        if on
    ]
    rows: list[Row] = []
    if tp.description:
        rows.append(row("Description", tp.description, width))
    owner = (dept.name if dept else "unassigned") + (
        f"; with {contributors}" if contributors else ""
    )
    rows += [
        row("Owner", owner, width),
        row("Channel", channel.name if channel else "none", width),
        row("Feeling", feeling_text(tp.feeling) + (f", {tp.emotion}" if tp.emotion else ""), width),
        row("Expectation", EXPECTATION_WORDS[tp.expectation], width),
    ]
    if tp.pain_points:
        rows.append(list_row("Pain points", tp.pain_points, width))
    if tp.opportunities:
        rows.append(list_row("Opportunities", tp.opportunities, width))
    if tp.quotes:
        rows.append(list_row("Customer's words", tp.quotes, width, quote=True))
    if tp.root_cause:
        rows.append(row("Root cause", tp.root_cause, width))
    if flags:
        rows.append(row("Flags", ", ".join(flags), width))
    if tp.evidence or tp.sources:
        said = EVIDENCE_NAMES[tp.evidence] if tp.evidence else "not said"
        rows.append(
            row("Evidence", said + (": " + "; ".join(tp.sources) if tp.sources else ""), width)
        )
    if tp.leads_to:
        targets = [t for t in journey.touchpoints if t.id in tp.leads_to]
        rows.append(list_row("Hands off to", [t.title for t in targets], width))
    future = future_words(tp)
    if future:
        rows.append(row("Future state", future, width))
    colour = dept.colour if dept else UNASSIGNED_COLOUR
    return [TouchpointNote(tp.title, tp.feeling, colour, rows, width)]


def future_words(tp: Touchpoint) -> str:
    """What the future state says of a touchpoint, in a line; "" when it says nothing."""
    if tp.future_state == "removed":
        said = "retired"
    elif tp.future_state == "new":
        said = "new"
    elif tp.future_feeling is not None and tp.future_feeling != tp.feeling:
        said = "changed"
    elif tp.future_note:
        said = "the same"
    else:
        return ""
    if tp.future_state != "removed" and tp.future_feeling is not None:
        said += f", feeling {feeling_text(tp.future_feeling)}"
    return said + (f". {tp.future_note}" if tp.future_note else "")


def about_the_map(journey: JourneyMap) -> list:
    """The map's own words in full (the map page can only show them cut to one line)."""
    story: list = [Heading(markup(journey.title, bold=True), H1, "about", "About this map")]
    if journey.description:
        story.append(Paragraph(markup(journey.description), BODY))
    persona = journey.persona
    if persona.name or persona.description or persona.goals:
        story.append(Paragraph("Persona", H2))
        if persona.name:
            story.append(Paragraph(markup(persona.name, bold=True), BODY))
        if persona.description:
            story.append(Paragraph(markup(persona.description), BODY))
        for goal in persona.goals:
            story.append(Paragraph("Goal: " + markup(goal), BODY))
    if journey.scenario:
        story += [Paragraph("Scenario", H2), Paragraph(markup(journey.scenario), BODY)]
    meta = journey.metadata
    authors = ", ".join(meta.authors)
    story.append(Spacer(1, 8))
    story.append(
        Paragraph(
            escape(
                f"{len(journey.stages)} stages, {len(journey.departments)} departments, "
                f"{len(journey.touchpoints)} touchpoints. Created {meta.created:%Y-%m-%d}, "
                "last changed "
                f"{meta.modified:%Y-%m-%d %H:%M} UTC" + (f" by {authors}" if authors else "") + "."
            ),
            SMALL,
        )
    )
    return story


def stage_sections(journey: JourneyMap, width: float) -> list:
    story: list = []
    ordered = journey.touchpoints_in_time_order()
    if not journey.stages:
        return [Paragraph("This map has no stages yet, so no touchpoints to list.", SMALL)]
    for i, stage in enumerate(journey.stages):
        heading = markup(f"{i + 1}. {stage.name}", bold=True)
        story.append(Heading(heading, STAGE, f"stage-{i}", f"Stage: {stage.name}", level=1))
        if stage.customer_goal:
            story.append(Paragraph("Customer's goal: " + markup(stage.customer_goal), INTRO))
        if stage.description:
            story.append(Paragraph(markup(stage.description), INTRO))
        members = [tp for tp in ordered if tp.stage_id == stage.id]
        if not members:
            story.append(Paragraph("No touchpoints in this stage yet.", SMALL))
        for tp in members:
            story.extend(_touchpoint(journey, tp, width))
    return story


class FeelingBars(Flowable):
    """Average feeling per department as horizontal bars around zero (a vector chart). Each
    bar has its own department's lane colour, as on the map: the sign and the value at the
    end say how it feels, so a colour never stands for another department."""

    def __init__(self, rows: list[tuple[str, float | None, str]], width: float) -> None:
        super().__init__()
        self.rows, self.width = rows, width
        self.height = 18 * len(rows) + 16

    def draw(self) -> None:
        c = self.canv
        label_w, value_w = self.width * 0.32, 44.0
        plot_left, plot_right = label_w + 6, self.width - value_w
        zero = (plot_left + plot_right) / 2
        unit = (plot_right - plot_left) / 4.2
        for i, (name, avg, lane_colour) in enumerate(self.rows):
            y = self.height - 18 * (i + 1)
            c.setFillColor(colors.HexColor(INK))
            shown = name
            while shown and sum(c.stringWidth(p, f, 8.5) for f, p in runs(shown)) > label_w:
                shown = shown[:-2] + "…" if len(shown) > 2 else ""
            x = 0.0
            for font, piece in runs(shown):
                c.setFont(font, 8.5)
                c.drawString(x, y + 4, piece)
                x += c.stringWidth(piece, font, 8.5)
            c.setFillColor(colors.HexColor(MUTED_INK))
            c.setFont(REGULAR, 8)
            if avg is not None:
                c.setFillColor(colors.HexColor(lane_colour))
                c.rect(min(zero, zero + avg * unit), y + 2, abs(avg * unit), 11, stroke=0, fill=1)
                c.setFillColor(colors.HexColor(MUTED_INK))
            c.drawRightString(self.width, y + 4, signed(avg) if avg is not None else "not rated")
        c.setStrokeColor(colors.HexColor(LIGHT.curve))
        c.line(zero, 10, zero, self.height)
        c.setFont(REGULAR, 7.5)
        c.setFillColor(colors.HexColor(MUTED_INK))
        for f in range(-2, 3):
            c.drawCentredString(zero + f * unit, 0, FEELING_WORDS[f])


def report_table(cells: list[list], width: float, shares: tuple[float, ...]) -> Table:
    """A report table: its header row tinted, rows ruled, columns shares of `width`."""
    table = Table(cells, colWidths=[width * f for f in shares], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor(LIGHT.level_line)),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(LIGHT.stage_tints[1])),
            ]
        )
    )
    return table


def department_summary(journey: JourneyMap, width: float) -> list:
    story: list = [
        Bookmark("departments", "Department summary"),
        Paragraph("Department summary", H1),
        Paragraph(
            "Who owns which moments, how they feel to the customer, and where it hurts.", SMALL
        ),
        Spacer(1, 8),
    ]
    order = lane_order(journey, [d.id for d in journey.departments])  # as the lanes run
    owners: list[tuple[str, str | None, str]] = [
        (d.name, d.id, d.colour)
        for d in sorted(journey.departments, key=lambda d: order.index(d.id))
    ]
    if any(tp.department_id is None for tp in journey.touchpoints):
        owners.append(("Unassigned", None, UNASSIGNED_COLOUR))
    header = ["Department", "Owns", "Average feeling", "Pain points", "Lowest moments"]
    rows = [[Paragraph(escape(h), SMALL) for h in header]]
    chart = []
    for name, dept_id, lane_colour in owners:
        owned = [tp for tp in journey.touchpoints if tp.department_id == dept_id]
        rated = [tp.feeling for tp in owned if tp.feeling is not None]
        avg = mean(rated) if rated else None
        lowest = sorted(
            (tp for tp in owned if tp.feeling is not None and tp.feeling < 0),
            key=lambda t: t.feeling,
        )
        low_text = "\n".join(f"{feeling_text(t.feeling)}: {t.title}" for t in lowest[:3]) or "none"
        rows.append(
            [
                Paragraph(
                    markup(name, bold=True), ParagraphStyle("name", parent=BODY, fontName=BOLD)
                ),
                Paragraph(str(len(owned)), BODY),
                Paragraph(
                    "not rated" if avg is None else f"{signed(avg)} ({len(rated)} rated)", BODY
                ),
                Paragraph(str(sum(len(tp.pain_points) for tp in owned)), BODY),
                Paragraph(markup(low_text), BODY),
            ]
        )
        chart.append((name, avg, lane_colour))
    table = report_table(rows, width, (0.24, 0.11, 0.13, 0.1, 0.42))
    story += [
        table,
        Spacer(1, 14),
        Paragraph("Average feeling by owning department", H2),
        Spacer(1, 4),
    ]
    blocks = range(0, len(chart), CHART_ROWS)
    story += [FeelingBars(chart[i : i + CHART_ROWS], min(width, 560)) for i in blocks]
    return story
