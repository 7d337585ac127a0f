from django.urls import path

from activities import editing, exports, feeds, imports, media_views, views

app_name = "activities"
urlpatterns = [
    path("", views.ActivityListView.as_view(), name="list"),
    path("new/", editing.ActivityCreateView.as_view(), name="create"),
    path("new/choices/", editing.ActivityChoicesView.as_view(), name="choices"),
    path("import/", imports.ImportView.as_view(), name="import"),
    path("import/<int:pk>/", imports.ImportPreviewView.as_view(), name="import-preview"),
    path("export.csv", exports.activities_csv, name="export-csv"),
    path("export.xlsx", exports.activities_xlsx, name="export-xlsx"),
    path("calendar.ics", exports.activities_calendar, name="calendar"),
    path("<int:pk>/", views.ActivityDetailView.as_view(), name="detail"),
    path("<int:pk>/edit/", editing.ActivityUpdateView.as_view(), name="update"),
    path("<int:pk>/delete/", editing.ActivityDeleteView.as_view(), name="delete"),
    path("<int:pk>/history/", editing.ActivityHistoryView.as_view(), name="history"),
    path("<int:pk>/restore/", editing.activity_restore, name="restore"),
    path("<int:pk>/media/", media_views.ActivityMediaView.as_view(), name="media"),
    path(
        "<int:pk>/documents/<int:document>/",
        media_views.activity_document,
        name="document",
    ),
]

# A project's news feed and calendar, under /projects/<slug>/ in the "projects" namespace.
project_patterns = [
    path("<slug:slug>/feed/", feeds.project_news_feed, name="feed"),
    path("<slug:slug>/calendar.ics", exports.project_calendar, name="calendar"),
]
