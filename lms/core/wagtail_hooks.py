from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import DataFormat, Parliament


class ParliamentViewSet(SnippetViewSet):
    model = Parliament
    icon = "group"
    menu_label = _("Parliaments")
    list_display = ["name", "chamber", "country", "region"]
    list_filter = ["region", "chamber"]
    search_fields = ["name"]


class DataFormatViewSet(SnippetViewSet):
    model = DataFormat
    icon = "code"
    menu_label = _("Data formats")
    list_display = ["name", "code", "machine_readable"]


class DirectoryViewSetGroup(SnippetViewSetGroup):
    items = (ParliamentViewSet, DataFormatViewSet)
    menu_icon = "group"
    menu_label = _("Directory")
    menu_name = "directory"


register_snippet(DirectoryViewSetGroup)
