"""The API's JSON: IATI's names where IATI has one (`iati_identifier`, `activity_status`,
`activity_date`, `recipient_country`, `sector`, `participating_org`, `budget`, `result`), the
portal's own field names elsewhere. The IATI codes come from `projects.iati.export`, so the API
and the IATI files always agree."""

from rest_framework import serializers

from activities.models import Activity, NewsItem
from projects.iati import export, results
from projects.models import Indicator, Objective, Programme, Project
from stakeholders.models import Country, Institution


class CountrySerializer(serializers.ModelSerializer):
    class Meta:
        model = Country
        fields = ["code", "name", "footnote"]


class InstitutionSerializer(serializers.ModelSerializer):
    type = serializers.SerializerMethodField(help_text="IATI OrganisationType code.")
    country = serializers.SlugRelatedField(slug_field="code", read_only=True)
    parent = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    url = serializers.CharField(source="get_absolute_url", read_only=True)

    class Meta:
        model = Institution
        fields = ["slug", "name", "acronym", "kind", "type", "country", "parent", "website", "url"]

    def get_type(self, institution) -> str:
        return export.ORGANISATION_TYPE.get(institution.kind, export.OTHER)


class ProgrammeSerializer(serializers.ModelSerializer):
    iati_identifier = serializers.SerializerMethodField()

    class Meta:
        model = Programme
        fields = ["slug", "iati_identifier", "name", "acronym", "description", "website"]

    def get_iati_identifier(self, programme) -> str:
        return export.programme_identifier(programme)


class ProjectSerializer(serializers.ModelSerializer):
    iati_identifier = serializers.SerializerMethodField()
    status = serializers.ChoiceField(choices=Project.Status.choices, read_only=True)
    activity_status = serializers.SerializerMethodField(help_text="IATI ActivityStatus code.")
    programme = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    predecessor = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    recipient_country = serializers.SerializerMethodField()
    sector = serializers.SerializerMethodField()
    budget = serializers.SerializerMethodField()
    url = serializers.CharField(source="get_absolute_url", read_only=True)

    class Meta:
        model = Project
        fields = [
            "slug",
            "iati_identifier",
            "code",
            "title",
            "summary",
            "status",
            "activity_status",
            "start_date",
            "end_date",
            "programme",
            "phase",
            "predecessor",
            "recipient_country",
            "sector",
            "budget",
            "url",
        ]

    def get_iati_identifier(self, project) -> str:
        return export.identifier(project)

    def get_activity_status(self, project) -> str:
        return export.activity_status(project, self.context["today"])

    def get_recipient_country(self, project) -> list[dict]:
        codes = sorted(country.code for country in project.countries.all())
        return [
            {"code": code, "percentage": str(share)}
            for code, share in export.country_percentages(codes)
        ]

    def get_sector(self, project) -> list[dict]:
        return [
            {"vocabulary": "1", "code": s.code, "percentage": str(s.percentage)}
            for s in project.sectors.all()
        ]

    def get_budget(self, project) -> dict | None:
        if project.budget is None:
            return None
        return {"value": str(project.budget), "currency": project.currency}


class IndicatorSerializer(serializers.ModelSerializer):
    values = serializers.SerializerMethodField(help_text="Approved measured values, oldest first.")
    period = serializers.SerializerMethodField(
        help_text="Each reporting period with a period target or an approved value, as in the "
        "IATI files: its target, its actual (the approved values summed for a count, the latest "
        "for other measures) and the actual's women and men where every value records them."
    )

    class Meta:
        model = Indicator
        fields = [
            "id",
            "name",
            "unit",
            "baseline",
            "target",
            "means_of_verification",
            "values",
            "period",
        ]

    def get_values(self, indicator) -> list[dict]:
        return [{"date": v.date, "value": str(v.value)} for v in indicator.approved_values]

    def get_period(self, indicator) -> list[dict]:
        periods = []
        for period, target, values in results.reporting_periods(indicator):
            actual = women = men = None
            if values:
                actual, women, men = results.period_actual(indicator, values)
            periods.append(
                {
                    "period_start": period.start,
                    "period_end": period.end,
                    "target": None if target is None else str(target),
                    "actual": None if actual is None else str(actual),
                    "women": None if women is None else str(women),
                    "men": None if men is None else str(men),
                }
            )
        return periods


class ResultSerializer(serializers.ModelSerializer):
    """An objective of the logframe: an IATI result, with its indicators."""

    type = serializers.SerializerMethodField(help_text="IATI ResultType code.")
    parent = serializers.SlugRelatedField(slug_field="code", read_only=True)
    indicators = IndicatorSerializer(many=True, read_only=True)

    class Meta:
        model = Objective
        fields = ["code", "level", "type", "parent", "title", "description", "indicators"]

    def get_type(self, objective) -> str:
        return export.RESULT_TYPE[objective.level]


class ProjectDetailSerializer(ProjectSerializer):
    participating_org = serializers.SerializerMethodField()
    result = ResultSerializer(source="objectives", many=True, read_only=True)

    class Meta(ProjectSerializer.Meta):
        fields = [
            *ProjectSerializer.Meta.fields,
            "description",
            "target_groups",
            "end_beneficiaries",
            "key_standards",
            "participating_org",
            "result",
        ]

    def get_participating_org(self, project) -> list[dict]:
        def org(institution, role):
            return {
                "name": institution.name,
                "institution": institution.slug,
                "role": role,
                "type": export.ORGANISATION_TYPE.get(institution.kind, export.OTHER),
            }

        funders = [org(f.funder, export.FUNDING) for f in project.fundings.all()]
        partners = [
            org(p.institution, p.iati_role) | {"partner_role": p.role}
            for p in project.partners.all()
        ]
        return funders + partners


class ActivitySerializer(serializers.ModelSerializer):
    project = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    countries = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    institutions = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    objectives = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    url = serializers.CharField(source="get_absolute_url", read_only=True)

    class Meta:
        model = Activity
        fields = [
            "id",
            "project",
            "kind",
            "title",
            "status",
            "start_date",
            "end_date",
            "venue",
            "city",
            "countries",
            "format",
            "description",
            "objectives",
            "institutions",
            "participants_total",
            "participants_women",
            "participants_men",
            "facilitators",
            "url",
        ]


class NewsSerializer(serializers.ModelSerializer):
    project = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    url = serializers.CharField(source="get_absolute_url", read_only=True)

    class Meta:
        model = NewsItem
        fields = [
            "slug",
            "project",
            "activity",
            "title",
            "dateline",
            "published_on",
            "lead",
            "body",
            "url",
        ]
