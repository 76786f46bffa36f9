"""伙伴 Partners: top partner economies and partner groups over time.

page registers the page (layout and callbacks); the other modules are its views, figures
and data reads. May import dashboard's shared modules and etl; never another page.
"""
