"""Pictures and documents: the staff page that adds and removes them, and the document download.

The staff page works for any owner (a project, an activity, a story): a subclass says how the
owner is found (`owner_queryset`, through core.access.get_editable: 404 if unknown to the user,
403 if they may only read it) and which models hold its files.
"""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import BadRequest
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from core import uploads
from core.access import get_editable
from projects.media_forms import DocumentForm, PictureForm, form_for
from projects.models import Project, ProjectDocument, ProjectPicture


class MediaView(LoginRequiredMixin, TemplateView):
    """/<owner>/media/: the owner's pictures and documents, a form to add each, remove buttons."""

    template_name = "includes/media_page.html"
    picture_model = None
    document_model = None
    owner_field = None  # the name of the owner's key on the picture and document models

    def owner_queryset(self):
        raise NotImplementedError

    @cached_property
    def owner(self):
        return get_editable(self.owner_queryset(), self.request.user, **self.kwargs)

    def owned(self, model):
        return model.objects.filter(**{self.owner_field: self.owner})

    def forms(self, data=None, files=None, bound=None):
        forms = {"picture": form_for(PictureForm, self.picture_model)(prefix="picture")}
        if self.document_model:
            forms["document"] = form_for(DocumentForm, self.document_model)(prefix="document")
        if bound:
            forms[bound] = type(forms[bound])(data, files, prefix=bound)
        return forms

    def get_context_data(self, **kwargs):
        forms = kwargs.pop("forms", None) or self.forms()
        return super().get_context_data(
            owner=self.owner,
            pictures=self.owned(self.picture_model),
            documents=self.owned(self.document_model) if self.document_model else None,
            picture_form=forms["picture"],
            document_form=forms.get("document"),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        self.owner  # noqa: B018 - 404/403 before anything is read
        for kind, model in (("picture", self.picture_model), ("document", self.document_model)):
            pk = request.POST.get(f"delete-{kind}")
            if model and pk:
                if not pk.isdecimal() or len(pk) > 18:
                    raise Http404
                record = get_object_or_404(self.owned(model), pk=pk)
                record.delete()
                messages.success(request, _("“%(name)s” was removed.") % {"name": record})
                return HttpResponseRedirect(request.path)
        kind = request.POST.get("add")
        if kind not in ("picture", "document") or (kind == "document" and not self.document_model):
            raise BadRequest("Say what to add: add=picture or add=document.")
        forms = self.forms(request.POST, request.FILES, bound=kind)
        form = forms[kind]
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(forms=forms), status=400)
        record = form.save_for(**{self.owner_field: self.owner})
        messages.success(request, _("“%(name)s” was added.") % {"name": record})
        return HttpResponseRedirect(request.path)


class ProjectMediaView(MediaView):
    picture_model = ProjectPicture
    document_model = ProjectDocument
    owner_field = "project"

    def owner_queryset(self):
        return Project.objects.for_user(self.request.user)


def serve_document(request, documents, **lookup):
    """The document found by `lookup` among those the user may download, as an attachment.

    Unknown, internal (for a visitor) or of an unpublished project: 404, as if it did not exist.
    Never a storage URL: the file is read here, and an internal one is never kept by a cache.
    """
    document = get_object_or_404(documents.for_user(request.user), **lookup)
    try:
        handle = document.file.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=document.file_name,
        content_type=uploads.DOCUMENT_TYPES.get(document.file_type, "application/octet-stream"),
    )
    response["X-Content-Type-Options"] = "nosniff"
    if document.is_internal or not documents.visible().filter(pk=document.pk).exists():
        patch_cache_control(response, private=True, no_store=True)
    return response


@require_safe
def project_document(request, slug, pk):
    return serve_document(request, ProjectDocument.objects, project__slug=slug, pk=pk)
