"""Reporting coverage and timeliness of the key enterprises (应统尽统) and the register behind it.

compute: pure coverage figures plus one reader; register: register file validation and its atomic
upsert with history. May import: models, queries, intake (uscc, read), periods, filters, settings, data_version.
"""
