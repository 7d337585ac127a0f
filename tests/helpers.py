"""Helpers shared by the tests: model assertions, signed-in clients, the staff forms' data."""

import datetime

import lxml.html
import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import Client
from django.utils import timezone


def errors_of(obj):
    """The field errors `full_clean()` reports for `obj` (it must report some)."""
    with pytest.raises(ValidationError) as excinfo:
        obj.full_clean()
    return excinfo.value.message_dict


def assert_database_rejects(obj):
    """Saving without validation hits a database constraint."""
    with pytest.raises(IntegrityError), transaction.atomic():
        obj.save()


def assert_refused(obj, field, messages=None):
    """Validation reports `field` (exactly `messages`, when given), and the database refuses it."""
    errors = errors_of(obj)
    assert field in errors, errors
    if messages is not None:
        assert errors[field] == messages
    assert_database_rejects(obj)


def missing(page, *texts):
    """Those of `texts` that `page` does not contain (none, when it shows them all)."""
    return [text for text in texts if text not in page]


def page(response):
    """The response's HTML, parsed (lxml)."""
    return lxml.html.fromstring(response.content.decode())


def texts(doc, xpath):
    """The text of each element `xpath` finds, white space folded."""
    return [" ".join(el.text_content().split()) for el in doc.xpath(xpath)]


def links(doc, xpath):
    """{link text: href} of the links `xpath` finds."""
    return {" ".join(a.text_content().split()): a.get("href") for a in doc.xpath(xpath)}


def facts(doc):
    """{term: description} of the page's facts list (dl.facts)."""
    terms = texts(doc, "//dl[@class='facts']/dt")
    return dict(zip(terms, texts(doc, "//dl[@class='facts']/dd"), strict=True))


def days(n):
    """The date `n` days from today (before it when negative)."""
    return timezone.localdate() + datetime.timedelta(days=n)


def verified_device(user):
    """A confirmed authenticator for `user` (made once): what a manager signs in with."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device, _ = TOTPDevice.objects.get_or_create(
        user=user, name="tests", defaults={"confirmed": True}
    )
    # A code is accepted once (django-otp remembers the last one); a test that signs the same
    # person in twice within 30 seconds would otherwise have to wait for the next code.
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1)
    device.last_t = -1
    return device


def current_code(device):
    """The code `device`'s authenticator app shows now."""
    from django_otp.oath import TOTP

    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def mark_verified(client, user):
    """After `client.force_login(user)`: the session as after a second factor too, for the
    accounts that must use one (managers, admins), as django_otp.login() leaves it."""
    from django_otp import DEVICE_ID_SESSION_KEY

    from core.two_factor import must_use_two_factor

    if must_use_two_factor(user):
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = verified_device(user).persistent_id
        session.save()


def signed_in(user, **options):
    """A test client signed in as `user` (a visitor's client for None)."""
    client = Client(**options)
    if user is not None:
        client.force_login(user)
    return client


def messages_of(response):
    """The texts of the messages the response's request left for the next page."""
    return [str(message) for message in get_messages(response.wsgi_request)]


def kept_form(client, url, data, model):
    """POST `data` to a form that must come back (200) unsaved; the page shown, as text."""
    response = client.post(url, data)
    assert response.status_code == 200
    assert not model.objects.exists()
    return response.content.decode()


def saved_form(client, url, data, model):
    """POST `data` to a form that must save the one `model` row and go to its page.

    Returns the row and the response.
    """
    response = client.post(url, data)
    record = model.objects.get()
    assert response.status_code == 302
    assert response["Location"] == record.get_absolute_url()
    return record, response


def history_table(client, url):
    """The record-history part of the history page at `url` (which must open)."""
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode().split("record-history")[1]


def activity_data(project, **overrides):
    """A complete, valid activity submission for `project` (override any field; None drops it)."""
    data = {
        "project": project.pk,
        "kind": "training",
        "title": "Training on CPT standards",
        "status": "held",
        "start_date": days(-10).isoformat(),
        "start_precision": "day",
        "end_date": days(-9).isoformat(),
        "end_precision": "day",
        "format": "in_person",
        "venue": "Judicial Academy",
        "city": "Belgrade",
        "description": "Two days on the CPT standards for prison staff.",
        "participants_qualifier": "exact",
        "participants_total": "25",
        "participants_women": "15",
        "participants_men": "10",
        "facilitators": "Two Council of Europe experts",
        "cost": "1200.50",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def activity_edit_data(activity, **overrides):
    """What the edit form of `activity` posts back when nothing is changed but `overrides`."""
    data = activity_data(
        activity.project,
        kind=activity.kind,
        title=activity.title_en,
        title_fr=activity.title_fr or "",
        status=activity.status,
        start_date=activity.start_date.isoformat(),
        end_date=activity.end_date.isoformat(),
        version=str(activity.version),
    )
    return {**data, **overrides}


def news_data(project, **overrides):
    """A complete, valid news item submission for `project` (override any field)."""
    return {
        "project": project.pk,
        "activity": "",
        "title": "Prison staff trained on the CPT standards",
        "dateline": "Belgrade, Serbia",
        "published_on": days(-1).isoformat(),
        "lead": "Twenty-five prison officers took part.",
        "body": "The training covered **use of force**.",
        "is_published": "True",
        **overrides,
    }


def news_edit_data(item, **overrides):
    """What the edit form of the news item posts back when nothing is changed but `overrides`."""
    data = news_data(
        item.project,
        activity=item.activity_id or "",
        title=item.title_en,
        title_fr=item.title_fr or "",
        dateline=item.dateline,
        published_on=item.published_on.isoformat(),
        lead=item.lead,
        body=item.body,
        is_published=str(item.is_published),
        version=str(item.version),
    )
    return {**data, **overrides}


def image_bytes(size=(1600, 1000), format="JPEG", **save_options):
    """A picture's file content: a gradient, so renditions differ from one another."""
    import io

    from PIL import Image

    image = Image.linear_gradient("L").resize(size).convert("RGB")
    out = io.BytesIO()
    image.save(out, format=format, **save_options)
    return out.getvalue()


def docx_bytes():
    """A minimal Office Open XML word-processing file (what Word writes, stripped down)."""
    import io
    import zipfile

    out = io.BytesIO()
    # A fixed time in the zip headers: the same bytes on every call.
    with zipfile.ZipFile(out, "w") as archive:
        for name, text in (
            ("[Content_Types].xml", "<Types/>"),
            ("word/document.xml", "<w:document/>"),
        ):
            archive.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)), text)
    return out.getvalue()


PDF_BYTES = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
