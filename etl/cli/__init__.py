"""`python -m etl …`: the command line, one module per group of commands (main parses and dispatches).

May import any etl package; nothing in etl imports the CLI.
"""
