from .base import BasePage, SearchEngineMixin, SocialSharingMixin
from .pages import HomePage, StandardPage
from .parliaments import DataFormat, Parliament
from .site_settings import SiteSettings

__all__ = [
    "BasePage",
    "DataFormat",
    "HomePage",
    "Parliament",
    "SearchEngineMixin",
    "SiteSettings",
    "SocialSharingMixin",
    "StandardPage",
]
