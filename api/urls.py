from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from api import views

router = DefaultRouter()
router.register("programmes", views.ProgrammeViewSet, basename="programme")
router.register("projects", views.ProjectViewSet, basename="project")
router.register("activities", views.ActivityViewSet, basename="activity")
router.register("news", views.NewsViewSet, basename="news")
router.register("institutions", views.InstitutionViewSet, basename="institution")
router.register("countries", views.CountryViewSet, basename="country")

app_name = "api"
urlpatterns = [
    path("", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # Swagger UI from drf-spectacular-sidecar's files in static/ (nothing from a CDN), its
    # set-up script served apart so the page needs no inline script (CSP).
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
]
