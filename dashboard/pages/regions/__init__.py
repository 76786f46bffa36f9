"""地区 Regions: districts and zones with level, 同比, share and contribution; drill down.

page registers the page (layout and callbacks); the other modules are its views, figures
and data reads. May import dashboard's shared modules and etl; never another page.
"""
