"""Accounts: roles and what they may do, passwords, user administration, sign-in with a growing
delay, briefing subscriptions, the audit log; the public names of its modules re-exported here.

roles holds the permission rules (`can`, `clerk_may_load`, …) and is pure; users, subscriptions,
login and audit_log read and write user_account, login_throttle and audit_log; passwords hashes
with werkzeug's scrypt (no password exists in the code). Readers use `from etl import accounts`
and `accounts.add_user`. passwords.HASH_METHOD is not re-exported: a copy set here would change
nothing. May import: models, db.
"""

from __future__ import annotations

from etl.accounts.audit_log import audit
from etl.accounts.login import (
    FIRST_DELAY_SECONDS,
    MAX_DELAY_SECONDS,
    MAX_FAILED_LOGINS,
    authenticate,
    sign_in,
    throttle_wait,
)
from etl.accounts.passwords import check_password_strength, hash_password, new_password
from etl.accounts.roles import (
    PERMISSIONS,
    ROLES,
    AccountError,
    Principal,
    can,
    clerk_may_load,
    load_scope,
    may_report,
    visible_regions,
)
from etl.accounts.subscriptions import EMAIL_RE, set_email, set_subscribed, subscribers
from etl.accounts.users import (
    USERNAME,
    add_user,
    change_own_password,
    end_sessions,
    get_user,
    list_users,
    principal_of,
    set_active,
    set_password,
    set_role,
    upload_scope,
    user_organisations,
)

__all__ = [
    "ROLES",
    "PERMISSIONS",
    "AccountError",
    "Principal",
    "can",
    "visible_regions",
    "clerk_may_load",
    "may_report",
    "load_scope",
    "hash_password",
    "new_password",
    "check_password_strength",
    "USERNAME",
    "upload_scope",
    "principal_of",
    "user_organisations",
    "change_own_password",
    "add_user",
    "get_user",
    "set_password",
    "set_role",
    "set_active",
    "list_users",
    "end_sessions",
    "EMAIL_RE",
    "set_email",
    "set_subscribed",
    "subscribers",
    "MAX_FAILED_LOGINS",
    "FIRST_DELAY_SECONDS",
    "MAX_DELAY_SECONDS",
    "sign_in",
    "authenticate",
    "throttle_wait",
    "audit",
]
