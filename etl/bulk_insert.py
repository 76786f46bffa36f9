"""Bulk inserts through each driver's fast path, for the load layer (no ORM, no RETURNING).

PostgreSQL gets COPY; SQLite gets the driver's executemany with one prepared statement. Both are far
faster than SQLAlchemy's INSERT … RETURNING batches, which psycopg re-parses per batch and which
SQLite runs row by row when the returned ids must come back in parameter order.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa


def insert_rows(conn: sa.Connection, table: str, columns: Sequence[str],
                rows: Sequence[tuple]) -> int:
    """Insert plain Python tuples (one value per column) into table; returns the row count."""
    names = ", ".join(columns)
    if conn.dialect.name == "postgresql":
        cursor = conn.connection.dbapi_connection.cursor()
        with cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        cursor.close()
    elif rows:
        placeholders = ", ".join("?" for _ in columns)
        conn.exec_driver_sql(f"INSERT INTO {table} ({names}) VALUES ({placeholders})", list(rows))
    return len(rows)
