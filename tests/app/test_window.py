"""The editor window opens maps (the sample when none is given) and never loses what is open."""

import pytest
from factories import small_map
from PySide6.QtWidgets import QMessageBox

from cxmapper.app.window import MainWindow
from cxmapper.model.fileformat import save_map


@pytest.fixture
def window(qtbot):
    w = MainWindow()
    qtbot.addWidget(w)
    return w


def outline_titles(window):
    tree = window.outline
    return {
        tree.topLevelItem(i).text(0): [
            tree.topLevelItem(i).child(k).text(0) for k in range(tree.topLevelItem(i).childCount())
        ]
        for i in range(tree.topLevelItemCount())
    }


def test_with_no_file_it_shows_the_sample_map(window):
    window.show_sample()
    assert window.journey.title.startswith("Product lifecycle")
    assert "(sample)" in window.windowTitle()
    assert sum(len(v) for v in outline_titles(window).values()) == len(window.journey.touchpoints)


def test_it_opens_a_map_file(window, tmp_path):
    path = tmp_path / "broadband.json"
    save_map(small_map(), path)
    assert window.open_path(str(path))
    assert window.windowTitle().startswith("broadband.json")
    assert outline_titles(window) == {
        "Sales": ["Compares offers"],
        "Monthly bill": ["Monthly bill"],
    }


def test_a_bad_file_is_explained_and_the_open_map_stays(window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    good = tmp_path / "good.json"
    save_map(small_map(), good)
    window.open_path(str(good))
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "cxmapper-journey-map", "schema_version": 1, "title": 5}')
    assert not window.open_path(str(bad))
    assert "title: must be text" in shown[0]
    assert window.journey == small_map()
    assert window.windowTitle().startswith("good.json")
