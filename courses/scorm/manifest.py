"""Reading a SCORM package's ``imsmanifest.xml``: SCORM 1.2 and SCORM 2004 (2nd, 3rd and 4th editions).

What the platform needs from it: the version, the default organisation's title and its items in order, and
for each launchable item (a SCO or an asset) the file it launches with its parameters and its mastery score.
Every refusal names the file, the element and the rule (the Content Aggregation Model books of SCORM 1.2 and
SCORM 2004 4th edition, sections on the manifest, organizations, items and resources). The XML is hostile
input: it is parsed without entities or external references (defusedxml), and the item tree is bounded.
"""

import posixpath
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from urllib.parse import urlsplit

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException
from django.utils.translation import gettext as _

from ..packages.archive import PackageError

MANIFEST = "imsmanifest.xml"
MAX_DEPTH = 20
MAX_ITEMS = 2000
CP_NAMESPACES = {
    "http://www.imsproject.org/xsd/imscp_rootv1p1p2": "1.2",
    "http://www.imsglobal.org/xsd/imscp_v1p1": "2004",
}
ADLCP = {"1.2": "http://www.adlnet.org/xsd/adlcp_rootv1p2", "2004": "http://www.adlnet.org/xsd/adlcp_v1p3"}
IMSSS = "http://www.imsglobal.org/xsd/imsss"
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
SCHEMA_VERSIONS = {
    "1.2": "1.2",
    "cam 1.3": "2004 2nd Edition",
    "2004 2nd edition": "2004 2nd Edition",
    "2004 3rd edition": "2004 3rd Edition",
    "2004 4th edition": "2004 4th Edition",
}


@dataclass
class Sco:
    """A launchable item: its identifier (stable across versions), title, launch address and mastery score."""

    identifier: str
    title: str
    href: str
    scorm_type: str  # "sco" or "asset"
    mastery_score: Decimal | None = None  # scaled 0..1 (SCORM 1.2's 0-100 divided by 100)
    completion_threshold: Decimal | None = None
    depth: int = 0


@dataclass
class Manifest:
    """What the platform keeps of a manifest."""

    identifier: str
    version: str  # "1.2", "2004 2nd Edition", "2004 3rd Edition" or "2004 4th Edition"
    title: str
    scos: list = field(default_factory=list)

    @property
    def is_2004(self):
        return self.version.startswith("2004")


def _error(element, rule):
    return PackageError(_("imsmanifest.xml: <%(element)s>: %(rule)s") % {"element": element, "rule": rule})


def _local(tag):
    return tag.rsplit("}", 1)[-1]


def _parse(data):
    try:
        return ElementTree.fromstring(data, forbid_dtd=True)
    except DefusedXmlException as error:
        raise PackageError(_("imsmanifest.xml: DTDs, entities and external references are not allowed.")) from error
    except ElementTree.ParseError as error:
        raise PackageError(
            _("imsmanifest.xml: the file is not well-formed XML (%(error)s).") % {"error": error}
        ) from error


def _version(root, family):
    for element in root.iter():
        if _local(element.tag) == "schemaversion" and element.text:
            text = " ".join(element.text.split()).lower()
            version = SCHEMA_VERSIONS.get(text)
            if version is None:
                raise _error(
                    "schemaversion",
                    _("“%(version)s” is not a SCORM 1.2 or 2004 version.") % {"version": element.text.strip()},
                )
            if (version == "1.2") != (family == "1.2"):
                raise _error(
                    "schemaversion",
                    _("“%(version)s” does not match the manifest's namespace.") % {"version": element.text.strip()},
                )
            return version
    # No metadata: the namespace tells the family; a 2004 manifest is read as the 3rd edition, the most common.
    return "1.2" if family == "1.2" else "2004 3rd Edition"


def _decimal(element, text, low, high, name):
    try:
        value = Decimal(text.strip())
    except (InvalidOperation, AttributeError) as error:
        raise _error(element, _("%(name)s must be a number.") % {"name": name}) from error
    if not value.is_finite() or not low <= value <= high:
        raise _error(
            element, _("%(name)s must be between %(low)s and %(high)s.") % {"name": name, "low": low, "high": high}
        )
    return value


def _safe_href(href, element):
    address = urlsplit(href)
    if address.scheme or address.netloc:
        return href  # content on another server (allowed by the CAM)
    path = address.path
    if path.startswith("/") or "\\" in path or "\x00" in path:
        raise _error(element, _("the href “%(href)s” must be a relative path inside the package.") % {"href": href})
    if any(part == ".." for part in posixpath.normpath(path).split("/")):
        raise _error(element, _("the href “%(href)s” leaves the package.") % {"href": href})
    return href


class _Reader:
    def __init__(self, root, family, names):
        self.ns = root.tag[1:].split("}")[0]
        self.family, self.names = family, names
        self.adlcp = ADLCP[family]
        self.count = 0

    def find(self, element, name):
        return element.find(f"{{{self.ns}}}{name}")

    def findall(self, element, name):
        return element.findall(f"{{{self.ns}}}{name}")

    def title(self, element, what):
        title = self.find(element, "title")
        if title is None or not (title.text or "").strip():
            raise _error(what, _("a title is required."))
        return " ".join(title.text.split())[:255]

    def resources(self, root):
        resources_element = self.find(root, "resources")
        if resources_element is None:
            raise _error("manifest", _("the <resources> element is required."))
        base = resources_element.get(XML_BASE, "")
        resources = {}
        for resource in self.findall(resources_element, "resource"):
            identifier = resource.get("identifier")
            if not identifier:
                raise _error("resource", _("the identifier is required."))
            if identifier in resources:
                raise _error(f"resource identifier='{identifier}'", _("identifiers must be unique."))
            resources[identifier] = resource, base
        return resources

    def launch(self, item, resource, base, what):
        scorm_type = resource.get(f"{{{self.adlcp}}}scormType") or resource.get(f"{{{self.adlcp}}}scormtype") or ""
        scorm_type = scorm_type.lower()
        if scorm_type not in ("sco", "asset"):
            raise _error(what, _("the resource's adlcp:scormType must be “sco” or “asset”."))
        href = resource.get("href")
        if not href:
            raise _error(what, _("a launched resource needs an href."))
        href = _safe_href(posixpath.join(base, resource.get(XML_BASE, ""), href), what)
        address = urlsplit(href)
        if not address.scheme and address.path not in self.names:
            raise _error(what, _("the launch file “%(path)s” is not in the package.") % {"path": address.path})
        parameters = item.get("parameters", "")
        if parameters:
            parameters = parameters.lstrip("?&")
            href += ("&" if "?" in href else "?") + parameters
        return href, scorm_type

    def mastery(self, item, what):
        if self.family == "1.2":
            score = item.find(f"{{{self.adlcp}}}masteryscore")
            if score is not None:
                return _decimal(what, score.text, Decimal(0), Decimal(100), "adlcp:masteryscore") / 100
            return None
        objective = item.find(f"{{{IMSSS}}}sequencing/{{{IMSSS}}}objectives/{{{IMSSS}}}primaryObjective")
        if objective is not None and objective.get("satisfiedByMeasure", "false").lower() == "true":
            measure = objective.find(f"{{{IMSSS}}}minNormalizedMeasure")
            text = measure.text if measure is not None else "1.0"
            return _decimal(what, text, Decimal(-1), Decimal(1), "imsss:minNormalizedMeasure")
        return None

    def completion_threshold(self, item, what):
        if self.family == "1.2":
            return None
        threshold = item.find(f"{{{self.adlcp}}}completionThreshold")
        if threshold is None:
            return None
        text = threshold.get("minProgressMeasure") or threshold.text or "1.0"  # 4th edition: the attribute
        return _decimal(what, text, Decimal(0), Decimal(1), "adlcp:completionThreshold")

    def items(self, parent, resources, seen, depth, out):
        if depth > MAX_DEPTH:
            raise _error("item", _("items may be nested at most %(depth)s deep.") % {"depth": MAX_DEPTH})
        for item in self.findall(parent, "item"):
            self.count += 1
            if self.count > MAX_ITEMS:
                raise _error("organization", _("at most %(count)s items are allowed.") % {"count": MAX_ITEMS})
            identifier = item.get("identifier")
            if not identifier:
                raise _error("item", _("the identifier is required."))
            what = f"item identifier='{identifier}'"
            if identifier in seen:
                raise _error(what, _("identifiers must be unique."))
            seen.add(identifier)
            title = self.title(item, what)
            children = self.findall(item, "item")
            reference = item.get("identifierref")
            if children:
                self.items(item, resources, seen, depth + 1, out)
                continue
            if not reference:
                raise _error(what, _("an item without children must name a resource (identifierref)."))
            if reference not in resources:
                raise _error(what, _("the identifierref “%(reference)s” names no resource.") % {"reference": reference})
            resource, base = resources[reference]
            href, scorm_type = self.launch(item, resource, base, what)
            out.append(
                Sco(
                    identifier=identifier[:255],
                    title=title,
                    href=href,
                    scorm_type=scorm_type,
                    mastery_score=self.mastery(item, what),
                    completion_threshold=self.completion_threshold(item, what),
                    depth=depth,
                )
            )


def parse_manifest(data, names):
    """The :class:`Manifest` of ``data`` (the bytes of ``imsmanifest.xml``); ``names`` are the package's files.

    Raises :class:`~courses.packages.archive.PackageError` naming ``imsmanifest.xml``, the element and the rule.
    """
    root = _parse(data)
    if _local(root.tag) != "manifest":
        raise _error(_local(root.tag), _("the root element must be <manifest>."))
    family = CP_NAMESPACES.get(root.tag[1:].split("}")[0] if root.tag.startswith("{") else "")
    if family is None:
        raise _error(
            "manifest", _("the namespace must be IMS Content Packaging 1.1.2 (SCORM 1.2) or 1.1.4 (SCORM 2004).")
        )
    reader = _Reader(root, family, names)
    version = _version(root, family)
    organizations_element = reader.find(root, "organizations")
    if organizations_element is None:
        raise _error("manifest", _("the <organizations> element is required."))
    organizations = {org.get("identifier"): org for org in reader.findall(organizations_element, "organization")}
    if not organizations:
        raise _error("organizations", _("at least one <organization> is required."))
    default = organizations_element.get("default")
    if default and default not in organizations:
        raise _error("organizations", _("the default “%(default)s” names no organization.") % {"default": default})
    if root.find(f".//{{{reader.ns}}}manifest") is not None:
        raise _error("manifest", _("sub-manifests (aggregated packages) are not supported."))
    organization = organizations[default] if default else next(iter(organizations.values()))
    identifier = organization.get("identifier") or ""
    title = reader.title(organization, f"organization identifier='{identifier}'")
    resources = reader.resources(root)
    scos = []
    reader.items(organization, resources, set(), 0, scos)
    if not scos:
        raise _error(f"organization identifier='{identifier}'", _("at least one item must launch a resource."))
    return Manifest(identifier=(root.get("identifier") or "")[:255], version=version, title=title, scos=scos)
