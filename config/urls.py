from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.views.generic import TemplateView

import activities.urls
import projects.urls
from config import views
from config.sitemaps import SITEMAPS
from core import accounts, people, two_factor
from core import views as core_views
from projects import dashboards
from projects.iati import views as iati

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("manifest.webmanifest", views.web_manifest, name="web-manifest"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    # IATI files are the same in every language (each narrative carries its own).
    path("iati/activities.xml", iati.activities_xml, name="iati-activities"),
    path("iati/organisation.xml", iati.organisation_xml, name="iati-organisation"),
    path("api/", include("api.urls")),
    # Pictures and their renditions (documents have their own views, which check access).
    path("media/<path:path>", core_views.media_file, name="media"),
    # Search engines: every public page in both languages (config/sitemaps.py).
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("privacy/", TemplateView.as_view(template_name="privacy.html"), name="privacy"),
    path("dashboard/", dashboards.PortfolioDashboardView.as_view(), name="portfolio"),
    path("my-work/", views.my_work, name="my-work"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/two-factor/", two_factor.verify, name="two-factor-verify"),
    path("accounts/two-factor/setup/", two_factor.setup, name="two-factor-setup"),
    path("accounts/people/<int:pk>/deactivate/", people.deactivate, name="deactivate-person"),
    path(
        "accounts/password/",
        auth_views.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        "accounts/password/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path(
        "accounts/password/reset/",
        accounts.PasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        "accounts/password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "accounts/password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "accounts/password/reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path(
        "accounts/invitation/<uidb64>/<token>/",
        accounts.InvitationAcceptView.as_view(),
        name="invitation_accept",
    ),
    path(
        "projects/",
        include(
            (projects.urls.urlpatterns + activities.urls.project_patterns, "projects"),
            namespace="projects",
        ),
    ),
    path("programmes/", include("projects.programme_urls")),
    path("activities/", include("activities.urls")),
    path("news/", include("activities.news_urls")),
    path("stakeholders/", include("stakeholders.urls")),
    path("", include("results.urls")),
    prefix_default_language=False,
)
