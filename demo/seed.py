"""The demo data: the two Council of Europe project pages in demo/sources/, loaded faithfully.

Every figure, date, funder, partner, objective, activity and news item comes from the pages.
Where a page is silent or vague, the choice made here is written in the record itself:
- the predecessor action is dated 1 January 2016 to 31 December 2018 (the page gives years only);
- the study visit to Ireland (20-21 October, year not printed) is dated 2022 from its place at the
  top of a newest-first list whose next story is from 2 September 2022; its story carries no date
  line, so it is dated the visit's last day with the dateline "Ireland";
- the NPM methodology revision ("March-November 2021") runs from 1 March 2021 to the day the story
  reporting its completion was published, 23 November 2021;
- the Kosovo* training story is dated 3 July 2024, the last day of the training it reports;
- participant numbers are stored only where the page states an exact number ("more than 20"
  stays in the description); amounts of funding the pages do not state stay empty;
- activities are "in person" unless the page says otherwise;
- the indicators are illustrative (the pages state no logframe targets), and say so; their
  measured values are the participant numbers the stories do state.

demo/load.py writes them into the database.
"""

from datetime import date
from decimal import Decimal

from activities.models import Activity
from projects.models import (
    Funding,
    Objective,
    ProjectPartner,
)
from stakeholders.models import KOSOVO_FOOTNOTE, Institution

COUNTRIES = [
    ("RS", "Serbia", ""),
    ("XK", "Kosovo", KOSOVO_FOOTNOTE),
    ("IE", "Ireland", ""),
    ("BE", "Belgium", ""),
    ("DE", "Germany", ""),
    ("NO", "Norway", ""),
]

I = Institution.Kind  # noqa: E741

# slug: (name, acronym, kind, country code, parent slug, description)
INSTITUTIONS = {
    "council-of-europe": ("Council of Europe", "CoE", I.INTERNATIONAL, None, None, ""),
    "european-union": ("European Union", "EU", I.DONOR, None, None, ""),
    "belgium": ("Belgium", "", I.DONOR, "BE", None, "Donor of voluntary contributions."),
    "germany": ("Germany", "", I.DONOR, "DE", None, "Donor of voluntary contributions."),
    "ireland": ("Ireland", "", I.DONOR, "IE", None, "Donor of voluntary contributions."),
    "norway": ("Norway", "", I.DONOR, "NO", None, "Donor of voluntary contributions."),
    # Serbia
    "ministry-of-justice-serbia": ("Ministry of Justice", "", I.MINISTRY, "RS", None, ""),
    "prison-administration-serbia": (
        "Prison Administration",
        "",
        I.PRISON,
        "RS",
        "ministry-of-justice-serbia",
        "The Serbian Prison Administration, within the Ministry of Justice.",
    ),
    "ministry-of-internal-affairs-serbia": (
        "Ministry of Internal Affairs",
        "MoI",
        I.MINISTRY,
        "RS",
        None,
        "Also called the Ministry of Interior.",
    ),
    "ministry-of-health-serbia": ("Ministry of Health", "", I.MINISTRY, "RS", None, ""),
    "ministry-of-labour-serbia": (
        "Ministry of Labour, Employment, Veteran and Social Affairs",
        "",
        I.MINISTRY,
        "RS",
        None,
        "",
    ),
    "ombudsperson-office-serbia": (
        "Ombudsperson Office",
        "",
        I.INDEPENDENT_BODY,
        "RS",
        None,
        "The Serbian Ombudsperson, home of the National Preventive Mechanism.",
    ),
    "npm-serbia": (
        "National Preventive Mechanism",
        "NPM",
        I.INDEPENDENT_BODY,
        "RS",
        "ombudsperson-office-serbia",
        "NPM Serbia, within the Ombudsperson Office: monitors places of detention.",
    ),
    "office-for-human-and-minority-rights-serbia": (
        "Office for Human and Minority Rights",
        "",
        I.AGENCY,
        "RS",
        None,
        "",
    ),
    "serbian-european-integration-office": (
        "Serbian European Integration Office",
        "",
        I.AGENCY,
        "RS",
        None,
        "",
    ),
    "civil-society-serbia": (
        "Civil society organisations in Serbia",
        "CSOs",
        I.CIVIL_SOCIETY,
        "RS",
        None,
        "Civil society organisations active in the protection and promotion of human rights; "
        "the project page does not name them one by one.",
    ),
    "clinic-dr-laza-lazarevic": (
        "Psychiatric clinic “Dr Laza Lazarevic”",
        "",
        I.PSYCHIATRIC,
        "RS",
        None,
        "Psychiatric clinic in Belgrade.",
    ),
    # Kosovo*
    "ministry-of-health-kosovo": ("Ministry of Health", "", I.MINISTRY, "XK", None, ""),
    "prison-health-department-kosovo": (
        "Prison Health Department",
        "PHD",
        I.MINISTRY,
        "XK",
        "ministry-of-health-kosovo",
        "Within the Ministry of Health; the project page calls it the Prison Healthcare "
        "Department.",
    ),
    "institute-for-forensic-psychiatry-of-kosovo": (
        "Institute for Forensic Psychiatry of Kosovo",
        "IFPK",
        I.PSYCHIATRIC,
        "XK",
        None,
        "",
    ),
    "kosovo-correctional-services": (
        "Kosovo Correctional Services",
        "KCS",
        I.PRISON,
        "XK",
        None,
        "",
    ),
    "special-institute-for-persons-with-disabilities-kosovo": (
        "Special Institute for Persons with Learning and Physical Disabilities",
        "SIS",
        I.SOCIAL_CARE,
        "XK",
        None,
        "A special social welfare institution.",
    ),
    "kosovo-probation-service": ("Kosovo Probation Service", "", I.AGENCY, "XK", None, ""),
    "dubrava-prison": (
        "Dubrava Prison",
        "",
        I.PRISON,
        "XK",
        "kosovo-correctional-services",
        "",
    ),
    "civil-society-kosovo": (
        "Civil society organisations in Kosovo*",
        "",
        I.CIVIL_SOCIETY,
        "XK",
        None,
        "Civil society representatives; the pages do not name them one by one.",
    ),
}

# (institution slug, name, position)
CONTACTS = [
    ("prison-administration-serbia", "Dejan Carevic", "Director of Prison Administration"),
]

PROGRAMME = {
    "slug": "horizontal-facility",
    "name": "Horizontal Facility for the Western Balkans and Turkey",
    "acronym": "Horizontal Facility",
    "description": (
        "A co-operation framework co-funded by the European Union and the Council of Europe "
        "(EU/CoE Horizontal Facility)."
    ),
}

SERBIA_SLUG = "enhancing-human-rights-protection-for-detained-and-sentenced-persons"
KOSOVO_SLUG = "improvement-of-the-treatment-of-persons-deprived-of-their-liberty"
PREDECESSOR_SLUG = "enhancing-the-protection-of-human-rights-of-prisoners-in-kosovo"

PREDECESSOR = {
    "slug": PREDECESSOR_SLUG,
    "code": "HF-2016-KOS-PRIS",
    "title": "Enhancing the protection of human rights of prisoners in Kosovo*",
    "sectors": [("15130", 50), ("15160", 50)],
    "programme": "horizontal-facility",
    "countries": ["XK"],
    "start_date": date(2016, 1, 1),
    "end_date": date(2018, 12, 31),
    "budget": None,
    "summary": (
        "A 2016-2018 Horizontal Facility action whose results the project “Improvement of the "
        "treatment of persons deprived of their liberty” consolidates."
    ),
    "description": (
        "Known from the page of its successor, which names it and gives its years only "
        "(2016-2018); the dates recorded here, 1 January 2016 to 31 December 2018, stand for "
        "those years."
    ),
}

PROJECTS = [
    {
        "slug": SERBIA_SLUG,
        "code": "HF-2019-SRB-DSP",
        "title": "Enhancing human rights protection for detained and sentenced persons",
        # OECD DAC purpose codes: legal and judicial development, human rights.
        "sectors": [("15130", 50), ("15160", 50)],
        "phase": "Phase II",
        "programme": "horizontal-facility",
        "countries": ["RS"],
        "start_date": date(2019, 5, 24),
        "end_date": date(2022, 12, 31),
        "budget": Decimal("900000"),
        "currency": "EUR",
        "summary": (
            "An Action of the Council of Europe in Serbia under the Horizontal Facility for the "
            "Western Balkans and Turkey, co-funded by the European Union and the Council of "
            "Europe: safeguards against ill-treatment of arrested and detained persons, human "
            "rights protection of prisoners, and of persons with mental disabilities detained in "
            "psychiatric or social care institutions."
        ),
        "description": (
            "As a part of the co-operation framework co-funded by the European Union and the "
            "Council of Europe, known as the Horizontal Facility for the Western Balkans and "
            "Turkey (Horizontal Facility), the Council of Europe will implement, as one of the "
            "Actions in Serbia, the Action Enhancing human rights protection for detained and "
            "sentenced persons - Phase II, in close partnership with the Ministry of Justice, "
            "Ministry of Internal Affairs, Ministry of Health, Ministry of Labour, Employment, "
            "Veteran and Social Affairs, NPM/Ombudsperson Office, Office for Human and Minority "
            "Rights and Serbian European Integration Office. The Action will also include a wide "
            "spectrum of other national stakeholders, as well as civil society organizations "
            "active in the field of protection and promotion of human rights.\n\n"
            "The Action will focus on the safeguards against ill-treatment of arrested and "
            "detained persons, the human rights protection of prisoners through improved policy "
            "and reintegration measures, as well as human rights protection of persons with "
            "mental disabilities detained in psychiatric or social care institutions.\n\n"
            "The key Conventions for this Action are the European Convention for the Prevention "
            "of Torture and Inhuman or Degrading Treatment or Punishment and the European "
            "Convention for the Protection of Human Rights and Fundamental Freedoms (ECHR), as "
            "well as the recommendations of the European Committee for the Prevention of Torture "
            "(CPT) and the judgments of the European Court of Human Rights (ECtHR). These "
            "commitments are part of the Serbia's EU accession negotiations and accomplishment "
            "of goals defined in strategic documents and in particular Chapters 23 and 24.\n\n"
            "The Action, which started on 24 May 2019 and will be completed by 31 December 2022, "
            "has an overall budget of 900,000 euros."
        ),
        "target_groups": (
            "The partner institutions - the Ministry of Justice, Ministry of Internal Affairs, "
            "Ministry of Health, Ministry of Labour, Employment, Veteran and Social Affairs, "
            "NPM/Ombudsperson Office, Office for Human and Minority Rights and Serbian European "
            "Integration Office - other national stakeholders, and civil society organisations "
            "active in the field of protection and promotion of human rights."
        ),
        "end_beneficiaries": (
            "Arrested and detained persons, prisoners, and persons with mental disabilities "
            "detained in psychiatric or social care institutions."
        ),
        "key_standards": "\n".join(
            [
                "European Convention for the Prevention of Torture and Inhuman or Degrading "
                "Treatment or Punishment (ECPT)",
                "European Convention for the Protection of Human Rights and Fundamental Freedoms "
                "(ECHR)",
                "Recommendations of the European Committee for the Prevention of Torture (CPT)",
                "Judgments of the European Court of Human Rights (ECtHR)",
                "EU accession negotiations: Chapters 23 and 24",
            ]
        ),
        "fundings": [
            ("european-union", Funding.Kind.EU_CONTRIBUTION, "Through the Horizontal Facility."),
            ("council-of-europe", Funding.Kind.COE_BUDGET, "Through the Horizontal Facility."),
        ],
        "partners": [
            ("council-of-europe", ProjectPartner.Role.IMPLEMENTING, ""),
            ("ministry-of-justice-serbia", ProjectPartner.Role.BENEFICIARY, ""),
            ("ministry-of-internal-affairs-serbia", ProjectPartner.Role.BENEFICIARY, ""),
            ("ministry-of-health-serbia", ProjectPartner.Role.BENEFICIARY, ""),
            ("ministry-of-labour-serbia", ProjectPartner.Role.BENEFICIARY, ""),
            (
                "ombudsperson-office-serbia",
                ProjectPartner.Role.BENEFICIARY,
                "",
                "Named on the page as “NPM/Ombudsperson Office”.",
            ),
            (
                "npm-serbia",
                ProjectPartner.Role.BENEFICIARY,
                "",
                "Named on the page as “NPM/Ombudsperson Office”.",
            ),
            ("office-for-human-and-minority-rights-serbia", ProjectPartner.Role.BENEFICIARY, ""),
            ("serbian-european-integration-office", ProjectPartner.Role.BENEFICIARY, ""),
            ("civil-society-serbia", ProjectPartner.Role.STAKEHOLDER, ""),
        ],
        "objectives": [
            (
                "1",
                Objective.Level.OVERALL,
                "Enhance human rights protection for detained and sentenced persons in Serbia, in "
                "line with the Conventions, CPT recommendations and ECtHR judgments it rests on.",
            ),
            (
                "1.1",
                Objective.Level.SPECIFIC,
                "Safeguards against ill-treatment of arrested and detained persons.",
            ),
            (
                "1.2",
                Objective.Level.SPECIFIC,
                "Human rights protection of prisoners through improved policy and reintegration "
                "measures.",
            ),
            (
                "1.3",
                Objective.Level.SPECIFIC,
                "Human rights protection of persons with mental disabilities detained in "
                "psychiatric or social care institutions.",
            ),
        ],
    },
    {
        "slug": KOSOVO_SLUG,
        "code": "VC-2022-KOS-PDL",
        "title": "Improvement of the treatment of persons deprived of their liberty",
        # Human rights, legal and judicial development, and basic health care (healthcare of
        # persons deprived of liberty).
        "sectors": [("15160", 40), ("15130", 30), ("12220", 30)],
        "phase": "",
        "programme": None,
        "predecessor": PREDECESSOR_SLUG,
        "countries": ["XK"],
        "start_date": date(2022, 10, 1),
        "end_date": date(2025, 9, 30),
        "budget": Decimal("850000"),
        "currency": "EUR",
        "summary": (
            "A 36-month Council of Europe project in Kosovo*, co-funded through voluntary "
            "contributions of Belgium, Germany, Ireland, Norway, and the Council of Europe, for "
            "treatment and healthcare of persons deprived of liberty compliant with Council of "
            "Europe standards."
        ),
        "description": (
            "The Council of Europe is implementing a Project on the “Improvement of the treatment "
            "of persons deprived of their liberty” with a duration of 36 months (October 2022 - "
            "September 2025), co-funded through voluntary contributions of Belgium, Germany, "
            "Ireland, Norway, and the Council of Europe. The Project has an overall budget of "
            "850000 EUR.\n\n"
            "The Project will focus on supporting reform initiatives to consolidate the already "
            "achieved results within the framework of the 2016-2018 Horizontal Facility action "
            "“Enhancing the protection of human rights of prisoners in Kosovo*”, and expand the "
            "work to enable favorable conditions for treatment and healthcare provided to persons "
            "deprived of liberty compliant with the Council of Europe standards.\n\n"
            "By achieving the objectives, the project will further enhance the knowledge and "
            "skills of medical and non-medical staff in prisons, other closed institutions, and "
            "relevant stakeholders, to strengthen the safeguards against ill-treatment in line "
            "with Council of Europe standards and the CPT recommendations. It will develop an "
            "efficient working methodology and encourage sustainable co-operation."
        ),
        "target_groups": (
            "Healthcare professionals and other categories of staff in prisons and other closed "
            "institutions."
        ),
        "end_beneficiaries": (
            "Prisoners in need of medical attention, forensic institute patients, and persons "
            "with mental and physical disabilities accommodated in special social welfare "
            "institutions."
        ),
        "key_standards": "Council of Europe standards\nCPT recommendations",
        "fundings": [
            ("belgium", Funding.Kind.VOLUNTARY, "", "Amount not stated on the project page."),
            ("germany", Funding.Kind.VOLUNTARY, "", "Amount not stated on the project page."),
            ("ireland", Funding.Kind.VOLUNTARY, "", "Amount not stated on the project page."),
            ("norway", Funding.Kind.VOLUNTARY, "", "Amount not stated on the project page."),
            (
                "council-of-europe",
                Funding.Kind.COE_BUDGET,
                "",
                "Amount not stated on the project page.",
            ),
        ],
        "partners": [
            ("council-of-europe", ProjectPartner.Role.IMPLEMENTING, ""),
            (
                "prison-health-department-kosovo",
                ProjectPartner.Role.BENEFICIARY,
                "Prison Healthcare Department within the Ministry of Health.",
            ),
            ("institute-for-forensic-psychiatry-of-kosovo", ProjectPartner.Role.BENEFICIARY, ""),
            ("kosovo-correctional-services", ProjectPartner.Role.BENEFICIARY, ""),
            (
                "special-institute-for-persons-with-disabilities-kosovo",
                ProjectPartner.Role.BENEFICIARY,
                "",
            ),
            ("kosovo-probation-service", ProjectPartner.Role.STAKEHOLDER, ""),
            ("dubrava-prison", ProjectPartner.Role.STAKEHOLDER, ""),
            ("civil-society-kosovo", ProjectPartner.Role.STAKEHOLDER, ""),
        ],
        "objectives": [
            (
                "1",
                Objective.Level.OVERALL,
                "Ensure the protection of the human rights of persons deprived of their liberty, "
                "with focus on convicted persons and patients with mental disabilities.",
            ),
            (
                "1.1",
                Objective.Level.SPECIFIC,
                "Strengthening co-operation and increasing consistency and co-ordination of "
                "approaches of all relevant stakeholders so as to improve the health care provided "
                "to all persons who are de facto, and de jure deprived of their liberty, including "
                "convicted persons, patients involuntarily committed to psychiatric "
                "hospitalization and persons with mental disabilities placed in social welfare "
                "institutions.",
            ),
            (
                "1.2",
                Objective.Level.SPECIFIC,
                "Further enhancing the professional performance of the Prison Healthcare "
                "Department within the Ministry of Health through capacity-building measures, by "
                "establishing relevant protocols and strengthening safeguards against "
                "ill-treatment.",
            ),
            (
                "1.3",
                Objective.Level.SPECIFIC,
                "Reviewing legislation and policies regulating involuntary psychiatric "
                "hospitalization in light of Council of Europe standards and assessing and "
                "revising procedures and information provided to patients on their rights.",
            ),
            (
                "1.4",
                Objective.Level.SPECIFIC,
                "Strengthening the protection of the human rights of detained patients with mental "
                "disabilities and facilitating their rehabilitation and reintegration into "
                "society.",
            ),
        ],
    },
]

A = Activity.Kind

# One activity per event the pages report, each with the story that reports it.
ACTIVITIES = [
    {
        "project": SERBIA_SLUG,
        "title": "Study visit to Ireland on forensic mental health",
        "kind": A.STUDY_VISIT,
        "start_date": date(2022, 10, 20),
        "end_date": date(2022, 10, 21),
        "city": "",
        "countries": ["IE", "RS"],
        "institutions": ["prison-administration-serbia"],
        "objectives": ["1.2", "1.3"],
        "description": (
            "Representatives of the Serbian Prison Administration, in a delegation led by Mr Dejan "
            "Carevic, Director of Prison Administration, gained a more detailed insight into the "
            "Irish system of forensic mental health. The page prints “20-21 October” without a "
            "year; 2022 follows from the story's place, newest first, above one of 2 September "
            "2022."
        ),
        "news": {
            "title": "Enhancing the knowledge of Prison Administration officials on forensic "
            "mental health",
            "dateline": "Ireland",
            "published_on": date(2022, 10, 21),
            "lead": (
                "On 20-21 October representatives of the Serbian Prison Administration "
                "participated in a study visit Ireland designed to provide more detailed insight "
                "into Irish system of forensic mental health. The Serbian delegation was led by Mr "
                "Dejan Carevic, Director of Prison Administration and composed of..."
            ),
        },
    },
    {
        "project": SERBIA_SLUG,
        "title": "First cooperation meeting between the Ministry of Interior and civil society "
        "organisations",
        "kind": A.MEETING,
        "start_date": date(2022, 9, 2),
        "city": "Belgrade",
        "countries": ["RS"],
        "institutions": ["ministry-of-internal-affairs-serbia", "civil-society-serbia"],
        "objectives": ["1.1"],
        "description": (
            "Opportunities for cooperation were identified and participants engaged in dialogue "
            "on current issues of protection of human rights."
        ),
        "news": {
            "title": "Cooperation between the Serbian Ministry of Interior and Civil Society "
            "Organisations",
            "dateline": "Belgrade, Serbia",
            "published_on": date(2022, 9, 2),
            "lead": (
                "The first cooperation meeting between Ministry of Interior (MoI) and Civil "
                "Society Organisations (CSOs), was held on 2 September 2022, in Belgrade. During "
                "the meeting, opportunities for cooperation were identified and participants "
                "engaged in dialogue on current issues of protection of human..."
            ),
        },
    },
    {
        "project": SERBIA_SLUG,
        "title": "Training of prison staff in Kosovo* and Serbia on assessing violent extremist "
        "prisoners",
        "kind": A.TRAINING,
        "start_date": date(2022, 6, 22),
        "city": "",
        "countries": ["XK", "RS"],
        "institutions": ["prison-administration-serbia", "kosovo-correctional-services"],
        "objectives": ["1.2"],
        "description": (
            "Selected prison staff learned to make structured professional judgement when "
            "assessing violent extremist prisoners: behavioural indicators of radicalisation, "
            "the factors that weigh in assessing the risk a prisoner may pose, and how to "
            "determine priority individual rehabilitation and treatment needs."
        ),
        "internal_note": "The page does not state the number of participants.",
        "news": {
            "title": "Selected prison staff in Kosovo* and Serbia trained to make structured "
            "professional judgement when assessing violent extremist prisoners",
            "dateline": "Kosovo and Serbia",
            "published_on": date(2022, 6, 22),
            "lead": (
                "What behavioural indicators could indicate presence of radicalisation? What "
                "factors are relevant and carry weight of assessment of a risk level a prisoner "
                "may pose? How to translate knowledge and information gathered and determine "
                "priority individual rehabilitation and treatment needs of a..."
            ),
        },
    },
    {
        "project": SERBIA_SLUG,
        "title": "First NPM workshop for staff of the psychiatric clinic “Dr Laza Lazarevic”",
        "kind": A.WORKSHOP,
        "start_date": date(2022, 5, 30),
        "venue": "Psychiatric clinic “Dr Laza Lazarevic”",
        "city": "Belgrade",
        "countries": ["RS"],
        "institutions": ["npm-serbia", "clinic-dr-laza-lazarevic"],
        "objectives": ["1.3"],
        "description": (
            "The first of a series of workshops launched by the Council of Europe and the "
            "National Preventive Mechanism (NPM) Serbia for staff of psychiatric and social care "
            "institutions on Council of Europe standards on prevention of ill-treatment."
        ),
        "news": {
            "title": "Enhancing the knowledge of psychiatric and social care staff on Council of "
            "Europe standards on prevention of ill-treatment",
            "dateline": "Belgrade, Serbia",
            "published_on": date(2022, 5, 30),
            "lead": (
                "Council of Europe and National Preventive Mechanism (NPM) Serbia launched a "
                "series of workshops for staff of psychiatric and social care institutions on the "
                "protection of human rights of persons. The first workshop for employees of the "
                "psychiatric clinic “Dr Laza Lazarevic” was held in Belgrade..."
            ),
        },
    },
    {
        "project": SERBIA_SLUG,
        "title": "Training for prison managers on radicalisation and violent extremism in prisons",
        "kind": A.TRAINING,
        "start_date": date(2022, 3, 25),
        "city": "Belgrade",
        "countries": ["RS"],
        "institutions": ["prison-administration-serbia"],
        "objectives": ["1.2"],
        "participants_total": 20,
        "description": (
            "A 1-day intensive training for twenty representatives of the Serbian penitentiary "
            "system on radicalisation and violent extremism, right-wing extremism and specific "
            "tools and programme for violent extremist prisoners (VEPs)."
        ),
        "news": {
            "title": "Training for prison managers in Serbia on radicalisation, violent extremism "
            "and challenges of its prevention in prisons",
            "dateline": "Belgrade, Serbia",
            "published_on": date(2022, 3, 25),
            "lead": (
                "Twenty representatives of the Serbian penitentiary system took part in a 1-day "
                "intensive training on radicalisation and violent extremism, right-wing extremism "
                "and specific tools and programme for violent extremist prisoners (VEPs), which "
                "took place on 25 March 2022 in Belgrade, Serbia. The..."
            ),
        },
    },
    {
        "project": SERBIA_SLUG,
        "title": "Revision of the NPM Serbia working methodology",
        "kind": A.EXPERT_REVIEW,
        "start_date": date(2021, 3, 1),
        "end_date": date(2021, 11, 23),
        "city": "",
        "countries": ["RS"],
        "institutions": ["npm-serbia"],
        "objectives": ["1.1"],
        "description": (
            "Eight months (March-November 2021) of work by the Council of Europe and the NPM team "
            "updating and improving the operational procedures and working methodology of the "
            "Serbian National Preventive Mechanism, completed in November 2021. The page gives "
            "months only: the dates recorded run from 1 March 2021 to 23 November 2021, the day "
            "the story reporting its completion was published."
        ),
        "news": {
            "title": "Revised methodology of NPM Serbia enables better monitoring of human rights’ "
            "protection at places of detention",
            "dateline": "Serbia",
            "published_on": date(2021, 11, 23),
            "lead": (
                "After eight months (March-November 2021) of diligent work on updating and "
                "improving operational procedures and working methodology of Serbian National "
                "Preventive Mechanism (NPM), Council of Europe and NPM team jointly completed the "
                "revision of Serbian NPM methodology in November 2021. During the..."
            ),
        },
    },
    {
        "project": SERBIA_SLUG,
        "title": "1st peer-to-peer training for prison treatment staff on Offender Behaviour "
        "Programmes",
        "kind": A.PEER_TRAINING,
        "start_date": date(2021, 5, 31),
        "end_date": date(2021, 6, 4),
        "city": "Vrdnik",
        "countries": ["RS"],
        "institutions": ["prison-administration-serbia"],
        "objectives": ["1.2"],
        "participants_total": 19,
        "description": (
            "Treatment officers (19) from 9 Serbian prisons enhanced their knowledge and skills "
            "on conducting and facilitating workshops for prisoners using the new Offender "
            "Behaviour Programs."
        ),
        "news": {
            "title": "Improving the Capacity of Prison Treatment Staff in Serbia",
            "dateline": "Serbia",
            "published_on": date(2021, 6, 4),
            "lead": (
                "The 1st Peer-to-Peer training for prison treatment staff on using new Offender "
                "Behaviour Programs is organized in Vrdnik in period 31 May to 04 June 2021. "
                "Treatment officers (19) from 9 Serbian prisons enhanced their knowledge and "
                "skills on conducting and facilitating workshops for prisoners,..."
            ),
        },
    },
    {
        "project": SERBIA_SLUG,
        "title": "Working Group on the new Strategy for Enforcement of Criminal Sanctions begins "
        "its work",
        "kind": A.WORKING_GROUP,
        "start_date": date(2020, 11, 27),
        "city": "",
        "countries": ["RS"],
        "institutions": ["ministry-of-justice-serbia", "prison-administration-serbia"],
        "objectives": ["1.2"],
        "description": (
            "With the support of the Council of Europe, a Working Group of the Ministry of Justice "
            "and Prison Administration began its work on the development of the new Strategy for "
            "Enforcement of Criminal Sanctions."
        ),
        "news": {
            "title": "Designing a strategic approach towards enforcement of criminal sanctions "
            "and protection of persons deprived of liberty in Serbia",
            "dateline": "Serbia",
            "published_on": date(2020, 11, 30),
            "lead": (
                "On 27 November 2020, with the support of Council of Europe a Working Group of "
                "the Ministry of Justice and Prison Administration begun its work on the "
                "development of the new Strategy for Enforcement of Criminal Sanctions. During the "
                "meeting, members of the Working Group discussed inter alia the..."
            ),
        },
    },
    {
        "project": SERBIA_SLUG,
        "title": "Seminar on reinforcing the National Prevention Mechanism in Serbia",
        "kind": A.SEMINAR,
        "start_date": date(2020, 10, 13),
        "end_date": date(2020, 10, 14),
        "city": "Belgrade",
        "countries": ["RS"],
        "institutions": ["ombudsperson-office-serbia", "npm-serbia", "civil-society-serbia"],
        "objectives": ["1.1"],
        "description": (
            "More than 20 representatives of NGOs and of the Serbian Ombudsperson’s office took "
            "part in a seminar, organised by the Council of Europe, on the role of NGOs and the "
            "NPM."
        ),
        "internal_note": "The page gives no exact number of participants.",
        "news": {
            "title": "Enhancing the National Protection Mechanism in Serbia",
            "dateline": "Republic of Serbia",
            "published_on": date(2020, 10, 22),
            "lead": (
                "More than 20 representatives of NGOs and Serbian Ombudsperson’s office benefitted "
                "from a seminar on reinforcing the National Prevention Mechanism (NPM) in Serbia. "
                "The seminar, organized by the Council of Europe in Belgrade on 13-14 October "
                "2020, focused on the role of NGOs and the NPM in..."
            ),
        },
    },
    {
        "project": SERBIA_SLUG,
        "title": "Meeting on the Bylaw on Police Powers",
        "kind": A.MEETING,
        "start_date": date(2020, 9, 10),
        "city": "Belgrade",
        "countries": ["RS"],
        "format": Activity.Format.HYBRID,
        "institutions": ["ministry-of-internal-affairs-serbia"],
        "objectives": ["1.1"],
        "facilitators": "A Council of Europe international consultant, coordinating online.",
        "description": (
            "A Bylaw on Police Powers was discussed with representatives of various structures "
            "within the Ministry of Interior, in a meeting in Belgrade coordinated online by a "
            "Council of Europe international consultant, at the request of the Ministry."
        ),
        "news": {
            "title": "The Council of Europe continues supporting the Ministry of Interior in "
            "Serbia in aligning the legislation with European standards",
            "dateline": "Serbia",
            "published_on": date(2020, 9, 15),
            "lead": (
                "On 10 September 2020, a Bylaw on Police Powers was discussed with representatives "
                "of various structures within the Ministry of Interior in a meeting in Belgrade "
                "and coordinated online by a Council of Europe international consultant. At the "
                "request of the Ministry of Interior, the Council of..."
            ),
        },
    },
    {
        "project": KOSOVO_SLUG,
        "title": "Training on psychosocial programmes and rehabilitation methods",
        "kind": A.TRAINING,
        "start_date": date(2024, 7, 1),
        "end_date": date(2024, 7, 3),
        "venue": "Near Dubrava Prison",
        "city": "",
        "countries": ["XK"],
        "institutions": [
            "institute-for-forensic-psychiatry-of-kosovo",
            "kosovo-correctional-services",
            "prison-health-department-kosovo",
            "special-institute-for-persons-with-disabilities-kosovo",
            "kosovo-probation-service",
            "civil-society-kosovo",
        ],
        "objectives": ["1.1", "1.2", "1.4"],
        "participants_total": 30,
        "facilitators": "Two Council of Europe subject matter experts.",
        "description": (
            "A three-day training for 30 mental healthcare professionals and correctional staff "
            "from IFPK, KCS, PHD and SIS, with representatives of the Kosovo Probation Service "
            "and civil society. Through case studies: staff burnout, assessment of prisoners and "
            "persons in other closed institutions and subsequent treatment, discharge and release "
            "planning, motivational interviewing and de-escalation techniques, and patient "
            "self-care and education."
        ),
        "news": {
            "title": "Council of Europe enhances skills of mental healthcare professionals and "
            "correctional staff on psychosocial programmes and rehabilitation methods",
            "dateline": "Kosovo*",
            "published_on": date(2024, 7, 3),
            "lead": (
                "Mental healthcare professionals and correctional staff should constantly "
                "strengthen their practical knowledge and skills and be aware of international "
                "standards and good practice to be able to provide appropriate treatment to "
                "persons deprived of liberty."
            ),
            "body": (
                "Therefore, a three-day training on psychosocial programmes and rehabilitation "
                "methods took place from 1 to 3 July in Kosovo* nearby Dubrava Prison, "
                "facilitated by two Council of Europe subject matter experts.\n\n"
                "A total of 30 mental healthcare professionals and correctional staff from the "
                "Institute for Forensic Psychiatry of Kosovo (IFPK), Kosovo Correctional Services "
                "(KCS), Prison Health Department (PHD), and the Special Institute for Persons with "
                "Learning and Physical Disabilities (SIS) as well as representatives of the Kosovo "
                "Probation Service and civil society were acquainted with several techniques to "
                "assist them in their daily work. Through case studies the participants raised "
                "their practical knowledge and awareness of staff burnout, assessment of "
                "prisoners and persons in other closed institutions and subsequent treatment, "
                "discharge and release planning, motivational interviewing and de-escalation "
                "techniques, and patient self-care and education.\n\n"
                "The participants also shared their experiences and learned from one another, "
                "whilst sharing institutional best practices in the process and strengthening the "
                "cooperation between their institutions.\n\n"
                "As a sign of appreciation of the Council of Europe’s work and good partnership, "
                "the Director General of KCS, and the Heads of the PHD and the SIS expressed their "
                "gratitude to the Council of Europe for all the efforts and dedication in "
                "improving the skills and knowledge of their staff for a better treatment of "
                "persons in closed institutions.\n\n"
                "The activity was organized under the auspices of the Council of Europe project "
                "“Improvement of the treatment of persons deprived of liberty”."
            ),
        },
    },
]


def held_on(day):
    """The title of the activity that started on `day`."""
    (title,) = [data["title"] for data in ACTIVITIES if data["start_date"] == day]
    return title


ILLUSTRATIVE = (
    "Illustrative demo indicator: the project page states no baseline or target. Measured values "
    "count only participants the stories state in figures."
)

# (project slug, objective code, name, unit, baseline, target, means of verification,
#  [(date, value, activity title)])
INDICATORS = [
    (
        SERBIA_SLUG,
        "1.2",
        "Prison staff trained by the Action",
        "people",
        0,
        100,
        f"Attendance lists of the Action's trainings. {ILLUSTRATIVE}",
        [
            (date(2021, 6, 4), 19, held_on(date(2021, 5, 31))),
            (date(2022, 3, 25), 39, held_on(date(2022, 3, 25))),
        ],
    ),
    (
        SERBIA_SLUG,
        "1.1",
        "Revised NPM working methodology in use",
        "methodology",
        0,
        1,
        f"The NPM's published methodology. {ILLUSTRATIVE}",
        [(date(2021, 11, 23), 1, held_on(date(2021, 3, 1)))],
    ),
    (
        KOSOVO_SLUG,
        "1.2",
        "Mental healthcare professionals and correctional staff trained",
        "people",
        0,
        90,
        f"Attendance lists of the project's trainings. {ILLUSTRATIVE}",
        [(date(2024, 7, 3), 30, held_on(date(2024, 7, 1)))],
    ),
]

DEMO_PASSWORD = "demo-portal-2024"  # noqa: S105 - demo accounts exist only with DEBUG on
# username: (first name, last name, superuser, in Managers, officer on project slug)
DEMO_ACCOUNTS = {
    "admin": ("Ada", "Admin", True, False, None),
    "manager": ("Max", "Manager", False, True, None),
    "officer-serbia": ("Sara", "Officer", False, False, SERBIA_SLUG),
    "officer-kosovo": ("Kosta", "Officer", False, False, KOSOVO_SLUG),
}

PROJECT_TITLES = {data["slug"]: data["title"] for data in PROJECTS}
ROLES = {
    (True, False, False): "superuser: Django admin and every page",
    (False, True, False): "manager: every project and dashboard",
    (False, False, True): "project officer on “{project}”",
}
