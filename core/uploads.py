"""Upload checks, in one place: pictures are decoded and re-encoded, documents are read.

A file is judged by its content, never by its name: a picture must decode with Pillow (JPEG, PNG
or WebP), within a size and a pixel limit (a decompression bomb is refused before it is
decoded); it is saved re-encoded, turned upright (`ImageOps.exif_transpose`) and without its
metadata (EXIF, GPS position included). A document must be a PDF, or a DOCX, XLSX or ODT whose
zip holds the parts such a file holds. Each refusal is a `ValidationError` a form shows beside
its field.
"""

import io
import warnings
import zipfile
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

# Pillow's format names -> the extension the saved file gets.
IMAGE_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


def max_image_bytes():
    return getattr(settings, "MAX_IMAGE_BYTES", 10 * 1024 * 1024)


def max_image_pixels():
    return getattr(settings, "MAX_IMAGE_PIXELS", 40_000_000)


def max_document_bytes():
    return getattr(settings, "MAX_DOCUMENT_BYTES", 20 * 1024 * 1024)


def _check_size(upload, limit):
    if upload.size > limit:
        raise ValidationError(
            _("The file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="too_large",
        )


def _read(upload):
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    return data


def _open_image(data):
    """The image in `data`, its header read (not yet decoded); refused if too many pixels."""
    not_an_image = ValidationError(
        _("This file is not a picture the portal can use: upload a JPEG, PNG or WebP image."),
        code="not_an_image",
    )
    bomb = ValidationError(
        _("The picture is too large: at most %(pixels)s million pixels.")
        % {"pixels": max_image_pixels() // 1_000_000},
        code="too_many_pixels",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data))
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise bomb from None
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
            raise not_an_image from None
    if image.format not in IMAGE_FORMATS:
        raise not_an_image
    width, height = image.size
    if width * height > max_image_pixels():
        raise bomb
    return image, not_an_image


def checked_image(upload):
    """The uploaded picture re-encoded without metadata, upright, as a file to save.

    Raises ValidationError for a file that is too big, not a picture, or has too many pixels.
    """
    _check_size(upload, max_image_bytes())
    data = _read(upload)
    image, not_an_image = _open_image(data)
    try:
        image.verify()  # the whole file, checked; the image must be opened again after
        image, _unused = _open_image(data)
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image.load()
        kind = image.format
        image = ImageOps.exif_transpose(image)
    except ValidationError:
        raise
    except Exception:  # noqa: BLE001 - Pillow raises many kinds for a broken file
        raise not_an_image from None
    if kind == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    out = io.BytesIO()
    options = {"quality": 90, "optimize": True} if kind in ("JPEG", "WEBP") else {}
    # No exif= and no pnginfo=: the saved file carries none of the upload's metadata.
    image.save(out, format=kind, **options)
    stem = PurePath(get_valid_filename(upload.name or "picture")).stem[:60] or "picture"
    return ContentFile(out.getvalue(), name=f"{stem}.{IMAGE_FORMATS[kind]}")


# Documents -----------------------------------------------------------------------------------

DOCUMENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
}
# The part an Office Open XML file's zip holds for each kind.
OOXML_PARTS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}


def document_kind(data):
    """ "pdf", "docx", "xlsx" or "odt" by the file's content; None for anything else."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if not data.startswith(b"PK\x03\x04"):
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                mimetype = archive.read("mimetype").strip()
                return "odt" if mimetype == DOCUMENT_TYPES["odt"].encode() else None
            if "[Content_Types].xml" not in names:
                return None
            for kind, part in OOXML_PARTS.items():
                if part in names:
                    return kind
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    return None


def checked_document(upload):
    """The uploaded document's kind ("pdf"…), once its size and content are checked."""
    _check_size(upload, max_document_bytes())
    kind = document_kind(_read(upload))
    if kind is None:
        raise ValidationError(
            _("This file is not a document the portal keeps: upload a PDF, DOCX, XLSX or ODT."),
            code="not_a_document",
        )
    return kind


def document_name(upload, kind):
    """A safe file name for the stored document, its extension the one its content says."""
    stem = PurePath(get_valid_filename(upload.name or "document")).stem[:80] or "document"
    return f"{stem}.{kind}"
