"""Pictures and documents: uploads checked by content, renditions on pages, access to files."""

import io

import lxml.html
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from activities.models import ActivityDocument, NewsPicture
from projects.models import ProjectDocument
from tests import factories
from tests.helpers import PDF_BYTES, docx_bytes, image_bytes

pytestmark = pytest.mark.usefixtures("media_root")


def add_picture(client, url, content, name="photo.jpg", **fields):
    data = {
        "add": "picture",
        "picture-upload": SimpleUploadedFile(name, content),
        "picture-alt_text": "Trainees in a courtroom",
        "picture-alt_text_fr": "Stagiaires dans une salle d'audience",
        "picture-caption": "Mock trial",
        "picture-credit": "Council of Europe",
        "picture-position": "0",
        **fields,
    }
    return client.post(url, data)


def upload_error(response):
    return " ".join(
        lxml.html.fromstring(response.content).xpath(
            "//*[contains(@class, 'invalid-feedback')]//text()"
        )
    )


@pytest.fixture
def story(project):
    return factories.NewsItemFactory(project=project, is_published=True, title="Mock trial held")


def test_a_file_is_refused_unless_it_decodes_as_a_picture_within_the_limits(
    team_member_client, story, settings
):
    url = f"/news/{story.slug}/media/"
    cases = [
        # A PDF (or a text) named as a photo is not a photo.
        (PDF_BYTES, "photo.jpg", "not a picture"),
        (b"GIF89a but not really", "photo.png", "not a picture"),
        # A truncated JPEG: the header reads, the data does not decode.
        (image_bytes()[:400], "broken.jpg", "not a picture"),
    ]
    for content, name, message in cases:
        response = add_picture(team_member_client, url, content, name=name)
        assert response.status_code == 400, name
        assert message in upload_error(response), name
    # Over the size limit: the limits are said in words.
    settings.MAX_IMAGE_BYTES = 10_000
    response = add_picture(team_member_client, url, image_bytes())
    assert response.status_code == 400
    assert "the limit is 9.8" in upload_error(response)
    settings.MAX_IMAGE_BYTES = 10 * 1024 * 1024
    # A decompression bomb: 64 million pixels in a few kilobytes, refused before decoding.
    bomb = io.BytesIO()
    Image.new("1", (8000, 8000)).save(bomb, format="PNG")
    assert len(bomb.getvalue()) < 100_000
    response = add_picture(team_member_client, url, bomb.getvalue(), name="bomb.png")
    assert response.status_code == 400
    assert "at most 40 million pixels" in upload_error(response)
    assert not NewsPicture.objects.exists()


def test_an_uploaded_photo_loses_its_gps_position_and_is_turned_upright(team_member_client, story):
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: the camera was held on its side
    exif[0x8825] = {2: (44.0, 49.0, 0.0), 1: "N", 4: (20.0, 27.0, 0.0), 3: "E"}  # GPS
    exif[0x010F] = "PhoneMaker"
    photo = image_bytes((1600, 1000), exif=exif.tobytes())
    assert Image.open(io.BytesIO(photo)).getexif().get_ifd(0x8825)

    response = add_picture(team_member_client, f"/news/{story.slug}/media/", photo)
    assert response.status_code == 302
    picture = NewsPicture.objects.get(story=story)
    with picture.image.open("rb") as handle:
        saved = Image.open(io.BytesIO(handle.read()))
        assert saved.format == "JPEG"
        assert not saved.getexif()  # no GPS, no camera, no orientation left to apply
        assert saved.size == (1000, 1600)  # turned upright
    assert (picture.width, picture.height) == (1000, 1600)
    assert picture.alt_text_fr == "Stagiaires dans une salle d'audience"


def test_a_story_shows_resized_renditions_with_alt_text_and_sharing_tags(team_member_client, story):
    client = Client()  # a visitor
    add_picture(team_member_client, f"/news/{story.slug}/media/", image_bytes((1600, 1000)))
    picture = NewsPicture.objects.get()

    page = client.get(story.get_absolute_url())
    html = lxml.html.fromstring(page.content)
    (img,) = html.xpath("//figure[contains(@class, 'lead-picture')]//img")
    assert img.get("alt") == "Trainees in a courtroom"
    widths = [entry.split()[-1] for entry in img.get("srcset").split(", ")]
    assert widths == ["400w", "800w", "1200w"]
    assert picture.image.url not in page.content.decode()  # never the original
    assert "Mock trial © Council of Europe" in html.xpath("string(//figcaption)")
    meta = {m.get("property") or m.get("name"): m.get("content") for m in html.xpath("//meta")}
    assert meta["og:title"] == "Mock trial held"
    assert meta["twitter:card"] == "summary_large_image"
    assert meta["og:image"].startswith("http://testserver/media/cache/")
    assert meta["og:image:alt"] == "Trainees in a courtroom"
    # The rendition is served (as an image) through /media/; the original's folder is too,
    # documents are not.
    rendition = client.get(meta["og:image"].removeprefix("http://testserver"))
    assert rendition.status_code == 200
    assert rendition["Content-Type"] == "image/jpeg"
    assert Image.open(io.BytesIO(b"".join(rendition.streaming_content))).width == 1200
    assert client.get("/media/documents/anything.pdf").status_code == 404

    # On /fr/, the French alt text.
    french = lxml.html.fromstring(client.get(f"/fr{story.get_absolute_url()}").content)
    assert french.xpath("//figure//img/@alt") == ["Stagiaires dans une salle d'audience"]


def add_document(client, url, content, name, **fields):
    data = {
        "add": "document",
        "document-upload": SimpleUploadedFile(name, content),
        "document-title": "Agenda",
        "document-kind": "agenda",
        "document-language": "en",
        **fields,
    }
    return client.post(url, data)


def test_documents_are_checked_by_content_and_internal_ones_reach_the_team_only(
    team_member_client, outsider, project
):
    client = Client()  # a visitor, then an outsider
    activity = factories.ActivityFactory(project=project)
    url = f"/activities/{activity.pk}/media/"
    # A text named .pdf, and a zip named .docx with no document in it, are refused.
    for content, name in ((b"hello", "agenda.pdf"), (b"PK\x03\x04junk", "agenda.docx")):
        response = add_document(team_member_client, url, content, name)
        assert response.status_code == 400
        assert "not a document the portal keeps" in upload_error(response)
    # A participant list holds personal data: it cannot be made public.
    response = add_document(
        team_member_client, url, PDF_BYTES, "list.pdf", **{"document-kind": "participants"}
    )
    assert response.status_code == 400
    assert "stays internal" in upload_error(response)
    assert (
        add_document(
            team_member_client,
            url,
            PDF_BYTES,
            "list.pdf",
            **{
                "document-kind": "participants",
                "document-title": "Participants",
                "document-is_internal": "on",
            },
        ).status_code
        == 302
    )
    # A Word file (named .pdf by mistake) is kept as the DOCX its content says.
    assert add_document(team_member_client, url, docx_bytes(), "agenda.pdf").status_code == 302
    internal = ActivityDocument.objects.get(kind="participants")
    public = ActivityDocument.objects.get(kind="agenda")
    assert (public.file_type, public.file_name.rsplit(".")[-1]) == ("docx", "docx")

    # The activity page lists to visitors what they may download, never a storage address.
    page = client.get(activity.get_absolute_url()).content.decode()
    assert public.get_absolute_url() in page
    assert internal.get_absolute_url() not in page
    assert internal.file.name not in page and public.file.name not in page

    # The internal file: 404 to visitors and outsiders (as if it did not exist), the team's.
    assert client.get(internal.get_absolute_url()).status_code == 404
    client.force_login(outsider)
    assert client.get(internal.get_absolute_url()).status_code == 404
    response = team_member_client.get(internal.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="list.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content) == PDF_BYTES

    # The public one, to anyone, as an attachment; not once its project is unpublished.
    client.logout()
    response = client.get(public.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content) == docx_bytes()
    project.is_published = False
    project.save()
    assert client.get(public.get_absolute_url()).status_code == 404
    # Another activity's address with this document's number: 404.
    other = factories.ActivityFactory(project=project)
    assert (
        team_member_client.get(f"/activities/{other.pk}/documents/{public.pk}/").status_code == 404
    )


def test_project_pictures_and_documents_are_the_teams_to_add(team_member_client, outsider, project):
    client = Client()
    url = f"/projects/{project.slug}/media/"
    client.force_login(outsider)
    assert add_document(client, url, PDF_BYTES, "report.pdf").status_code == 403
    assert not ProjectDocument.objects.exists()
    assert add_picture(team_member_client, url, image_bytes()).status_code == 302
    response = add_document(
        team_member_client,
        url,
        PDF_BYTES,
        "report.pdf",
        **{"document-kind": "report", "document-title": "Final report"},
    )
    assert response.status_code == 302
    client.logout()
    page = lxml.html.fromstring(client.get(project.get_absolute_url()).content)
    assert page.xpath("//figure[contains(@class, 'project-cover')]//img/@alt") == [
        "Trainees in a courtroom"
    ]
    assert page.xpath("//meta[@property='og:image']/@content")
    assert page.xpath("//a[@download]/text()") == ["Final report"]
