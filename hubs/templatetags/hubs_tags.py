from django import template

from lms.core import json_ld

from ..structured_data import centre_organization, hub_organization

register = template.Library()


@register.simple_tag(takes_context=True)
def organization_jsonld(context, page):
    """The schema.org Organization script of a Centre or hub page."""
    build = centre_organization if page._meta.model_name == "centrepage" else hub_organization
    return json_ld.script(build(page, context.get("request")))
