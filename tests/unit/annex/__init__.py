"""The annex parser (etl.tasks.annex, etl.tasks.organisations) reads the policy documents' task
tables as written; the seeds are its output. texts.py reads the documents, conftest.py parses them
once a module."""
