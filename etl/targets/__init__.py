"""Policy targets (目标监测): pure checks over monthly series, the path needed, evaluation, rules, store.

compute and path are pure; status reads through queries; rules check a target; store edits
targets (audited). May import: queries, models, accounts, aggregates, periods, filters.
"""
