"""A map's text is text wherever the editor shows it: markup in a name or a description is shown
as typed in tooltips, labels and messages, and never loads anything."""

from datetime import datetime, timezone
from pathlib import Path

from factories import small_map
from PySide6.QtGui import QTextDocument

from cxmapper.app.recovery_dialog import RecoveryDialog
from cxmapper.model.recovery import Recoverable

HOSTILE = "<b>Bold</b> & <img src='/etc/passwd'> <a href='http://x'>link</a>\nsecond line"


def as_shown(tip: str) -> str:
    """What Qt shows for a tooltip: rich text rendered when it looks like markup."""
    from PySide6.QtGui import Qt

    if not Qt.mightBeRichText(tip):
        return tip
    doc = QTextDocument()
    doc.setHtml(tip)
    return doc.toPlainText()


def test_a_stage_description_tooltip_in_the_structure_dock_is_plain_text(window):
    stage = window.document.journey.stages[0]
    window.document.set_field("stage", stage.id, "description", HOSTILE)
    stages = window.structure.lists["stage"]
    item = stages.list.item(0)
    assert as_shown(item.toolTip()) == HOSTILE


def test_a_channel_name_in_the_palette_tooltip_is_plain_text(window):
    channel = window.document.journey.channels[0]
    window.document.set_field("channel", channel.id, "name", "<i>Web</i> & <u>app</u>")
    tips = [as_shown(window.palette.item(k).toolTip()) for k in range(window.palette.count())]
    assert "Drag onto the map to add a <i>Web</i> & <u>app</u> touchpoint" in tips


def test_the_recovery_dialogs_title_and_problems_are_plain_text(qtbot):
    journey = small_map()
    journey.title = "<h1>Huge</h1> title"
    found = Recoverable(
        Path("/tmp/c.recovery.json"),
        journey,
        Path("/tmp/<b>map</b>.json"),
        None,
        datetime.now(timezone.utc),
    )
    dialog = RecoveryDialog([found], ["/tmp/x.recovery.json: <b>not</b> a copy"])
    qtbot.addWidget(dialog)
    item = dialog.list.topLevelItem(0)
    assert item.text(0) == "<h1>Huge</h1> title"
    assert as_shown(item.toolTip(0)) == "<h1>Huge</h1> title"
    assert as_shown(item.toolTip(2)) == "/tmp/<b>map</b>.json"
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel

    notes = [label for label in dialog.findChildren(QLabel) if "<b>not</b>" in label.text()]
    assert notes and all(n.textFormat() == Qt.TextFormat.PlainText for n in notes)


def test_the_status_bars_summary_shows_the_title_as_typed(window):
    from PySide6.QtCore import Qt

    window.document.set_field("map", "map", "title", "<h1>Big</h1> & <b>bold</b>")
    assert "<h1>Big</h1> & <b>bold</b>" in window.summary_label.text()
    assert window.summary_label.textFormat() == Qt.TextFormat.PlainText
