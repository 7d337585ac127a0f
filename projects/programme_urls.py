from django.urls import path

from projects import programme_views

app_name = "programmes"
urlpatterns = [
    path("", programme_views.ProgrammeListView.as_view(), name="list"),
    path("new/", programme_views.ProgrammeSetUpView.as_view(), name="create"),
    path("<slug:slug>/", programme_views.ProgrammeDetailView.as_view(), name="detail"),
    path("<slug:slug>/edit/", programme_views.ProgrammeSetUpView.as_view(), name="update"),
]
