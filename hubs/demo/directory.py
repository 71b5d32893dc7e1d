"""Demo directory entries: data formats, the founding parliaments and a few more, their open-data portals."""

from lms.core.models import DataFormat, Parliament

from ..models import DataCategory, OpenDataPortal, Partner, PortalCategory, UpdateFrequency

FORMATS = [
    ("xml", "XML", True),
    ("json", "JSON", True),
    ("csv", "CSV", True),
    ("rdf", "RDF", True),
    ("akoma-ntoso", "Akoma Ntoso", True),
    ("pdf", "PDF", False),
    ("html", "HTML", False),
]

L, U, UNI, REG = (Parliament.Chamber.LOWER, Parliament.Chamber.UPPER, Parliament.Chamber.UNICAMERAL,
                  Parliament.Chamber.REGIONAL)  # fmt: skip
R = Parliament.Region
# slug: name, chamber, country, region, website, open-data portal, formats
PARLIAMENTS = {
    "european-parliament": (
        "European Parliament", REG, "", R.EUROPE, "https://www.europarl.europa.eu",
        "https://data.europarl.europa.eu", ["json", "xml", "rdf", "csv"],
    ),
    "chamber-of-deputies-brazil": (
        "Chamber of Deputies of Brazil", L, "BR", R.AMERICAS, "https://www.camara.leg.br",
        "https://dadosabertos.camara.leg.br", ["xml", "json", "csv"],
    ),
    "chamber-of-deputies-chile": (
        "Chamber of Deputies of Chile", L, "CL", R.AMERICAS, "https://www.camara.cl",
        "https://opendata.camara.cl", ["xml", "json"],
    ),
    "assembly-of-the-republic-portugal": (
        "Assembly of the Republic of Portugal", UNI, "PT", R.EUROPE, "https://www.parlamento.pt",
        "https://www.parlamento.pt/Cidadania/Paginas/DadosAbertos.aspx", ["xml", "json"],
    ),
    "national-assembly-zambia": (
        "National Assembly of Zambia", UNI, "ZM", R.AFRICA, "https://www.parliament.gov.zm", "", ["pdf"],
    ),
    "federal-senate-brazil": (
        "Federal Senate of Brazil", U, "BR", R.AMERICAS, "https://www12.senado.leg.br",
        "https://www12.senado.leg.br/dados-abertos", ["xml", "json", "csv"],
    ),
    "chamber-of-deputies-italy": (
        "Chamber of Deputies of Italy", L, "IT", R.EUROPE, "https://www.camera.it",
        "https://dati.camera.it", ["rdf", "json", "csv", "xml"],
    ),
    "chamber-of-deputies-argentina": (
        "Chamber of Deputies of Argentina", L, "AR", R.AMERICAS, "https://www.hcdn.gob.ar",
        "https://datos.hcdn.gob.ar", ["csv", "json"],
    ),
    "parliament-of-south-africa": (
        "Parliament of South Africa", UNI, "ZA", R.AFRICA, "https://www.parliament.gov.za", "", ["pdf", "html"],
    ),
    "national-assembly-namibia": (
        "National Assembly of Namibia", L, "NA", R.AFRICA, "https://www.parliament.na", "", [],
    ),
}  # fmt: skip

C = DataCategory
# slug: categories, licence, licence address, API, update frequency
PORTALS = {
    "chamber-of-deputies-brazil": (
        [C.BILLS, C.VOTES, C.MEMBERS, C.DEBATES, C.COMMITTEES, C.BUDGET], "Open data (Lei de Acesso à Informação)",
        "", "https://dadosabertos.camara.leg.br/swagger/api.html", UpdateFrequency.DAILY,
    ),
    "federal-senate-brazil": (
        [C.BILLS, C.VOTES, C.MEMBERS, C.COMMITTEES], "Open data", "",
        "https://legis.senado.leg.br/dadosabertos/docs/", UpdateFrequency.DAILY,
    ),
    "chamber-of-deputies-chile": (
        [C.BILLS, C.VOTES, C.MEMBERS, C.AGENDAS], "CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/",
        "https://opendata.camara.cl/camaradiputados/pages/index.aspx", UpdateFrequency.DAILY,
    ),
    "assembly-of-the-republic-portugal": (
        [C.BILLS, C.VOTES, C.MEMBERS, C.DEBATES, C.QUESTIONS], "CC BY 4.0",
        "https://creativecommons.org/licenses/by/4.0/", "", UpdateFrequency.WEEKLY,
    ),
    "european-parliament": (
        [C.MEMBERS, C.VOTES, C.DOCUMENTS, C.DEBATES, C.AGENDAS], "CC BY 4.0",
        "https://creativecommons.org/licenses/by/4.0/", "https://data.europarl.europa.eu/en/developer-corner",
        UpdateFrequency.DAILY,
    ),
    "chamber-of-deputies-italy": (
        [C.BILLS, C.VOTES, C.MEMBERS, C.DEBATES, C.COMMITTEES], "CC BY 4.0",
        "https://creativecommons.org/licenses/by/4.0/", "https://dati.camera.it/sparql", UpdateFrequency.DAILY,
    ),
    "chamber-of-deputies-argentina": (
        [C.BILLS, C.MEMBERS, C.BUDGET], "CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/", "",
        UpdateFrequency.MONTHLY,
    ),
}  # fmt: skip

FOUNDERS = [
    "european-parliament",
    "chamber-of-deputies-brazil",
    "chamber-of-deputies-chile",
    "assembly-of-the-republic-portugal",
    "national-assembly-zambia",
]


def load_formats():
    for code, name, machine_readable in FORMATS:
        DataFormat.objects.update_or_create(code=code, defaults={"name": name, "machine_readable": machine_readable})


def load_parliaments():
    """The demo parliaments, keyed by slug."""
    formats = {data_format.code: data_format for data_format in DataFormat.objects.all()}
    parliaments = {}
    for slug, (name, chamber, country, region, website, portal, codes) in PARLIAMENTS.items():
        parliament, _created = Parliament.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "chamber": chamber,
                "country": country,
                "region": region,
                "website": website,
                "open_data_url": portal,
            },
        )
        parliament.open_data_formats.set([formats[code] for code in codes])
        parliaments[slug] = parliament
    return parliaments


def load_portals(parliaments):
    for slug, (categories, licence, licence_url, api_url, frequency) in PORTALS.items():
        portal, _created = OpenDataPortal.objects.update_or_create(
            parliament=parliaments[slug],
            defaults={
                "licence": licence,
                "licence_url": licence_url,
                "api_url": api_url,
                "update_frequency": frequency,
            },
        )
        portal.categories.exclude(category__in=categories).delete()
        for order, category in enumerate(categories):
            PortalCategory.objects.update_or_create(portal=portal, category=category, defaults={"sort_order": order})


def load_partners(parliaments):
    for order, slug in enumerate(FOUNDERS):
        parliament = parliaments[slug]
        Partner.objects.update_or_create(
            name=parliament.name,
            level=Partner.Level.CORE,
            defaults={"parliament": parliament, "url": parliament.website, "sort_order": order},
        )
