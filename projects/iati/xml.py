"""Writing IATI XML: elements, narratives in each language, decimals as IATI writes them."""

from decimal import Decimal

from django.conf import settings
from lxml import etree

from core.text import xml_text

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def decimal_text(value):
    """A decimal without a trailing `.00`, as IATI values are usually written."""
    value = Decimal(value)
    return str(value.quantize(Decimal(1))) if value == value.to_integral() else str(value)


def sub(parent, tag, text=None, **attributes):
    # xml_text: text that reached the database some other way cannot break the document.
    element = etree.SubElement(
        parent,
        tag,
        {k.replace("_", "-"): xml_text(str(v)) for k, v in attributes.items() if v is not None},
    )
    if text is not None:
        element.text = xml_text(text)
    return element


def narrative(parent, tag, text, **attributes):
    """`<tag><narrative>text</narrative></tag>`; `text` a string, or {language: text}."""
    element = sub(parent, tag, **attributes)
    texts = text if isinstance(text, dict) else {settings.LANGUAGE_CODE: text}
    for language, words in texts.items():
        if not words:
            continue
        item = sub(element, "narrative", words)
        if language != settings.LANGUAGE_CODE:
            item.set(XML_LANG, language)
    return element


def in_languages(record, field):
    """{language: text} of a field in every portal language it has (`title`, `title_fr`, …)."""
    texts = {settings.LANGUAGE_CODE: getattr(record, field)}
    for language, _name in settings.LANGUAGES:
        if language != settings.LANGUAGE_CODE:
            texts[language] = getattr(record, f"{field}_{language}", "") or ""
    return texts
