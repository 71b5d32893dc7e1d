"""Demo content of the core app: the home page in four languages (the Centre's pages are in hubs.demo).

The text comes from the seed document on the Centre for Innovation in Parliament (in French).
"""

from django.conf import settings
from wagtail.rich_text import RichText

from lms.core.models import HomePage, SiteSettings

from . import users
from .builders import ensure_locales, remove_welcome_page, set_site_root, tree_root, upsert_child, upsert_translation

AREAS_EN = [
    "strategic planning for digital tools and services",
    "parliamentary openness, open standards and open data",
    "citizen participation in the work of parliament",
    "the Internet and social media",
    "electronic document and records management",
    "digital library and research services",
]
AREAS_FR = [
    "la planification stratégique des outils et services numériques",
    "l'ouverture parlementaire, les normes ouvertes et les données ouvertes",
    "la participation des citoyens aux travaux parlementaires",
    "Internet et les réseaux sociaux",
    "la gestion électronique des documents et des archives",
    "les services de bibliothèque et de recherche numérique",
]


def _list(items):
    return RichText("<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>")


HOME = {
    "en": {
        "title": "Centre for Innovation in Parliament",
        "introduction": (
            "A partnership between the Inter-Parliamentary Union and parliaments to support parliamentary "
            "innovation through better use of digital tools."
        ),
        "body": [
            ("heading", {"text": "Why digital matters for parliaments", "level": "h2"}),
            (
                "paragraph",
                RichText(
                    "<p>New technologies have deeply changed how parliaments work. A parliament that harnesses "
                    "digital tools can now talk with the people it represents in ways that were hard to imagine "
                    "only a few years ago, its internal systems are sturdier, and social media make it easier "
                    "for citizens to engage with parliament and its members.</p>"
                    "<p>The Centre was launched at the World e-Parliament Conference in December 2018 with the "
                    "support of a core group of parliaments: Brazil, Chile, Portugal, Zambia and the European "
                    "Parliament.</p>"
                ),
            ),
            ("heading", {"text": "Areas of work", "level": "h2"}),
            (
                "paragraph",
                RichText(
                    "<p>The Centre gives parliaments a platform to develop and share good practice in digital "
                    "strategy and practical capacity building, in areas such as:</p>"
                ),
            ),
            ("paragraph", _list(AREAS_EN)),
        ],
    },
    "fr": {
        "title": "Centre pour l'innovation au parlement",
        "introduction": (
            "Un partenariat entre l'UIP et les parlements visant à soutenir l'innovation parlementaire par "
            "une meilleure utilisation des outils numériques."
        ),
        "body": [
            ("heading", {"text": "Le numérique au service des parlements", "level": "h2"}),
            (
                "paragraph",
                RichText(
                    "<p>Les nouvelles technologies ont eu un impact majeur sur le cadre opérationnel et "
                    "l'environnement de travail des parlements. Un parlement qui exploite le pouvoir des outils "
                    "numériques peut communiquer avec ceux qu'il représente d'une manière difficile à imaginer "
                    "il y a quelques années seulement ; ses systèmes internes sont plus robustes, et les réseaux "
                    "sociaux permettent aux citoyens de dialoguer plus facilement avec le parlement et ses "
                    "membres.</p>"
                    "<p>Le Centre a été inauguré lors de la Conférence mondiale sur l'e-Parlement en décembre "
                    "2018 avec le soutien d'un groupe clé de parlements : Brésil, Chili, Portugal, Zambie et "
                    "Parlement européen.</p>"
                ),
            ),
            ("heading", {"text": "Domaines de travail", "level": "h2"}),
            (
                "paragraph",
                RichText(
                    "<p>Le Centre offre aux parlements une plate-forme leur permettant d'élaborer et de partager "
                    "de bonnes pratiques en matière de stratégies numériques et de renforcement des capacités, "
                    "dans des domaines tels que :</p>"
                ),
            ),
            ("paragraph", _list(AREAS_FR)),
        ],
    },
    "es": {
        "title": "Centro para la Innovación en el Parlamento",
        "introduction": (
            "Una alianza entre la Unión Interparlamentaria y los parlamentos para apoyar la innovación "
            "parlamentaria mediante un mejor uso de las herramientas digitales."
        ),
        "body": [],
    },
    "ar": {
        "title": "مركز الابتكار في البرلمان",
        "introduction": (
            "شراكة بين الاتحاد البرلماني الدولي والبرلمانات لدعم الابتكار البرلماني من خلال استخدام أفضل "
            "للأدوات الرقمية."
        ),
        "body": [],
    },
}


def load(stdout):
    """Build the home page in four languages and the site settings (the Centre's pages come from hubs.demo)."""
    ensure_locales()
    remove_welcome_page()
    root = tree_root()
    home = upsert_child(root, HomePage, "home", **HOME["en"])
    site = set_site_root(home)
    for code in ("fr", "es", "ar"):
        upsert_translation(home, code, **HOME[code])
    site_settings = SiteSettings.for_site(site)
    site_settings.contact_email = "innovation@ipu.org"
    site_settings.save()
    stdout.write("core: home page (en, fr, es, ar)")
    if settings.DEMO_USERS:
        users.load(stdout)
