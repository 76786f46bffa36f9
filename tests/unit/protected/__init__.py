"""A protected figure (pandas NA, docs/disclosure.md) in every chart and table a leader sees: a
gap with a "C" on the baseline (hover 保密), never a zero bar or a partial sum, and "C" in tables
and downloads. reading.py reads the markers off a figure, cases.py builds the frames."""
