"""Where the project's own PostgreSQL and Elasticsearch listen in development and tests.

Only the dev and test settings use these, when ``DATABASE_URL`` or
``ELASTICSEARCH_URL`` is unset; ``cms.devservices`` starts the servers here.
Production settings never read this module.
"""

import os

PG_PORT = int(os.environ.get("KOOPERACJA_PG_PORT", "54329"))
PG_DATABASE = "kooperacja"
ES_PORT = int(os.environ.get("KOOPERACJA_ES_PORT", "9250"))

LOCAL_DATABASE_URL = f"postgres://postgres@127.0.0.1:{PG_PORT}/{PG_DATABASE}"
LOCAL_ELASTICSEARCH_URL = f"http://127.0.0.1:{ES_PORT}"
