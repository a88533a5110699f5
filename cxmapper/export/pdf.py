"""export_pdf(journey, options) -> bytes: the map as a vector PDF to print, hang and send.

The map page(s) draw the shared layout (the same geometry as the canvas), either scaled onto one
sheet or as a poster tiled across sheets at full size (export/poster.py). Report pages follow
(every annotation, stage by stage; a department summary). The map's JSON is attached, so the PDF
opens back in cxmapper (export/pdf_document.py).
"""

from __future__ import annotations

from reportlab.platypus import NextPageTemplate, PageBreak, PageBreakIfNotEmpty

from cxmapper.export.fonts import register_fonts
from cxmapper.export.legibility import TooSmallNote, legibility_note
from cxmapper.export.paper import (
    FOOTER,
    MARGIN,
    PdfOptions,
    page_size,
    pdf_layout,
    report_page_size,
)
from cxmapper.export.pdf_document import build_pdf
from cxmapper.export.poster import map_sheets
from cxmapper.export.report import Bookmark, about_the_map, department_summary, stage_sections
from cxmapper.export.report_blueprint import blueprint_summary, evidence_summary, future_summary
from cxmapper.export.report_votes import vote_summary
from cxmapper.layout.boxes import MapLayout
from cxmapper.model.journey import JourneyMap


def export_pdf(
    journey: JourneyMap, options: PdfOptions | None = None, layout: MapLayout | None = None
) -> bytes:
    """The PDF's bytes (build then attach the map); ValueError for an unknown page size.
    `layout` is pdf_layout(journey) when the caller already made it."""
    options = options or PdfOptions()
    size = page_size(options)
    register_fonts()
    lay = layout or pdf_layout(journey)
    frame_w, frame_h = size[0] - 2 * MARGIN, size[1] - 2 * MARGIN - FOOTER
    note = legibility_note(journey, options, lay)
    room = frame_h - (TooSmallNote.HEIGHT if note else 0.0)
    if not (options.poster or options.sheets):  # one page: the map fills it, title at the top
        lay = pdf_layout(journey, fill=(frame_w, room), natural=lay)
    sheets = map_sheets(lay, frame_w, room, options.poster, options.sheets)
    story: list = [Bookmark("map", "Journey map")]
    for i, sheet in enumerate(sheets):
        if i:
            story.append(PageBreak())
        story.append(sheet)
    if note:  # the paper itself says it is too small, and what would print it legibly
        story.append(TooSmallNote(f"Too small to read: {note}.", frame_w))
    if options.report:
        story += [
            NextPageTemplate("report"),
            PageBreak(),
            *about_the_map(journey),  # the stages follow on: no near-blank page after it
        ]
        report_w = report_page_size(options)[0] - 2 * MARGIN
        # what the room voted for, first: where a reader deciding what to fix looks
        story += vote_summary(journey, report_w)
        story.append(Bookmark("report", "Touchpoints by stage"))
        story += stage_sections(journey, report_w)
        story += [PageBreakIfNotEmpty(), *department_summary(journey, report_w)]
        for part in (blueprint_summary, evidence_summary, future_summary):
            pages = part(journey, report_w)
            if pages:
                story += [PageBreakIfNotEmpty(), *pages]
    return build_pdf(journey, story, size, report_page_size(options))
