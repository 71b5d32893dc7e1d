"""``{% sharedpagecache %}``: a fragment of a page that every reader sees alike, rendered once and kept.

Pages that are personal as a whole (a learner's lesson, with their progress and buttons) cannot go to the
anonymous page cache, but most of their HTML (the lesson's body, say) is the same for every reader. This is
Wagtail's ``{% wagtailpagecache %}`` (keyed on the page in its current state and on the site, never used for
previews) also keyed on the active language and on the page-cache generation, so that publishing or moving any
page (a body links to other pages) retires every kept fragment. Usage::

    {% load shared_fragments %}
    {% sharedpagecache lesson-body %}...{% endsharedpagecache %}

Nothing personal may go inside: no user, no progress, no CSRF token.
"""

from django import template
from django.template import Variable
from django.utils.translation import get_language
from wagtail.templatetags.wagtail_cache import WagtailPageCacheNode

from .. import page_cache

register = template.Library()

LANGUAGE_VAR = "shared_fragment_language"
GENERATION_VAR = "shared_fragment_generation"


class SharedPageCacheNode(WagtailPageCacheNode):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.vary_on.extend([Variable(LANGUAGE_VAR), Variable(GENERATION_VAR)])

    def render(self, context):
        with context.update({LANGUAGE_VAR: get_language(), GENERATION_VAR: page_cache.generation()}):
            return super().render(context)


@register.tag("sharedpagecache")
def shared_page_cache(parser, token):
    nodelist = parser.parse(("endsharedpagecache",))
    parser.delete_first_token()
    tokens = token.split_contents()
    if len(tokens) < 2:
        raise template.TemplateSyntaxError(f"'{tokens[0]}' needs a fragment name.")
    timeout = parser.compile_filter(str(page_cache.TIMEOUT))
    return SharedPageCacheNode(nodelist, timeout, tokens[1], [parser.compile_filter(t) for t in tokens[2:]], None)
