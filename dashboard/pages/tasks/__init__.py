"""试点任务 / Pilot tasks: the ledger, a task's page, progress reports and their review."""
