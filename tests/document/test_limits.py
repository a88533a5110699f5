"""No edit can make a map that cannot be saved: adding, capturing and pasting stop at the
limits a file is held to, refused in the file's own words, with nothing changed."""

import pytest
from factories import small_map

from cxmapper.document.document import EditRefused, JourneyDocument
from cxmapper.model.fileformat import map_from_bytes, map_to_bytes
from cxmapper.model.journey import MAX_DEPARTMENTS, MAX_STAGES, MAX_TOUCHPOINTS, Touchpoint
from cxmapper.model.problems import MapError
from cxmapper.model.transfer import copied, pasted


def full_of_touchpoints():
    journey = small_map()
    stage = journey.stages[0].id
    journey.touchpoints = journey.touchpoints + [
        Touchpoint(id=f"x{i}", title=f"Card {i}", stage_id=stage, position=float(i % 500))
        for i in range(MAX_TOUCHPOINTS - len(journey.touchpoints))
    ]
    return journey


@pytest.fixture
def full(qapp):
    return JourneyDocument(full_of_touchpoints())


def assert_saveable(doc):
    map_from_bytes(map_to_bytes(doc.journey))  # raises when a file could not be read back


def test_the_ten_thousand_and_first_touchpoint_is_refused_in_the_files_words(full):
    before = map_to_bytes(full.journey)
    place = (full.journey.stages[0].id, 0.0, None)
    with pytest.raises(EditRefused) as refused:
        full.add_touchpoint(place, "One too many")
    assert f"touchpoints: has too many items (at most {MAX_TOUCHPOINTS})" in str(refused.value)
    assert map_to_bytes(full.journey) == before
    assert full.undo_stack.count() == 0
    assert_saveable(full)


def test_a_paste_or_a_list_of_lines_that_would_pass_the_limit_changes_nothing(full):
    before = map_to_bytes(full.journey)
    raw = copied(full.journey, [full.journey.touchpoints[0].id])
    with pytest.raises(MapError, match="touchpoints: has too many items"):
        pasted(full.journey, raw, full.journey.stages[0].id)
    with pytest.raises(EditRefused, match="touchpoints: has too many items"):
        full.add_titled(["One", "Two"], None)
    assert map_to_bytes(full.journey) == before
    assert full.undo_stack.count() == 0


def test_a_paste_that_brings_departments_stops_at_the_department_limit(qapp):
    doc = JourneyDocument(small_map())
    while len(doc.journey.departments) < MAX_DEPARTMENTS:
        doc.add_department()
    with pytest.raises(EditRefused, match="departments: has too many items"):
        doc.add_department()
    source = small_map()  # a touchpoint whose department this map does not have
    source.departments[0].name = "Only in the other map"
    tp = next(t for t in source.touchpoints if t.department_id == source.departments[0].id)
    plan = pasted(doc.journey, copied(source, [tp.id]), doc.journey.stages[0].id)
    assert [d.name for d in plan.departments] == ["Only in the other map"]
    before = map_to_bytes(doc.journey)
    with pytest.raises(EditRefused, match="departments: has too many items"):
        doc.paste_touchpoints(plan, None)
    assert map_to_bytes(doc.journey) == before
    assert_saveable(doc)


def test_stages_stop_at_the_limit_and_the_map_still_saves(qapp):
    doc = JourneyDocument(small_map())
    while len(doc.journey.stages) < MAX_STAGES:
        doc.add_stage()
    with pytest.raises(EditRefused) as refused:
        doc.add_stage()
    assert f"stages: has too many items (at most {MAX_STAGES})" in str(refused.value)
    assert_saveable(doc)


def test_capturing_in_a_full_map_says_why_and_adds_nothing(qtbot, monkeypatch):
    from factories import close_quietly, map_window

    from cxmapper.app import window as window_module

    told = []
    monkeypatch.setattr(
        window_module.QMessageBox, "information", lambda *args: told.append(args[2])
    )
    window = next(map_window(qtbot, full_of_touchpoints()))
    try:
        window.capture()
        assert told and "touchpoints: has too many items" in told[0]
        assert len(window.document.journey.touchpoints) == MAX_TOUCHPOINTS
        assert not window.document.modified
    finally:
        close_quietly(window)


def test_a_map_made_invalid_behind_the_documents_back_is_not_saved_and_says_why(qapp, tmp_path):
    from cxmapper.model.safe_write import SaveError

    doc = JourneyDocument(small_map())
    doc.journey.touchpoints[0].stage_id = "nowhere"  # what no edit can do
    with pytest.raises(SaveError) as refused:
        doc.save(tmp_path / "map.json")
    assert 'refers to stage "nowhere", which is not in the map' in str(refused.value)
    assert "pydantic" not in str(refused.value)
    assert not (tmp_path / "map.json").exists()
