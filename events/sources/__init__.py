"""Sources of articles (directories, RSS/Atom feeds, HTML list pages) and how to collect them.

The only part of ``events`` that touches the network; everything it returns is a
:class:`~events.model.RawInput` for ``events.ingest`` or a failure with its reason.
"""

from events.sources.collect import Collected, collect
from events.sources.config import SOURCE_TYPES, SourceConfig, default_sources, load_sources

__all__ = [
    "SOURCE_TYPES",
    "Collected",
    "SourceConfig",
    "collect",
    "default_sources",
    "load_sources",
]
