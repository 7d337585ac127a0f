"""The background job queue: Celery, Redis as broker (CELERY_BROKER_URL).

Without a broker the tasks run eagerly, in the process that asks for them (settings), so `make
run` and `make test` need nothing more. `make worker` runs a worker with the beat scheduler,
which sends the weekly digest (CELERY_BEAT_SCHEDULE).
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("config")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
