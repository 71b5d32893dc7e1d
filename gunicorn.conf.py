"""gunicorn's settings, read from the working directory when it starts (`gunicorn lms.wsgi`).

Threads (``gthread``) rather than the default sync workers: with sync workers each connection holds a whole
process, so three clients that declare a large body and send it slowly held every worker and the LRS stopped
answering. With threads such a client holds one thread of many, and the LRS cuts it off after
``XAPI_BODY_TIMEOUT`` seconds (408). In production the reverse proxy buffers request bodies before they reach
gunicorn (nginx does by default, ``proxy_request_buffering on``), which is the real defence; see README.md.
Every value can be set from the environment.
"""

import os

worker_class = "gthread"
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "8"))
# A worker that stops answering its heartbeat this long is restarted.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
keepalive = 5
# Bounded request lines and headers (the body is bounded by XAPI_MAX_REQUEST_SIZE and XAPI_BODY_TIMEOUT).
limit_request_line = 8190
limit_request_fields = 100
