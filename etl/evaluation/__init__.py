"""Evaluation of districts and units (区域评价, 绩效评价): rankings built from the query layer.

May import: queries, aggregates, periods, filters.
"""
