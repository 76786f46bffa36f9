"""数据报送 Upload: template, checked uploads with a problem list, commit, history, retraction.

page registers the page (layout and callbacks); the other modules are its layout pieces
(sections, views), routes and data reads. May import dashboard's shared modules and etl; never
another page.
"""
