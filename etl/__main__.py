"""`python -m etl …`: the ETL command line."""

import os
import sys

from etl.cli.main import main

try:
    sys.exit(main())
except BrokenPipeError:
    # the reader went away (`… | head`): what it read is all it wanted, no traceback. Python's
    # documented recipe: stdout to devnull, so the flush at exit does not fail again.
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    sys.exit(1)
