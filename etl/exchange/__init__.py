"""Data exchange (数据共享交换) and reconciliation (对比监测): API tokens, SDMX-CSV and the other
serialisations of served figures, external published totals (read, validate, load) and their
comparison with the direct reports. May import: models, queries, summary, small shared modules."""
