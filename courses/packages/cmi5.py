"""The cmi5 course structure (``cmi5.xml``): the rules cmi5 gives the LMS on import (sections 13 and 14).

Checked here: the CourseStructure schema's elements and their order, absolute IRIs for every id, unique
course, block, objective and AU ids, objective references, moveOn, masteryScore, launchMethod, and each AU's
URL: well formed, free of cmi5 launch parameters, absolute in a bare cmi5.xml, present in the zip if relative.
"""

import posixpath
import re
from decimal import Decimal, InvalidOperation
from urllib.parse import parse_qsl, unquote, urlsplit

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException
from django.utils.translation import gettext as _

from .archive import PackageError
from .kinds import Kind, ParsedItem, ParsedPackage, register

NAMESPACE = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"
MOVE_ON = ("Passed", "Completed", "CompletedAndPassed", "CompletedOrPassed", "NotApplicable")
LAUNCH_METHODS = ("AnyWindow", "OwnWindow")
LAUNCH_PARAMETERS = {"endpoint", "fetch", "actor", "registration", "activityid"}
IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|\\^`]+$")
URL_FORBIDDEN = re.compile(r"[\s<>\"{}|\\^`]")


def _tag(name):
    return f"{{{NAMESPACE}}}{name}"


def _local(element):
    return element.tag.rpartition("}")[2] if element.tag.startswith(f"{{{NAMESPACE}}}") else None


def _where(element):
    ident = element.get("id") or element.get("idref")
    return f"<{_local(element)} id=“{ident}”>" if ident else f"<{_local(element)}>"


class _Reader:
    def __init__(self, archive):
        self.archive = archive
        self.ids = {"block": set(), "au": set(), "objective": set()}
        self.items = []
        self.blocks = []

    def fail(self, element, message):
        raise PackageError(_("cmi5.xml, %(element)s: %(message)s") % {"element": _where(element), "message": message})

    def children(self, element, expected):
        """The element's children in the cmi5 namespace, checked against ``expected``: [(name, min, max)]."""
        found = [child for child in element if _local(child) is not None]
        position = 0
        for name, minimum, maximum in expected:
            count = 0
            while position < len(found) and _local(found[position]) in name.split("|"):
                count += 1
                position += 1
            if count < minimum:
                self.fail(element, _("expected a <%(name)s> element here (CourseStructure schema).") % {"name": name})
            if maximum is not None and count > maximum:
                self.fail(element, _("too many <%(name)s> elements (CourseStructure schema).") % {"name": name})
        if position < len(found):
            self.fail(
                element,
                _("the <%(name)s> element is out of place (CourseStructure schema).")
                % {"name": _local(found[position])},
            )
        return found

    def identifier(self, element, kind, attribute="id"):
        value = (element.get(attribute) or "").strip()
        if not IRI.match(value):
            self.fail(element, _("the %(attribute)s must be an absolute IRI.") % {"attribute": attribute})
        if kind is not None:
            if value in self.ids[kind]:
                self.fail(element, _("the id is used twice in the course structure."))
            self.ids[kind].add(value)
        return value

    def langstrings(self, element):
        texts = {}
        for child in element:
            if _local(child) != "langstring":
                continue
            text = (child.text or "").strip()
            texts[(child.get("lang") or "").strip() or "und"] = text
        if not texts:
            self.fail(element, _("give at least one <langstring>."))
        return texts

    def objective_refs(self, element, declared):
        for ref in element:
            if _local(ref) == "objective":
                idref = self.identifier(ref, None, "idref")
                if idref not in declared:
                    self.fail(ref, _("the objective is not declared in the course structure."))

    def read(self, root, bare):
        if root.tag != _tag("courseStructure"):
            raise PackageError(
                _("cmi5.xml: the root element must be <courseStructure> in the namespace %(ns)s.") % {"ns": NAMESPACE}
            )
        found = self.children(root, [("course", 1, 1), ("objectives", 0, 1), ("au|block", 1, None)])
        course = found[0]
        course_children = self.children(course, [("title", 1, 1), ("description", 1, 1), ("extensions", 0, 1)])
        course_id = self.identifier(course, None)
        declared = set()
        for child in found[1:]:
            if _local(child) == "objectives":
                for objective in self.children(child, [("objective", 1, None)]):
                    self.children(objective, [("title", 1, 1), ("description", 1, 1)])
                    declared.add(self.identifier(objective, "objective"))
        self.declared = declared
        for child in found[1:]:
            self.node(child, [], bare)
        return ParsedPackage(
            kind="cmi5",
            publisher_id=course_id,
            title=self.langstrings(course_children[0]),
            description=self.langstrings(course_children[1]),
            items=self.items,
            blocks=self.blocks,
        )

    def node(self, element, blocks, bare):
        if _local(element) == "block":
            self.block(element, blocks, bare)
        elif _local(element) == "au":
            self.au(element, blocks, bare)

    def block(self, element, blocks, bare):
        found = self.children(
            element, [("title", 1, 1), ("description", 1, 1), ("objectives", 0, 1), ("au|block", 1, None)]
        )
        block_id = self.identifier(element, "block")
        self.blocks.append(
            {"id": block_id, "title": self.langstrings(found[0]), "parent": blocks[-1] if blocks else None}
        )
        for child in found[2:]:
            if _local(child) == "objectives":
                self.objective_refs(child, self.declared)
            else:
                self.node(child, [*blocks, block_id], bare)

    def au(self, element, blocks, bare):
        found = self.children(
            element,
            [
                ("title", 1, 1),
                ("description", 1, 1),
                ("objectives", 0, 1),
                ("url", 1, 1),
                ("launchParameters", 0, 1),
                ("entitlementKey", 0, 1),
            ],
        )
        by_name = {_local(child): child for child in found}
        au_id = self.identifier(element, "au")
        move_on = element.get("moveOn", "NotApplicable")
        if move_on not in MOVE_ON:
            self.fail(element, _("moveOn must be one of %(values)s.") % {"values": ", ".join(MOVE_ON)})
        launch_method = element.get("launchMethod", "AnyWindow")
        if launch_method not in LAUNCH_METHODS:
            self.fail(element, _("launchMethod must be AnyWindow or OwnWindow."))
        activity_type = element.get("activityType", "").strip()
        if activity_type and not IRI.match(activity_type):
            self.fail(element, _("the activityType must be an absolute IRI."))
        if "objectives" in by_name:
            self.objective_refs(by_name["objectives"], self.declared)
        self.items.append(
            ParsedItem(
                publisher_id=au_id,
                title=self.langstrings(by_name["title"]),
                description=self.langstrings(by_name["description"]),
                url=self.url(element, by_name["url"], bare),
                move_on=move_on,
                mastery_score=self.mastery_score(element),
                launch_method=launch_method,
                launch_parameters=(by_name["launchParameters"].text or "").strip()
                if "launchParameters" in by_name
                else "",
                entitlement_key=(by_name["entitlementKey"].text or "").strip() if "entitlementKey" in by_name else "",
                activity_type=activity_type,
                blocks=list(blocks),
            )
        )

    def mastery_score(self, element):
        raw = element.get("masteryScore")
        if raw is None:
            return None
        try:
            value = Decimal(raw.strip())
        except InvalidOperation:
            value = None
        if value is None or not value.is_finite() or not 0 <= value <= 1 or value.as_tuple().exponent < -4:
            self.fail(element, _("masteryScore must be a decimal from 0 to 1 with at most 4 decimal places."))
        return float(value)

    def url(self, au, element, bare):
        url = (element.text or "").strip()
        if not url or URL_FORBIDDEN.search(url) or len(url) > 2000:
            self.fail(au, _("the <url> is not a valid URL."))
        try:
            parts = urlsplit(url)
        except ValueError:
            self.fail(au, _("the <url> is not a valid URL."))
        clash = {name.lower() for name, _value in parse_qsl(parts.query, keep_blank_values=True)} & LAUNCH_PARAMETERS
        if clash:
            self.fail(au, _("the <url> query already holds the launch parameter “%(name)s”.") % {"name": clash.pop()})
        if parts.scheme:
            if parts.scheme not in ("http", "https") or not parts.netloc:
                self.fail(au, _("an absolute <url> must be an http or https URL."))
            return url
        if bare:
            self.fail(au, _("a cmi5.xml uploaded without its zip needs absolute AU URLs."))
        if parts.netloc or url.startswith("/"):
            self.fail(au, _("the <url> must be relative to the package's root."))
        if posixpath.normpath(unquote(parts.path)) not in self.archive:
            self.fail(au, _("the <url> names “%(path)s”, which is not in the zip.") % {"path": parts.path})
        return url


def parse(manifest, archive):
    """Read and check a cmi5.xml (bytes); ``archive`` is the zip it came in, or None for a bare cmi5.xml."""
    try:
        root = ElementTree.fromstring(manifest, forbid_dtd=True)
    except (ElementTree.ParseError, DefusedXmlException, ValueError) as error:
        raise PackageError(_("cmi5.xml is not well-formed XML (%(error)s).") % {"error": error}) from error
    return _Reader(archive).read(root, bare=archive is None)


register(Kind(name="cmi5", label="cmi5", manifest="cmi5.xml", parse=parse, bare_manifest=True))
