#!/usr/bin/env python
"""Back up and restore the whole portal database: `make backup`, `make restore [FILE=...]`.

PostgreSQL: `pg_dump --format=custom`, restored with `pg_restore --clean` in one transaction.
SQLite: `dumpdata` to gzipped JSON (content types and permissions by natural key, since
`migrate` rebuilds them), restored with `flush` + `loaddata` in one transaction.
Backups are written to backups/ (gitignored) as portal-<UTC time>.dump or .json.gz.
Uploaded files (MEDIA_ROOT: pictures, renditions, documents) go beside it as
portal-<UTC time>.media.tar.gz, restored with the database. With STORAGE_URL (object storage)
the files are in the bucket, which keeps its own versions: the backup holds the database only.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tarfile
import warnings
from datetime import UTC, datetime
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
BACKUP_DIR = BASE_DIR / "backups"
POSTGRES_ENGINES = {"django.db.backends.postgresql", "django.contrib.gis.db.backends.postgis"}
# Rebuilt by `migrate` on every database; the dump refers to them by natural key instead.
REBUILT_BY_MIGRATE = ["contenttypes", "auth.permission"]
PRIVATE_DIRECTORY = 0o700
PRIVATE_FILE = 0o600
MEDIA_SUFFIX = ".media.tar.gz"


def setup_django():
    sys.path.insert(0, str(BASE_DIR))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    # Settings refuse to load without a secret when DEBUG is off; a backup signs nothing.
    if not os.environ.get("SECRET_KEY") and not os.environ.get("DEBUG"):
        os.environ["DEBUG"] = "1"
    import django

    django.setup()


def is_postgres(settings_dict):
    return settings_dict["ENGINE"] in POSTGRES_ENGINES


def pg_environment(settings_dict):
    """libpq variables for pg_dump/pg_restore, so no password appears on a command line."""
    env = dict(os.environ)
    for variable, key in [
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
    ]:
        if settings_dict.get(key):
            env[variable] = str(settings_dict[key])
    return env


def pg_tool(name):
    """Absolute path of a PostgreSQL client program (pg_dump, pg_restore)."""
    path = shutil.which(name)
    if path is None:
        raise FileNotFoundError(f"{name} not found: install the PostgreSQL client tools.")
    return path


def backup(directory=BACKUP_DIR, *, using="default"):
    """Write a backup of database `using` into `directory`; return its path."""
    from django.core.management import call_command
    from django.db import connections

    settings_dict = connections[using].settings_dict
    directory = Path(directory)
    # A backup holds password hashes, sessions and contacts: only the owner reads it.
    directory.mkdir(mode=PRIVATE_DIRECTORY, parents=True, exist_ok=True)
    directory.chmod(PRIVATE_DIRECTORY)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
    suffix = ".dump" if is_postgres(settings_dict) else ".json.gz"
    path = directory / f"portal-{stamp}{suffix}"
    # Created empty with its mode before anything is written; pg_dump and dumpdata keep it.
    os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE))
    try:
        if is_postgres(settings_dict):
            subprocess.run(  # noqa: S603
                [
                    pg_tool("pg_dump"),
                    "--format=custom",
                    "--no-owner",
                    "--no-privileges",
                    f"--file={path}",
                    settings_dict["NAME"],
                ],
                env=pg_environment(settings_dict),
                check=True,
            )
        else:
            call_command(
                "dumpdata",
                natural_foreign=True,
                exclude=REBUILT_BY_MIGRATE,
                output=str(path),
                database=using,
                verbosity=0,
            )
    except BaseException:
        path.unlink(missing_ok=True)  # never leave a half-written backup behind
        raise
    path.chmod(PRIVATE_FILE)
    backup_media(path)
    return path


def media_archive(path):
    """The media archive that goes with the database backup at `path`."""
    name = path.name.removesuffix(".dump").removesuffix(".json.gz")
    return path.with_name(name + MEDIA_SUFFIX)


def media_on_disk():
    """MEDIA_ROOT, when the uploaded files are on disk (not in object storage)."""
    from django.conf import settings

    return None if settings.STORAGE_URL else Path(settings.MEDIA_ROOT)


def backup_media(path):
    """A tar of MEDIA_ROOT beside the database backup at `path` (readable by its owner only)."""
    root = media_on_disk()
    if root is None:
        return None
    archive = media_archive(path)
    os.close(os.open(archive, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE))
    try:
        with tarfile.open(archive, "w:gz") as tar:
            if root.is_dir():
                for child in sorted(root.iterdir()):
                    tar.add(child, arcname=child.name)
    except BaseException:
        archive.unlink(missing_ok=True)
        raise
    return archive


def restore_media(path):
    """Replace MEDIA_ROOT's files with the archive beside the backup at `path`, if there is one."""
    root, archive = media_on_disk(), media_archive(path)
    if root is None or not archive.is_file():
        return False
    root.mkdir(parents=True, exist_ok=True)
    for child in root.iterdir():
        shutil.rmtree(child) if child.is_dir() else child.unlink()
    with tarfile.open(archive, "r:gz") as tar:
        tar.extractall(root, filter="data")  # no absolute paths, links out or devices
    return True


def restore(path, *, using="default"):
    """Replace everything in database `using` with the backup at `path`, all or nothing."""
    from django.contrib.auth.models import Group
    from django.core.management import call_command
    from django.db import connections, transaction
    from django.test.utils import override_settings

    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"No backup at {path}")
    connection = connections[using]
    settings_dict = connection.settings_dict
    if is_postgres(settings_dict):
        if path.suffix != ".dump":
            raise ValueError(f"{path.name} is not a PostgreSQL backup (.dump).")
        connection.close()  # pg_restore drops the tables: hold no locks on them
        subprocess.run(  # noqa: S603
            [
                pg_tool("pg_restore"),
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
                f"--dbname={settings_dict['NAME']}",
                str(path),
            ],
            env=pg_environment(settings_dict),
            check=True,
        )
    else:
        if not path.name.endswith(".json.gz"):
            raise ValueError(f"{path.name} is not a SQLite backup (.json.gz).")
        with transaction.atomic(using=using), warnings.catch_warnings():
            # The backup of an empty database is a valid backup.
            warnings.filterwarnings("ignore", "No fixture data found", RuntimeWarning)
            call_command("flush", interactive=False, database=using, verbosity=0)
            # flush puts the Managers group back (projects.apps); the backup brings its own.
            Group.objects.using(using).all().delete()
            # The history comes from the backup: loading many-to-many links must not add to it.
            with override_settings(SIMPLE_HISTORY_ENABLED=False):
                call_command("loaddata", str(path), database=using, verbosity=0)
    restore_media(path)


def newest_backup(directory=BACKUP_DIR):
    backups = sorted(
        (p for p in Path(directory).glob("portal-*") if not p.name.endswith(MEDIA_SUFFIX)),
        key=lambda p: p.stat().st_mtime,
    )
    if not backups:
        raise FileNotFoundError(f"No backups in {directory}")
    return backups[-1]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("backup", help="write a backup into backups/")
    restoring = commands.add_parser("restore", help="replace the database with a backup")
    restoring.add_argument("file", nargs="?", help="backup file (default: the newest)")
    restoring.add_argument("--no-input", action="store_true", help="do not ask to confirm")
    args = parser.parse_args(argv)

    setup_django()
    from django.db import connection

    database = f"{connection.vendor} database {connection.settings_dict['NAME']}"
    if args.command == "backup":
        path = backup()
        print(f"Backed up the {database} to {path} ({path.stat().st_size:,} bytes).")
        return 0

    path = Path(args.file) if args.file else newest_backup()
    if not args.no_input:
        try:
            answer = input(f"Replace everything in the {database} with {path}? [y/N] ")
        except EOFError:
            answer = ""
        if answer.strip().lower() not in {"y", "yes"}:
            print("Nothing restored.")
            return 1
    restore(path)
    print(f"Restored the {database} from {path}.")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (OSError, ValueError, subprocess.CalledProcessError) as error:
        sys.exit(f"Failed: {error}")
    except Exception as error:
        from django.core.management import CommandError

        if isinstance(error, CommandError):
            sys.exit(f"Failed: {error}")
        raise
