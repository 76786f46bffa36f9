"""Data exchange (数据共享交换) and reconciliation (对比监测): API tokens, SDMX-CSV and the other
serialisations of served figures, external published totals (the external/ package reads and
validates a file and builds its template; store loads it) and their comparison with the direct
reports (reconcile). May import: models, queries, summary, intake.read, small shared modules."""
