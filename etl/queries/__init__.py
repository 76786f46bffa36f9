"""The read side: every SELECT the dashboard, the CLI, snapshots and exports run.

figures: totals by any dimensions from the maintained aggregates, and the circulated (leader)
read of them; windows: sums over runs of months (what the published window cells fix, for
leaders); closures: what a filter selects; frames: the amount column and result frames; as_of:
lines and enterprise months as of a data event; facts, months, enterprises, uploads,
reference_tables, targets, archive, register, quality, snapshot, disclosure, …: the reads of
those concerns. Functions take a Session and return frames or plain values; they never open
sessions. May import: models, filters, periods, data_version, reference, release.scopes,
quality.rules, and the pure modules of disclosure (catalogue, apply, spans); facts takes the
RegistryFacts type from intake.validate when called.
"""
