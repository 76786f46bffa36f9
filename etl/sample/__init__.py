"""The SYNTHETIC sample: invented enterprises and reports (names end in （合成）), register, arrivals.

May import: intake (to load it), coverage (register), models, reference, periods, settings.
"""
