from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import SluggedModel
from core.slugs import folded
from stakeholders.countries import iso_name

# The footnote the Council of Europe puts on every text naming Kosovo (demo data, tests).
KOSOVO_FOOTNOTE = (
    "All reference to Kosovo, whether to the territory, institutions or population, in this text "
    "shall be understood in full compliance with United Nations Security Council Resolution 1244 "
    "and without prejudice to the status of Kosovo."
)
# Its official French wording.
KOSOVO_FOOTNOTE_FR = (
    "Toute référence au Kosovo, que ce soit à son territoire, à ses institutions ou à sa "
    "population, doit se comprendre en pleine conformité avec la Résolution 1244 du Conseil de "
    "sécurité des Nations Unies et sans préjuger du statut du Kosovo."
)


class Country(models.Model):
    """A country or territory; a footnote (Kosovo*) is shown once on every page naming it."""

    code = models.CharField(
        _("code"),
        max_length=2,
        unique=True,
        help_text=_("ISO 3166-1 alpha-2 code (XK for Kosovo)."),
    )
    name = models.CharField(_("name"), max_length=100, unique=True)
    footnote = models.TextField(
        _("footnote"),
        blank=True,
        help_text=_("When set, the name is shown with an asterisk and the page carries this text."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("country or territory")
        verbose_name_plural = _("countries and territories")

    def __str__(self):
        return self.display_name(self.name, self.footnote)

    def save(self, *args, **kwargs):
        # name_fr is the French column of the translated name (stakeholders/translation.py).
        if not self.name_fr:
            self.name_fr = iso_name(self.code, "fr")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("activities:list") + f"?country={self.code}"

    @staticmethod
    def display_name(name, footnote):
        """How pages name a country or territory: with an asterisk when it has a footnote
        (Kosovo*); for rows read with values() as for instances."""
        return f"{name}*" if footnote else name


class InstitutionQuerySet(models.QuerySet):
    def for_user(self, user):
        """The directory is public: every institution (their contacts are what is kept back)."""
        return self.all()

    def of_kind(self, kind):
        return self.filter(kind=kind)

    def funders(self):
        return self.filter(fundings__isnull=False).distinct()

    def similar_to(self, name, acronym=""):
        """Institutions that may be the one named `name` (`acronym`): a name or acronym equal to
        either, whatever the case, accents, spaces and punctuation (core.slugs.folded)."""
        wanted = {folded(name), folded(acronym)} - {""}
        same = [
            pk
            for pk, other_name, other_acronym in self.values_list("pk", "name", "acronym")
            if folded(other_name) in wanted or (other_acronym and folded(other_acronym) in wanted)
        ]
        return self.filter(pk__in=same)

    def matching(self, text):
        """Institutions whose name, acronym or country holds every word of `text`."""
        found = self
        for word in text.split():
            found = found.filter(
                models.Q(name__icontains=word)
                | models.Q(acronym__icontains=word)
                | models.Q(country__name__icontains=word)
            )
        return found


class Institution(SluggedModel):
    class Kind(models.TextChoices):
        MINISTRY = "ministry", _("Ministry")
        AGENCY = "agency", _("Government agency")
        INDEPENDENT_BODY = "independent", _("Independent body (ombudsperson / NPM)")
        PRISON = "prison", _("Prison or prison service")
        POLICE = "police", _("Police")
        PSYCHIATRIC = "psychiatric", _("Psychiatric or forensic institution")
        SOCIAL_CARE = "social_care", _("Social care institution")
        COURT = "court", _("Court")
        CIVIL_SOCIETY = "cso", _("Civil society organisation")
        INTERNATIONAL = "international", _("International organisation")
        DONOR = "donor", _("Donor")
        ACADEMIC = "academic", _("Academic body")
        TRAINING_NETWORK = "training_network", _("Training network")
        PROFESSIONAL = "professional", _("Professional association")

    name = models.CharField(_("name"), max_length=255)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    country = models.ForeignKey(
        "stakeholders.Country",
        verbose_name=_("country or territory"),
        on_delete=models.PROTECT,
        related_name="institutions",
        null=True,
        blank=True,
        help_text=_("Empty for international organisations."),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent institution"),
        on_delete=models.SET_NULL,
        related_name="units",
        null=True,
        blank=True,
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)

    history = HistoricalRecords()
    objects = InstitutionQuerySet.as_manager()
    reserved_slugs = ("new", "countries")

    class Meta:
        ordering = ["name"]
        verbose_name = _("institution")
        verbose_name_plural = _("institutions")
        indexes = [
            models.Index(fields=["kind", "name"], name="institution_kind_name"),
            # The directory's order, for its first page of 5,000 institutions.
            models.Index(fields=["name"], name="institution_name"),
            GinIndex(
                SearchVector("name", "acronym", "description", config="english"),
                name="institution_search",
            ),
            # The site search on /fr/: the French name, with the French configuration.
            GinIndex(
                SearchVector("name_fr", "acronym", "description", config="french"),
                name="institution_search_fr",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(parent=models.F("pk")), name="institution_not_own_parent"
            )
        ]

    def __str__(self):
        return self.display_name(self.name, self.acronym)

    @staticmethod
    def display_name(name, acronym):
        """How pages name an institution: its name and acronym; for rows read with values()
        as for instances."""
        return f"{name} ({acronym})" if acronym else name

    def slug_source(self):
        return f"{self.name} {self.acronym}" if self.acronym else self.name

    def get_absolute_url(self):
        return reverse("stakeholders:detail", args=[self.slug])


class Contact(models.Model):
    """A person at an institution. Personal data: staff only, never shown to visitors."""

    institution = models.ForeignKey(
        "stakeholders.Institution",
        verbose_name=_("institution"),
        on_delete=models.CASCADE,
        related_name="contacts",
    )
    name = models.CharField(_("name"), max_length=200)
    position = models.CharField(_("position"), max_length=200, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)

    # Who changed what, when; erased with the contact (stakeholders.services.contact_erase).
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")

    def __str__(self):
        return f"{self.name}, {self.position}" if self.position else self.name

    def get_absolute_url(self):
        return reverse("admin:stakeholders_contact_change", args=[self.pk])

    def cache_scopes(self):
        """None: contacts are shown to staff only, never on a cached page."""
        return set()


class ContactErasure(models.Model):
    """That a contact was erased (with its history), by whom and when: no personal data."""

    institution = models.ForeignKey(
        "stakeholders.Institution",
        verbose_name=_("institution"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="contact_erasures",
    )
    erased_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("erased by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    erased_at = models.DateTimeField(_("erased at"), auto_now_add=True)

    class Meta:
        ordering = ["-erased_at"]
        verbose_name = _("contact erasure")
        verbose_name_plural = _("contact erasures")

    def __str__(self):
        return _("Contact erased by %(who)s on %(date)s") % {
            "who": self.erased_by or _("a deleted account"),
            "date": self.erased_at.date().isoformat() if self.erased_at else "",
        }

    def cache_scopes(self):
        return set()
