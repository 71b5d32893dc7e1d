"""``{% personal "template.html" %}``: a part of a page that is the reader's own (their account menu, progress).

Everywhere it is a plain ``{% include %}``; in a skeleton that ``lms.core.skeleton`` renders once for every reader,
it leaves a marker that is filled per request.
"""

from django import template
from django.template.loader_tags import IncludeNode

from ..skeleton import SKELETON_MARKER

register = template.Library()


class PersonalNode(IncludeNode):
    def render(self, context):
        marker = context.get(SKELETON_MARKER)
        if marker:
            return marker % self.template.resolve(context)
        return super().render(context)


@register.tag("personal")
def personal(parser, token):
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError(f"'{bits[0]}' takes one template name.")
    return PersonalNode(parser.compile_filter(bits[1]))
