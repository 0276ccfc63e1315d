"""`python -m dost_desk`: the same entry point as the `dost-desk` command."""

import sys

from dost_desk.cli import main

if __name__ == "__main__":
    sys.exit(main())
