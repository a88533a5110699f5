"""SVG: vector, with real text, the same drawing as the screen and the PDF, and user text that
stays text."""

import xml.etree.ElementTree as ET

from factories import small_map

from cxmapper.export.svg import export_svg
from cxmapper.model.templates import load_template

SVG = "{http://www.w3.org/2000/svg}"


def texts(data: bytes) -> list[str]:
    root = ET.fromstring(data)
    return [t.text or "" for t in root.iter(f"{SVG}text")]


def test_every_title_stage_and_lane_is_real_text():
    journey = load_template("product-lifecycle")
    data = export_svg(journey)
    root = ET.fromstring(data)
    assert root.tag == f"{SVG}svg"
    shown = " ".join(texts(data))
    assert journey.title in shown
    for stage in journey.stages:
        assert stage.name.split()[0] in shown
    for department in journey.departments:
        assert department.name.split()[0] in shown
    # Faces, icons and flags are shapes: circles and paths, not pictures.
    assert len(list(root.iter(f"{SVG}circle"))) > len(journey.touchpoints)
    assert not list(root.iter(f"{SVG}image"))
    assert float(root.get("width")) > 1000 and root.get("viewBox").startswith("0 0 ")


def test_a_hostile_title_stays_text():
    journey = small_map()
    journey.title = "</text><script>alert(1)</script>"
    journey.touchpoints[0].title = 'A & B "quoted" <b>'
    data = export_svg(journey)
    root = ET.fromstring(data)  # still well-formed XML
    assert not list(root.iter(f"{SVG}script")) and not list(root.iter("script"))
    assert b"<script>" not in data
    assert "</text><script>alert(1)</script>" in texts(data)
    assert root.find(f"{SVG}title").text == journey.title
    assert 'A & B "quoted" <b>' in " ".join(texts(data))


def test_the_svg_draws_what_the_pdf_draws():
    """One drawing: the same number of card outlines and faces as the layout has."""
    journey = load_template("car-service-visit")
    root = ET.fromstring(export_svg(journey))
    rounded = [r for r in root.iter(f"{SVG}rect") if r.get("rx") == "8"]
    # each card: the paper, the stripe and the outline are rounded
    assert len(rounded) == 3 * len(journey.touchpoints)
