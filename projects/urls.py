from django.urls import path

from projects import (
    dashboards,
    logframe_views,
    media_views,
    report_views,
    setup_views,
    spending_views,
    team,
    views,
)
from projects.iati import views as iati

# config/urls.py adds activities.urls.project_patterns (a project's feed and calendar) to the
# "projects" namespace.
app_name = "projects"
urlpatterns = [
    path("", views.ProjectListView.as_view(), name="list"),
    path("lookup.json", views.project_lookup, name="lookup"),
    path("new/", setup_views.ProjectCreateView.as_view(), name="create"),
    path("<slug:slug>/", views.ProjectDetailView.as_view(), name="detail"),
    path("<slug:slug>/dashboard/", dashboards.ProjectDashboardView.as_view(), name="dashboard"),
    path(
        "<slug:slug>/indicators/<int:pk>/record/",
        dashboards.IndicatorValueCreateView.as_view(),
        name="indicator-record",
    ),
    path("<slug:slug>/edit/", setup_views.ProjectUpdateView.as_view(), name="update"),
    path("<slug:slug>/team/", team.TeamView.as_view(), name="team"),
    path("<slug:slug>/logframe/", logframe_views.LogframeView.as_view(), name="logframe"),
    path("<slug:slug>/iati.xml", iati.project_iati, name="iati"),
    path("<slug:slug>/report/", report_views.ReportView.as_view(), name="report"),
    path("<slug:slug>/report.pdf", report_views.ReportPdfView.as_view(), name="report-pdf"),
    path("<slug:slug>/report.xlsx", report_views.ReportXlsxView.as_view(), name="report-xlsx"),
    path(
        "<slug:slug>/expenditure/",
        spending_views.ExpenditureView.as_view(),
        name="expenditure",
    ),
    path(
        "<slug:slug>/expenditure/<int:pk>/edit/",
        spending_views.ExpenditureUpdateView.as_view(),
        name="expenditure-update",
    ),
    path(
        "<slug:slug>/expenditure/<int:pk>/delete/",
        spending_views.ExpenditureDeleteView.as_view(),
        name="expenditure-delete",
    ),
    path("<slug:slug>/media/", media_views.ProjectMediaView.as_view(), name="media"),
    path("<slug:slug>/documents/<int:pk>/", media_views.project_document, name="document"),
]
