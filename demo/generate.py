"""Large, realistic and valid data for benchmarks, written with bulk inserts.

`generate(sizes=Sizes(...), seed=..., today=...)` is what `manage.py generate_data` runs. The same
seed and `today` give the same rows. Bulk inserts bypass `save()`, so slugs and end dates are filled
here, and no history rows are written.
"""

import random
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_DOWN, Decimal

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.utils.text import slugify

from activities.models import Activity, NewsItem
from projects.models import (
    Funding,
    Indicator,
    IndicatorValue,
    Objective,
    Programme,
    Project,
    ProjectMembership,
    ProjectPartner,
    ReportingPeriod,
)
from projects.periods import calendar_periods
from stakeholders.models import KOSOVO_FOOTNOTE, Contact, Country, Institution

GENERATED_USER_PREFIX = "generated-"
BATCH_SIZE = 2000
ACTIVITY_CHUNK = 10_000

# code, name, cities; the first twelve are the beneficiaries projects work in.
COUNTRIES = [
    ("AL", "Albania", ["Tirana", "Durrës", "Shkodër", "Elbasan", "Vlorë"]),
    ("BA", "Bosnia and Herzegovina", ["Sarajevo", "Banja Luka", "Mostar", "Tuzla", "Zenica"]),
    ("ME", "Montenegro", ["Podgorica", "Nikšić", "Bar", "Budva"]),
    ("MK", "North Macedonia", ["Skopje", "Bitola", "Ohrid", "Kumanovo", "Tetovo"]),
    ("RS", "Serbia", ["Belgrade", "Novi Sad", "Niš", "Kragujevac", "Subotica"]),
    ("XK", "Kosovo", ["Pristina", "Prizren", "Peja", "Mitrovica", "Gjilan"]),
    ("TR", "Türkiye", ["Ankara", "Istanbul", "Izmir", "Bursa", "Antalya"]),
    ("UA", "Ukraine", ["Kyiv", "Lviv", "Odesa", "Kharkiv", "Dnipro"]),
    ("MD", "Republic of Moldova", ["Chișinău", "Bălți", "Cahul", "Comrat"]),
    ("GE", "Georgia", ["Tbilisi", "Batumi", "Kutaisi", "Rustavi"]),
    ("AM", "Armenia", ["Yerevan", "Gyumri", "Vanadzor"]),
    ("AZ", "Azerbaijan", ["Baku", "Ganja", "Sumqayit"]),
    ("IE", "Ireland", ["Dublin", "Cork"]),
    ("BE", "Belgium", ["Brussels", "Antwerp"]),
    ("DE", "Germany", ["Berlin", "Bonn"]),
    ("NO", "Norway", ["Oslo", "Bergen"]),
    ("FR", "France", ["Strasbourg", "Paris", "Lyon"]),
    ("IT", "Italy", ["Rome", "Milan"]),
    ("ES", "Spain", ["Madrid", "Barcelona"]),
    ("NL", "Netherlands", ["The Hague", "Amsterdam"]),
    ("SE", "Sweden", ["Stockholm"]),
    ("FI", "Finland", ["Helsinki"]),
    ("AT", "Austria", ["Vienna"]),
    ("CH", "Switzerland", ["Geneva", "Bern"]),
    ("PL", "Poland", ["Warsaw"]),
    ("PT", "Portugal", ["Lisbon"]),
    ("DK", "Denmark", ["Copenhagen"]),
    ("HR", "Croatia", ["Zagreb"]),
    ("SI", "Slovenia", ["Ljubljana"]),
    ("RO", "Romania", ["Bucharest"]),
    ("BG", "Bulgaria", ["Sofia"]),
    ("GR", "Greece", ["Athens"]),
    ("LT", "Lithuania", ["Vilnius"]),
    ("EE", "Estonia", ["Tallinn"]),
    ("CZ", "Czechia", ["Prague"]),
    ("HU", "Hungary", ["Budapest"]),
    ("SK", "Slovakia", ["Bratislava"]),
    ("GB", "United Kingdom", ["London"]),
]
BENEFICIARIES = [code for code, _, _ in COUNTRIES[:12]]
REGIONS = {
    "the Western Balkans": ["AL", "BA", "ME", "MK", "RS", "XK"],
    "the Eastern Partnership": ["UA", "MD", "GE", "AM", "AZ"],
}
DONOR_COUNTRIES = ["IE", "BE", "DE", "NO", "FR", "CH", "SE", "NL", "FI", "DK", "AT", "IT", "GB"]

PROGRAMMES = [
    (
        "European Union/Council of Europe Horizontal Facility for the Western Balkans and Turkey",
        "HF",
    ),
    ("Partnership for Good Governance", "PGG"),
    ("Council of Europe Action Plan for Ukraine", "AP-UA"),
    ("Council of Europe Action Plan for Georgia", "AP-GE"),
    ("Council of Europe Action Plan for Armenia", "AP-AM"),
    ("Council of Europe Action Plan for the Republic of Moldova", "AP-MD"),
    ("Council of Europe Action Plan for Azerbaijan", "AP-AZ"),
    ("Human Rights Trust Fund", "HRTF"),
]

TOPICS = [
    "Enhancing human rights protection for detained and sentenced persons",
    "Improvement of the treatment of persons deprived of their liberty",
    "Strengthening the fight against ill-treatment and impunity",
    "Fostering a human rights compliant criminal justice system",
    "Protecting the human rights of persons with mental disorders",
    "Supporting the efficiency and quality of justice",
    "Combating corruption and economic crime",
    "Promoting equality and non-discrimination",
    "Protecting freedom of expression and of the media",
    "Preventing violence against women and domestic violence",
    "Supporting prison reform and the probation service",
    "Strengthening the National Preventive Mechanism",
    "Human rights compliant policing",
    "Strengthening data protection",
    "Access to justice for women",
    "Protecting the rights of children in contact with the law",
    "Supporting the execution of judgments of the European Court of Human Rights",
    "Healthcare in prisons and other closed institutions",
]
PHASES = ["", "", "", "Phase II", "Phase III"]
CURRENCIES = ["EUR"] * 17 + ["USD", "CHF", "GBP"]
KEY_STANDARDS = [
    "European Convention on Human Rights",
    "European Convention for the Prevention of Torture",
    "European Prison Rules",
    "CPT standards",
    "Recommendation CM/Rec(2010)1 on the Council of Europe Probation Rules",
    "Istanbul Convention",
    "Convention 108+",
    "European Social Charter",
]

ACTIVITY_SUBJECTS = [
    "the prevention of ill-treatment",
    "prison healthcare",
    "forensic mental health",
    "risk assessment of violent extremist prisoners",
    "the European Prison Rules",
    "safeguards against ill-treatment in police custody",
    "monitoring places of deprivation of liberty",
    "involuntary psychiatric hospitalisation",
    "rehabilitation and reintegration of prisoners",
    "case-law of the European Court of Human Rights",
    "investigating ill-treatment",
    "probation and alternative sanctions",
    "de-escalation techniques",
    "gender-based violence",
    "data protection in the justice sector",
]
AUDIENCES = [
    "prison staff",
    "prison managers",
    "police officers",
    "judges and prosecutors",
    "healthcare professionals in prisons",
    "psychiatric and social care staff",
    "NPM members",
    "civil society organisations",
    "probation officers",
    "lawyers",
]
FACILITATORS = [
    "Two Council of Europe experts",
    "A Council of Europe consultant and national trainers",
    "Members of the CPT",
    "National trainers of the Judicial Academy",
    "",
]
HEADLINES = [
    "{kind} on {subject} held in {city}",
    "{audience} in {country} trained on {subject}",
    "New steps on {subject} in {country}",
    "{country}: {audience} discuss {subject}",
    "Council of Europe supports {audience} in {city} on {subject}",
]

# kind: (share of the institutions, name templates); {c} city, {n} number.
INSTITUTION_KINDS = {
    Institution.Kind.MINISTRY: (
        8,
        [
            "Ministry of Justice",
            "Ministry of Interior",
            "Ministry of Health",
            "Ministry of Labour and Social Affairs",
            "Ministry of Human and Minority Rights",
            "Ministry of European Integration",
        ],
    ),
    Institution.Kind.AGENCY: (
        8,
        [
            "Prison Administration",
            "Probation Service",
            "Judicial Academy",
            "Police Academy",
            "Agency for the Prevention of Corruption",
            "Institute for Public Health",
        ],
    ),
    Institution.Kind.INDEPENDENT_BODY: (
        4,
        ["Ombudsperson Institution", "National Preventive Mechanism", "Equality Commissioner"],
    ),
    Institution.Kind.CIVIL_SOCIETY: (
        12,
        [
            "Helsinki Committee for Human Rights",
            "Centre for Human Rights {c}",
            "Lawyers' Committee for Human Rights",
            "Initiative for Social Inclusion {c}",
            "Centre for Rehabilitation of Torture Victims {c}",
            "Women's Rights Centre {c}",
        ],
    ),
    Institution.Kind.INTERNATIONAL: (
        3,
        [
            "United Nations Development Programme",
            "OSCE Office for Democratic Institutions and Human Rights",
            "United Nations Office on Drugs and Crime",
            "UNICEF",
            "International Committee of the Red Cross",
            "World Health Organization Regional Office for Europe",
        ],
    ),
    Institution.Kind.PRISON: (
        15,
        [
            "{c} District Prison",
            "Correctional Facility {c}",
            "Penitentiary Institution {c} No. {n}",
            "Special Prison Hospital {c}",
        ],
    ),
    Institution.Kind.POLICE: (12, ["Police Directorate {c}", "{c} Police Station No. {n}"]),
    Institution.Kind.PSYCHIATRIC: (
        6,
        ["Special Psychiatric Hospital {c}", "Institute for Forensic Psychiatry {c}"],
    ),
    Institution.Kind.SOCIAL_CARE: (
        10,
        [
            "Home for Persons with Disabilities {c}",
            "Centre for Social Work {c}",
            "Special Institute for Persons with Disabilities {c}",
        ],
    ),
    Institution.Kind.COURT: (
        12,
        [
            "Basic Court of {c}",
            "Higher Court of {c}",
            "Court of Appeal of {c}",
            "Misdemeanour Court {c}",
        ],
    ),
    Institution.Kind.ACADEMIC: (
        8,
        ["University of {c}, Faculty of Law", "University of {c}, Faculty of Medicine"],
    ),
}
# Which top-level kind (and name) a unit sits under, in its own country.
PARENT_OF_KIND = {
    Institution.Kind.PRISON: "Prison Administration",
    Institution.Kind.POLICE: "Ministry of Interior",
    Institution.Kind.PSYCHIATRIC: "Ministry of Health",
    Institution.Kind.SOCIAL_CARE: "Ministry of Labour and Social Affairs",
    Institution.Kind.COURT: "Ministry of Justice",
}
TOP_LEVEL_KINDS = {
    Institution.Kind.MINISTRY,
    Institution.Kind.AGENCY,
    Institution.Kind.INDEPENDENT_BODY,
    Institution.Kind.CIVIL_SOCIETY,
    Institution.Kind.INTERNATIONAL,
    Institution.Kind.DONOR,
}
DONORS = [("European Union", "EU", None), ("Council of Europe", "CoE", None)] + [
    (f"Government of {name}", "", code) for code, name, _ in COUNTRIES if code in DONOR_COUNTRIES
]


@dataclass(frozen=True)
class Sizes:
    projects: int
    activities: int
    news: int
    institutions: int


@dataclass
class Report:
    counts: dict = field(default_factory=dict)
    timings: dict = field(default_factory=dict)

    @property
    def seconds(self):
        return sum(self.timings.values())


class SlugRegistry:
    """Hands out unique slugs of at most `max_length` characters, as `unique_slug` would."""

    def __init__(self, taken=(), max_length=80):
        self.taken = set(taken)
        self.max_length = max_length

    def __call__(self, value):
        base = slugify(value)[: self.max_length].strip("-") or "item"
        slug, n = base, 2
        while slug in self.taken:
            suffix = f"-{n}"
            slug = f"{base[: self.max_length - len(suffix)]}{suffix}"
            n += 1
        self.taken.add(slug)
        return slug


def _money(value):
    return Decimal(value).quantize(Decimal("0.01"), rounding=ROUND_DOWN)


def _share(n, fraction):
    """How many of `n` rows get a minority trait: about `fraction`, at least one of two or more."""
    return max(1 if n > 1 else 0, round(n * fraction))


def _between(rng, start, end):
    return start + timedelta(days=rng.randint(0, max(0, (end - start).days)))


def _spread(rng, total, weights):
    """Split `total` into integers proportional to `weights`, adding up exactly."""
    weight_sum = sum(weights) or 1
    parts = [int(total * w / weight_sum) for w in weights]
    for i in rng.sample(range(len(parts)), total - sum(parts)) if parts else []:
        parts[i] += 1
    return parts


def insert_pairs(through, left, right, pairs):
    """Bulk insert M2M through rows; PostgreSQL takes them as two arrays in one statement."""
    if not pairs:
        return
    if connection.vendor == "postgresql":
        table = connection.ops.quote_name(through._meta.db_table)
        columns = f"{connection.ops.quote_name(left)}, {connection.ops.quote_name(right)}"
        with connection.cursor() as cursor:
            for start in range(0, len(pairs), 100_000):
                chunk = pairs[start : start + 100_000]
                cursor.execute(
                    f"INSERT INTO {table} ({columns}) "  # noqa: S608 (names from the model)
                    "SELECT * FROM unnest(%s::bigint[], %s::bigint[])",
                    [[a for a, _ in chunk], [b for _, b in chunk]],
                )
    else:
        through.objects.bulk_create(
            [through(**{left: a, right: b}) for a, b in pairs], batch_size=BATCH_SIZE
        )


CLEARED_MODELS = [
    Activity.countries.through,
    Activity.objectives.through,
    Activity.institutions.through,
    Project.countries.through,
    IndicatorValue,
    ReportingPeriod,
    NewsItem,
    Activity,
    Indicator,
    Objective,
    Funding,
    ProjectPartner,
    ProjectMembership,
    Project,
    Programme,
    Contact,
    Institution,
]


def clear():
    """Empty every project, activity, news, institution and programme table and their history."""
    models = CLEARED_MODELS + [
        model.history.model for model in CLEARED_MODELS if hasattr(model, "history")
    ]
    tables = [connection.ops.quote_name(model._meta.db_table) for model in models]
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Deferred foreign key checks of this transaction must run before a TRUNCATE.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE")
        else:
            for table in tables:
                cursor.execute(f"DELETE FROM {table}")  # noqa: S608 (names from the models)
        get_user_model().objects.filter(username__startswith=GENERATED_USER_PREFIX).delete()


class Generator:
    def __init__(self, sizes, *, seed=1, today=None, log=None):
        self.sizes = sizes
        self.rng = random.Random(seed)  # noqa: S311 (sample data, not secrets)
        self.today = today or date.today()  # noqa: DTZ011 (the caller passes the local date)
        self.log = log or (lambda message: None)
        self.report = Report()

    def run(self):
        with transaction.atomic():
            if connection.vendor == "postgresql":
                # Generated rows need no flush to disk on commit; a crash just means a rerun.
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL synchronous_commit TO OFF")
            for name, step in [
                ("countries and programmes", self.make_countries_and_programmes),
                ("institutions", self.make_institutions),
                ("projects", self.make_projects),
                ("logframes", self.make_logframes),
                ("activities", self.make_activities),
                ("news", self.make_news),
            ]:
                started = time.monotonic()
                step()
                self.report.timings[name] = time.monotonic() - started
                self.log(f"  {name}: {self.report.timings[name]:.1f} s")
        if connection.vendor == "postgresql":
            started = time.monotonic()
            with connection.cursor() as cursor:
                # Fresh planner statistics for the new rows, and (outside a transaction, where
                # VACUUM may run) a visibility map, so counts are index-only scans.
                cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
            self.report.timings["analyze"] = time.monotonic() - started
            self.log(f"  analyze: {self.report.timings['analyze']:.1f} s")
        return self.report

    def count(self, label, n):
        self.report.counts[label] = self.report.counts.get(label, 0) + n

    # Countries, programmes, institutions -------------------------------------------------

    def make_countries_and_programmes(self):
        existing = {c.code: c for c in Country.objects.all()}
        names = {c.name for c in existing.values()}
        new = [
            Country(code=code, name=name, footnote=KOSOVO_FOOTNOTE if code == "XK" else "")
            for code, name, _ in COUNTRIES
            if code not in existing and name not in names
        ]
        Country.objects.bulk_create(new)
        self.count("countries", len(new))
        self.countries = {c.code: c for c in Country.objects.all()}
        self.cities = {code: cities for code, _, cities in COUNTRIES}

        existing = set(Programme.objects.values_list("name", flat=True))
        slugs = SlugRegistry(Programme.objects.values_list("slug", flat=True))
        new = [
            Programme(
                name=name,
                acronym=acronym,
                slug=slugs(acronym),
                description=f"{name}: an umbrella framework for co-operation projects.",
                website="https://www.coe.int/",
            )
            for name, acronym in PROGRAMMES
            if name not in existing
        ]
        Programme.objects.bulk_create(new)
        self.count("programmes", len(new))
        self.programme_ids = list(
            Programme.objects.filter(name__in=[n for n, _ in PROGRAMMES]).values_list(
                "pk", flat=True
            )
        )

    def make_institutions(self):
        rng, n = self.rng, self.sizes.institutions
        slugs = SlugRegistry(Institution.objects.values_list("slug", flat=True))
        donors = DONORS[: max(min(2, n), min(len(DONORS), n // 20))]
        kinds = list(INSTITUTION_KINDS)
        weights = [INSTITUTION_KINDS[k][0] for k in kinds]
        plan = [(Institution.Kind.DONOR, name, acronym, code) for name, acronym, code in donors]
        unit_kinds = []
        for _ in range(n - len(plan)):
            kind = rng.choices(kinds, weights)[0]
            if kind not in TOP_LEVEL_KINDS:
                unit_kinds.append(kind)
                continue
            code = None if kind == Institution.Kind.INTERNATIONAL else self._institution_country()
            template = rng.choice(INSTITUTION_KINDS[kind][1])
            city = rng.choice(self.cities[code]) if code else ""
            plan.append((kind, template.format(c=city, n=1), "", code))

        def build(kind, name, acronym, code, parent_id=None):
            country = self.countries[code] if code else None
            return Institution(
                name=name,
                acronym=acronym,
                kind=kind,
                country=country,
                parent_id=parent_id,
                slug=slugs(f"{name} {acronym or code or ''}"),
                website=f"https://www.example.org/{slugify(name)[:40]}",
                description=f"{name}, a {Institution.Kind(kind).label.lower()}.",
            )

        top = [build(*row) for row in plan]
        Institution.objects.bulk_create(top, batch_size=BATCH_SIZE)
        # A unit (prison, police station, court…) mostly sits under its country's ministry or
        # agency in charge, or under any national ministry when that one does not exist.
        codes = {c.pk: c.code for c in self.countries.values()}
        government = [
            i for i in top if i.kind in {Institution.Kind.MINISTRY, Institution.Kind.AGENCY}
        ]
        units = []
        for i, kind in enumerate(unit_kinds):
            heads = [h for h in government if h.name == PARENT_OF_KIND.get(kind)] or government
            if heads and rng.random() < 0.8:
                parent = rng.choice(heads)
                parent_id, code = parent.pk, codes[parent.country_id]
            else:
                parent_id, code = None, self._institution_country()
            name = rng.choice(INSTITUTION_KINDS[kind][1]).format(
                c=rng.choice(self.cities[code]), n=i % 9 + 1
            )
            units.append(build(kind, name, "", code, parent_id))
        Institution.objects.bulk_create(units, batch_size=BATCH_SIZE)
        self.count("institutions", len(top) + len(units))

        self.donor_ids = [i.pk for i in top if i.kind == Institution.Kind.DONOR]
        self.institutions_by_country = {}
        self.partner_pool = []
        for institution in top + units:
            if institution.kind == Institution.Kind.DONOR:
                continue
            self.partner_pool.append(institution.pk)
            self.institutions_by_country.setdefault(institution.country_id, []).append(
                institution.pk
            )
        contacts = [
            Contact(
                institution_id=pk,
                name=f"Contact person {i + 1}",
                position=rng.choice(["Head of unit", "Director", "Adviser", "Project focal point"]),
                email=f"contact{i + 1}@example.org",
            )
            for i, pk in enumerate(rng.sample(self.partner_pool, len(self.partner_pool) // 5))
        ]
        Contact.objects.bulk_create(contacts, batch_size=BATCH_SIZE)
        self.count("contacts", len(contacts))

    def _institution_country(self):
        if self.rng.random() < 0.92:
            return self.rng.choice(BENEFICIARIES)
        return self.rng.choice(DONOR_COUNTRIES)

    # Projects and their logframes ----------------------------------------------------------

    def make_projects(self):
        rng, n = self.rng, self.sizes.projects
        slugs = SlugRegistry(Project.objects.values_list("slug", flat=True))
        codes = set(Project.objects.exclude(code="").values_list("code", flat=True))
        regions = list(REGIONS)
        projects, self.project_countries = [], []
        unpublished = set(rng.sample(range(n), _share(n, 0.1)))
        for i in range(n):
            if rng.random() < 0.2:
                region = rng.choice(regions)
                country_codes = rng.sample(REGIONS[region], rng.randint(2, 4))
                place = region
            else:
                country_codes = [rng.choice(BENEFICIARIES)]
                place = self.countries[country_codes[0]].name
            phase = rng.choice(PHASES)
            topic = rng.choice(TOPICS)
            title = f"{topic} in {place}" + (f" – {phase}" if phase else "")
            start = self.today - timedelta(days=rng.randint(-365, 10 * 365))
            end = start + timedelta(days=rng.randint(12, 60) * 30 - 1)
            budget = None if rng.random() < 0.08 else Decimal(rng.randint(30, 900) * 5000)
            code = (
                f"{start.year}/DG{rng.choice(['I', 'II'])}/{rng.choice(['JP', 'VC'])}/{i + 1:04d}"
            )
            while code in codes:
                code += "X"
            codes.add(code)
            projects.append(
                Project(
                    title=title,
                    slug=slugs(title),
                    code=code,
                    programme_id=rng.choice(self.programme_ids) if rng.random() < 0.7 else None,
                    phase=phase,
                    summary=f"The project {topic[0].lower()}{topic[1:]} in {place}.",
                    description=(
                        f"{title} works with national institutions and civil society in {place} "
                        "to bring law and practice in line with Council of Europe standards."
                    ),
                    start_date=start,
                    end_date=end,
                    budget=budget,
                    currency=rng.choice(CURRENCIES),
                    target_groups="Prison and police staff; healthcare professionals; judges.",
                    end_beneficiaries="Persons deprived of their liberty.",
                    key_standards="\n".join(rng.sample(KEY_STANDARDS, rng.randint(1, 3))),
                    is_published=i not in unpublished,
                )
            )
            self.project_countries.append([self.countries[c].pk for c in country_codes])
        Project.objects.bulk_create(projects, batch_size=BATCH_SIZE)
        self.projects = projects
        self.count("projects", len(projects))

        # Phase II and III follow an earlier project of the same topic.
        earlier = {}
        successors = []
        for project in sorted(projects, key=lambda p: p.start_date):
            topic = project.title.split(" in ")[0]
            if project.phase and topic in earlier:
                project.predecessor_id = earlier[topic]
                successors.append(project)
            earlier[topic] = project.pk
        Project.objects.bulk_update(successors, ["predecessor"], batch_size=BATCH_SIZE)

        insert_pairs(
            Project.countries.through,
            "project_id",
            "country_id",
            [(p.pk, c) for p, cs in zip(projects, self.project_countries, strict=True) for c in cs],
        )
        self.make_funding_partners_and_teams()

    def make_funding_partners_and_teams(self):
        rng = self.rng
        fundings, partners, memberships = [], [], []
        self.partners_of = {}
        for project, country_ids in zip(self.projects, self.project_countries, strict=True):
            funders = rng.sample(self.donor_ids, min(len(self.donor_ids), rng.randint(1, 4)))
            known = project.budget * Decimal(rng.randint(60, 100)) / 100 if project.budget else None
            weights = [rng.randint(1, 10) for _ in funders]
            for funder, weight in zip(funders, weights, strict=True):
                amount = share = None
                if known is not None and rng.random() < 0.9:
                    amount = _money(known * weight / sum(weights))  # rounded down: sum <= budget
                    share = _money(amount * 100 / project.budget)
                elif rng.random() < 0.5:
                    share = _money(Decimal(100) * weight / sum(weights))
                fundings.append(
                    Funding(
                        project=project,
                        funder_id=funder,
                        kind=rng.choice(Funding.Kind.values),
                        amount=amount,
                        share=share,
                    )
                )
            pool = [
                pk
                for country in country_ids
                for pk in self.institutions_by_country.get(country, [])
            ] or self.partner_pool
            chosen = rng.sample(pool, min(len(pool), rng.randint(3, 8)))
            for index, institution in enumerate(chosen):
                role = (
                    ProjectPartner.Role.BENEFICIARY
                    if index % 3
                    else ProjectPartner.Role.STAKEHOLDER
                )
                partners.append(
                    ProjectPartner(project=project, institution_id=institution, role=role)
                )
            self.partners_of[project.pk] = chosen
        Funding.objects.bulk_create(fundings, batch_size=BATCH_SIZE)
        ProjectPartner.objects.bulk_create(partners, batch_size=BATCH_SIZE)
        self.count("fundings", len(fundings))
        self.count("partners", len(partners))

        User = get_user_model()
        names = [
            f"{GENERATED_USER_PREFIX}officer-{i + 1}"
            for i in range(max(1, len(self.projects) // 4))
        ]
        existing = set(User.objects.filter(username__in=names).values_list("username", flat=True))
        new_users = []
        for name in names:
            if name not in existing:
                user = User(username=name, email=f"{name}@example.org", first_name="Officer")
                user.set_unusable_password()
                new_users.append(user)
        User.objects.bulk_create(new_users, batch_size=BATCH_SIZE)
        self.count("users", len(new_users))
        user_ids = list(
            User.objects.filter(username__in=names).order_by("pk").values_list("pk", flat=True)
        )
        self.team_of = {}
        for project in self.projects:
            team = rng.sample(user_ids, min(len(user_ids), rng.randint(1, 2)))
            self.team_of[project.pk] = team
            memberships.extend(
                ProjectMembership(
                    project=project,
                    user_id=user,
                    role=ProjectMembership.Role.MANAGER
                    if i == 0
                    else ProjectMembership.Role.OFFICER,
                )
                for i, user in enumerate(team)
            )
        ProjectMembership.objects.bulk_create(memberships, batch_size=BATCH_SIZE)
        self.count("team memberships", len(memberships))

    def make_logframes(self):
        rng = self.rng
        overall = [
            Objective(
                project=p,
                level=Objective.Level.OVERALL,
                code="0",
                title="To contribute to the protection of human rights in line with "
                "Council of Europe standards.",
                position=0,
            )
            for p in self.projects
        ]
        Objective.objects.bulk_create(overall, batch_size=BATCH_SIZE)
        specific = []
        for parent in overall:
            for s in range(rng.randint(2, 4)):
                specific.append(
                    Objective(
                        project_id=parent.project_id,
                        parent=parent,
                        level=Objective.Level.SPECIFIC,
                        code=str(s + 1),
                        title=f"Improved {rng.choice(ACTIVITY_SUBJECTS)}.",
                        position=(s + 1) * 10,
                    )
                )
        Objective.objects.bulk_create(specific, batch_size=BATCH_SIZE)
        results = []
        for parent in specific:
            for r in range(rng.randint(2, 3)):
                results.append(
                    Objective(
                        project_id=parent.project_id,
                        parent=parent,
                        level=Objective.Level.RESULT,
                        code=f"{parent.code}.{r + 1}",
                        title=f"Enhanced capacity of {rng.choice(AUDIENCES)} on "
                        f"{rng.choice(ACTIVITY_SUBJECTS)}.",
                        position=parent.position + r + 1,
                    )
                )
        Objective.objects.bulk_create(results, batch_size=BATCH_SIZE)
        self.count("objectives", len(overall) + len(specific) + len(results))
        self.objectives_of = {}
        for objective in specific + results:
            self.objectives_of.setdefault(objective.project_id, []).append(objective.pk)

        indicators = [
            Indicator(
                objective=objective,
                name=f"Number of {rng.choice(AUDIENCES)} trained",
                unit="people",
                baseline=0,
                target=rng.randint(2, 40) * 10,
                means_of_verification="Attendance lists and evaluation forms.",
                position=objective.position,
            )
            for objective in specific + results
        ]
        Indicator.objects.bulk_create(indicators, batch_size=BATCH_SIZE)
        period = {p.pk: p for p in self.projects}
        # Annual reporting periods, and approved values in them.
        periods = ReportingPeriod.objects.bulk_create(
            [
                ReportingPeriod(project=project, start=start, end=end)
                for project in self.projects
                for start, end in calendar_periods(project.start_date, project.end_date, "annual")
            ],
            batch_size=BATCH_SIZE,
        )
        period_of = {(p.project_id, p.start.year): p for p in periods}
        values = []
        for indicator in indicators:
            project = period[indicator.objective.project_id]
            last = min(project.end_date, self.today)
            if last < project.start_date:
                continue
            for _ in range(rng.randint(0, 3)):
                day = _between(rng, project.start_date, last)
                values.append(
                    IndicatorValue(
                        indicator=indicator,
                        date=day,
                        value=rng.randint(0, int(indicator.target)),
                        period=period_of[(project.pk, day.year)],
                        status=IndicatorValue.Status.APPROVED,
                    )
                )
        IndicatorValue.objects.bulk_create(values, batch_size=BATCH_SIZE)
        self.count("indicators", len(indicators))
        self.count("indicator values", len(values))

    # Activities and news --------------------------------------------------------------------

    def make_activities(self):
        rng = self.rng
        weights = [(p.end_date - p.start_date).days * rng.uniform(0.5, 1.5) for p in self.projects]
        per_project = _spread(rng, self.sizes.activities, weights)
        country_codes = {c.pk: c.code for c in self.countries.values()}
        kinds = Activity.Kind.values
        kind_weights = [30, 8, 15, 15, 8, 6, 6, 4, 5, 3]
        labels = {kind: str(label) for kind, label in Activity.Kind.choices}
        self.activities_of = {}
        chunk, created = [], 0
        for project, country_ids, n in zip(
            self.projects, self.project_countries, per_project, strict=True
        ):
            team = self.team_of[project.pk]
            partners = self.partners_of[project.pk]
            objectives = self.objectives_of.get(project.pk, [])
            for _ in range(n):
                start = _between(rng, project.start_date, project.end_date)
                end = min(project.end_date, start + timedelta(days=rng.choice([0, 0, 0, 1, 2, 4])))
                if end < self.today:
                    status = (
                        Activity.Status.HELD if rng.random() < 0.92 else Activity.Status.CANCELLED
                    )
                else:
                    status = (
                        Activity.Status.PLANNED
                        if rng.random() < 0.95
                        else Activity.Status.CANCELLED
                    )
                kind = rng.choices(kinds, kind_weights)[0]
                countries = rng.sample(
                    country_ids, 1 if len(country_ids) == 1 else rng.randint(1, 2)
                )
                code = country_codes[countries[0]]
                city = rng.choice(self.cities[code])
                fmt = rng.choices(Activity.Format.values, [80, 12, 8])[0]
                total = women = men = None
                if rng.random() < 0.9:
                    total = rng.randint(5, 120)
                    if rng.random() < 0.8:
                        women = rng.randint(0, total)
                        men = total - women if rng.random() < 0.8 else rng.randint(0, total - women)
                subject, audience = rng.choice(ACTIVITY_SUBJECTS), rng.choice(AUDIENCES)
                label = labels[kind]
                chunk.append(
                    (
                        Activity(
                            project=project,
                            kind=kind,
                            title=f"{label} on {subject} for {audience}",
                            status=status,
                            start_date=start,
                            end_date=end,
                            venue=""
                            if fmt == Activity.Format.ONLINE
                            else rng.choice(
                                ["", "Judicial Academy", "Hotel Central", "Ministry premises"]
                            ),
                            city="" if fmt == Activity.Format.ONLINE else city,
                            format=fmt,
                            description=(
                                f"A {label.lower()} for {audience} on {subject}, organised "
                                f"by the Council of Europe in {city}."
                            ),
                            participants_total=total,
                            participants_women=women,
                            participants_men=men,
                            facilitators=rng.choice(FACILITATORS),
                            cost=_money(rng.randint(500, 40_000)) if rng.random() < 0.6 else None,
                            created_by_id=rng.choice(team),
                        ),
                        countries,
                        rng.sample(objectives, min(len(objectives), rng.randint(1, 2))),
                        rng.sample(partners, min(len(partners), rng.randint(0, 3))),
                    )
                )
                if len(chunk) >= ACTIVITY_CHUNK:
                    created += self._save_activities(chunk)
                    chunk = []
        created += self._save_activities(chunk)
        self.count("activities", created)

    def _save_activities(self, chunk):
        activities = [row[0] for row in chunk]
        Activity.objects.bulk_create(activities, batch_size=BATCH_SIZE)
        countries, objectives, institutions = [], [], []
        for activity, country_ids, objective_ids, institution_ids in chunk:
            countries.extend((activity.pk, c) for c in country_ids)
            objectives.extend((activity.pk, o) for o in objective_ids)
            institutions.extend((activity.pk, i) for i in institution_ids)
            self.activities_of.setdefault(activity.project_id, []).append(
                (activity.pk, activity.end_date, activity.city, activity.title)
            )
        insert_pairs(Activity.countries.through, "activity_id", "country_id", countries)
        insert_pairs(Activity.objectives.through, "activity_id", "objective_id", objectives)
        insert_pairs(Activity.institutions.through, "activity_id", "institution_id", institutions)
        self.count("activity countries", len(countries))
        self.count("activity objectives", len(objectives))
        self.count("activity institutions", len(institutions))
        return len(activities)

    def make_news(self):
        rng = self.rng
        slugs = SlugRegistry(NewsItem.objects.values_list("slug", flat=True))
        weights = [len(self.activities_of.get(p.pk, [])) + 1 for p in self.projects]
        per_project = _spread(rng, self.sizes.news, weights)
        names = {c.pk: c.name for c in self.countries.values()}
        codes = {c.pk: c.code for c in self.countries.values()}
        news = []
        for project, country_ids, n in zip(
            self.projects, self.project_countries, per_project, strict=True
        ):
            activities = self.activities_of.get(project.pk, [])
            country = names[country_ids[0]]
            for _ in range(n):
                activity_id, city = None, rng.choice(self.cities[codes[country_ids[0]]])
                if activities and rng.random() < 0.5:
                    activity_id, end, city, _title = rng.choice(activities)
                    published_on = end + timedelta(days=rng.randint(0, 7))
                else:
                    last = min(project.end_date, self.today)
                    published_on = (
                        _between(rng, project.start_date, last)
                        if last >= project.start_date
                        else self.today - timedelta(days=rng.randint(0, 60))
                    )
                title = rng.choice(HEADLINES).format(
                    kind=rng.choice(Activity.Kind.labels),
                    subject=rng.choice(ACTIVITY_SUBJECTS),
                    audience=rng.choice(AUDIENCES).capitalize(),
                    city=city or country,
                    country=country,
                )
                title = title[0].upper() + title[1:]
                news.append(
                    NewsItem(
                        project=project,
                        activity_id=activity_id,
                        title=title,
                        slug=slugs(title),
                        dateline=f"{city}, {country}" if city else country,
                        published_on=published_on,
                        lead=f"{title}. The Council of Europe project {project.title} "
                        "reports on its work.",
                        body=(
                            f"## {title}\n\nParticipants worked on "
                            f"**{rng.choice(ACTIVITY_SUBJECTS)}** with Council of Europe "
                            f"experts.\n\n- Place: {city or country}\n"
                            f"- Project: {project.title}\n"
                        ),
                        is_published=True,
                        author_id=rng.choice(self.team_of[project.pk]),
                    )
                )
        for i in rng.sample(range(len(news)), _share(len(news), 0.1)):
            news[i].is_published = False
        NewsItem.objects.bulk_create(news, batch_size=BATCH_SIZE)
        self.count("news", len(news))
