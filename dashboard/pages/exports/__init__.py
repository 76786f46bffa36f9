"""导出 Exports: the archived monthly snapshots, their downloads and the make-a-snapshot form.

page registers the page (layout and callbacks); the other modules are its views, figures
and data reads. May import dashboard's shared modules and etl; never another page.
"""
