"""`python -m cxmapper` does what the `cxmapper` command does."""

import sys

from cxmapper.cli import main

sys.exit(main())
