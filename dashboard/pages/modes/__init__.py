"""供给模式 Modes: the four modes over time, shares, mode 3 beside the BOP total, category × mode.

page registers the page (layout and callbacks); the other modules are its views, figures
and data reads. May import dashboard's shared modules and etl; never another page.
"""
