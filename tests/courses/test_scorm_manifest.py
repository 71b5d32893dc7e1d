"""imsmanifest.xml of SCORM 1.2 and SCORM 2004 (2nd, 3rd, 4th editions): what is read, and every refusal
naming the file, the element and the rule."""

from decimal import Decimal

import pytest

from courses.demo.scorm import manifest, scorm_files
from courses.packages.archive import PackageError
from courses.scorm.manifest import parse_manifest

SCOS = [
    {"title": "Who decides", "question": "Who decides?", "answers": [["Members", True], ["Vendor", False]]},
    {"title": "Open data", "question": "Is CSV open?", "answers": [["Yes", True], ["No", False]]},
]


def parse(version="2004-4", data=None, names=None, mastery=0.8):
    files = scorm_files(version, "ICT governance", SCOS, mastery)
    return parse_manifest(data if data is not None else files["imsmanifest.xml"], set(names or files))


@pytest.mark.parametrize(
    ("version", "expected"),
    [("1.2", "1.2"), ("2004-2", "2004 2nd Edition"), ("2004-3", "2004 3rd Edition"), ("2004-4", "2004 4th Edition")],
)
def test_every_version_reads_its_organisation_scos_and_mastery_score(version, expected):
    package = parse(version)
    assert package.version == expected
    assert package.title == "ICT governance"
    assert [(sco.identifier, sco.title, sco.href) for sco in package.scos] == [
        ("item-1", "Who decides", "sco-1/sco.html"),
        ("item-2", "Open data", "sco-2/sco.html"),
    ]
    assert all(sco.mastery_score == Decimal("0.8") and sco.scorm_type == "sco" for sco in package.scos)


def test_nested_items_parameters_xml_base_and_a_default_organisation():
    data = b"""<?xml version="1.0"?>
<manifest identifier="m" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3">
  <organizations default="second">
    <organization identifier="first"><title>Unused</title>
      <item identifier="x" identifierref="r1"><title>X</title></item></organization>
    <organization identifier="second"><title>Chosen</title>
      <item identifier="module"><title>Module</title>
        <item identifier="a" identifierref="r1" parameters="?page=2"><title>A</title>
          <adlcp:completionThreshold minProgressMeasure="0.5"/></item>
      </item>
    </organization>
  </organizations>
  <resources xml:base="content/">
    <resource identifier="r1" type="webcontent" adlcp:scormType="sco" href="index.html?lang=fr"/>
  </resources>
</manifest>"""
    package = parse_manifest(data, {"content/index.html"})
    assert package.title == "Chosen" and package.version == "2004 3rd Edition"
    [sco] = package.scos
    assert sco.href == "content/index.html?lang=fr&page=2"
    assert sco.completion_threshold == Decimal("0.5") and sco.depth == 1 and sco.mastery_score is None


def _replace(version, old, new):
    return manifest(version, "ICT governance", SCOS).replace(old.encode(), new.encode())


REFUSED = {
    "not XML": (b"<manifest", "not well-formed XML"),
    "entity bomb": (
        b'<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaa">]><manifest>&a;</manifest>',
        "DTDs, entities and external references are not allowed",
    ),
    "another root": (b'<package xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"/>', "<package>: the root element"),
    "no namespace": (b"<manifest/>", "<manifest>: the namespace must be IMS Content Packaging"),
    "unknown version": (_replace("2004-4", "2004 4th Edition", "2004 5th Edition"), "<schemaversion>: “2004 5th"),
    "version of the other family": (_replace("1.2", "<schemaversion>1.2", "<schemaversion>CAM 1.3"), "does not match"),
    "no organizations": (
        _replace("2004-4", '<organizations default="org">', "<x>").replace(b"</organizations>", b"</x>"),
        "<manifest>: the <organizations> element is required",
    ),
    "bad default": (_replace("2004-4", 'default="org"', 'default="nope"'), "the default “nope” names no organization"),
    "item without title": (_replace("2004-4", "<title>Who decides</title>", ""), "<item identifier='item-1'>: a title"),
    "dangling identifierref": (
        _replace("2004-4", 'identifierref="res-1"', 'identifierref="gone"'),
        "<item identifier='item-1'>: the identifierref “gone” names no resource",
    ),
    "repeated item": (_replace("2004-4", 'identifier="item-2"', 'identifier="item-1"'), "identifiers must be unique"),
    "leaf without resource": (_replace("2004-4", ' identifierref="res-1"', ""), "must name a resource"),
    "traversal": (_replace("2004-4", 'href="sco-1/sco.html">', 'href="../../etc/passwd">'), "leaves the package"),
    "absolute": (_replace("2004-4", 'href="sco-1/sco.html">', 'href="/etc/passwd">'), "must be a relative path"),
    "missing launch file": (
        _replace("2004-4", 'href="sco-1/sco.html">', 'href="sco-1/gone.html">'),
        "the launch file “sco-1/gone.html” is not in the package",
    ),
    "not a sco": (_replace("2004-4", 'adlcp:scormType="sco" href="sco-1', 'href="sco-1'), "must be “sco” or “asset”"),
    "mastery out of range": (
        _replace("1.2", "<adlcp:masteryscore>80<", "<adlcp:masteryscore>180<"),
        "adlcp:masteryscore must be between 0 and 100",
    ),
    "mastery not a number": (
        _replace("2004-4", "<imsss:minNormalizedMeasure>0.8<", "<imsss:minNormalizedMeasure>NaN<"),
        "imsss:minNormalizedMeasure must be between",
    ),
    "no resources": (
        _replace("2004-4", "<resources>", "<r>").replace(b"</resources>", b"</r>"),
        "the <resources> element is required",
    ),
}


@pytest.mark.parametrize("case", REFUSED)
def test_a_bad_manifest_is_refused_naming_the_file_element_and_rule(case):
    data, message = REFUSED[case]
    with pytest.raises(PackageError) as raised:
        parse(data=data)
    assert str(raised.value).startswith("imsmanifest.xml: ")
    assert message in str(raised.value)


def test_deep_nesting_is_bounded():
    item = '<item identifier="i{0}"><title>T</title>{1}</item>'
    nested = '<item identifier="leaf" identifierref="res-1"><title>Leaf</title></item>'
    for depth in range(30):
        nested = item.format(depth, nested)
    data = _replace("2004-4", '<item identifier="item-1"', nested + '<item identifier="item-x"')
    with pytest.raises(PackageError, match="nested at most 20 deep"):
        parse(data=data)
