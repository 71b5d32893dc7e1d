"""The Centre's pages in English and French, from the seed document on the Centre for Innovation in Parliament."""

import datetime

from wagtail.rich_text import RichText

CENTRE = {
    "en": {
        "title": "About the Centre",
        "introduction": (
            "The Centre for Innovation in Parliament is a partnership between the IPU and parliaments to support "
            "parliamentary innovation through better use of digital tools."
        ),
        "search_description": "How the Centre for Innovation in Parliament is organised and how to take part.",
        "body": [
            (
                "paragraph",
                RichText(
                    "<p>The Centre was launched at the World e-Parliament Conference in December 2018 with the "
                    "support of a core group of parliaments: Brazil, Chile, Portugal, Zambia and the European "
                    "Parliament. It gives parliaments a platform to develop and share good practice in digital "
                    "strategy and practical capacity building.</p>"
                ),
            ),
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
        ],
    },
    "fr": {
        "title": "À propos du Centre",
        "slug": "a-propos-du-centre",
        "introduction": (
            "Le Centre pour l'innovation au parlement est un partenariat entre l'UIP et les parlements visant à "
            "soutenir l'innovation parlementaire par une meilleure utilisation des outils numériques."
        ),
        "search_description": "L'organisation du Centre pour l'innovation au parlement et comment y participer.",
        "body": [
            (
                "paragraph",
                RichText(
                    "<p>Le Centre a été inauguré lors de la Conférence mondiale sur l'e-Parlement en décembre 2018 "
                    "avec le soutien d'un groupe clé de parlements : Brésil, Chili, Portugal, Zambie et Parlement "
                    "européen. Il offre aux parlements une plate-forme leur permettant d'élaborer et de partager "
                    "de bonnes pratiques en matière de stratégies numériques et de renforcement des capacités.</p>"
                ),
            ),
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
        ],
    },
}

HUB_INDEX = {
    "en": {
        "title": "Hubs",
        "introduction": (
            "The Centre's work happens in regional and thematic hubs run by their host parliaments. Regional hubs "
            "bring together the parliaments of one region; thematic hubs gather parliaments from every region "
            "around one subject."
        ),
    },
    "fr": {
        "title": "Pôles",
        "slug": "poles",
        "introduction": (
            "Les activités du Centre sont réparties entre des pôles régionaux et thématiques, gérés par les "
            "parlements hôtes. Les pôles régionaux rassemblent les parlements d'une même région ; les pôles "
            "thématiques réunissent des parlements de toutes les régions autour d'un sujet."
        ),
    },
}

# slug: kind, region, host slug, member slugs, open data required, {language: fields}
HUBS = {
    "ict-governance": (
        "thematic", "", "european-parliament",
        ["assembly-of-the-republic-portugal", "chamber-of-deputies-chile", "national-assembly-zambia"], False,
        {
            "en": {
                "title": "ICT Governance hub",
                "introduction": (
                    "An online training platform for parliaments to support the development of ICT governance "
                    "at every level."
                ),
                "who_may_join": "Any parliament",
                "objectives": RichText(
                    "<p>Help parliaments govern their information and communication technologies: set a digital "
                    "strategy, decide and fund projects, manage risk and measure results.</p>"
                ),
                "focus_areas": [
                    ("area", {"title": "Digital strategy", "description": "Planning digital tools and services."}),
                    ("area", {"title": "ICT governance frameworks", "description": "Who decides, and how."}),
                    ("area", {"title": "Online learning", "description": "Courses for parliamentary staff."}),
                ],
            },
            "fr": {
                "title": "Pôle thématique Gouvernance des TIC",
                "slug": "gouvernance-des-tic",
                "introduction": (
                    "Une plateforme de formation en ligne à l'intention des parlements pour soutenir le "
                    "développement de la gouvernance des TIC à tous les niveaux."
                ),
                "who_may_join": "Tout parlement",
                "objectives": RichText(
                    "<p>Aider les parlements à gouverner leurs technologies de l'information et des "
                    "communications : définir une stratégie numérique, décider et financer les projets, gérer "
                    "les risques et mesurer les résultats.</p>"
                ),
                "focus_areas": [
                    ("area", {"title": "Stratégie numérique", "description": "Planifier outils et services."}),
                    ("area", {"title": "Cadres de gouvernance des TIC", "description": "Qui décide, et comment."}),
                    ("area", {"title": "Formation en ligne", "description": "Des cours pour le personnel."}),
                ],
            },
        },
    ),
    "inter-parliamentary-cloud": (
        "thematic", "", "chamber-of-deputies-brazil",
        ["assembly-of-the-republic-portugal", "chamber-of-deputies-chile", "european-parliament",
         "federal-senate-brazil", "chamber-of-deputies-italy", "chamber-of-deputies-argentina"], True,
        {
            "en": {
                "title": "Inter-parliamentary Cloud hub",
                "introduction": (
                    "Brings together open data from many parliaments so that researchers and parliaments can "
                    "analyse and improve legislation with new tools."
                ),
                "who_may_join": (
                    "Parliaments with an open-data website that publishes structured, machine-readable data "
                    "(XML, JSON, CSV ...)"
                ),
                "focus_areas": [
                    ("area", {"title": "Open parliamentary data", "description": "Bills, votes, members, debates."}),
                    ("area", {"title": "Open standards", "description": "Structured, machine-readable formats."}),
                ],
            },
            "fr": {
                "title": "Pôle thématique du Cloud interparlementaire",
                "slug": "cloud-interparlementaire",
                "introduction": (
                    "Ce pôle vise à rassembler des données ouvertes provenant de divers parlements afin de "
                    "permettre aux chercheurs et aux parlements d'analyser et d'améliorer le droit à l'aide de "
                    "nouveaux outils."
                ),
                "who_may_join": (
                    "Les parlements disposant d'un site web de données ouvertes qui présente les données dans un "
                    "format ouvert structuré et exploitable par un système informatisé (XML, JSON, CSV, etc.)"
                ),
                "focus_areas": [
                    ("area", {"title": "Données parlementaires ouvertes", "description": "Projets de loi, votes."}),
                    ("area", {"title": "Normes ouvertes", "description": "Formats structurés et exploitables."}),
                ],
            },
        },
    ),
    "latin-america": (
        "regional", "americas", "chamber-of-deputies-chile",
        ["chamber-of-deputies-brazil", "chamber-of-deputies-argentina"], False,
        {
            "en": {
                "title": "Latin America regional hub",
                "introduction": (
                    "Shares technology tools, software developed by parliaments, open-source third-party "
                    "software, documentation and information about real cases."
                ),
                "who_may_join": "Any parliament of Latin America",
            },
            "fr": {
                "title": "Pôle régional pour l'Amérique latine",
                "slug": "amerique-latine",
                "introduction": (
                    "Son but est de partager des outils technologiques, des logiciels développés par les "
                    "parlements, des logiciels tiers en accès libre, de la documentation et des informations sur "
                    "des cas concrets."
                ),
                "who_may_join": "Tout parlement d'Amérique latine",
            },
        },
    ),
    "southern-africa": (
        "regional", "africa", "national-assembly-zambia",
        ["parliament-of-south-africa", "national-assembly-namibia"], False,
        {
            "en": {
                "title": "Southern Africa regional hub",
                "introduction": (
                    "Promotes effective use of technology in parliaments by sharing and consolidating information "
                    "on past, current and future ICT initiatives."
                ),
                "who_may_join": "Any parliament of Southern Africa",
            },
            "fr": {
                "title": "Pôle régional pour l'Afrique australe",
                "slug": "afrique-australe",
                "introduction": (
                    "L'objectif de ce pôle est de promouvoir l'utilisation efficace de la technologie dans les "
                    "parlements en partageant et en consolidant l'information sur les initiatives passées, en "
                    "cours et futures dans le domaine des TIC."
                ),
                "who_may_join": "Tout parlement d'Afrique australe",
            },
        },
    ),
}  # fmt: skip

CATALOGUE = {
    "en": {
        "title": "Open-data catalogue",
        "introduction": (
            "The open-data portals of the parliaments taking part in the Inter-parliamentary Cloud hub: what "
            "they publish, in which formats, under which licence, and whether they answered when last checked."
        ),
        "joining_rule": (
            "A parliament joins this hub only with an open-data website that publishes its data in a structured, "
            "open format a computer can process (XML, JSON, CSV ...)."
        ),
    },
    "fr": {
        "title": "Catalogue des données ouvertes",
        "slug": "catalogue-des-donnees-ouvertes",
        "introduction": (
            "Les portails de données ouvertes des parlements participant au pôle du Cloud interparlementaire : ce "
            "qu'ils publient, dans quels formats, sous quelle licence, et s'ils répondaient lors du dernier "
            "contrôle."
        ),
        "joining_rule": (
            "Les parlements participants doivent disposer d'un site web de données ouvertes qui présente les "
            "données dans un format ouvert structuré et exploitable par un système informatisé (XML, JSON, CSV, "
            "etc.)."
        ),
    },
}

DIRECTORY = {
    "en": {
        "title": "Parliaments",
        "introduction": "The parliaments of the Centre's network, their hubs and their open data.",
    },
    "fr": {
        "title": "Parlements",
        "slug": "parlements",
        "introduction": "Les parlements du réseau du Centre, leurs pôles et leurs données ouvertes.",
    },
}

NEWS_INDEX = {
    "en": {"title": "News", "introduction": "News of the Centre and the Innovation Bulletin."},
    "fr": {"title": "Actualités", "slug": "actualites", "introduction": "Les nouvelles du Centre et le Bulletin."},
}

NEWS = {
    "innovation-bulletin-1": {
        "en": {
            "title": "Innovation Bulletin, issue 1",
            "kind": "bulletin",
            "issue_number": 1,
            "date": datetime.date(2019, 3, 1),
            "introduction": "The first issue of the IPU's Innovation Bulletin, on the launch of the Centre.",
            "body": [
                (
                    "paragraph",
                    RichText(
                        "<p>The first issue presents the Centre for Innovation in Parliament, its hubs and the "
                        "parliaments that founded it.</p>"
                    ),
                )
            ],
        },
        "fr": {
            "title": "Bulletin de l'innovation, numéro 1",
            "slug": "bulletin-de-l-innovation-1",
            "introduction": "Le premier numéro du Bulletin de l'innovation de l'UIP, sur le lancement du Centre.",
            "body": [
                (
                    "paragraph",
                    RichText(
                        "<p>Ce premier numéro présente le Centre pour l'innovation au parlement, ses pôles et les "
                        "parlements qui l'ont fondé.</p>"
                    ),
                )
            ],
        },
    },
    "centre-launched": {
        "en": {
            "title": "Centre for Innovation in Parliament launched",
            "kind": "news",
            "date": datetime.date(2018, 12, 3),
            "introduction": (
                "The Centre was launched at the World e-Parliament Conference with Brazil, Chile, Portugal, "
                "Zambia and the European Parliament."
            ),
        },
        "fr": {
            "title": "Lancement du Centre pour l'innovation au parlement",
            "slug": "lancement-du-centre",
            "introduction": (
                "Le Centre a été inauguré lors de la Conférence mondiale sur l'e-Parlement avec le Brésil, le "
                "Chili, le Portugal, la Zambie et le Parlement européen."
            ),
        },
    },
}
