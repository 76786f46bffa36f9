"""ETL for enterprise services-trade direct reports: reading, validation, exact loading, aggregates, queries."""
