"""`python -m etl …`: the ETL command line."""

import sys

from etl.cli.main import main

sys.exit(main())
