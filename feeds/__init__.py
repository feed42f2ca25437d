"""stdcal's publishing side: calendar and feed formats, the web app and the CLI."""
