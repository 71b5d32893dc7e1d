"""The open-data catalogue as CSV and as a DCAT catalogue in JSON-LD."""

from django.utils import timezone
from django.utils.cache import patch_cache_control

from lms.core import json_ld
from lms.core.csv_export import csv_response

from .models import UpdateFrequency

# Downloads keep their file name (Content-Disposition), which the shared page cache does not replay, so they
# are left to HTTP caches for a short while instead.
DOWNLOAD_MAX_AGE = 300


CSV_COLUMNS = [
    "parliament",
    "country",
    "region",
    "portal",
    "categories",
    "formats",
    "machine_readable_formats",
    "licence",
    "licence_url",
    "api",
    "update_frequency",
    "last_checked",
    "reachable",
]

FREQUENCY_IRI = "http://publications.europa.eu/resource/authority/frequency/"
MEDIA_TYPES = {
    "csv": "text/csv",
    "json": "application/json",
    "xml": "application/xml",
    "rdf": "application/rdf+xml",
    "akoma-ntoso": "application/akn+xml",
    "pdf": "application/pdf",
    "html": "text/html",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
DCAT_CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def _reachable(portal):
    return "" if portal.reachable is None else ("yes" if portal.reachable else "no")


def catalogue_rows(portals):
    """The catalogue as a list of dicts keyed by ``CSV_COLUMNS``."""
    rows = []
    for portal in portals:
        parliament = portal.parliament
        formats = portal.formats()
        rows.append(
            {
                "parliament": parliament.name,
                "country": parliament.country.code if parliament.country else "",
                "region": parliament.region,
                "portal": parliament.open_data_url,
                "categories": ";".join(category.category for category in portal.categories.all()),
                "formats": ";".join(data_format.name for data_format in formats),
                "machine_readable_formats": ";".join(f.name for f in formats if f.machine_readable),
                "licence": portal.licence,
                "licence_url": portal.licence_url,
                "api": portal.api_url,
                "update_frequency": portal.update_frequency,
                "last_checked": portal.last_checked_at.isoformat() if portal.last_checked_at else "",
                "reachable": _reachable(portal),
            }
        )
    return rows


def catalogue_csv(portals, page):
    # Open data for programs as much as for people: UTF-8 without a byte order mark.
    rows = ([row[column] for column in CSV_COLUMNS] for row in catalogue_rows(portals))
    response = csv_response(f"{page.slug}.csv", CSV_COLUMNS, rows, bom=False)
    patch_cache_control(response, public=True, max_age=DOWNLOAD_MAX_AGE)
    return response


def _distribution(portal, data_format):
    distribution = {
        "@type": "dcat:Distribution",
        "dct:title": f"{portal.parliament.name} ({data_format.name})",
        "dct:format": data_format.name,
        "dcat:accessURL": {"@id": portal.parliament.open_data_url},
    }
    if data_format.code in MEDIA_TYPES:
        distribution["dcat:mediaType"] = MEDIA_TYPES[data_format.code]
    if portal.licence_url:
        distribution["dct:license"] = {"@id": portal.licence_url}
    return distribution


def dataset(portal, catalogue_url):
    """One portal as a ``dcat:Dataset``."""
    parliament = portal.parliament
    item = {
        "@id": f"{catalogue_url}#{parliament.slug}",
        "@type": "dcat:Dataset",
        "dct:title": parliament.name,
        "dct:description": portal.description or parliament.name,
        "dct:publisher": {"@type": "foaf:Organization", "foaf:name": parliament.name},
        "dcat:landingPage": {"@id": parliament.open_data_url},
        "dcat:keyword": [category.category for category in portal.categories.all()],
        "dct:accrualPeriodicity": {"@id": FREQUENCY_IRI + UpdateFrequency(portal.update_frequency).value},
        "dcat:distribution": [_distribution(portal, data_format) for data_format in portal.formats()],
    }
    if parliament.country:
        item["dct:spatial"] = parliament.country.code
    if portal.licence_url:
        item["dct:license"] = {"@id": portal.licence_url}
    elif portal.licence:
        item["dct:license"] = portal.licence
    if portal.api_url:
        item["dcat:accessService"] = {"@type": "dcat:DataService", "dcat:endpointURL": {"@id": portal.api_url}}
    if portal.last_checked_at:
        item["dct:modified"] = {"@value": portal.last_checked_at.isoformat(), "@type": "xsd:dateTime"}
    return item


def catalogue_dcat(portals, page, request):
    url = page.get_full_url(request)
    document = {
        "@context": DCAT_CONTEXT,
        "@id": url,
        "@type": "dcat:Catalog",
        "dct:title": page.title,
        "dct:description": page.introduction,
        "dct:issued": {"@value": timezone.now().isoformat(), "@type": "xsd:dateTime"},
        "dcat:dataset": [dataset(portal, url) for portal in portals],
    }
    response = json_ld.download(document, f"{page.slug}.jsonld")
    patch_cache_control(response, public=True, max_age=DOWNLOAD_MAX_AGE)
    return response
