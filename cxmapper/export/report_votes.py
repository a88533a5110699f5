"""The report's votes: where the room put its dots, the cards with the most first, vote topic by
vote topic. It comes right after the map's introduction, where a reader deciding what to fix
looks first; a map with no dots on it has no such section."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Paragraph, Spacer

from cxmapper.export.fonts import BOLD, REGULAR
from cxmapper.export.report import BODY, H2, SMALL, STAGE, Heading, markup, report_table
from cxmapper.model.journey import JourneyMap, Touchpoint
from cxmapper.model.voting import ranked, topic_name, topics_voted

NAME = ParagraphStyle("vote-name", parent=BODY, fontName=BOLD)
NOTE = ParagraphStyle(
    "vote-note", parent=SMALL, leftIndent=10, bulletIndent=2, bulletFontName=REGULAR
)
TOTAL = ParagraphStyle("vote-total", parent=BODY, spaceAfter=4)
SHARES = (0.07, 0.07, 0.48, 0.19, 0.19)  # rank, dots, touchpoint, stage, lane
# A topic's heading starts a page when less than this is left of it: room for the heading, its
# count of dots and the table's first rows, so a heading is never left alone at a page's foot.
KEEP_HEADING = 160.0


def counted(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def vote_ranks(counts: list[int]) -> list[int]:
    """Each place's rank, most dots first: cards with as many dots share a rank (1, 2, 2, 4)."""
    ranks: list[int] = []
    for i, n in enumerate(counts):
        ranks.append(ranks[-1] if i and n == counts[i - 1] else i + 1)
    return ranks


def _card(tp: Touchpoint, topic: str) -> list:
    """The card's title, and under it what was voted on: its pain points or opportunities."""
    cell: list = [Paragraph(markup(tp.title, bold=True), NAME)]
    notes = {"pain_points": tp.pain_points, "opportunities": tp.opportunities}.get(topic, [])
    cell += [Paragraph(markup(note), NOTE, bulletText="•") for note in notes]
    return cell


def vote_summary(journey: JourneyMap, width: float) -> list:
    """For each topic the room voted on, the cards by their dots, most first: rank, dots, the
    card (with its pain points or opportunities), its stage and its lane; [] with no dots."""
    topics = topics_voted(journey)
    if not topics:
        return []
    intro = "Where the room put its dots: the cards it most wants to work on, most dots first."
    if journey.votes_shown:
        intro += f" The map's cards show the votes on {topic_name(journey.votes_shown)}."
    story: list = [
        Heading("Votes", STAGE, "votes", "Votes"),
        Paragraph(escape(intro), SMALL),
        Spacer(1, 6),
    ]
    stages = {s.id: s.name for s in journey.stages}
    lanes = {d.id: d.name for d in journey.departments}
    for topic in topics:
        cards = ranked(journey, topic)
        counts = [n for _, n in cards]
        total = f"{counted(sum(counts), 'dot')} on {counted(len(cards), 'card')}."
        story += [
            CondPageBreak(KEEP_HEADING),
            Paragraph(escape(f"Votes on {topic_name(topic)}"), H2),
            Paragraph(escape(total), TOTAL),
        ]
        header = ["Rank", "Dots", "Touchpoint", "Stage", "Lane"]
        rows: list[list] = [[Paragraph(escape(h), SMALL) for h in header]]
        for rank, (tp, n) in zip(vote_ranks(counts), cards, strict=True):
            lane = lanes.get(tp.department_id or "", "Unassigned")
            rows.append(
                [
                    Paragraph(str(rank), BODY),
                    Paragraph(str(n), NAME),
                    _card(tp, topic),
                    Paragraph(markup(stages.get(tp.stage_id, "")), BODY),
                    Paragraph(markup(lane), BODY),
                ]
            )
        story.append(report_table(rows, width, SHARES))
    return story
