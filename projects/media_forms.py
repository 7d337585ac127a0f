"""Staff forms that add a picture or a document; every file is checked by core.uploads."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Layout
from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from core import uploads
from core.forms import RecordForm


class PictureForm(RecordForm):
    upload = forms.FileField(
        label=_("Picture"),
        help_text=_(
            "A JPEG, PNG or WebP photo, at most 10 MB; its metadata (GPS position too) is removed."
        ),
    )

    class Meta:
        fields = ["alt_text", "alt_text_fr", "caption", "caption_fr", "credit", "position"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            "upload",
            self.side_by_side("alt_text"),
            self.side_by_side("caption"),
            "credit",
            "position",
        )

    def clean_upload(self):
        return uploads.checked_image(self.cleaned_data["upload"])

    def save_for(self, **owner):
        picture = self.save(commit=False)
        for name, value in owner.items():
            setattr(picture, name, value)
        checked = self.cleaned_data["upload"]
        picture.image.save(checked.name, checked, save=False)
        picture.save()
        return picture


class DocumentForm(RecordForm):
    upload = forms.FileField(
        label=_("Document"), help_text=_("A PDF, DOCX, XLSX or ODT file, at most 20 MB.")
    )

    class Meta:
        fields = ["title", "kind", "category", "language", "is_internal"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            "upload", "title", "kind", "category", "language", "is_internal"
        )

    def clean_upload(self):
        upload = self.cleaned_data["upload"]
        self.file_type = uploads.checked_document(upload)
        return upload

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if kind == self._meta.model.Kind.PARTICIPANTS and not cleaned.get("is_internal"):
            self.add_error(
                "is_internal", _("A participant list holds personal data: it stays internal.")
            )
        return cleaned

    def save_for(self, **owner):
        document = self.save(commit=False)
        for name, value in owner.items():
            setattr(document, name, value)
        upload = self.cleaned_data["upload"]
        document.file_type, document.size = self.file_type, upload.size
        upload.seek(0)
        document.file.save(uploads.document_name(upload, self.file_type), upload, save=False)
        document.save()
        return document


def form_for(base, model):
    """`base` (PictureForm, DocumentForm) for one owner's model."""
    meta = type("Meta", (base.Meta,), {"model": model})
    return type(f"{model.__name__}Form", (base,), {"Meta": meta})


class PictureAdminForm(forms.ModelForm):
    """The admin's picture inlines: a new file goes through the same checks as the staff form."""

    def clean_image(self):
        image = self.cleaned_data.get("image")
        if isinstance(image, UploadedFile):
            return uploads.checked_image(image)
        return image


class DocumentAdminForm(forms.ModelForm):
    """The admin's document inlines: a new file is checked by content, as on the staff page."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):
            kind = uploads.checked_document(upload)
            self.instance.file_type, self.instance.size = kind, upload.size
            upload.name = uploads.document_name(upload, kind)
        return upload


def picture_inline(model, base):
    """An admin inline of `model`'s pictures (`base`: modeltranslation's inline class)."""
    return type(
        f"{model.__name__}Inline",
        (base,),
        {
            "model": model,
            "form": PictureAdminForm,
            "extra": 0,
            "fields": ["image", "alt_text", "caption", "credit", "position"],
        },
    )


def document_inline(model):
    from django.contrib.admin import TabularInline

    return type(
        f"{model.__name__}Inline",
        (TabularInline,),
        {
            "model": model,
            "form": DocumentAdminForm,
            "extra": 0,
            "fields": ["file", "title", "kind", "category", "language", "is_internal"],
        },
    )
