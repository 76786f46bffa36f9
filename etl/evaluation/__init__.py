"""Evaluation of districts and units (区域评价, 绩效评价): rankings built from the query layer.

May import: models, queries, aggregates, numbers, periods, filters, reference, accounts (audit),
coverage, tasks.
"""
