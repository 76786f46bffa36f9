"""总览 Overview: the month and 1–N月累计 with 同比 and 环比, the trend, shares, target cards.

page registers the page (layout and callbacks); the other modules are its views, figures
and data reads. May import dashboard's shared modules and etl; never another page.
"""
