"""The pages, one folder each: page.py registers it (dash.register_page) with its layout and thin
callbacks; views.py, figures.py and data.py beside it hold what only that page uses.

Dash imports every module under here whose text says register_page, so only page modules may
say it. No page imports another page: what two pages share lives in dashboard/ itself.
not_found_404 stays at this level because Dash finds the 404 page by that module name.
"""
