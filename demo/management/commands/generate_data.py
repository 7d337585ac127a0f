import time
from datetime import date

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from demo import generate


class Command(BaseCommand):
    help = (
        "Fill the database with large, realistic, valid data for benchmarks (bulk inserts). "
        "Example: generate_data --projects 1000 --activities 200000 --news 20000 "
        "--institutions 5000"
    )

    def add_arguments(self, parser):
        parser.add_argument("--projects", type=int, default=100)
        parser.add_argument("--activities", type=int, default=10_000)
        parser.add_argument("--news", type=int, default=1_000)
        parser.add_argument("--institutions", type=int, default=500)
        parser.add_argument("--seed", type=int, default=1, help="Same seed, same data.")
        parser.add_argument(
            "--today",
            type=date.fromisoformat,
            help="Date the data is generated around (YYYY-MM-DD; default: today).",
        )
        parser.add_argument(
            "--clear",
            action="store_true",
            help="First empty every project, activity, news, institution and programme table "
            "(and their history) and remove generated users.",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even with DEBUG off (a benchmark database with production settings).",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "DEBUG is off: this may be a production database. "
                "Pass --force to fill it with generated data anyway."
            )
        sizes = generate.Sizes(
            projects=options["projects"],
            activities=options["activities"],
            news=options["news"],
            institutions=options["institutions"],
        )
        if min(sizes.projects, sizes.institutions) < 1 or min(sizes.activities, sizes.news) < 0:
            raise CommandError("Give at least one project and one institution, no negative size.")
        started = time.monotonic()
        if options["clear"]:
            self.stdout.write("Clearing projects, activities, news and institutions…")
            generate.clear()
        self.stdout.write(
            f"Generating on {connection.vendor} (seed {options['seed']}): "
            f"{sizes.projects} projects, {sizes.activities} activities, {sizes.news} news, "
            f"{sizes.institutions} institutions…"
        )
        generator = generate.Generator(
            sizes,
            seed=options["seed"],
            today=options["today"] or timezone.localdate(),
            log=self.stdout.write,
        )
        report = generator.run()
        elapsed = time.monotonic() - started
        width = max(len(label) for label in report.counts)
        for label, n in report.counts.items():
            self.stdout.write(f"  {label:<{width}} {n:>9,}")
        self.stdout.write(self.style.SUCCESS(f"Generated in {elapsed:.1f} s."))
