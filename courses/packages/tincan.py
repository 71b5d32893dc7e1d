"""Tin Can packages (``tincan.xml``, as Storyline, Captivate, iSpring and others export them).

Each activity with a ``<launch>`` element is one launchable item; its ``id`` is the activity the content
reports on, so a ``completed`` or ``passed`` statement about it completes the item.
"""

import posixpath
import re
from urllib.parse import unquote, urlsplit

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException
from django.utils.translation import gettext as _

from .archive import PackageError
from .kinds import Kind, ParsedItem, ParsedPackage, register

NAMESPACE = "http://projecttincan.com/tincan.xsd"
IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|\\^`]+$")


def _find(element, name):
    return element.find(f"{{{NAMESPACE}}}{name}")


def _texts(element, name):
    texts = {}
    for child in element.findall(f"{{{NAMESPACE}}}{name}"):
        text = (child.text or "").strip()
        if text:
            texts[(child.get("lang") or "").strip() or "und"] = text
    return texts


def parse(manifest, archive):
    """Read a tincan.xml (bytes) from the zip ``archive``: one item per activity with a launch file."""
    try:
        root = ElementTree.fromstring(manifest, forbid_dtd=True)
    except (ElementTree.ParseError, DefusedXmlException, ValueError) as error:
        raise PackageError(_("tincan.xml is not well-formed XML (%(error)s).") % {"error": error}) from error
    if root.tag != f"{{{NAMESPACE}}}tincan" or _find(root, "activities") is None:
        raise PackageError(
            _("tincan.xml: the root must be <tincan> with <activities>, in the namespace %(ns)s.") % {"ns": NAMESPACE}
        )
    items = []
    for activity in _find(root, "activities").findall(f"{{{NAMESPACE}}}activity"):
        launch = _find(activity, "launch")
        if launch is None:
            continue
        activity_id = (activity.get("id") or "").strip()
        if not IRI.match(activity_id):
            raise PackageError(_("tincan.xml: the activity id “%(id)s” is not an absolute IRI.") % {"id": activity_id})
        url = (launch.text or "").strip()
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or url.startswith("/") or not url:
            raise PackageError(
                _("tincan.xml: the launch file of %(id)s must be a path in the zip.") % {"id": activity_id}
            )
        if posixpath.normpath(unquote(parts.path)) not in archive:
            raise PackageError(_("tincan.xml: the launch file “%(path)s” is not in the zip.") % {"path": parts.path})
        name = _texts(activity, "name") or {"und": activity_id}
        items.append(
            ParsedItem(
                publisher_id=activity_id,
                title=name,
                description=_texts(activity, "description"),
                url=url,
                move_on="CompletedOrPassed",
                activity_type=(activity.get("type") or "").strip(),
            )
        )
    if not items:
        raise PackageError(_("tincan.xml: no activity has a <launch> file."))
    if len({item.publisher_id for item in items}) != len(items):
        raise PackageError(_("tincan.xml: two launchable activities share one id."))
    first = items[0]
    return ParsedPackage(kind="tincan", publisher_id=first.publisher_id, title=first.title, items=items)


register(Kind(name="tincan", label="Tin Can (xAPI)", manifest="tincan.xml", parse=parse))
