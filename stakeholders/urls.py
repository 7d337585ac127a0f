from django.urls import path

from stakeholders import views

app_name = "stakeholders"
urlpatterns = [
    path("", views.InstitutionListView.as_view(), name="list"),
    path("lookup.json", views.institution_lookup, name="lookup"),
    path("<slug:slug>/", views.InstitutionDetailView.as_view(), name="detail"),
]
