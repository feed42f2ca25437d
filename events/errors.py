"""One exception tree for the domain, so every failure maps to an outcome at one boundary.

    StdcalError
    ├── ReadError       bytes that cannot become an article (too large, empty, not text)
    ├── ExtractError    an article the extractor cannot process
    ├── StoreError      the database refused or is unreachable
    └── ConfigError     a setting that cannot be used

An ingest run catches ``StdcalError`` per article, records it with the file and the reason,
and goes on with the next article.
"""


class StdcalError(Exception):
    """Base of every error stdcal raises on purpose; the message says what to do."""


class ReadError(StdcalError):
    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class ExtractError(StdcalError):
    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class StoreError(StdcalError):
    pass


class ConfigError(StdcalError):
    pass
