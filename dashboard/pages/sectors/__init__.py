"""服务类别 Sectors: the 12 categories ranked, sub-items, treemap, pillar and emerging groups.

page registers the page (layout and callbacks); the other modules are its views, figures
and data reads. May import dashboard's shared modules and etl; never another page.
"""
