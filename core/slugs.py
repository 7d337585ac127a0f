"""Small helpers shared by the apps: slugs, and names compared as people read them."""

import unicodedata

from django.utils.text import slugify


def folded(text):
    """`text` without case, accents, spaces or punctuation: "Ministère de la  Justice" and
    "ministere de la justice" fold alike, as do "M.O.J." and "moj"."""
    decomposed = unicodedata.normalize("NFKD", str(text).casefold())
    return "".join(character for character in decomposed if character.isalnum())


def cut_at_word(slug, max_length):
    """`slug` shortened to at most `max_length` characters, at a hyphen when it has to be cut."""
    if len(slug) <= max_length:
        return slug.strip("-")
    cut = slug[: max_length + 1].rsplit("-", 1)[0]
    return (cut if cut and len(cut) <= max_length else slug[:max_length]).strip("-")


def unique_slug(instance, value, *, field="slug", max_length=80, reserved=()):
    """Return a slug for `value` that no other row of `instance`'s model uses.

    A slug in `reserved` (a word the model's URLs use, such as "new") gets a number too.
    """
    base = cut_at_word(slugify(value), max_length) or "item"
    others = type(instance)._default_manager.exclude(pk=instance.pk)
    slug, n = base, 2
    while slug in reserved or others.filter(**{field: slug}).exists():
        suffix = f"-{n}"
        slug = f"{cut_at_word(base, max_length - len(suffix))}{suffix}"
        n += 1
    return slug
