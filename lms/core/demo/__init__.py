"""Demo content of the core app: the home page in four languages and the page about the Centre.

The text comes from the seed document on the Centre for Innovation in Parliament (in French).
"""

from django.conf import settings
from wagtail.rich_text import RichText

from lms.core.models import HomePage, SiteSettings, StandardPage

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

ABOUT = {
    "en": {
        "title": "About the Centre",
        "introduction": "How the Centre is organised and how parliaments and organisations take part.",
        "body": [
            ("heading", {"text": "Structure", "level": "h2"}),
            (
                "paragraph",
                RichText(
                    "<p>The Centre is made up of a <b>Secretariat</b>, run by the IPU; <b>parliamentary hubs</b>, "
                    "run by their host parliaments; and a <b>Steering Committee</b> that gives the Centre "
                    "strategic advice.</p>"
                    "<p>Most of the Centre's work happens in regional and thematic hubs. Regional hubs bring "
                    "together parliaments of one region or sub-region around subjects of common interest; "
                    "thematic hubs bring together parliaments from different regions that share an interest in "
                    "one subject, such as ICT governance or open data. Hubs work with wide autonomy within the "
                    "Centre's network.</p>"
                ),
            ),
            ("heading", {"text": "How to take part", "level": "h2"}),
            (
                "paragraph",
                RichText(
                    "<p>Four levels of partnership are open to parliaments, parliamentary development "
                    "organisations, donors and other organisations:</p><ul>"
                    "<li><b>Core partners</b> host hubs or provide core funding, and take part directly in the "
                    "Centre's governance and strategic direction through the Steering Committee.</li>"
                    "<li><b>Financial partners</b> contribute funds and play a secondary role in governance.</li>"
                    "<li><b>Support partners</b> give support in kind, for example by seconding staff to the "
                    "Centre for a time, for a project or for short missions such as inter-parliamentary "
                    "assistance.</li>"
                    "<li><b>Project partners</b> take part in individual projects of the Centre.</li></ul>"
                ),
            ),
            (
                "call_to_action",
                {
                    "title": "Get in touch",
                    "text": "For more information about the Centre and its hubs, write to the Secretariat.",
                    "link": {"page": None, "url": "mailto:innovation@ipu.org"},
                    "button_label": "innovation@ipu.org",
                },
            ),
        ],
    },
    "fr": {
        "title": "À propos du Centre",
        "introduction": "L'organisation du Centre et la façon dont parlements et organisations y participent.",
        "body": [
            ("heading", {"text": "Structure", "level": "h2"}),
            (
                "paragraph",
                RichText(
                    "<p>Le Centre est composé d'un <b>Secrétariat</b>, géré par l'UIP, de <b>pôles "
                    "parlementaires</b>, gérés par les parlements hôtes, et d'un <b>Comité de pilotage</b> qui "
                    "donne des conseils stratégiques au Centre.</p>"
                    "<p>Les principales activités du Centre sont réparties entre les pôles régionaux et "
                    "thématiques. Les pôles régionaux rassemblent les parlements d'une même région ou "
                    "sous-région autour de sujets d'intérêt commun ; les pôles thématiques rassemblent des "
                    "parlements de différentes régions qui partagent un intérêt pour un sujet précis, comme la "
                    "gouvernance des TIC ou les données ouvertes. Les pôles opèrent avec une grande autonomie au "
                    "sein du réseau du Centre.</p>"
                ),
            ),
            ("heading", {"text": "Comment participer", "level": "h2"}),
            (
                "paragraph",
                RichText(
                    "<p>Quatre niveaux de partenariat sont à la disposition des parlements, des organisations de "
                    "renforcement parlementaire, des donateurs et d'autres organisations concernées :</p><ul>"
                    "<li>Les <b>partenaires fondamentaux</b> hébergent des pôles ou fournissent un financement "
                    "de base, et participent directement à la gouvernance du Centre en siégeant au Comité de "
                    "pilotage.</li>"
                    "<li>Les <b>partenaires financiers</b> apportent des ressources financières et jouent un "
                    "rôle de second plan en matière de gouvernance.</li>"
                    "<li>Les <b>partenaires d'appui</b> fournissent un soutien en nature, par exemple en "
                    "détachant du personnel pour un temps, pour un projet ou pour des missions de courte durée "
                    "comme l'assistance interparlementaire.</li>"
                    "<li>Les <b>partenaires de projet</b> participent à des projets individuels du Centre.</li>"
                    "</ul>"
                ),
            ),
            (
                "call_to_action",
                {
                    "title": "Nous contacter",
                    "text": "Pour plus d'informations sur le Centre et ses pôles, écrivez au Secrétariat.",
                    "link": {"page": None, "url": "mailto:innovation@ipu.org"},
                    "button_label": "innovation@ipu.org",
                },
            ),
        ],
    },
}


def load(stdout):
    """Build the home page in four languages, the page about the Centre and the site settings."""
    ensure_locales()
    remove_welcome_page()
    root = tree_root()
    home = upsert_child(root, HomePage, "home", **HOME["en"])
    site = set_site_root(home)
    for code in ("fr", "es", "ar"):
        upsert_translation(home, code, **HOME[code])
    about = upsert_child(home, StandardPage, "about-the-centre", show_in_menus=True, **ABOUT["en"])
    upsert_translation(about, "fr", slug="a-propos-du-centre", **ABOUT["fr"])
    site_settings = SiteSettings.for_site(site)
    site_settings.contact_email = "innovation@ipu.org"
    site_settings.save()
    stdout.write("core: home page (en, fr, es, ar) and the page about the Centre (en, fr)")
    if getattr(settings, "DEMO_USERS", False):
        users.load(stdout)
