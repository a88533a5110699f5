"""The open document: the map, its undo stack, its file, and the notifications views follow."""

from cxmapper.document.document import Change, Changes, EditRefused, JourneyDocument

__all__ = ["Change", "Changes", "EditRefused", "JourneyDocument"]
