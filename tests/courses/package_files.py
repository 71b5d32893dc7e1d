"""Package files built in memory for tests: cmi5.xml and tincan.xml documents, and zips of any shape."""

import io
import zipfile

NS = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"
COURSE_ID = "https://example.org/cmi5/course/budget"
INDEX_HTML = b"<!doctype html><title>AU</title><p>Hello</p>"


def au_xml(number, *, url=None, attributes='moveOn="Completed"', inner=""):
    return f"""
    <au id="https://example.org/cmi5/au/{number}" {attributes}>
        <title><langstring lang="en">Unit {number}</langstring></title>
        <description><langstring lang="en">What unit {number} covers</langstring></description>
        {inner}<url>{url or "index.html?unit=" + str(number)}</url>
    </au>"""


def cmi5_xml(*units, course_id=COURSE_ID, before_units=""):
    """A course structure with the given AU (or block) fragments; one AU by default."""
    body = "".join(units) if units else au_xml(1)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<courseStructure xmlns="{NS}">
    <course id="{course_id}">
        <title>
            <langstring lang="en">Budget oversight</langstring><langstring lang="fr">Contrôle budgétaire</langstring>
        </title>
        <description><langstring lang="en">How parliaments follow the money</langstring></description>
    </course>
    {before_units}{body}
</courseStructure>""".encode()


def block_xml(number, *units):
    return f"""
    <block id="https://example.org/cmi5/block/{number}">
        <title><langstring lang="en">Block {number}</langstring></title>
        <description><langstring lang="en">Block {number}</langstring></description>
        {"".join(units)}
    </block>"""


def tincan_xml(activity_id="https://example.org/tincan/course", launch="index.html"):
    return f"""<?xml version="1.0" encoding="utf-8"?>
<tincan xmlns="http://projecttincan.com/tincan.xsd">
    <activities>
        <activity id="{activity_id}" type="http://adlnet.gov/expapi/activities/course">
            <name lang="en-US">Open data basics</name>
            <description lang="en-US">A Storyline course</description>
            <launch lang="en-us">{launch}</launch>
        </activity>
        <activity id="{activity_id}/objective" type="http://adlnet.gov/expapi/activities/objective">
            <name>Objective</name>
        </activity>
    </activities>
</tincan>""".encode()


def zip_bytes(files, *, symlinks=(), compression=zipfile.ZIP_DEFLATED):
    """A zip of ``{name: bytes}``; ``symlinks`` are (name, target) pairs stored as Unix symbolic links."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name)
            info.compress_type = compression
            archive.writestr(info, data)
        for name, target in symlinks:
            info = zipfile.ZipInfo(name)
            info.create_system = 3
            info.external_attr = 0o120777 << 16
            archive.writestr(info, target)
    return buffer.getvalue()


def cmi5_zip(xml=None, **extra):
    return zip_bytes({"cmi5.xml": xml or cmi5_xml(), "index.html": INDEX_HTML, **extra})
