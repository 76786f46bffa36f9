"""目标监测 Targets: every policy target by window, the path needed, the district evaluation.

page registers the page (layout and callbacks); the other modules are its views, figures
and data reads. May import dashboard's shared modules and etl; never another page.
"""
