"""Allow ``python -m footcheck``."""

from .cli import main

main()
