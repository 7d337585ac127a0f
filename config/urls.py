from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from config import views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]

urlpatterns += i18n_patterns(
    path("projects/", include("projects.urls")),
    path("activities/", include("activities.urls")),
    path("news/", include("activities.news_urls")),
    path("stakeholders/", include("stakeholders.urls")),
    prefix_default_language=False,
)
