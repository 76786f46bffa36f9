"""Passwords: hashing (werkzeug's scrypt), one-time passwords, the strength rule."""

from __future__ import annotations

import secrets

from werkzeug.security import generate_password_hash

from etl.accounts.roles import AccountError

# werkzeug's scrypt (n=2**15) costs tens of milliseconds per hash by design; the test suite sets a
# cheaper work factor here (tests/conftest.py) because it creates hundreds of accounts. Every hash
# goes through hash_password, which reads it when called, so that setting reaches them all.
HASH_METHOD = "scrypt"


def hash_password(password: str) -> str:
    """The stored hash of a password (werkzeug, HASH_METHOD)."""
    return generate_password_hash(password, method=HASH_METHOD)


def new_password() -> str:
    """A random one-time password a person can type (no look-alike characters)."""
    letters, digits = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ", "23456789"
    while True:  # redraw the rare all-letter or all-digit draw, which the strength rule refuses
        password = "".join(secrets.choice(letters + digits) for _ in range(14))
        if any(c in digits for c in password) and any(c in letters for c in password):
            return password


def check_password_strength(password: str) -> None:
    """Refuse passwords that are too short or too simple."""
    if len(password) < 10 or password.isdigit() or password.isalpha():
        raise AccountError("password must have at least 10 characters, letters and digits")
