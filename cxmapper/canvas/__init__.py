"""The journey canvas: draws the shared layout with Qt and turns gestures into document edits."""
