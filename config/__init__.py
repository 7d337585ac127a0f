# The Celery app loads with Django, so tasks' `.delay()` uses its settings (config/celery.py).
from config.celery import app as celery_app

__all__ = ["celery_app"]
