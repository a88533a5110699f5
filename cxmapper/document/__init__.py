"""The open document: the map, its undo stack, its file, and the notifications views follow."""

from cxmapper.document.document import Change, JourneyDocument

__all__ = ["Change", "JourneyDocument"]
