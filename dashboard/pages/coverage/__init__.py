"""报送情况 Reporting coverage and 重点企业名录 the key-enterprise register (two pages).

page registers the page (layout and callbacks); the other modules are its views, figures
and data reads. May import dashboard's shared modules and etl; never another page.
"""
