"""The one exception a subcommand raises to end with a message instead of a traceback."""

from __future__ import annotations


class CommandError(Exception):
    """A failure to report to the person as one line, with an exit status."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.status = status
