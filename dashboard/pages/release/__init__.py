"""数据发布 Release: a statistician checks a month of a scope and releases it to leaders.

page registers the page (layout and callbacks); the other modules are its views and data calls.
May import dashboard's shared modules and etl; never another page.
"""
