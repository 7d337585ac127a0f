from django.conf import settings
from django.core.management.base import BaseCommand

from activities.models import Activity, NewsItem
from demo import loader
from demo.seed import DEMO_PASSWORD
from stakeholders.models import Institution


class Command(BaseCommand):
    help = (
        "Load the two seed project pages (projects, funders, partners, objectives, activities, "
        "news). Safe to run again: it changes nothing the second time. With DEBUG on it also "
        "creates demo accounts."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--url",
            default="http://127.0.0.1:8000",
            help="Where the portal runs, for the sign-in instructions.",
        )

    def handle(self, *args, url, **options):
        projects = loader.load()
        for project in projects:
            self.stdout.write(f"  {project.title} ({project.start_date} to {project.end_date})")
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data: {len(projects)} projects and a predecessor, "
                f"{Activity.objects.filter(project__in=projects).count()} activities, "
                f"{NewsItem.objects.filter(project__in=projects).count()} news items, "
                f"{Institution.objects.count()} institutions."
            )
        )
        if not settings.DEBUG:
            self.stdout.write(
                "DEBUG is off: no demo accounts created. Create an admin with "
                "`python manage.py createsuperuser`."
            )
            return
        accounts = loader.create_accounts()
        base = url.rstrip("/")
        self.stdout.write(
            self.style.SUCCESS(f"Demo accounts (DEBUG only), password {DEMO_PASSWORD!r}:")
        )
        for username, role in accounts:
            self.stdout.write(f"  {username:<16} {role}")
        self.stdout.write(f"Sign in at {base}/accounts/login/ (Django admin: {base}/admin/).")
