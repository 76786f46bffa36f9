"""What a pattern's cell key is made of, and why a cell is hidden. A key is (window, region,
category, mode, direction, partner): the window is etl.disclosure.catalogue's ``m`` or ``y``, or
PREVIOUS for the fixed 1–(M−1)月 cells; DIMS names the rest. A hidden cell is PRIMARY (it fails
the rules itself) or SECONDARY (a complement)."""

PREVIOUS = "p"  # window of the fixed 1–(M−1)月 cells inside a pattern computation
DIMS = ("region", "category", "mode", "direction", "partner")
PRIMARY, SECONDARY = "primary", "secondary"
