"""Benchmark 3: the overview page fully drawn in headless Chromium, at a built scale.

    python bench/bench_page.py [--scale national] [--runs 5]

gunicorn (2 workers, sign-in on) serves the scale's database; Chromium signs in once, then loads
/overview (or --path) `runs` times. "Fully drawn": no Dash component is loading, every panel has
content and the charts have drawn their SVG. The first load (bundles not yet cached) is reported
apart from the others. Writes bench/results/page.md and a screenshot beside it.
"""

from __future__ import annotations

import argparse
import statistics
import time

from common import DATA, RESULTS, SCALES, scale_url, spread, write_table
from selenium import webdriver
from selenium.webdriver.common.by import By
from serving import PASSWORD, USER, ensure_user, gunicorn

from dashboard.ids import Overview

PANELS = [Overview.KPIS, Overview.TREND_BOX, Overview.KIS, Overview.COVERAGE, Overview.TARGETS]
DRAWN = """
if (document.querySelector('[data-dash-is-loading="true"]')) return false;
for (const id of arguments[0]) {
  const el = document.getElementById(id);
  if (!el || el.children.length === 0) return false;
}
return document.querySelectorAll('.js-plotly-plot .main-svg').length >= arguments[1];
"""


def browser() -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--window-size=1400,1800",
        "--disable-dev-shm-usage",
    ):
        options.add_argument(arg)
    return webdriver.Chrome(options=options)


def sign_in(driver, base: str) -> None:
    driver.get(base + "/login")
    driver.find_element(By.NAME, "username").send_keys(USER)
    driver.find_element(By.NAME, "password").send_keys(PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "form").submit()
    deadline = time.time() + 60
    while "/login" in driver.current_url and time.time() < deadline:
        time.sleep(0.1)


def drawn_in(driver, url: str, panels: list[str], charts: int, limit: float = 60) -> float:
    """Seconds from navigation until the page is fully drawn."""
    driver.get("about:blank")
    start = time.perf_counter()
    driver.get(url)
    while not driver.execute_script(DRAWN, panels, charts):
        if time.perf_counter() - start > limit:
            raise TimeoutError(f"{url} not drawn in {limit} s")
        time.sleep(0.02)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", default="national")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--path", default="/overview")
    parser.add_argument("--pg", help="admin URL: use the scale's PostgreSQL build")
    args = parser.parse_args()
    url = scale_url(SCALES[args.scale], args.pg)
    ensure_user(url)
    with gunicorn(url, workers=2) as (base, _master):
        driver = browser()
        try:
            sign_in(driver, base)
            first = drawn_in(driver, base + args.path, PANELS, 2)
            warm = [drawn_in(driver, base + args.path, PANELS, 2) for _ in range(args.runs)]
            shot = RESULTS / f"page_{args.scale}.png"
            driver.save_screenshot(str(shot))
            logs = [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
        finally:
            driver.quit()
    write_table(
        "page",
        f"Page: {args.path} fully drawn in headless Chromium, scale "
        f"**{args.scale}** ({'PostgreSQL' if args.pg else 'SQLite'}), gunicorn -w 2.",
        ["load", "time (median, min–max)", "runs", "goal"],
        [
            ["first (cold bundles and workers)", f"{first:.2f} s", 1, "–"],
            [
                "later loads",
                spread(warm),
                len(warm),
                "met" if statistics.median(warm) < 1.5 else "missed (< 1.5 s)",
            ],
        ],
        [
            "fully drawn = no component loading, KPI/trend/KIS/coverage/targets panels "
            "filled, ≥ 2 Plotly charts drawn",
            f"browser console errors: {len(logs)}",
            f"screenshot: {shot.name}",
            f"data: {DATA}",
        ],
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
