"""The editor starts whatever the files it is given hold: each bad one is named in a message,
and the good ones open."""

import json

from factories import close_quietly, small_map

from cxmapper.app import file_actions, launch
from cxmapper.model.fileformat import map_to_bytes, save_map


def test_a_bad_file_before_a_good_one_is_named_and_the_good_one_opens(qtbot, tmp_path, monkeypatch):
    good = tmp_path / "good.json"
    save_map(small_map(), good)
    bad = tmp_path / "bad.json"
    data = json.loads(map_to_bytes(small_map()))
    data["metadata"]["created"] = "0001-01-01T00:00:00+14:00"
    bad.write_text(json.dumps(data))
    told = []
    monkeypatch.setattr(
        file_actions.QMessageBox, "critical", lambda parent, title, text: told.append(text)
    )
    windows = launch.open_windows([str(bad), str(good)], ask=lambda maps, problems: "later")
    try:
        assert [w.document.path for w in windows] == [good]
        assert len(told) == 1 and "bad.json" in told[0] and "metadata.created" in told[0]
    finally:
        for w in windows:
            close_quietly(w)


def test_a_bug_met_while_reading_a_file_is_said_and_the_editor_goes_on(
    qtbot, tmp_path, monkeypatch
):
    path = tmp_path / "map.json"
    save_map(small_map(), path)

    def broken(*args, **kwargs):
        raise TypeError("unhashable type: 'list'")

    monkeypatch.setattr(file_actions.JourneyDocument, "open", broken)
    told = []
    monkeypatch.setattr(
        file_actions.QMessageBox, "critical", lambda parent, title, text: told.append(text)
    )
    windows = launch.open_windows([str(path)], ask=lambda maps, problems: "later")
    try:
        assert len(windows) == 1 and windows[0].document.path is None  # the sample instead
        assert "map.json" in told[0] and "unexpected TypeError" in told[0]
    finally:
        for w in windows:
            close_quietly(w)
