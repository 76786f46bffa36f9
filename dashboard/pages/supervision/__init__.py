"""任务督查 / Task supervision: the ledger at a glance for leaders and the conference office."""
