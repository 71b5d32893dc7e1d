"""The Atom feed of a news index."""

from datetime import datetime, time

from django.http import HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed


def news_feed(request, index_page):
    feed = Atom1Feed(
        title=index_page.title,
        link=index_page.get_full_url(request),
        description=index_page.introduction,
        language=index_page.locale.language_code,
        feed_url=request.build_absolute_uri(),
    )
    for item in index_page.news()[: index_page.feed_size]:
        published = timezone.make_aware(datetime.combine(item.date, time.min))
        feed.add_item(
            title=item.title,
            link=item.get_full_url(request),
            description=item.introduction,
            pubdate=published,
            updateddate=item.last_published_at or published,
            unique_id=item.get_full_url(request),
            categories=[item.get_kind_display()],
        )
    response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
    feed.write(response, "utf-8")
    return response
