"""WSGI entry point (`gunicorn app:server`); the app itself is built by dashboard.create_app."""

from dashboard import create_app

__all__ = ["app", "create_app", "server"]

app = create_app()
server = app.server
