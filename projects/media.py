"""Pictures and documents: the abstract records, and a project's cover pictures and documents.

One abstract base per kind of file, a concrete table per owner (a project's pictures, an
activity's gallery, a story's lead picture): each file has a real foreign key to its owner, so
deleting the owner deletes its files' rows, a QuerySet reaches the project to scope access, and
no content-types join is needed (as a generic owner would). Re-exported by `projects.models`.

Every file goes through `core.uploads` before it is saved. Pictures are stored on the default
storage (`STORAGES["default"]`, public: pages show their renditions, never the original);
documents on the "documents" storage, which has no public URL: they are read through a view that
checks access (`projects.media_views.serve_document`).
"""

import uuid

from django.core.files.images import get_image_dimensions
from django.core.files.storage import storages
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.access import is_manager
from projects.iati import codelists
from projects.logframe import project_key


def picture_path(instance, filename):
    return f"pictures/{type(instance)._meta.model_name}/{uuid.uuid4().hex}/{filename}"


def document_path(instance, filename):
    return f"{type(instance)._meta.model_name}/{uuid.uuid4().hex}/{filename}"


def document_storage():
    return storages["documents"]


class PictureBase(models.Model):
    image = models.ImageField(_("picture"), upload_to=picture_path)
    width = models.PositiveIntegerField(_("width"), editable=False, default=0)
    height = models.PositiveIntegerField(_("height"), editable=False, default=0)
    alt_text = models.CharField(
        _("alternative text"),
        max_length=255,
        help_text=_("What the picture shows, for readers who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=255, blank=True)
    credit = models.CharField(
        _("credit"), max_length=150, blank=True, help_text=_("© who took it.")
    )
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("The first picture leads.")
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["position", "pk"]

    def __str__(self):
        return self.alt_text

    def save(self, *args, **kwargs):
        if self.image and not (self.width and self.height):
            self.width, self.height = get_image_dimensions(self.image, close=True)
        super().save(*args, **kwargs)


class DocumentQuerySet(models.QuerySet):
    """Documents a user may download; `project_path` leads from a document to its project."""

    def visible(self):
        """What visitors may download: public documents of published projects."""
        path = self.model.project_path
        return self.filter(**{f"{path}__is_published": True}, is_internal=False)

    def for_user(self, user):
        if is_manager(user):
            return self.all()
        if user.is_authenticated:
            from projects.models import Project

            path = self.model.project_path
            team = Project.objects.editable_by(user).values("pk")
            return self.filter(Q(pk__in=self.visible().values("pk")) | Q(**{f"{path}__in": team}))
        return self.visible()


class DocumentBase(models.Model):
    class Kind(models.TextChoices):
        AGENDA = "agenda", _("Agenda")
        PARTICIPANTS = "participants", _("Participant list")
        REPORT = "report", _("Report")
        OTHER = "other", _("Other document")

    file = models.FileField(_("file"), upload_to=document_path, storage=document_storage)
    title = models.CharField(_("title"), max_length=255)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    category = models.CharField(
        _("IATI document category"),
        max_length=3,
        choices=codelists.choices("DocumentCategory"),
        blank=True,
    )
    language = models.CharField(
        _("language"), max_length=3, choices=codelists.choices("Language"), default="en"
    )
    is_internal = models.BooleanField(
        _("internal"),
        default=True,
        help_text=_(
            "Only the team and managers may download it. Participant lists are always internal."
        ),
    )
    file_type = models.CharField(_("file type"), max_length=4, editable=False)
    size = models.PositiveIntegerField(_("size in bytes"), editable=False, default=0)
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["kind", "title", "pk"]

    def __str__(self):
        return self.title

    @property
    def file_name(self):
        return self.file.name.rsplit("/", 1)[-1]


def participant_lists_internal(name):
    """A participant list holds personal data: the database refuses one marked public."""
    return models.CheckConstraint(
        condition=~Q(kind=DocumentBase.Kind.PARTICIPANTS) | Q(is_internal=True), name=name
    )


class ProjectPicture(PictureBase):
    """A picture of a project; the first is its cover."""

    project = project_key("pictures")

    class Meta(PictureBase.Meta):
        verbose_name = _("project picture")
        verbose_name_plural = _("project pictures")

    def cache_scopes(self):
        return {f"project:{self.project_id}"}


class ProjectDocument(DocumentBase):
    """A document of a project: a report, an agenda, a participant list…"""

    project_path = "project"
    project = project_key("documents")

    class Meta(DocumentBase.Meta):
        verbose_name = _("project document")
        verbose_name_plural = _("project documents")
        constraints = [participant_lists_internal("project_document_participants_internal")]

    def get_absolute_url(self):
        return reverse("projects:document", args=[self.project.slug, self.pk])

    def cache_scopes(self):
        return {f"project:{self.project_id}"}
