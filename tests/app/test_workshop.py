"""Workshop mode (F11) for the projector, stages walked with Page Down, headers kept in view."""

import pytest
from PySide6.QtCore import Qt

from cxmapper.layout.style import LIGHT, Style, workshop_style


@pytest.fixture
def window(window):
    window.resize(1280, 720)  # a projector's screen
    return window


def test_workshop_mode_goes_full_screen_large_and_comes_back(window, qtbot):
    zoom = window.view.zoom()
    qtbot.keyClick(window.view, Qt.Key.Key_F11)
    assert window.workshop.on and window.isFullScreen()
    assert window.view.zoom() * window.scene.layout.style.card_title_size >= 24
    # the map is drawn in its style scaled up, at 100%: every size of it, not a zoom
    assert window.view.zoom() == pytest.approx(1.0)
    assert window.scene.layout.style == workshop_style()
    card = next(iter(window.scene.cards.values()))
    assert card.boundingRect().width() > 1.5 * Style().card_width
    assert not window.palette_dock.isVisible() and not window.inspector_dock.isVisible()
    qtbot.keyClick(window.view, Qt.Key.Key_PageDown)
    assert window.view.current_stage() == 1
    assert "Stage 2 of 8: Purchase" in window.statusBar().currentMessage()
    qtbot.keyClick(window.view, Qt.Key.Key_PageDown)
    qtbot.keyClick(window.view, Qt.Key.Key_PageUp)
    assert window.view.current_stage() == 1
    for _ in range(10):  # to the last stage, though the view stops at the map's right edge
        qtbot.keyClick(window.view, Qt.Key.Key_PageDown)
    assert window.view.current_stage() == 7
    assert "Stage 8 of 8" in window.statusBar().currentMessage()
    qtbot.keyClick(window.view, Qt.Key.Key_PageUp)
    assert window.view.current_stage() == 6
    bar = window.view.horizontalScrollBar()
    bar.setValue(bar.minimum())  # scrolled back by hand: the status bar follows
    assert "Stage 1 of 8: Awareness" in window.statusBar().currentMessage()
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert not window.workshop.on and not window.isFullScreen()
    assert window.palette_dock.isVisible() and window.inspector_dock.isVisible()
    assert window.view.zoom() == pytest.approx(zoom)
    assert window.scene.layout.style == Style()
    assert card.boundingRect().width() < 1.1 * Style().card_width


def test_stage_headers_stay_in_view_when_the_map_scrolls_down(window, qtbot):
    view = window.view
    view.actual_size()
    lay = window.scene.layout
    stage = lay.stages[0]
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())  # the headers' own place is far above the window now
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().minimum())
    qtbot.wait(10)
    image = view.viewport().grab().toImage()
    at = view.mapFromScene(stage.header.right - 6, 0)  # right of the name: the header's tint
    top_colour = image.pixelColor(at.x(), 3).name()
    assert top_colour == LIGHT.header_tints[0]


def test_a_room_captures_in_workshop_mode_and_it_is_all_there_after(window, qtbot):
    view, doc = window.view, window.document
    qtbot.keyClick(view, Qt.Key.Key_F11)
    window.scene.select_ids(["tp-sees-ad"])
    qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    editor = view.title_editor
    assert editor.isVisible() and editor.font().pixelSize() >= 24  # typed big, as it is shown
    for name in ("Hears of it from a friend", "Reads a review"):
        qtbot.keyClicks(editor, name)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)  # ends the run
    added = [t for t in doc.journey.touchpoints if t.title == "Reads a review"][0]
    card = window.scene.cards[added.id]
    assert card.box.content.title_size == 24  # laid out in the workshop style
    qtbot.keyClick(view, Qt.Key.Key_Escape)  # leaves workshop mode
    assert not window.workshop.on
    assert window.scene.cards[added.id].box.content.title_size == Style().card_title_size
    titles = [t.title for t in doc.journey.touchpoints_in_time_order()]
    at = titles.index("Sees a social media ad")
    assert titles[at + 1 : at + 3] == ["Hears of it from a friend", "Reads a review"]
    doc.undo()  # undone after leaving: the map is drawn anew in the plain style
    assert added.id not in window.scene.cards
    assert all(c.style == Style() for c in window.scene.cards.values())


def _ink_in(image, x0, y0, x1, y1) -> int:
    return sum(
        1
        for x in range(x0, x1)
        for y in range(y0, y1)
        if image.pixelColor(x, y).lightness() < 100  # the name's dark letters
    )


def test_a_stage_beginning_under_the_lane_names_is_named_beside_them(window, qtbot):
    view = window.view
    view.actual_size()
    lay = window.scene.layout
    stage = lay.stages[1]  # "Purchase": a short name in a wide header, all of it under them
    assert stage.header.w > 200 and " ".join(stage.name_lines) == "Purchase"
    view.verticalScrollBar().setValue(view.verticalScrollBar().minimum())
    bar = view.horizontalScrollBar()
    gutter = lay.style.margin + lay.style.lane_label_width
    # the gutter's right edge 120 units into the stage: its own name is under the lane names
    bar.setValue(bar.value() + view.mapFromScene(stage.header.x + 120 - gutter, 0).x())
    qtbot.wait(10)
    edge = view.mapFromScene(stage.header.x + 120, 0).x()
    top = view.mapFromScene(0, stage.header.y).y()
    image = view.viewport().grab().toImage()
    assert _ink_in(image, edge + 6, top + 6, edge + 60, top + 28) > 20  # named again, here


def test_leaving_workshop_mode_gives_back_the_view_and_the_status_bar(window, qtbot):
    view = window.view
    view.zoom_by(0.8 / view.zoom())
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum() // 3)
    before = (view.zoom(), view.horizontalScrollBar().value(), view.verticalScrollBar().value())
    qtbot.keyClick(view, Qt.Key.Key_F11)
    for _ in range(4):  # the room walks on to the fifth stage
        qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert "of 8" in window.statusBar().currentMessage()
    qtbot.keyClick(view, Qt.Key.Key_F11)
    qtbot.wait(120)  # (the window takes its size back a moment later)
    after = (view.zoom(), view.horizontalScrollBar().value(), view.verticalScrollBar().value())
    assert after[0] == pytest.approx(before[0])
    assert after[1:] == before[1:]
    assert (view.transform().dx(), view.transform().dy()) == (0, 0)  # scroll bars on the map
    assert view.horizontalScrollBar().minimum() == 0 == view.verticalScrollBar().minimum()
    assert "Stage" not in window.statusBar().currentMessage()


def test_workshop_mode_shows_the_curve_and_four_lanes_on_a_1280x720_projector(window, qtbot):
    """A 1280x720 screen leaves the map 663 px between the menu and status bars: the stage
    names, the curve and four lanes of the sample fit in it, card titles 24 px tall."""
    plain_head = window.scene.layout.stages[0].header.h
    qtbot.keyClick(window.view, Qt.Key.Key_F11)
    lay = window.scene.layout
    assert window.view.zoom() * lay.style.card_title_size >= 24
    assert all(not stage.goal_lines for stage in lay.stages)  # (the goals: in the tooltips)
    top = lay.stages[0].header.y
    assert lay.lanes[3].rect.bottom - top <= 663
    assert lay.emotion.y - top < plain_head  # headers of names alone
    assert len(lay.emotion_label_lines) == 1  # "Customer feeling" above its five levels
    name = lay.emotion_label
    assert name.bottom <= min(box.y for _, _, box in lay.level_labels)
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert window.scene.layout.stages[0].header.h == pytest.approx(plain_head)
    card = next(iter(window.scene.layout.cards.values()))
    assert card.content.face is not None or card.content.feeling is None  # faces back


def test_in_workshop_mode_the_curve_stays_under_the_headers_as_the_lanes_scroll(window, qtbot):
    from PySide6.QtGui import QImage, QPainter

    def colour_at(point):
        image = QImage(view.viewport().size(), QImage.Format.Format_RGB32)
        painter = QPainter(image)
        view.render(painter)
        painter.end()
        return image.pixelColor(point).name()

    qtbot.keyClick(window.view, Qt.Key.Key_F11)
    view, lay = window.view, window.scene.layout
    assert view.keep_curve_in_view
    face = lay.points[0]
    view.centerOn(face.center.x, face.center.y)
    qtbot.wait(20)
    its_colour = colour_at(view.mapFromScene(face.center.x, face.center.y))
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())  # the last lanes in view: the curve's own place is far above
    qtbot.wait(20)
    top = view.mapToScene(0, 0).y()
    assert lay.emotion.bottom < top
    head_h = lay.stages[0].header.h
    at = view.mapFromScene(face.center.x, top + head_h + face.center.y - lay.emotion.y)
    assert colour_at(at) == its_colour  # the face, drawn again under the headers
    view.keep_curve_in_view = False
    assert colour_at(at) != its_colour  # (not by chance: what is there without it differs)
    view.keep_curve_in_view = True
    selected = window.scene.selected_ids()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert window.scene.selected_ids() == selected  # not a card hidden under the curve
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not view.keep_curve_in_view
