"""Personal data (issue 18, item 5): contacts erased with their history; the privacy notice."""

import pytest
from django.urls import reverse

from stakeholders.models import Contact, ContactErasure
from tests import factories
from tests.helpers import messages_of, signed_in

pytestmark = pytest.mark.django_db


def test_a_manager_erases_a_contact_with_its_history_leaving_only_who_and_when(
    manager, team_member
):
    contact = factories.ContactFactory(name="Ana Petrović", email="ana@example.org")
    contact.position = "Head of unit"
    contact.save()
    institution, url = contact.institution, reverse("stakeholders:contact-erase", args=[contact.pk])
    page = signed_in(manager).get(institution.get_absolute_url()).content.decode()

    refused = signed_in(team_member).post(url)
    kept = (Contact.objects.count(), Contact.history.count())
    response = signed_in(manager).post(url)

    assert f'action="{url}"' in page
    assert refused.status_code == 403 and kept == (1, 2)
    assert response["Location"] == institution.get_absolute_url()
    assert messages_of(response) == ["The contact is erased, with its history."]
    assert not Contact.objects.exists() and not Contact.history.exists()
    erasure = ContactErasure.objects.get()
    assert (erasure.institution, erasure.erased_by) == (institution, manager)
    assert str(erasure).startswith(f"Contact erased by {manager.username} on ")
    assert "Ana" not in str(erasure)


def test_the_privacy_notice_says_what_is_kept_and_why_in_both_languages(client):
    home = client.get("/").content.decode()
    english = client.get(reverse("privacy")).content.decode()
    french = client.get("/fr/privacy/").content.decode()

    assert 'href="/privacy/"' in home
    assert "What is kept, and why" in english and "staff only" in english
    assert "Ce qui est conservé, et pourquoi" in french
