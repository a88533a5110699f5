"""The Inspector's two forms: every field of a touchpoint (or of several at once), and the
map's own fields with its persona's; each field a label, an editor and a line for a problem."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from cxmapper.panels.fields import Field, LineField, ListField, TextField

EVIDENCE_CHOICES = [
    ("Not said", None),
    ("Observed (seen in research)", "observed"),
    ("Assumed (the team believes it)", "assumed"),
    ("Proposed (an idea)", "proposed"),
]
FUTURE_STATE_CHOICES = [
    ("The same as today", "same"),
    ("New in the future state", "new"),
    ("Retired in the future state", "removed"),
]
EXPECTATION_CHOICES = [
    ("Unknown", "unknown"),
    ("Below expectations", "below"),
    ("Met expectations", "met"),
    ("Exceeded expectations", "exceeded"),
]


def touchpoint_fields() -> list[Field]:
    from cxmapper.panels.choice_fields import (  # (with the form: start-up shows the map's)
        CheckField,
        CheckListField,
        ChoiceField,
        FeelingField,
        VotesField,
    )

    t = "touchpoint"
    return [
        LineField(t, "title", "Title"),
        TextField(t, "description", "Description"),
        ChoiceField(t, "stage_id", "Stage"),
        ChoiceField(t, "channel_id", "Channel"),
        ChoiceField(t, "department_id", "Owner"),
        CheckListField(t, "contributing_department_ids", "Contributing"),
        FeelingField(t, "feeling", "Feeling"),
        LineField(t, "emotion", "Emotion word"),
        ChoiceField(t, "expectation", "Expectation"),
        ListField(t, "pain_points", "Pain points"),
        TextField(t, "root_cause", "Root cause", 2),
        ListField(t, "opportunities", "Opportunities"),
        ListField(t, "quotes", "Customer quotes"),
        CheckField(t, "moment_of_truth", "Moment of truth", "A moment of truth"),
        CheckField(t, "partner_owned", "Partner", "Delivered by a partner"),
        ChoiceField(t, "evidence", "Evidence"),
        ListField(t, "sources", "Sources"),
        CheckListField(t, "leads_to", "Hands off to", most_height=220),
        ChoiceField(t, "future_state", "Future state"),
        FeelingField(t, "future_feeling", "Future feeling", "As today", "="),
        TextField(t, "future_note", "Future note", 2),
        VotesField(t, "votes", "Dots"),
    ]


def map_fields() -> list[Field]:
    return [
        LineField("map", "title", "Title"),
        TextField("map", "description", "Description"),
        TextField("map", "scenario", "Scenario", 2),
        LineField("persona", "name", "Persona"),
        TextField("persona", "description", "About the persona", 2),
        ListField("persona", "goals", "Goals"),
    ]


class Form(QWidget):
    def __init__(self, fields: list[Field]) -> None:
        super().__init__()
        self.fields = fields
        self.heading = QLabel()
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        layout = QFormLayout()
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for field in fields:
            cell = QWidget()
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(field.editor)
            column.addWidget(field.error)
            label = QLabel(f"{field.label}:")
            label.setBuddy(field.editor)
            layout.addRow(label, cell)
        outer = QVBoxLayout(self)
        outer.addWidget(self.heading)
        outer.addLayout(layout)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #59636e;")
        outer.addWidget(self.hint)
        outer.addStretch(1)

    def field(self, kind: str, name: str) -> Field:
        return next(f for f in self.fields if f.kind == kind and f.name == name)


class PageStack(QStackedWidget):
    """The Inspector's two forms, measured by the one shown: the map's few fields do not
    scroll down the touchpoint form's length of blank (QStackedWidget measures both)."""

    def sizeHint(self):  # noqa: N802 - Qt's name
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()

    def minimumSizeHint(self):  # noqa: N802 - Qt's name
        page = self.currentWidget()
        return page.minimumSizeHint() if page is not None else super().minimumSizeHint()

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        page = self.currentWidget()
        return page.heightForWidth(width) if page is not None else super().heightForWidth(width)
