"""The pilot-task ledger (试点任务台账): the annex tasks of both policy documents,
their progress reports and supervision.

Pure modules: annex (parser), organisations, seeds (CSV rows -> table rows), evidence (file
checks), supervision (states as of a date, reminders, summaries). store writes reports and reviews
(audited); the reads are in etl.queries.tasks.
"""
