"""The planner: every edit of a map planned as plain data (an `Edit` of steps), checked before
it is made, refused in the users' words (`EditRefused`). The document runs plans through its
undo stack; a merge, a room or co-editing apply them to plain maps with `apply_edit`.

fields.py: setting fields, feelings and dots; touchpoints.py: moving, adding and pasting
touchpoints; structure.py: adding and moving stages, departments and channels; removal.py:
deleting touchpoints and removing stages, departments and channels, with mending.py: what
follows for the references to what went.
"""

from cxmapper.model.fields import EditRefused
from cxmapper.model.plans.edit import (
    Edit,
    InsertParts,
    RemoveParts,
    ReorderParts,
    SetFields,
    Step,
    Values,
    apply_edit,
    apply_step,
)

__all__ = [
    "Edit",
    "EditRefused",
    "InsertParts",
    "RemoveParts",
    "ReorderParts",
    "SetFields",
    "Step",
    "Values",
    "apply_edit",
    "apply_step",
]
