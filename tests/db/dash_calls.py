"""Call a Dash callback the way the browser does: a POST to /_dash-update-component."""

from __future__ import annotations

import json

import dash


def _one_output(part: str) -> dict:
    component, prop = part.rsplit(".", 1)
    prop = prop.split("@")[0]  # allow_duplicate outputs carry "@<hash>" in the map's key
    if component.startswith("{"):  # a pattern-matching id, written as JSON in the key
        component = json.loads(component)
    return {"id": component, "property": prop}


def _output_spec(key: str):
    if not key.startswith(".."):
        return _one_output(key)
    return [_one_output(part) for part in key.strip(".").split("...")]


def callback_key(app: dash.Dash, contains: str, exact: bool = False) -> str:
    """The callback_map key of the one callback whose outputs mention `contains` (or equal it)."""
    app.server.test_client().get("/_dash-dependencies")  # let Dash finish setting up its map
    keys = [k for k in app.callback_map if (k == contains if exact else contains in k)]
    assert len(keys) == 1, keys
    return keys[0]


def dash_call(
    client,
    app: dash.Dash,
    contains: str,
    values: dict | None = None,
    changed: str | None = None,
    exact: bool = False,
):
    """POST the callback whose output mentions `contains`; values by 'id.property' (else None)."""
    key = callback_key(app, contains, exact)
    spec = app.callback_map[key]
    values = values or {}

    def items(kind):
        return [
            {
                "id": i["id"],
                "property": i["property"],
                "value": values.get(f"{i['id']}.{i['property']}"),
            }
            for i in spec.get(kind, [])
        ]

    inputs = items("inputs")
    first = f"{inputs[0]['id']}.{inputs[0]['property']}" if inputs else ""
    body = {
        "output": key,
        "outputs": _output_spec(key),
        "inputs": inputs,
        "state": items("state"),
        "changedPropIds": [changed or first],
    }
    return client.post("/_dash-update-component", json=body)
