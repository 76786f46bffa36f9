"""From an uploaded file to loaded reports: read, normalize, validate (pure), load (atomic), retract.

Also the Excel template, the web upload jobs, USCC checks and exact money. validate/ is a package
(the checks by concern, the catalogue of issues); so is jobs/ (a job's state on disk, staging,
starting and cancelling, the work, and the worker process that does it). The write side of the
reports lives here: load (with outcome, report_versions, enterprises), load_lock, retract,
aggregate_tables, bulk_insert, received. May import: models, queries, quality, reference, periods,
filters, settings, db, data_version, coded, accounts (the audit log of uploads).
"""
