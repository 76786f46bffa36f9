"""The monthly snapshot (月报): read as of a vintage, protect (保密处理), write xlsx/HTML/PDF, archive.

types says what a snapshot is; build assembles its tables (headline, breakdowns, targets); inputs,
read and vintage fetch them; protect and forced apply etl.disclosure; format, xlsx and html render;
archive stores and lists. May import: queries, models, targets, coverage, disclosure, aggregates,
periods, filters, settings.
"""
