"""``python -m tests.fakes.bot_api``: run the fake standalone (see standalone.py)."""

from .standalone import main

if __name__ == "__main__":
    main()
