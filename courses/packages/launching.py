"""Launching a package's unit for a learner: cmi5 through ``lms.xapi.api``, Tin Can with its query string.

The activity ids the LMS gives cmi5 courses, blocks and AUs come from the lesson's ``translation_key`` (or the
package's id for a package outside any lesson) and the publisher's ids, so they are the same in every language
of the lesson and in every version of the package.
"""

import base64
import json
import uuid
from functools import lru_cache
from urllib.parse import urlencode, urlsplit, urlunsplit

from django.conf import settings

from lms.xapi import api


def scope_key(package):
    return package.lesson_key or package.id


def unit_activity_id(item):
    """The LMS's activity id of a unit (the cmi5 launch ``activityId``)."""
    return api.activity_iri("package-item", str(item.item_key))


def course_definition(package, items):
    """The cmi5 course structure of a package, with the LMS's ids, for ``lms.xapi.api.cmi5_launch``."""
    scope = scope_key(package)

    def block_id(publisher_id):
        return api.activity_iri("package-block", str(uuid.uuid5(scope, publisher_id)))

    return api.CourseDefinition(
        lms_id=api.activity_iri("package", str(scope)),
        publisher_id=package.publisher_id,
        blocks=tuple(
            api.BlockDefinition(lms_id=block_id(block["id"]), publisher_id=block["id"])
            for block in package.structure.get("blocks", [])
        ),
        aus=tuple(au_definition(item, block_id) for item in items),
    )


def au_definition(item, block_id):
    return api.AUDefinition(
        lms_id=unit_activity_id(item),
        publisher_id=item.publisher_id,
        url=item.content_url,
        move_on=item.move_on,
        mastery_score=float(item.mastery_score) if item.mastery_score is not None else None,
        launch_parameters=item.launch_parameters,
        entitlement_key=item.entitlement_key,
        blocks=tuple(block_id(block) for block in item.blocks),
    )


def package_definition(package):
    """:func:`course_definition` of a package and all its units, built once per process: a package version is
    never changed after its import (a new upload is a new version), so a launch of a 1,000-AU course need not
    read and convert its 1,000 units again."""
    return _package_definition(package.pk, scope_key(package), settings.PACKAGE_CONTENT_ORIGIN)


@lru_cache(maxsize=128)
def _package_definition(package_id, scope, content_origin):
    from ..models import ContentPackage

    package = ContentPackage.objects.get(pk=package_id)
    return course_definition(package, list(package.items.select_related("package").order_by("position")))


def cmi5_register(package, actor, registration):
    """The learner's cmi5 registration in a package, made once (``lms.xapi.api.cmi5_register``); whether it is new."""
    return api.cmi5_register(package_definition(package), actor, registration)


def cmi5_launch_url(package, position, actor, registration, *, launch_mode="Normal", return_url="", language=""):
    """Launch the AU at ``position`` of a cmi5 package; returns the launch of ``lms.xapi.api.cmi5_launch``."""
    definition = package_definition(package)
    au = definition.aus[position]
    return api.cmi5_launch(
        definition, au, actor, registration, launch_mode=launch_mode, return_url=return_url, language=language
    )


def tincan_launch_url(item, user, registration):
    """The Tin Can launch: the content's URL with endpoint, auth, actor, registration and activity_id."""
    token = base64.b64encode(f"launch:{api.launch_token(user)}".encode()).decode()
    params = urlencode(
        {
            "endpoint": f"{settings.BASE_URL}/xapi/",
            "auth": f"Basic {token}",
            "actor": json.dumps(api.actor_for(user), separators=(",", ":")),
            "registration": str(registration),
            "activity_id": item.publisher_id,
        }
    )
    parts = urlsplit(item.content_url)
    query = f"{parts.query}&{params}" if parts.query else params
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, parts.fragment))
