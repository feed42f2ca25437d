"""Reading: any input's bytes to a clean article, with the page around it kept apart."""

from events.read.reader import article_to_json, read_bytes, read_path
from events.read.sidecar import load_sidecar

__all__ = ["article_to_json", "load_sidecar", "read_bytes", "read_path"]
