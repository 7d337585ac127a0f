"""The French catalogue is complete and compiled, and French pages show no English interface."""

import ast
import re
import struct
from gettext import GNUTranslations
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.contrib.auth.models import Group

from activities.models import Activity
from projects.models import Indicator
from tests import factories
from tests.helpers import missing

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "locale/fr/LC_MESSAGES/django.po"
MO = ROOT / "locale/fr/LC_MESSAGES/django.mo"
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|\{\w*\}")


# The catalogue


def po_entries(path=PO):
    """Entries of a .po file as dicts (msgid, msgid_plural, msgstr or msgstr[n], flags)."""
    entries, entry, key = [], {}, None
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            if "msgid" in entry:
                entries.append(entry)
            entry, key = {}, None
        elif line.startswith("#,"):
            entry["flags"] = {flag.strip() for flag in line[2:].split(",")}
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            entry[key] += ast.literal_eval(line)
        else:
            key, _, value = line.partition(" ")
            entry[key] = ast.literal_eval(value)
    header = [e for e in entries if e["msgid"] == ""]
    assert len(header) == 1, "the .po has one header"
    return [e for e in entries if e["msgid"] != ""]


def translations_of(entry):
    return [value for key, value in entry.items() if key.startswith("msgstr")]


def test_catalogue_has_hundreds_of_messages():
    assert len(po_entries()) > 400


def test_every_french_message_is_translated_and_none_is_fuzzy():
    untranslated = [e["msgid"] for e in po_entries() if not all(translations_of(e))]
    fuzzy = [e["msgid"] for e in po_entries() if "fuzzy" in e.get("flags", ())]
    assert untranslated == []
    assert fuzzy == []


def test_plural_messages_have_both_french_forms():
    header = PO.read_text(encoding="utf-8").split("\n\n", 1)[0]
    assert "Plural-Forms: nplurals=2; plural=(n > 1);" in header
    for entry in po_entries():
        if "msgid_plural" in entry:
            assert set(translations_of(entry)) and "msgstr[1]" in entry, entry["msgid"]
            assert "msgstr" not in entry, entry["msgid"]


def test_translations_keep_every_placeholder():
    for entry in po_entries():
        if "msgid_plural" in entry:
            # The singular may drop the count ("Un article"); it never invents a placeholder.
            allowed = set(PLACEHOLDER.findall(entry["msgid"] + entry["msgid_plural"]))
            assert set(PLACEHOLDER.findall(entry["msgstr[0]"])) <= allowed, entry["msgid"]
            expected, translated = entry["msgid_plural"], entry["msgstr[1]"]
        else:
            expected, translated = entry["msgid"], entry["msgstr"]
        assert set(PLACEHOLDER.findall(translated)) == set(PLACEHOLDER.findall(expected)), expected


def test_compiled_catalogue_matches_the_po_file():
    with MO.open("rb") as handle:
        data = handle.read()
        handle.seek(0)
        compiled = GNUTranslations(handle)
    byte_order = "<" if data[:4] == b"\xde\x12\x04\x95" else ">"
    (count,) = struct.unpack(byte_order + "I", data[8:12])
    entries = po_entries()
    assert count == len(entries) + 1, "the .mo holds the header and every .po entry, no more"
    for entry in entries:
        if "msgid_plural" in entry:
            one = compiled.ngettext(entry["msgid"], entry["msgid_plural"], 1)
            many = compiled.ngettext(entry["msgid"], entry["msgid_plural"], 2)
            assert (one, many) == (entry["msgstr[0]"], entry["msgstr[1]"]), entry["msgid"]
        else:
            assert compiled.gettext(entry["msgid"]) == entry["msgstr"], entry["msgid"]


# The source: every marked string is in the catalogue, no text is left unmarked

TEMPLATES = ROOT / "templates"
APPS = ["activities", "projects", "stakeholders", "config"]
GETTEXT_NAMES = {"_", "gettext", "gettext_lazy", "pgettext", "pgettext_lazy"}
NGETTEXT_NAMES = {"ngettext", "ngettext_lazy"}
TRANSLATE_TAG = re.compile(r"""\{%\s*trans(?:late)?\s+(["'])(.*?)\1""")


def marked_in_templates():
    for path in TEMPLATES.rglob("*.html"):
        for match in TRANSLATE_TAG.finditer(path.read_text(encoding="utf-8")):
            yield path, match.group(2)


def marked_in_python():
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not (isinstance(node, ast.Call) and node.args):
                    continue
                name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                first = node.args[0]
                if name in GETTEXT_NAMES | NGETTEXT_NAMES and isinstance(first, ast.Constant):
                    yield path, first.value


def test_every_string_marked_in_the_source_is_in_the_catalogue():
    msgids = {e["msgid"] for e in po_entries()}
    missing = {
        f"{path.relative_to(ROOT)}: {text}"
        for path, text in [*marked_in_templates(), *marked_in_python()]
        if text not in msgids
    }
    assert missing == set(), "run `make messages` and translate the new strings"


def unmarked_template_text(source):
    """Words in a template outside translate tags, variables, comments and scripts."""
    source = re.sub(
        r"\{%\s*blocktrans(?:late)?\b.*?\{%\s*endblocktrans(?:late)?\s*%\}", " ", source, flags=re.S
    )
    source = re.sub(r"\{%\s*comment\s*%\}.*?\{%\s*endcomment\s*%\}", " ", source, flags=re.S)
    source = re.sub(r"\{#.*?#\}|<!--.*?-->", " ", source, flags=re.S)
    source = re.sub(r"<(script|style)\b.*?</\1>", " ", source, flags=re.S)
    source = re.sub(r"\{%.*?%\}|\{\{.*?\}\}", " ", source, flags=re.S)
    words = []
    for attribute in re.findall(r'\b(?:title|aria-label|placeholder|alt)="([^"]*)"', source):
        words += re.findall(r"[A-Za-z]{2,}", attribute)
    words += re.findall(r"[A-Za-z]{2,}", re.sub(r"<[^>]*>", " ", source, flags=re.S))
    return words


def test_unmarked_template_text_is_detected():
    template = '<p title="Print it">{% translate "Hello" %} {{ name }} Goodbye</p>'
    assert unmarked_template_text(template) == ["Print", "it", "Goodbye"]


def test_templates_have_no_text_outside_translate_tags():
    found = {
        str(path.relative_to(ROOT)): words
        for path in TEMPLATES.rglob("*.html")
        if (words := unmarked_template_text(path.read_text(encoding="utf-8")))
    }
    assert found == {}


# French pages on the demo data

ENGLISH_INTERFACE = {
    "Home", "Projects", "Activities", "News", "Search", "Search the portal", "Sign in",
    "Sign out", "My work", "Dashboard", "Read more", "Key facts", "Key figures", "Latest news",
    "Upcoming activities", "Skip to main content", "Filter", "Apply filters", "Clear",
    "Clear filters", "Save", "Cancel", "Previous", "Next", "Print", "Edit", "Delete", "History",
    "Language", "Text size", "Total budget", "Duration", "Funders", "Target groups", "Status",
    "Kind", "Title", "Year", "Country or territory", "Sort by", "Any", "Objectives", "Objective",
    "Participating institutions", "Objectives served", "Facilitators", "Women", "Men",
    "Your projects", "Add activity", "Write news", "Username", "Password", "Time elapsed",
    "Progress", "Baseline", "Target", "Portfolio dashboard", "By funder", "Held", "Planned",
    "Cancelled", "Ongoing", "Completed", "Training", "Study visit", "Meeting", "Workshop",
    "Seminar", "Working group", "Expert review", "Place", "City", "Amount",
}  # fmt: skip
ENGLISH_FRAGMENTS = [
    "(descending)", "Read more", "Sign in", "Skip to", "No activity", "No project", "not recorded",
    "Not recorded", "Nothing ", "of the budget", "Known funding", "Last updated", "Filter ",
    "results for", "Follow the news", "Decrease text", "Log an activity", "Who took part",
]  # fmt: skip


class InterfaceText(HTMLParser):
    """Text nodes and the attributes people read or hear, outside scripts and styles."""

    ATTRIBUTES = {"title", "aria-label", "placeholder", "alt"}

    def __init__(self, page):
        super().__init__()
        self.texts, self.hidden = [], 0
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        self.hidden += tag in ("script", "style")
        self.texts += [v for k, v in attrs if v and (k in self.ATTRIBUTES or k == "value")]

    def handle_endtag(self, tag):
        self.hidden -= tag in ("script", "style")

    def handle_data(self, data):
        if not self.hidden and data.strip():
            self.texts.append(" ".join(data.split()))


def english_on(page):
    """English interface wording found on a page: whole labels, pieces of a "·" line, fragments."""
    texts = InterfaceText(page).texts
    pieces = {piece.strip(" :") for text in texts for piece in text.split("·")}
    fragments = {fragment for fragment in ENGLISH_FRAGMENTS if any(fragment in t for t in texts)}
    return sorted((pieces & ENGLISH_INTERFACE) | fragments)


def test_english_on_finds_interface_words_not_content():
    page = (
        '<h1>Projets</h1><a title="Read more">x</a><p>Formation · Held</p>'
        "<p>Training on psychosocial programmes</p><script>Search</script>"
    )
    assert english_on(page) == ["Held", "Read more"]


@pytest.fixture
def demo_urls(demo):
    """What the addresses below are filled in with: the Kosovo project and its records."""
    study_visit = Activity.objects.get(title="Study visit to Ireland on forensic mental health")
    return {
        "project": demo.kosovo.slug,
        "activity": study_visit.pk,
        "indicator": Indicator.objects.filter(objective__project=demo.kosovo).first().pk,
    }


@pytest.fixture
def manager_on_the_team(demo):
    user = factories.UserFactory(first_name="Mila", last_name="Marković")
    user.groups.add(Group.objects.get(name="Managers"))
    factories.MembershipFactory(project=demo.kosovo, user=user)
    return user


PUBLIC_PAGES = [
    ("/fr/", ["Chiffres clés", "Projets en cours", "Dernières actualités", "activités réalisées"]),
    ("/fr/projects/", ["Filtrer les projets", "Trier par", "En cours"]),
    (
        "/fr/projects/{project}/",
        ["Informations clés", "Objectif spécifique", "Bailleurs de fonds", "Lire la suite"],
    ),
    ("/fr/activities/", ["Filtrer les activités", "Date (les plus récentes d’abord)", "Lieu"]),
    (
        "/fr/activities/{activity}/",
        ["Institutions participantes", "Objectifs servis", "Visite d’étude", "Réalisé"],
    ),
    ("/fr/news/", ["Filtrer les actualités", "Suivre les actualités (fil Atom)"]),
    ("/fr/stakeholders/", ["Filtrer les institutions", "Institutions par initiale"]),
    ("/fr/search/?q=prison", ["résultats pour « prison »", "Rechercher dans le portail"]),
    ("/fr/accounts/login/", ["Nom d’utilisateur", "Mot de passe", "Se connecter"]),
]
STAFF_PAGES = [
    ("/fr/my-work/", ["Tous les projets", "Ajouter une activité", "Dernières activités"]),
    ("/fr/activities/new/", ["Enregistrer une activité", "Qui a participé", "Quand et où"]),
    ("/fr/dashboard/", ["Tableau de bord du portefeuille", "Par bailleur de fonds", "Totaux"]),
    (
        "/fr/projects/{project}/dashboard/",
        [
            "Temps écoulé",
            "Participants touchés",
            "Objectifs et indicateurs",
            "Financements connus :",
        ],
    ),
    (
        "/fr/projects/{project}/indicators/{indicator}/record/",
        ["Enregistrer la valeur", "Retour au tableau de bord"],
    ),
]


@pytest.mark.parametrize(("url", "french"), PUBLIC_PAGES)
def test_french_public_page_has_a_french_interface(client, demo_urls, url, french):
    response = client.get(url.format(**demo_urls))
    page = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="fr">' in page
    assert [word for word in french if word not in page] == []
    assert english_on(page) == []


@pytest.mark.parametrize(("url", "french"), STAFF_PAGES)
def test_french_staff_page_has_a_french_interface(
    client, manager_on_the_team, demo_urls, url, french
):
    client.force_login(manager_on_the_team)
    response = client.get(url.format(**demo_urls))
    page = response.content.decode()
    assert response.status_code == 200
    assert [word for word in french if word not in page] == []
    assert english_on(page) == []


def test_french_form_errors_are_in_french(client, manager_on_the_team):
    client.force_login(manager_on_the_team)
    page = client.post("/fr/activities/new/", {"title": ""}).content.decode()
    assert missing(page, "Il y a un problème", "Indiquez le champ « titre ».") == []
    assert "This field is required" not in page


def test_french_page_not_found_is_in_french(client, db):
    page = client.get("/fr/no-such-page/").content.decode()
    assert "Page introuvable" in page
    assert "Aller à la page d’accueil" in page
    assert english_on(page) == []


def test_french_activity_sorting_offers_french_labels_for_both_directions(client, db):
    page = client.get("/fr/activities/").content.decode()
    assert missing(page, "Titre (Z–A)", "Type (ordre inverse)") == []
    assert "descending" not in page


def test_french_feed_title_is_french(client, db):
    feed = client.get("/fr/news/feed/").content.decode()
    assert "<title>Portail de la coopération : actualités</title>" in feed
