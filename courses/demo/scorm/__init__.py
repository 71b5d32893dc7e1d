"""SCORM packages of the platform's own making (one question per SCO), for the demo and the tests.

``scorm_files`` gives the files of a package ({name: bytes}) in SCORM 1.2 or SCORM 2004 (2nd, 3rd or 4th
edition) with one SCO per question; ``courses.demo.h5p.zip_files`` zips them.
"""

import json
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
SCHEMA_VERSIONS = {
    "1.2": "1.2",
    "2004-2": "CAM 1.3",
    "2004-3": "2004 3rd Edition",
    "2004-4": "2004 4th Edition",
}


def _namespaces(version):
    if version == "1.2":
        return (
            'xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" '
            'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"'
        )
    return (
        'xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" '
        'xmlns:imsss="http://www.imsglobal.org/xsd/imsss"'
    )


def _item(version, index, sco, mastery):
    title = escape(sco["title"])
    if version == "1.2":
        extra = f"<adlcp:masteryscore>{round(mastery * 100)}</adlcp:masteryscore>" if mastery is not None else ""
    elif mastery is not None:
        extra = (
            '<imsss:sequencing><imsss:objectives><imsss:primaryObjective objectiveID="pass" satisfiedByMeasure="true">'
            f"<imsss:minNormalizedMeasure>{mastery}</imsss:minNormalizedMeasure>"
            "</imsss:primaryObjective></imsss:objectives></imsss:sequencing>"
        )
    else:
        extra = ""
    return f'<item identifier="item-{index}" identifierref="res-{index}"><title>{title}</title>{extra}</item>'


def _resource(version, index):
    kind = "adlcp:scormtype" if version == "1.2" else "adlcp:scormType"
    return (
        f'<resource identifier="res-{index}" type="webcontent" {kind}="sco" href="sco-{index}/sco.html">'
        f'<file href="sco-{index}/sco.html"/><file href="sco-{index}/sco.js"/>'
        f'<file href="sco-{index}/sco-content.js"/></resource>'
    )


def manifest(version, title, scos, mastery=0.8):
    """The ``imsmanifest.xml`` of a package of ``scos`` (dicts with a title) in ``version``."""
    items = "".join(_item(version, index, sco, mastery) for index, sco in enumerate(scos, 1))
    resources = "".join(_resource(version, index) for index in range(1, len(scos) + 1))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<manifest identifier="org.ipu.demo" version="1" {_namespaces(version)}>'
        f"<metadata><schema>ADL SCORM</schema><schemaversion>{SCHEMA_VERSIONS[version]}</schemaversion></metadata>"
        f'<organizations default="org"><organization identifier="org"><title>{escape(title)}</title>{items}'
        f"</organization></organizations><resources>{resources}</resources></manifest>"
    ).encode()


def scorm_files(version, title, scos, mastery=0.8):
    """{name: bytes} of a package; each SCO is {title, question, answers: [(text, correct)]}."""
    files = {"imsmanifest.xml": manifest(version, title, scos, mastery)}
    for index, sco in enumerate(scos, 1):
        files[f"sco-{index}/sco.html"] = (HERE / "sco.html").read_bytes()
        files[f"sco-{index}/sco.js"] = (HERE / "sco.js").read_bytes()
        files[f"sco-{index}/sco-content.js"] = f"window.SCO_CONTENT = {json.dumps(sco)};".encode()
    return files


__all__ = ["manifest", "scorm_files"]
