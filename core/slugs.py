"""Small helpers shared by the apps."""

from django.utils.text import slugify


def unique_slug(instance, value, *, field="slug", max_length=80):
    """Return a slug for `value` that no other row of `instance`'s model uses."""
    base = slugify(value)[:max_length].strip("-") or "item"
    others = type(instance)._default_manager.exclude(pk=instance.pk)
    slug, n = base, 2
    while others.filter(**{field: slug}).exists():
        suffix = f"-{n}"
        slug = f"{base[: max_length - len(suffix)]}{suffix}"
        n += 1
    return slug
