"""stdcal's domain: reading articles, extracting events, storing them. Imports no Flask."""
