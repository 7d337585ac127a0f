"""Text hygiene: stored text holds no control characters; XML writers get what XML 1.0 holds.

A paste from Word brings vertical tabs (\\x0b) and form feeds (\\x0c) for its line and page
breaks; they become line breaks. Every other C0/C1 control (NUL included) but tab, line feed and
carriage return is removed, and so are lone surrogates, which no encoder can write.
"""

import re

from django.db import models

# Vertical tab, form feed, next line and the Unicode line/paragraph separators: line breaks.
LINE_BREAKS = re.compile("[\x0b\x0c\x85\u2028\u2029]")
# C0 controls but \t \n \r, DEL, C1 controls, lone surrogates.
CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
# What XML 1.0 cannot hold at all (§2.2 Char): C0 but \t \n \r, surrogates, U+FFFE, U+FFFF.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean_text(value):
    """`value` with vertical tabs and form feeds as line breaks and other controls removed."""
    if not isinstance(value, str) or not value:
        return value
    return CONTROLS.sub("", LINE_BREAKS.sub("\n", value))


def xml_text(value):
    """`value` without the characters XML 1.0 cannot hold (for feeds and IATI files)."""
    if not isinstance(value, str):
        return value
    return NOT_XML.sub("", LINE_BREAKS.sub("\n", value))


TEXT_FIELDS = (models.CharField, models.TextField)


def clean_text_fields(sender, instance, raw=False, **kwargs):
    """pre_save: normalise every text field of the record before it is written.

    Connected for every model (core/apps.py), so forms, the admin, the import, fixtures and the
    shell all pass through it; `queryset.update()` and `bulk_create()` do not (none writes text
    from users).
    """
    for field in instance._meta.concrete_fields:
        if isinstance(field, TEXT_FIELDS) and not field.choices:
            value = getattr(instance, field.attname)
            cleaned = clean_text(value)
            if cleaned is not value and cleaned != value:
                setattr(instance, field.attname, cleaned)


# In a log line: every control character, and the Unicode line separators, shown escaped.
LOG_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def log_text(value):
    """`value` for a log line: `\\n`, `\\x1b`… in place of control characters (no forged lines)."""
    return LOG_UNSAFE.sub(lambda match: match.group().encode("unicode_escape").decode(), value)
