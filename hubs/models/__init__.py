from .catalogue import DataCategory, OpenDataCataloguePage, OpenDataPortal, PortalCategory, UpdateFrequency
from .centre import CentrePage
from .directory import ParliamentDirectoryPage
from .hubs import HubIndexPage, HubKind, HubMembership, HubPage
from .join_requests import JoinRequest
from .news import NewsIndexPage, NewsKind, NewsPage
from .partners import Partner

__all__ = [
    "CentrePage",
    "DataCategory",
    "HubIndexPage",
    "HubKind",
    "HubMembership",
    "HubPage",
    "JoinRequest",
    "NewsIndexPage",
    "NewsKind",
    "NewsPage",
    "OpenDataCataloguePage",
    "OpenDataPortal",
    "ParliamentDirectoryPage",
    "Partner",
    "PortalCategory",
    "UpdateFrequency",
]
