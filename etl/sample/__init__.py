"""The SYNTHETIC sample: invented enterprises and reports (names end in （合成）), register, arrivals.

profiles/ holds the invented parameters and the one-firm builders (a package: regions, trade, firms,
timeline, draw, identity, lines); generate draws the enterprises and their monthly reports from them;
scenario sums them in US dollars on the BOP basis (the calibrated pilot years the tests check);
register and load make the register and the arrival times and load the sample.
May import: intake (to load it; profiles: uscc), coverage (register), models, reference, periods, settings.
"""
