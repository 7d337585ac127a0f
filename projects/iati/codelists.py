"""The IATI codelists vendored in `projects/iati/data/codelists/` (see the README there).

A codelist is read once per process and kept. Withdrawn entries stay on the list, so data that
used them still checks as the IATI Validator checks it (`codes(name, withdrawn=True)`), but they
are never offered for new data: `codes(name)` and `choices(name)` hold the active entries only.

    codes("ActivityStatus")           # frozenset({"1", "2", "3", "4", "5", "6"})
    name_of("Sector", "15130")        # "Legal and judicial development" (French when active)
    choices("Currency")               # [("AED", "UAE Dirham"), ...] for a form or model field

Importing this module imports nothing of the portal's models.
"""

import functools
from dataclasses import dataclass
from pathlib import Path

from django.utils import translation
from django.utils.functional import lazy
from lxml import etree

CODELIST_DIR = Path(__file__).resolve().parent / "data" / "codelists"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Every vendored codelist is written in English (`<codelist xml:lang="en">`).
DEFAULT_LANGUAGE = "en"


class CodelistError(LookupError):
    """A codelist that is not vendored, or a code that is not on its codelist."""


@dataclass(frozen=True)
class Entry:
    code: str
    names: dict  # language code -> name; the codelist's own language is always there
    withdrawn: bool

    def name(self, language):
        return self.names.get(language) or self.names[DEFAULT_LANGUAGE]


def available():
    """The names of the vendored codelists."""
    return sorted(path.stem for path in CODELIST_DIR.glob("*.xml"))


@functools.cache
def load(name):
    """The entries of codelist `name` by code, in the codelist's order."""
    path = CODELIST_DIR / f"{name}.xml"
    if not path.is_file():
        raise CodelistError(f"The {name} codelist is not vendored in {CODELIST_DIR}.")
    root = etree.parse(str(path)).getroot()
    default = root.get(XML_LANG, DEFAULT_LANGUAGE)
    entries = {}
    for item in root.iterfind("codelist-items/codelist-item"):
        names = {
            narrative.get(XML_LANG, default): (narrative.text or "").strip()
            for narrative in item.iterfind("name/narrative")
        }
        code = item.findtext("code").strip()
        entries[code] = Entry(code, names, withdrawn=item.get("status") == "withdrawn")
    return entries


@functools.cache
def codes(name, *, withdrawn=False):
    """The codes of codelist `name`: the active ones, or every one with `withdrawn=True`."""
    return frozenset(code for code, entry in load(name).items() if withdrawn or not entry.withdrawn)


def entry(name, code):
    try:
        return load(name)[code]
    except KeyError:
        raise CodelistError(f"{code!r} is not on the {name} codelist.") from None


def name_of(name, code, language=None):
    """The name of `code` in `language` (default: the active one), else in English."""
    language = (language or translation.get_language() or DEFAULT_LANGUAGE).split("-")[0]
    return entry(name, code).name(language)


# A label that is looked up when it is shown, so a model field's choices follow the language.
lazy_name_of = lazy(name_of, str)


def choices(name):
    """(code, name) pairs of the active entries, in codelist order, for form or model choices."""
    return [
        (code, lazy_name_of(name, code)) for code, item in load(name).items() if not item.withdrawn
    ]
