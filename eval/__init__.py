"""Scoring the extractor against blind gold (a tool beside the project, not part of it)."""
