"""Validation of a report file (etl.intake.validate): one module per concern, the valid rows and
frames they change in cases.py."""
