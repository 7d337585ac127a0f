from django.urls import path

from results import portfolio, views

app_name = "results"
urlpatterns = [
    path("results/", portfolio.PortfolioResultsView.as_view(), name="portfolio"),
    path("projects/<slug:slug>/results/", views.ProjectResultsView.as_view(), name="project"),
    path(
        "projects/<slug:slug>/results/values/<int:pk>/edit/",
        views.ValueUpdateView.as_view(),
        name="value-edit",
    ),
    path(
        "projects/<slug:slug>/results/periods/<int:pk>/submit/",
        views.PeriodSubmitView.as_view(),
        name="submit",
    ),
    path(
        "projects/<slug:slug>/results/periods/<int:pk>/review/",
        views.PeriodReviewView.as_view(),
        name="review",
    ),
]
