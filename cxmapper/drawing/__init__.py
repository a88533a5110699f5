"""How a laid-out map is drawn, once, for every painter (the canvas, the PDF, the SVG).

painter: the Painter protocol every painter implements, and glyphs as its primitives.
glyphs: faces, channel icons, card flags and evidence marks as plain shapes.
curve: the feeling lane and its emotion curve (today's and the future state's), the faces.
cards: a touchpoint's card, its voting sticker, the handoff arrows between cards.
lanes: stage headers, department lanes, rows and blueprint lines, named in the gutter.
map: the whole map, backdrop and legend first.
"""
