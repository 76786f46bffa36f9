"""用户管理 Accounts: administrators manage accounts, roles, clerks' regions and passwords.

page registers the page (layout and callbacks); the other modules are its views, figures
and data reads. May import dashboard's shared modules and etl; never another page.
"""
