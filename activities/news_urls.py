from django.urls import path

from activities import editing, feeds, media_views, views

app_name = "news"
urlpatterns = [
    path("", views.NewsListView.as_view(), name="list"),
    path("feed/", feeds.latest_news_feed, name="feed"),
    path("new/", editing.NewsCreateView.as_view(), name="create"),
    path("new/choices/", editing.NewsChoicesView.as_view(), name="choices"),
    path("<slug:slug>/", views.NewsDetailView.as_view(), name="detail"),
    path("<slug:slug>/edit/", editing.NewsUpdateView.as_view(), name="update"),
    path("<slug:slug>/delete/", editing.NewsDeleteView.as_view(), name="delete"),
    path("<slug:slug>/history/", editing.NewsHistoryView.as_view(), name="history"),
    path("<slug:slug>/media/", media_views.NewsMediaView.as_view(), name="media"),
]
