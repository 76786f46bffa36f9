"""Pure: the accounts table of the 用户管理 page, with names instead of codes."""

from __future__ import annotations

import datetime as dt

from dashboard.i18n import t
from etl.accounts import ROLES

BEIJING = dt.timezone(dt.timedelta(hours=8))


def role_options(lang: str) -> list[dict]:
    """The roles, named in the page's language."""
    return [{"label": t(f"auth.role.{r}", lang), "value": r} for r in ROLES]


def region_options(names: dict[str, str]) -> list[dict]:
    """Regions as 'name（code）' choices."""
    return [{"label": f"{name}（{code}）", "value": code} for code, name in names.items()]


def state_of(user: dict, now: dt.datetime, lang: str) -> str:
    """Disabled, locked, waiting for a password change, or active."""
    locked = user.get("locked_until")
    if locked is not None and locked.tzinfo is None:
        locked = locked.replace(tzinfo=dt.timezone.utc)
    if not user["active"]:
        key = "disabled"
    elif locked is not None and locked > now:
        key = "locked"
    elif user["must_change_password"]:
        key = "one_time"
    else:
        key = "active"
    return t(f"admin.state.{key}", lang)


def user_rows(
    users: list[dict], names: dict[str, str], lang: str, now: dt.datetime | None = None
) -> list[dict]:
    """Grid rows: role and region names, state in words, sign-in time in Beijing time."""
    now = now or dt.datetime.now(dt.timezone.utc)
    rows = []
    for u in users:
        last = u.get("last_login_at")
        if last is not None and last.tzinfo is None:
            last = last.replace(tzinfo=dt.timezone.utc)
        rows.append(
            {
                "username": u["username"],
                "display_name": u["display_name"],
                "role": t(f"auth.role.{u['role']}", lang),
                "role_code": u["role"],
                "regions": "、".join(
                    [names.get(c, c) for c in u["regions"]] + list(u.get("organisations", []))
                ),
                "organisations_list": list(u.get("organisations", [])),
                "region_codes": u["regions"],
                "active": u["active"],
                "state": state_of(u, now, lang),
                "last_login": last.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M") if last else "",
                "email": u.get("email", ""),
                "subscribed": bool(u.get("subscribed")),
                "subscribed_mark": "✓" if u.get("subscribed") else "",
            }
        )
    return rows


def column_defs(lang: str) -> list[dict]:
    """Columns of the accounts grid."""
    spec = [
        ("username", 130),
        ("display_name", 210),
        ("role", 110),
        ("regions", 240),
        ("state", 120),
        ("email", 200),
        ("subscribed", 100),
        ("last_login", 150),
    ]
    return [
        {
            "field": "subscribed_mark" if key == "subscribed" else key,
            "headerName": t(f"admin.col.{key}", lang),
            "width": width,
            **({"flex": 1} if key == "regions" else {}),
        }
        for key, width in spec
    ]
