"""The words searched for, marked in a result's text: PostgreSQL's ts_headline (stems and all)
on PostgreSQL, a word match on SQLite. Either way the text is escaped and only the portal's own
<mark> tags are HTML: a record's text never reaches the page unescaped."""

import re

from django.contrib.postgres.search import SearchHeadline
from django.db.models import F, Value
from django.db.models.functions import Coalesce, NullIf, Replace
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

# Private-use characters stand for <mark> and </mark> until the text is escaped.
START, STOP = "\ue000", "\ue001"
SNIPPET_WORDS = 30


def _clean(field, fallback=None):
    """The column (else `fallback` where it is empty) without any character that stands for a
    mark."""
    text = Coalesce(NullIf(F(field), Value("")), F(fallback)) if fallback else F(field)
    return Replace(Replace(text, Value(START), Value("")), Value(STOP), Value(""))


def headline(field, query, *, whole=False, config="english", fallback=None):
    """ts_headline of `field` (or `fallback` where it is empty) for `query`, marks as START /
    STOP (PostgreSQL)."""
    options = {"highlight_all": True} if whole else {"max_words": SNIPPET_WORDS, "min_words": 15}
    return SearchHeadline(
        _clean(field, fallback), query, config=config, start_sel=START, stop_sel=STOP, **options
    )


def mark_words(text, terms, *, whole=False):
    """`text` with each word of `terms` marked as START / STOP (the SQLite equivalent)."""
    text = (text or "").replace(START, "").replace(STOP, "")
    if not whole:
        text = Truncator(text).words(SNIPPET_WORDS)
    words = [re.escape(word) for word in (w.strip('"-') for w in terms.split()) if word]
    if not words:
        return text
    pattern = re.compile("|".join(words), re.IGNORECASE)
    return pattern.sub(lambda match: f"{START}{match.group(0)}{STOP}", text)


def as_html(marked):
    """Marked text as safe HTML: everything escaped, then the marks made <mark> elements."""
    html = escape(marked or "")
    return mark_safe(html.replace(START, "<mark>").replace(STOP, "</mark>"))  # noqa: S308
