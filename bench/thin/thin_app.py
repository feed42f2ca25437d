"""The thinnest possible Flask app: one route returning precomputed bytes with an ETag.

bench/http.py measures stdcal against it (same bytes, same gunicorn settings) to show what the
framework alone costs on this machine.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from flask import Flask, Response, request

BODY = Path(os.environ["THIN_BODY"]).read_bytes()
ETAG = hashlib.sha256(BODY).hexdigest()[:32]
TYPE = os.environ.get("THIN_TYPE", "text/calendar; charset=utf-8")

app = Flask(__name__)


@app.get("/<path:_path>")
def serve(_path: str) -> Response:
    response = Response(BODY, content_type=TYPE)
    response.set_etag(ETAG)
    return response.make_conditional(request)
