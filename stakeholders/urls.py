from django.urls import path

from stakeholders import editing, views

app_name = "stakeholders"
urlpatterns = [
    path("", views.InstitutionListView.as_view(), name="list"),
    path("lookup.json", views.institution_lookup, name="lookup"),
    path("new/", editing.InstitutionCreateView.as_view(), name="create"),
    path("countries/", editing.CountryListView.as_view(), name="countries"),
    path("countries/new/", editing.CountryCreateView.as_view(), name="country-create"),
    path("contacts/<int:pk>/erase/", editing.contact_erase, name="contact-erase"),
    path("<slug:slug>/", views.InstitutionDetailView.as_view(), name="detail"),
]
