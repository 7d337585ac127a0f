"""Loading the demo data (demo/seed.py) into the database.

Rows are found by natural keys (codes, slugs, titles) and saved only when a value differs, so a
second run changes nothing: no new rows, no new history, no new `updated_at`.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.text import slugify

from activities.models import Activity, NewsItem
from core.languages import in_default_language
from demo.seed import (
    ACTIVITIES,
    CONTACTS,
    COUNTRIES,
    DEMO_ACCOUNTS,
    DEMO_PASSWORD,
    INDICATORS,
    INSTITUTIONS,
    PREDECESSOR,
    PREDECESSOR_SLUG,
    PROGRAMME,
    PROJECT_TITLES,
    PROJECTS,
    ROLES,
)
from demo.seed_fr import (
    ACTIVITIES_FR,
    INDICATORS_FR,
    INSTITUTIONS_FR,
    OBJECTIVES_FR,
    PROGRAMME_FR,
    PROJECTS_FR,
)
from projects.models import (
    Funding,
    Indicator,
    IndicatorValue,
    Objective,
    Programme,
    Project,
    ProjectMembership,
    ProjectPartner,
    ProjectSector,
)
from projects.periods import Frequency, generate_periods, period_for
from stakeholders.models import KOSOVO_FOOTNOTE_FR, Contact, Country, Institution


def upsert(model, lookup, values=None):
    """`update_or_create` that validates, and saves only when a value differs."""
    values = values or {}
    obj = model._default_manager.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values)
    elif all(getattr(obj, name) == value for name, value in values.items()):
        return obj
    else:
        for name, value in values.items():
            setattr(obj, name, value)
    obj.full_clean()
    obj.save()
    return obj


def news_slug(title):
    return slugify(title)[:80].strip("-")


PROJECT_TEXTS = [
    "title",
    "summary",
    "description",
    "target_groups",
    "end_beneficiaries",
    "key_standards",
]


def french(texts, fields):
    """The `<field>_fr` values of `texts` (demo/seed_fr.py); empty where it has none."""
    return {f"{field}_fr": texts.get(field, "") for field in fields}


@transaction.atomic
def load():
    """Load both seed pages, in English and French; return the projects loaded."""
    # Field names (`title`) mean the English text, whatever language the command runs in.
    with in_default_language():
        return _load()


def _load():
    countries = {
        code: upsert(
            Country,
            {"code": code},
            {
                "name": name,
                "footnote": footnote,
                "footnote_fr": KOSOVO_FOOTNOTE_FR if footnote else "",
            },
        )
        for code, name, footnote in COUNTRIES
    }
    institutions = {}
    for slug, (name, acronym, kind, country, parent, description) in INSTITUTIONS.items():
        institutions[slug] = upsert(
            Institution,
            {"slug": slug},
            {
                "name": name,
                "name_fr": INSTITUTIONS_FR.get(slug, ""),
                "acronym": acronym,
                "kind": kind,
                "country": countries.get(country),
                "parent": institutions.get(parent),
                "description": description,
            },
        )
    for slug, name, position in CONTACTS:
        upsert(Contact, {"institution": institutions[slug], "name": name}, {"position": position})

    programme = upsert(
        Programme,
        {"slug": PROGRAMME["slug"]},
        {
            **{key: value for key, value in PROGRAMME.items() if key != "slug"},
            **french(PROGRAMME_FR, ["name", "description"]),
        },
    )
    programmes = {programme.slug: programme}

    def project_row(data, predecessor=None):
        project = upsert(
            Project,
            {"slug": data["slug"]},
            {
                "title": data["title"],
                "code": data["code"],
                "phase": data.get("phase", ""),
                "programme": programmes.get(data["programme"]),
                "predecessor": predecessor,
                "start_date": data["start_date"],
                "end_date": data["end_date"],
                "budget": data["budget"],
                "currency": data.get("currency", "EUR"),
                "summary": data["summary"],
                "description": data["description"],
                "target_groups": data.get("target_groups", ""),
                "end_beneficiaries": data.get("end_beneficiaries", ""),
                "key_standards": data.get("key_standards", ""),
                **french(PROJECTS_FR[data["slug"]], PROJECT_TEXTS),
                "is_published": True,
            },
        )
        project.countries.set([countries[code] for code in data["countries"]])
        for code, percentage in data["sectors"]:
            upsert(ProjectSector, {"project": project, "code": code}, {"percentage": percentage})
        return project

    projects = {PREDECESSOR_SLUG: project_row(PREDECESSOR)}
    for data in PROJECTS:
        project = project_row(data, projects.get(data.get("predecessor")))
        projects[project.slug] = project
        # (funder, kind, public note[, staff-only note]): editorial remarks are for staff.
        for funder, kind, note, *internal in data["fundings"]:
            upsert(
                Funding,
                {"project": project, "funder": institutions[funder]},
                {
                    "kind": kind,
                    "amount": None,
                    "share": None,
                    "note": note,
                    "internal_note": "".join(internal),
                },
            )
        for institution, role, note, *internal in data["partners"]:
            upsert(
                ProjectPartner,
                {"project": project, "institution": institutions[institution], "role": role},
                {"note": note, "internal_note": "".join(internal)},
            )
        overall = None
        for position, (code, level, title) in enumerate(data["objectives"], start=1):
            objective = upsert(
                Objective,
                {"project": project, "code": code},
                {
                    "level": level,
                    "title": title,
                    "title_fr": OBJECTIVES_FR[project.slug, code],
                    "parent": overall,
                    "position": position,
                },
            )
            overall = overall or objective

    activities = {}
    for data in ACTIVITIES:
        project = projects[data["project"]]
        texts_fr = ACTIVITIES_FR[data["title"]]
        activity = upsert(
            Activity,
            {"project": project, "title": data["title"]},
            {
                "kind": data["kind"],
                "status": Activity.Status.HELD,
                "start_date": data["start_date"],
                "end_date": data.get("end_date", data["start_date"]),
                "venue": data.get("venue", ""),
                "city": data.get("city", ""),
                "format": data.get("format", Activity.Format.IN_PERSON),
                "description": data["description"],
                **french(texts_fr, ["title", "description"]),
                "participants_total": data.get("participants_total"),
                "facilitators": data.get("facilitators", ""),
                "internal_note": data.get("internal_note", ""),
            },
        )
        activity.countries.set([countries[code] for code in data["countries"]])
        activity.institutions.set([institutions[slug] for slug in data["institutions"]])
        activity.objectives.set(project.objectives.filter(code__in=data["objectives"]))
        activities[data["title"]] = activity
        news = data["news"]
        upsert(
            NewsItem,
            {"slug": news_slug(news["title"])},
            {
                "project": project,
                "activity": activity,
                "title": news["title"],
                "dateline": news["dateline"],
                "published_on": news["published_on"],
                "lead": news["lead"],
                "body": news.get("body", ""),
                **french(texts_fr["news"], ["title", "lead", "body"]),
                "is_published": True,
            },
        )

    # Annual reporting periods; the seed's values, approved, in them.
    for project in projects.values():
        generate_periods(project, Frequency.ANNUAL)
    for slug, code, name, unit, baseline, target, verification, values in INDICATORS:
        indicator = upsert(
            Indicator,
            {"objective": projects[slug].objectives.get(code=code), "name": name},
            {
                "unit": unit,
                "baseline": baseline,
                "target": target,
                "means_of_verification": verification,
                "name_fr": INDICATORS_FR[name],
            },
        )
        for day, value, activity in values:
            upsert(
                IndicatorValue,
                {"indicator": indicator, "date": day},
                {
                    "value": value,
                    "activity": activities[activity],
                    "period": period_for(projects[slug].pk, day),
                    "status": IndicatorValue.Status.APPROVED,
                },
            )
    return [projects[data["slug"]] for data in PROJECTS]


@transaction.atomic
def create_accounts():
    """Create the demo accounts (call only with DEBUG on); return (username, role) pairs."""
    User = get_user_model()
    managers = Group.objects.get(name="Managers")
    for username, (first, last, superuser, manager, project) in DEMO_ACCOUNTS.items():
        user = User.objects.filter(username=username).first() or User(username=username)
        values = {
            "first_name": first,
            "last_name": last,
            "email": f"{username}@example.org",
            "is_staff": superuser,
            "is_superuser": superuser,
            "is_active": True,
        }
        changed = user.pk is None or not user.check_password(DEMO_PASSWORD)
        for name, value in values.items():
            changed = changed or getattr(user, name) != value
            setattr(user, name, value)
        if changed:
            user.set_password(DEMO_PASSWORD)
            user.save()
        if manager:
            user.groups.add(managers)
        if project:
            upsert(
                ProjectMembership,
                {"project": Project.objects.get(slug=project), "user": user},
                {"role": ProjectMembership.Role.OFFICER},
            )
    return [
        (
            username,
            ROLES[(superuser, manager, bool(project))].format(project=PROJECT_TITLES.get(project)),
        )
        for username, (_, _, superuser, manager, project) in DEMO_ACCOUNTS.items()
    ]
