"""Extraction's configurable bounds, apart from the rules so that settings can name them
without loading the extractor."""

MAX_EVENTS = 50  # events kept per article; a page listing hundreds is a list, not a report
