"""The shipped templates: ready to start a workshop from, and stored in canonical form."""

import pytest

from cxmapper.bundled import resource
from cxmapper.model.fileformat import map_to_bytes
from cxmapper.model.problems import MapError
from cxmapper.model.templates import DEFAULT_TEMPLATE, load_template, new_map, template_names

REQUIRED = {"product-lifecycle", "retail-store-visit", "subscription-service", "car-service-visit"}


def test_the_four_workshop_templates_are_there_default_first():
    names = template_names()
    assert set(names) >= REQUIRED
    assert names[0] == DEFAULT_TEMPLATE


@pytest.mark.parametrize("name", sorted(REQUIRED))
def test_each_template_is_a_rich_map(name):
    m = load_template(name)
    assert m.persona.name and m.persona.goals and m.scenario
    assert len(m.stages) >= 5 and len(m.departments) >= 4
    assert len(m.touchpoints) >= 12
    assert sum(t.feeling is not None for t in m.touchpoints) >= 12
    assert {t.feeling for t in m.touchpoints} >= {-2, 2}, (
        "the emotion curve should have highs and lows"
    )
    assert sum(bool(t.pain_points) for t in m.touchpoints) >= 5
    assert sum(bool(t.opportunities) for t in m.touchpoints) >= 5
    assert all(any(t.stage_id == s.id for t in m.touchpoints) for s in m.stages)


@pytest.mark.parametrize("name", sorted(REQUIRED))
def test_each_template_file_is_in_canonical_form(name):
    data = resource("templates", f"{name}.json").read_bytes()
    assert map_to_bytes(load_template(name)) == data


def test_the_product_lifecycle_has_the_out_of_box_moment_and_set_up():
    stages = " ".join(s.name.lower() for s in load_template("product-lifecycle").stages)
    assert "out-of-box" in stages and "set-up" in stages and "renewal" in stages


def test_a_new_map_gets_fresh_dates_and_no_inherited_authors():
    template = load_template("retail-store-visit")
    fresh = new_map("retail-store-visit")
    assert fresh.touchpoints == template.touchpoints
    assert fresh.metadata.created > template.metadata.created
    assert fresh.metadata.authors == []


def test_an_unknown_template_names_the_choices():
    with pytest.raises(
        MapError, match='no template named "nope"; the templates are: product-lifecycle'
    ):
        load_template("nope")
