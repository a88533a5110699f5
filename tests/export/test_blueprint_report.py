"""The report's blueprint, evidence and future-state pages, and the PDF's blueprint drawing."""

import io

from pypdf import PdfReader

from cxmapper.export.paper import PdfOptions
from cxmapper.export.pdf import export_pdf
from cxmapper.model.templates import load_template


def text_of(journey, **options) -> str:
    pdf = PdfReader(io.BytesIO(export_pdf(journey, PdfOptions("A3", **options))))
    return "\n".join(page.extract_text() for page in pdf.pages)


def test_the_blueprint_template_reports_handoffs_waits_evidence_and_the_future():
    journey = load_template("car-service-blueprint")
    text = text_of(journey)
    handoffs = sum(len(t.leads_to) for t in journey.touchpoints)
    assert f"Handoffs ({handoffs})" in text
    assert "Where the customer waits on backstage work" in text
    assert "Walks round car with advisor → Receives video health check" in text
    observed = sum(1 for t in journey.touchpoints if t.evidence == "observed")
    share = int(100 * observed / len(journey.touchpoints) + 0.5)  # half up
    assert f"Observed: {observed} of {len(journey.touchpoints)} touchpoints ({share}%)" in text
    assert "Current and future state" in text and "Improve (" in text
    assert "Advisor calls with quote" in text and "-2 (very negative)" in text
    assert "Retired (1)" in text and "Queues at service desk" in text
    # the map page names the blueprint's lines and the legend the curves and evidence
    first = PdfReader(io.BytesIO(export_pdf(journey, PdfOptions("A3", report=False))))
    page = " ".join(first.pages[0].extract_text().split())  # (names wrap in the gutter)
    for words in ("Line of interaction", "Line of visibility", "Line of internal interaction"):
        assert words in page
    for words in ("Today", "Future state", "Observed", "Assumed", "Proposed", "Hands off to"):
        assert words in page


def test_a_plain_journey_map_gets_no_blueprint_evidence_or_future_pages():
    text = text_of(load_template("product-lifecycle"))
    for heading in ("Service blueprint", "Current and future state", "Line of visibility"):
        assert heading not in text
    assert "Observed:" not in text


def test_a_touchpoint_with_no_owner_in_a_blueprint_is_listed():
    journey = load_template("car-service-blueprint")
    journey.touchpoints[0].department_id = None
    text = text_of(journey)
    assert "Touchpoints with no owner (1)" in text
    assert f"Service due: {journey.touchpoints[0].title}" in text
