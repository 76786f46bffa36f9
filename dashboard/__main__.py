"""`python -m dashboard`: serve the app on settings.host:settings.port, debug off."""

from __future__ import annotations

from dashboard import create_app
from etl.settings import Settings


def main() -> None:
    """Build the app from the environment and serve it until interrupted."""
    settings = Settings.from_env()
    app = create_app(settings)
    print(
        f"服务贸易统计监测 / Services Trade Monitor: http://{settings.host}:{settings.port}/",
        flush=True,
    )
    app.run(host=settings.host, port=settings.port, debug=False)


if __name__ == "__main__":
    main()
