"""Bulk inserts through each driver's fast path, for the load layer (no ORM, no RETURNING).

PostgreSQL gets COPY; SQLite gets the driver's executemany with one prepared statement. Both are far
faster than SQLAlchemy's INSERT … RETURNING batches, which psycopg re-parses per batch and which
SQLite runs row by row when the returned ids must come back in parameter order.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

import sqlalchemy as sa


def insert_rows(
    conn: sa.Connection, table: str, columns: Sequence[str], rows: Sequence[tuple]
) -> int:
    """Insert plain Python tuples (one value per column) into table; returns the row count.

    Values are ints and strings, never None: every column the load writes is NOT NULL (in the
    CSV below a None would arrive as an empty string, not as NULL).
    """
    names = ", ".join(columns)
    if conn.dialect.name == "postgresql":
        # One CSV text for the whole COPY: the csv module (C) quotes every string, so an empty
        # string stays a string; writing row by row through the driver costs far more.
        buffer = io.StringIO()
        csv.writer(buffer, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n").writerows(rows)
        cursor = conn.connection.dbapi_connection.cursor()
        with cursor.copy(f"COPY {table} ({names}) FROM STDIN WITH (FORMAT csv)") as copy:
            copy.write(buffer.getvalue())
        cursor.close()
    elif rows:
        placeholders = ", ".join("?" for _ in columns)
        conn.exec_driver_sql(f"INSERT INTO {table} ({names}) VALUES ({placeholders})", list(rows))
    return len(rows)
