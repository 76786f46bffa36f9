"""Profile the filter-driven callbacks of the data pages over HTTP (Flask test client), with the
data answers remembered, so what is left is Dash and the figures.

    python bench/profile_callbacks.py [--scale national]
"""

import argparse
import cProfile
import io
import pstats

from bench_clicks import request_bodies
from common import SCALES, scale_url

from dashboard import create_app
from etl.settings import Settings

parser = argparse.ArgumentParser()
parser.add_argument("--scale", default="national")
args = parser.parse_args()
app = create_app(Settings(auth_required=False, database_url=scale_url(SCALES[args.scale], None)))
client = app.server.test_client()
builders = request_bodies(client.get("/_dash-dependencies").get_json())
names = [n for n in builders if n.startswith("callback ")]
for n in names:  # fill remembered answers
    client.post("/_dash-update-component", json=builders[n](""))
profile = cProfile.Profile()
profile.enable()
for _ in range(3):
    for n in names:
        client.post("/_dash-update-component", json=builders[n](""))
profile.disable()
out = io.StringIO()
pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(40)
print(out.getvalue())
