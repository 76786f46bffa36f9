"""数据质量 Data quality: flags raised at load, their review and history.

page registers the page (layout and callbacks); the other modules are its views, figures
and data reads. May import dashboard's shared modules and etl; never another page.
"""
