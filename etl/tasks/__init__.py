"""The pilot-task ledger (试点任务台账): the annex tasks of both policy documents,
their progress reports and supervision.

Modules here import only the standard library, etl.periods and each other (for now): no database.
"""
