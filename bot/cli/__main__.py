"""`python -m bot.cli` runs the `voordeur` command."""

import sys

from bot.cli.main import main

sys.exit(main())
