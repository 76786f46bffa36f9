"""The upload page over HTTP: who may call its callbacks and routes, what a clerk can do, and its
limits. calls.py makes the page's calls, conftest.py the app with its accounts."""
