"""The read side: every SELECT the dashboard, the CLI, snapshots and exports run.

core: figures, options and reference reads; windows: sums over runs of months (what the
published window cells fix, for leaders); register, quality, snapshot, …: the reads of those
concerns. Functions take a Session and return frames or plain values; they never open sessions.
May import: models, filters, periods, data_version, reference, release.scopes, and the pure
modules of disclosure (catalogue, apply, spans).
"""
