"""Dash Pages: each module calls dash.register_page(...) and defines layout(lang=..., **query)."""
