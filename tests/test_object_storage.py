"""Pictures on S3-compatible object storage (django-storages), against moto's server mode.

Two app servers share files through the bucket: a picture uploaded through one is resized and
served by the other. The S3 endpoint is moto's, started on 127.0.0.1 by the test.
"""

import io
import os
import socket
import subprocess
import sys

import boto3
import pytest
from django.core.files.storage import storages
from django.test import Client
from PIL import Image
from storages.backends.s3 import S3Storage

from activities.models import NewsPicture
from tests import factories
from tests.helpers import image_bytes
from tests.test_media import add_picture


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def s3_options():
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    options = {
        "bucket_name": "portal-media",
        "endpoint_url": f"http://127.0.0.1:{port}",
        "region_name": "us-east-1",
        "access_key": "testing",
        "secret_key": "testing",
        "default_acl": None,
        "file_overwrite": False,
        "querystring_auth": False,
        "location": "media",
    }
    boto3.client(
        "s3",
        endpoint_url=options["endpoint_url"],
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    ).create_bucket(Bucket=options["bucket_name"])
    yield options
    server.stop()


def test_a_picture_saved_through_one_app_server_is_resized_and_served_by_another(
    s3_options, settings, project, team_member
):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "core.object_storage.MediaS3Storage", "OPTIONS": s3_options},
    }
    # sorl-thumbnail's storage follows the setting (tests/conftest.py): this server's is the bucket.
    assert isinstance(storages["default"], S3Storage)
    story = factories.NewsItemFactory(project=project, is_published=True)
    staff = Client()
    staff.force_login(team_member)
    response = add_picture(staff, f"/news/{story.slug}/media/", image_bytes((1600, 1000)))
    assert response.status_code == 302
    picture = NewsPicture.objects.get()

    # The other server: its own storage object on the same bucket reads the original.
    other = S3Storage(**s3_options)
    assert other.exists(picture.image.name)
    with other.open(picture.image.name) as handle:
        assert Image.open(io.BytesIO(handle.read())).size == (1600, 1000)

    # A visitor's page makes the renditions in the bucket; /media/ serves one from there.
    page = Client().get(story.get_absolute_url()).content.decode()
    srcset = page.split('srcset="', 1)[1].split('"', 1)[0]
    url = srcset.split(", ")[0].split()[0]
    assert url.startswith("/media/cache/")
    name = url.removeprefix("/media/")
    assert other.exists(name)
    served = Client().get(url)
    assert served.status_code == 200
    assert Image.open(io.BytesIO(b"".join(served.streaming_content))).width == 400


def test_an_app_server_on_disk_storage_does_not_load_boto3():
    """boto3 and botocore take about 20 MB in every worker: only S3 storage imports them."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", "STORAGE_URL": ""}
    script = (
        "import sys, django; django.setup(); "
        "from django.core.files.storage import storages; storages['documents']; "
        "from django.urls import get_resolver; get_resolver().url_patterns; "
        "print(sorted(name for name in ('boto3', 'botocore') if name in sys.modules))"
    )
    done = subprocess.run(  # noqa: S603 (this interpreter, a fixed script)
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"
