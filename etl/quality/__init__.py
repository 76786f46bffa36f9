"""Data-quality flags (数据质量): pure rules, their thresholds, the store that recomputes and reviews.

May import: models, queries, periods, settings.
"""
