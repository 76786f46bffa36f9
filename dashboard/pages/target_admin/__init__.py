"""目标管理 Targets admin: administrators edit, add and delete policy targets (audited).

page registers the page (layout and callbacks); the other modules are its views, figures
and data reads. May import dashboard's shared modules and etl; never another page.
"""
