# ruff: noqa: E501 (prose: long sentences read better unbroken in nested content)
"""Three courses of the ICT Governance hub in English and French, written from the themes of the seed documents:
ICT governance in parliament, open parliamentary data, and digital strategy for parliaments."""

TOPICS = {
    "ict-governance": {"en": "ICT governance", "fr": "Gouvernance des TIC"},
    "open-data": {"en": "Open data", "fr": "Données ouvertes"},
    "digital-strategy": {"en": "Digital strategy", "fr": "Stratégie numérique"},
}

CATALOG = {
    "en": {
        "title": "Courses",
        "introduction": (
            "Free online courses for parliamentary staff on ICT governance, open data and digital strategy, "
            "offered by the Centre's hubs."
        ),
    },
    "fr": {
        "title": "Cours",
        "slug": "cours",
        "introduction": (
            "Des cours en ligne gratuits pour le personnel parlementaire sur la gouvernance des TIC, les données "
            "ouvertes et la stratégie numérique, proposés par les pôles du Centre."
        ),
    },
}


def p(*paragraphs):
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def ul(*items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


# slug: topic, level, minutes, {language: course fields}, [lessons], quiz
# lesson: slug, minutes, required, preview, {language: {title, introduction, body}}
# quiz: slug, {language: {title, introduction}}, [questions]; question: kind, {language: question}, answers
COURSES = {
    "ict-governance-in-parliament": {
        "topic": "ict-governance",
        "level": "beginner",
        "minutes": 75,
        "text": {
            "en": {
                "title": "ICT governance in parliament",
                "summary": (
                    "Who decides on technology in a parliament, and how: the structures, roles and rules that "
                    "turn digital projects into lasting services for members, staff and citizens."
                ),
                "objectives": [
                    "Explain why ICT governance matters to a parliament",
                    "Describe who should decide on technology, and at what level",
                    "Set up a simple way to choose, fund and follow ICT projects",
                ],
            },
            "fr": {
                "title": "La gouvernance des TIC au parlement",
                "slug": "gouvernance-des-tic-au-parlement",
                "summary": (
                    "Qui décide de la technologie au parlement, et comment : les structures, les rôles et les "
                    "règles qui transforment les projets numériques en services durables pour les membres, le "
                    "personnel et les citoyens."
                ),
                "objectives": [
                    "Expliquer pourquoi la gouvernance des TIC compte pour un parlement",
                    "Décrire qui doit décider de la technologie, et à quel niveau",
                    "Mettre en place une façon simple de choisir, financer et suivre les projets TIC",
                ],
            },
        },
        "lessons": [
            (
                "why-ict-governance",
                20,
                True,
                True,
                {
                    "en": {
                        "title": "Why ICT governance matters",
                        "introduction": "Technology has changed how parliaments work; governance decides whether it serves them.",
                        "body": [
                            (
                                "paragraph",
                                p(
                                    "New technologies have deeply changed the operating framework and working environment "
                                    "of parliaments. A parliament that harnesses digital tools can talk with the people it "
                                    "represents in ways that were hard to imagine a few years ago, and its internal "
                                    "systems are sturdier.",
                                    "Yet tools alone do not make a digital parliament. <b>ICT governance</b> is the set of "
                                    "structures and decisions that make sure technology serves the institution's "
                                    "mission: who sets priorities, who pays, who is accountable when a system fails.",
                                ),
                            ),
                            (
                                "callout",
                                {
                                    "kind": "example",
                                    "title": "The pandemic test",
                                    "text": p(
                                        "When sittings moved online in 2020, parliaments with clear ICT governance decided "
                                        "in days; others lost weeks agreeing who could decide."
                                    ),
                                },
                            ),
                            (
                                "key_points",
                                {
                                    "title": "Key points",
                                    "points": [
                                        "Governance comes before tools.",
                                        "Technology decisions are institutional decisions, not only technical ones.",
                                    ],
                                },
                            ),
                        ],
                    },
                    "fr": {
                        "title": "Pourquoi la gouvernance des TIC compte",
                        "slug": "pourquoi-la-gouvernance-des-tic",
                        "introduction": "La technologie a changé le travail des parlements ; la gouvernance décide si elle les sert.",
                        "body": [
                            (
                                "paragraph",
                                p(
                                    "Les nouvelles technologies ont eu un impact majeur sur le cadre opérationnel et "
                                    "l'environnement de travail des parlements. Un parlement qui exploite les outils "
                                    "numériques peut communiquer avec ceux qu'il représente d'une manière difficile à "
                                    "imaginer il y a quelques années, et ses systèmes internes sont plus robustes.",
                                    "Mais les outils ne suffisent pas à faire un parlement numérique. La <b>gouvernance "
                                    "des TIC</b> est l'ensemble des structures et des décisions qui garantissent que la "
                                    "technologie sert la mission de l'institution : qui fixe les priorités, qui paie, "
                                    "qui rend compte quand un système tombe en panne.",
                                ),
                            ),
                            (
                                "callout",
                                {
                                    "kind": "example",
                                    "title": "L'épreuve de la pandémie",
                                    "text": p(
                                        "Quand les séances sont passées en ligne en 2020, les parlements dotés d'une "
                                        "gouvernance claire ont décidé en quelques jours ; d'autres ont perdu des semaines "
                                        "à s'accorder sur qui pouvait décider."
                                    ),
                                },
                            ),
                            (
                                "key_points",
                                {
                                    "title": "Points clés",
                                    "points": [
                                        "La gouvernance passe avant les outils.",
                                        "Les choix technologiques sont des décisions institutionnelles, pas seulement techniques.",
                                    ],
                                },
                            ),
                        ],
                    },
                },
            ),
            (
                "who-decides",
                25,
                True,
                False,
                {
                    "en": {
                        "title": "Who decides: roles and structures",
                        "introduction": "A steering body, a clear owner for each service, and a place for members' needs.",
                        "body": [
                            ("heading", {"text": "A steering committee", "level": "h2"}),
                            (
                                "paragraph",
                                p(
                                    "Most parliaments that govern ICT well have a <b>steering committee</b> chaired at "
                                    "a senior level (often the Secretary General) where the political, administrative "
                                    "and technical sides meet. It sets priorities, approves the portfolio of projects "
                                    "and arbitrates between them."
                                ),
                            ),
                            ("heading", {"text": "Owners and users", "level": "h2"}),
                            (
                                "paragraph",
                                p(
                                    "Every system needs a <b>business owner</b> outside the ICT department: the table "
                                    "office owns the order paper system, the library owns the research service. The ICT "
                                    "department builds and runs; the owner decides what the service must do."
                                )
                                + ul(
                                    "Members and their staff are consulted on services they use every day.",
                                    "The ICT department advises on risk, cost and feasibility.",
                                    "Audit and security functions report independently.",
                                ),
                            ),
                            (
                                "key_points",
                                {
                                    "title": "Key points",
                                    "points": [
                                        "Decide at the right level: strategy at the top, delivery close to the service.",
                                        "Each service has an owner outside the ICT department.",
                                    ],
                                },
                            ),
                        ],
                    },
                    "fr": {
                        "title": "Qui décide : rôles et structures",
                        "slug": "qui-decide",
                        "introduction": "Un organe de pilotage, un responsable pour chaque service et une place pour les besoins des membres.",
                        "body": [
                            ("heading", {"text": "Un comité de pilotage", "level": "h2"}),
                            (
                                "paragraph",
                                p(
                                    "La plupart des parlements qui gouvernent bien leurs TIC disposent d'un <b>comité de "
                                    "pilotage</b> présidé à un niveau élevé (souvent le Secrétaire général), où se "
                                    "rencontrent les volets politique, administratif et technique. Il fixe les "
                                    "priorités, approuve le portefeuille de projets et arbitre entre eux."
                                ),
                            ),
                            ("heading", {"text": "Responsables et utilisateurs", "level": "h2"}),
                            (
                                "paragraph",
                                p(
                                    "Chaque système a besoin d'un <b>responsable métier</b> hors du service "
                                    "informatique : le service de la séance pour le feuilleton, la bibliothèque pour le "
                                    "service de recherche. Le service informatique construit et exploite ; le "
                                    "responsable décide de ce que le service doit faire."
                                )
                                + ul(
                                    "Les membres et leurs collaborateurs sont consultés sur les services qu'ils utilisent chaque jour.",
                                    "Le service informatique conseille sur les risques, les coûts et la faisabilité.",
                                    "L'audit et la sécurité rendent compte de façon indépendante.",
                                ),
                            ),
                            (
                                "key_points",
                                {
                                    "title": "Points clés",
                                    "points": [
                                        "Décider au bon niveau : la stratégie au sommet, la mise en œuvre près du service.",
                                        "Chaque service a un responsable hors du service informatique.",
                                    ],
                                },
                            ),
                        ],
                    },
                },
            ),
            (
                "projects-and-risk",
                20,
                True,
                False,
                {
                    "en": {
                        "title": "Choosing, funding and following projects",
                        "introduction": "A simple cycle turns ideas into funded projects and projects into results.",
                        "body": [
                            (
                                "paragraph",
                                p(
                                    "Good governance uses one simple cycle for every ICT project: a short proposal that "
                                    "states the need and the owner; a decision by the steering committee; a budget "
                                    "over the system's whole life, not only its purchase; and regular reports on "
                                    "progress, risk and benefits."
                                ),
                            ),
                            (
                                "callout",
                                {
                                    "kind": "warning",
                                    "title": "Continuity",
                                    "text": p(
                                        "Plan for the day a system fails: hybrid infrastructures and cloud services need a "
                                        "tested plan to keep the chamber sitting and recover data."
                                    ),
                                },
                            ),
                            (
                                "key_points",
                                {
                                    "title": "Key points",
                                    "points": [
                                        "Budget for the whole life of a system.",
                                        "Report on benefits, not only on spending.",
                                        "Test the continuity plan before you need it.",
                                    ],
                                },
                            ),
                        ],
                    },
                    "fr": {
                        "title": "Choisir, financer et suivre les projets",
                        "slug": "choisir-financer-suivre",
                        "introduction": "Un cycle simple transforme les idées en projets financés et les projets en résultats.",
                        "body": [
                            (
                                "paragraph",
                                p(
                                    "Une bonne gouvernance applique un cycle simple à chaque projet TIC : une courte "
                                    "proposition qui énonce le besoin et le responsable ; une décision du comité de "
                                    "pilotage ; un budget couvrant toute la vie du système, et pas seulement son achat ; "
                                    "des rapports réguliers sur l'avancement, les risques et les bénéfices."
                                ),
                            ),
                            (
                                "callout",
                                {
                                    "kind": "warning",
                                    "title": "Continuité",
                                    "text": p(
                                        "Prévoyez le jour où un système tombe en panne : les infrastructures hybrides et les "
                                        "services en nuage exigent un plan éprouvé pour que la chambre continue de siéger "
                                        "et que les données soient récupérées."
                                    ),
                                },
                            ),
                            (
                                "key_points",
                                {
                                    "title": "Points clés",
                                    "points": [
                                        "Budgéter toute la vie d'un système.",
                                        "Rendre compte des bénéfices, pas seulement des dépenses.",
                                        "Tester le plan de continuité avant d'en avoir besoin.",
                                    ],
                                },
                            ),
                        ],
                    },
                },
            ),
        ],
        "quiz": {
            "slug": "quiz",
            "text": {
                "en": {"title": "Check your knowledge", "introduction": "Four questions; 75% to pass."},
                "fr": {
                    "title": "Vérifiez vos connaissances",
                    "slug": "quiz",
                    "introduction": "Quatre questions ; 75 % pour réussir.",
                },
            },
            "questions": [
                (
                    "single_choice",
                    {
                        "en": "Who should own the order paper system?",
                        "fr": "Qui doit être responsable du système du feuilleton ?",
                    },
                    [
                        (
                            {"en": "The table office", "fr": "Le service de la séance"},
                            True,
                            {
                                "en": "Right: the business owner sits outside ICT.",
                                "fr": "Exact : le responsable métier est hors du service informatique.",
                            },
                        ),
                        (
                            {"en": "The ICT department", "fr": "Le service informatique"},
                            False,
                            {
                                "en": "ICT builds and runs it; the owner decides what it does.",
                                "fr": "L'informatique le construit et l'exploite ; le responsable décide de ce qu'il fait.",
                            },
                        ),
                    ],
                ),
                (
                    "true_false",
                    {"en": "Governance comes before tools.", "fr": "La gouvernance passe avant les outils."},
                    True,
                ),
                (
                    "multiple_choice",
                    {
                        "en": "What belongs in an ICT project budget?",
                        "fr": "Que doit couvrir le budget d'un projet TIC ?",
                    },
                    [
                        ({"en": "Purchase", "fr": "L'achat"}, True, {"en": "", "fr": ""}),
                        (
                            {
                                "en": "Running costs over the system's life",
                                "fr": "Le fonctionnement pendant toute la vie du système",
                            },
                            True,
                            {"en": "", "fr": ""},
                        ),
                        (
                            {"en": "Nothing after go-live", "fr": "Rien après la mise en service"},
                            False,
                            {
                                "en": "Systems cost money every year they run.",
                                "fr": "Un système coûte chaque année où il fonctionne.",
                            },
                        ),
                    ],
                ),
                (
                    "true_false",
                    {
                        "en": "A continuity plan can wait until the first failure.",
                        "fr": "Un plan de continuité peut attendre la première panne.",
                    },
                    False,
                ),
            ],
        },
    },
    "open-parliamentary-data": {
        "topic": "open-data",
        "level": "intermediate",
        "minutes": 60,
        "text": {
            "en": {
                "title": "Open parliamentary data",
                "summary": (
                    "Publish bills, votes, members and debates as structured, machine-readable open data that "
                    "researchers, journalists and other parliaments can reuse."
                ),
                "objectives": [
                    "Tell open data from documents published online",
                    "Choose formats and a licence for parliamentary data",
                    "Plan a first open-data release",
                ],
            },
            "fr": {
                "title": "Les données parlementaires ouvertes",
                "slug": "donnees-parlementaires-ouvertes",
                "summary": (
                    "Publier les projets de loi, les votes, les membres et les débats sous forme de données "
                    "ouvertes structurées et exploitables par machine, que chercheurs, journalistes et autres "
                    "parlements peuvent réutiliser."
                ),
                "objectives": [
                    "Distinguer les données ouvertes des documents publiés en ligne",
                    "Choisir des formats et une licence pour les données parlementaires",
                    "Préparer une première publication de données ouvertes",
                ],
            },
        },
        "lessons": [
            (
                "what-is-open-data",
                15,
                True,
                True,
                {
                    "en": {
                        "title": "What makes data open",
                        "introduction": "Structured, machine-readable, free to reuse.",
                        "body": [
                            (
                                "paragraph",
                                p(
                                    "Data is open when anyone can freely use, reuse and share it. For parliaments this "
                                    "means publishing in a <b>structured, open format a computer can process</b>, such "
                                    "as XML, JSON or CSV, under a licence that allows reuse.",
                                    "A PDF of the voting record is a document for people; a CSV of every vote, with "
                                    "members and bills identified, is data for programs.",
                                ),
                            ),
                            (
                                "key_points",
                                {
                                    "title": "Key points",
                                    "points": [
                                        "Machine-readable formats: XML, JSON, CSV.",
                                        "An open licence, stated clearly.",
                                    ],
                                },
                            ),
                        ],
                    },
                    "fr": {
                        "title": "Ce qui rend des données ouvertes",
                        "slug": "donnees-ouvertes",
                        "introduction": "Structurées, exploitables par machine, libres de réutilisation.",
                        "body": [
                            (
                                "paragraph",
                                p(
                                    "Des données sont ouvertes lorsque chacun peut librement les utiliser, les "
                                    "réutiliser et les partager. Pour un parlement, cela signifie publier dans un "
                                    "<b>format ouvert structuré et exploitable par un système informatisé</b>, comme "
                                    "XML, JSON ou CSV, sous une licence qui autorise la réutilisation.",
                                    "Un PDF des votes est un document pour les personnes ; un CSV de chaque vote, avec "
                                    "les membres et les textes identifiés, ce sont des données pour les programmes.",
                                ),
                            ),
                            (
                                "key_points",
                                {
                                    "title": "Points clés",
                                    "points": [
                                        "Formats exploitables par machine : XML, JSON, CSV.",
                                        "Une licence ouverte, clairement indiquée.",
                                    ],
                                },
                            ),
                        ],
                    },
                },
            ),
            (
                "data-governance",
                20,
                True,
                False,
                {
                    "en": {
                        "title": "Data in a digital parliament",
                        "introduction": "Data is an asset for members and the public; govern it like one.",
                        "body": [
                            (
                                "paragraph",
                                p(
                                    "Data is an essential asset of a digital parliament and brings value to members and "
                                    "the public alike. How a parliament manages its data, and who is responsible for "
                                    "each data set, decides whether open data can be published reliably every day."
                                )
                                + ul(
                                    "Give each data set an owner and a publication schedule.",
                                    "Use stable identifiers for members, bills and sittings.",
                                    "Document the data so reusers understand it.",
                                ),
                            ),
                            (
                                "callout",
                                {
                                    "kind": "example",
                                    "title": "The Inter-parliamentary Cloud hub",
                                    "text": p(
                                        "The hub hosted by the Chamber of Deputies of Brazil gathers open data from many "
                                        "parliaments so researchers can compare and improve legislation."
                                    ),
                                },
                            ),
                        ],
                    },
                    "fr": {
                        "title": "Les données dans un parlement numérique",
                        "slug": "donnees-parlement-numerique",
                        "introduction": "Les données sont un atout pour les membres et le public ; gouvernez-les comme tel.",
                        "body": [
                            (
                                "paragraph",
                                p(
                                    "Atout essentiel des parlements numériques, les données représentent une valeur "
                                    "ajoutée pour les parlementaires comme pour le public. La façon dont un parlement "
                                    "gère ses données, et qui est responsable de chaque jeu de données, décide si les "
                                    "données ouvertes peuvent être publiées de façon fiable chaque jour."
                                )
                                + ul(
                                    "Donner à chaque jeu de données un responsable et un calendrier de publication.",
                                    "Utiliser des identifiants stables pour les membres, les textes et les séances.",
                                    "Documenter les données pour que les réutilisateurs les comprennent.",
                                ),
                            ),
                            (
                                "callout",
                                {
                                    "kind": "example",
                                    "title": "Le pôle du Cloud interparlementaire",
                                    "text": p(
                                        "Le pôle hébergé par la Chambre des députés du Brésil rassemble les données ouvertes "
                                        "de nombreux parlements afin que les chercheurs puissent comparer et améliorer le droit."
                                    ),
                                },
                            ),
                        ],
                    },
                },
            ),
            (
                "first-release",
                15,
                False,
                False,
                {
                    "en": {
                        "title": "Planning a first release",
                        "introduction": "Start small, publish regularly, listen to reusers.",
                        "body": [
                            (
                                "paragraph",
                                p(
                                    "Begin with the data people ask for most, often members and votes. Publish it on a "
                                    "schedule, with a changelog, and invite journalists and civic developers to tell "
                                    "you what is missing."
                                ),
                            ),
                            (
                                "key_points",
                                {
                                    "title": "Key points",
                                    "points": ["Start with members and votes.", "Publish on a schedule."],
                                },
                            ),
                        ],
                    },
                    "fr": {
                        "title": "Préparer une première publication",
                        "slug": "premiere-publication",
                        "introduction": "Commencer petit, publier régulièrement, écouter les réutilisateurs.",
                        "body": [
                            (
                                "paragraph",
                                p(
                                    "Commencez par les données les plus demandées, souvent les membres et les votes. "
                                    "Publiez-les selon un calendrier, avec un journal des modifications, et invitez "
                                    "journalistes et développeurs civiques à signaler ce qui manque."
                                ),
                            ),
                            (
                                "key_points",
                                {
                                    "title": "Points clés",
                                    "points": [
                                        "Commencer par les membres et les votes.",
                                        "Publier selon un calendrier.",
                                    ],
                                },
                            ),
                        ],
                    },
                },
            ),
        ],
        "quiz": {
            "slug": "quiz",
            "text": {
                "en": {"title": "Open data quiz", "introduction": "Three questions; 60% to pass."},
                "fr": {
                    "title": "Quiz sur les données ouvertes",
                    "slug": "quiz",
                    "introduction": "Trois questions ; 60 % pour réussir.",
                },
            },
            "questions": [
                (
                    "multiple_choice",
                    {
                        "en": "Which formats are machine-readable?",
                        "fr": "Quels formats sont exploitables par machine ?",
                    },
                    [
                        ({"en": "CSV", "fr": "CSV"}, True, {"en": "", "fr": ""}),
                        ({"en": "JSON", "fr": "JSON"}, True, {"en": "", "fr": ""}),
                        (
                            {"en": "PDF", "fr": "PDF"},
                            False,
                            {
                                "en": "A PDF is made for people, not programs.",
                                "fr": "Un PDF est fait pour les personnes, pas pour les programmes.",
                            },
                        ),
                    ],
                ),
                (
                    "single_choice",
                    {"en": "What should you publish first?", "fr": "Que publier en premier ?"},
                    [
                        (
                            {"en": "The data people ask for most", "fr": "Les données les plus demandées"},
                            True,
                            {"en": "", "fr": ""},
                        ),
                        (
                            {"en": "Everything at once", "fr": "Tout à la fois"},
                            False,
                            {
                                "en": "Start small and publish regularly.",
                                "fr": "Commencez petit et publiez régulièrement.",
                            },
                        ),
                    ],
                ),
                (
                    "true_false",
                    {
                        "en": "Open data needs a licence that allows reuse.",
                        "fr": "Les données ouvertes exigent une licence autorisant la réutilisation.",
                    },
                    True,
                ),
            ],
        },
    },
    "digital-strategy-for-parliaments": {
        "topic": "digital-strategy",
        "level": "advanced",
        "minutes": 70,
        "text": {
            "en": {
                "title": "Digital strategy for parliaments",
                "summary": (
                    "Move from scattered projects to a digital strategy: where the parliament wants to be, what "
                    "the pandemic taught, and how to plan, deliver and measure the change."
                ),
                "objectives": [
                    "Draw lessons from the pandemic period",
                    "Write a short digital vision and its priorities",
                    "Measure progress with a few indicators",
                ],
            },
            "fr": {
                "title": "Stratégie numérique pour les parlements",
                "slug": "strategie-numerique",
                "summary": (
                    "Passer de projets dispersés à une stratégie numérique : où le parlement veut aller, ce que la "
                    "pandémie a appris, et comment planifier, mettre en œuvre et mesurer le changement."
                ),
                "objectives": [
                    "Tirer les enseignements de la période de pandémie",
                    "Rédiger une courte vision numérique et ses priorités",
                    "Mesurer les progrès avec quelques indicateurs",
                ],
            },
        },
        "lessons": [
            (
                "towards-a-digital-parliament",
                25,
                True,
                True,
                {
                    "en": {
                        "title": "Towards a digital parliament",
                        "introduction": "Parliaments accelerated their innovation; what comes next?",
                        "body": [
                            (
                                "paragraph",
                                p(
                                    "In the past years parliaments have markedly accelerated their innovation. The "
                                    "pandemic showed what remote sittings, electronic documents and online committee "
                                    "work can do, and where they fall short.",
                                    "A digital strategy turns these lessons into a plan: a <b>vision</b> of the "
                                    "parliament in five years, a few <b>priorities</b>, and the governance to deliver them.",
                                ),
                            ),
                            (
                                "quote",
                                {
                                    "text": "A parliament that harnesses digital tools can talk with the people it represents.",
                                    "attribution": "Centre for Innovation in Parliament",
                                },
                            ),
                        ],
                    },
                    "fr": {
                        "title": "Vers un parlement numérique",
                        "slug": "vers-un-parlement-numerique",
                        "introduction": "Les parlements ont accéléré leur innovation ; et maintenant ?",
                        "body": [
                            (
                                "paragraph",
                                p(
                                    "Au cours des dernières années, les parlements ont sensiblement accéléré leur "
                                    "politique d'innovation. La pandémie a montré ce que permettent les séances à "
                                    "distance, les documents électroniques et le travail des commissions en ligne, et "
                                    "leurs limites.",
                                    "Une stratégie numérique transforme ces enseignements en plan : une <b>vision</b> du "
                                    "parlement dans cinq ans, quelques <b>priorités</b>, et la gouvernance pour les réaliser.",
                                ),
                            ),
                            (
                                "quote",
                                {
                                    "text": "Un parlement qui exploite les outils numériques peut communiquer avec ceux qu'il représente.",
                                    "attribution": "Centre pour l'innovation au parlement",
                                },
                            ),
                        ],
                    },
                },
            ),
            (
                "priorities",
                25,
                True,
                False,
                {
                    "en": {
                        "title": "Setting priorities",
                        "introduction": "Infrastructure, data, participation and people.",
                        "body": [
                            (
                                "paragraph",
                                p("Most parliamentary digital strategies choose among a few recurring priorities:")
                                + ul(
                                    "Infrastructure: cloud strategies and the security of hybrid infrastructures.",
                                    "Data: managing parliamentary data and publishing open data.",
                                    "Participation: citizens taking part in the work of parliament.",
                                    "People: skills of members and staff, and change management.",
                                ),
                            ),
                            (
                                "key_points",
                                {
                                    "title": "Key points",
                                    "points": ["Choose few priorities.", "Tie each to an owner and a budget."],
                                },
                            ),
                        ],
                    },
                    "fr": {
                        "title": "Fixer les priorités",
                        "slug": "priorites",
                        "introduction": "Infrastructures, données, participation et personnes.",
                        "body": [
                            (
                                "paragraph",
                                p(
                                    "La plupart des stratégies numériques parlementaires choisissent parmi quelques priorités récurrentes :"
                                )
                                + ul(
                                    "Infrastructures : stratégies d'informatique dématérialisée et sécurité des infrastructures hybrides.",
                                    "Données : gestion des données parlementaires et publication de données ouvertes.",
                                    "Participation : les citoyens associés aux travaux du parlement.",
                                    "Personnes : compétences des membres et du personnel, conduite du changement.",
                                ),
                            ),
                            (
                                "key_points",
                                {
                                    "title": "Points clés",
                                    "points": [
                                        "Choisir peu de priorités.",
                                        "Associer chacune à un responsable et un budget.",
                                    ],
                                },
                            ),
                        ],
                    },
                },
            ),
            (
                "measuring-progress",
                20,
                True,
                False,
                {
                    "en": {
                        "title": "Measuring progress",
                        "introduction": "A few indicators, reported to the steering committee.",
                        "body": [
                            (
                                "paragraph",
                                p(
                                    "Choose three to five indicators you can measure every quarter: share of "
                                    "documents handled electronically, availability of critical systems, number of "
                                    "open data sets published, staff trained. Report them to the steering committee "
                                    "and publish them."
                                ),
                            ),
                            (
                                "callout",
                                {
                                    "kind": "tip",
                                    "title": "Share what works",
                                    "text": p(
                                        "The Centre's hubs exist so parliaments can share good practice: bring your "
                                        "indicators to your hub and compare."
                                    ),
                                },
                            ),
                        ],
                    },
                    "fr": {
                        "title": "Mesurer les progrès",
                        "slug": "mesurer-les-progres",
                        "introduction": "Quelques indicateurs, présentés au comité de pilotage.",
                        "body": [
                            (
                                "paragraph",
                                p(
                                    "Choisissez trois à cinq indicateurs mesurables chaque trimestre : part des "
                                    "documents traités électroniquement, disponibilité des systèmes critiques, nombre "
                                    "de jeux de données ouverts publiés, personnel formé. Présentez-les au comité de "
                                    "pilotage et publiez-les."
                                ),
                            ),
                            (
                                "callout",
                                {
                                    "kind": "tip",
                                    "title": "Partager ce qui marche",
                                    "text": p(
                                        "Les pôles du Centre existent pour que les parlements partagent leurs bonnes "
                                        "pratiques : apportez vos indicateurs à votre pôle et comparez."
                                    ),
                                },
                            ),
                        ],
                    },
                },
            ),
        ],
        "quiz": {
            "slug": "quiz",
            "text": {
                "en": {"title": "Digital strategy quiz", "introduction": "Three questions; 60% to pass."},
                "fr": {
                    "title": "Quiz sur la stratégie numérique",
                    "slug": "quiz",
                    "introduction": "Trois questions ; 60 % pour réussir.",
                },
            },
            "questions": [
                (
                    "single_choice",
                    {
                        "en": "What does a digital strategy start with?",
                        "fr": "Par quoi commence une stratégie numérique ?",
                    },
                    [
                        (
                            {
                                "en": "A vision of the parliament in a few years",
                                "fr": "Une vision du parlement dans quelques années",
                            },
                            True,
                            {"en": "", "fr": ""},
                        ),
                        (
                            {"en": "A list of products to buy", "fr": "Une liste de produits à acheter"},
                            False,
                            {"en": "Tools follow the vision.", "fr": "Les outils suivent la vision."},
                        ),
                    ],
                ),
                (
                    "true_false",
                    {
                        "en": "A strategy should have as many priorities as possible.",
                        "fr": "Une stratégie doit avoir le plus de priorités possible.",
                    },
                    False,
                ),
                (
                    "multiple_choice",
                    {"en": "Which are useful progress indicators?", "fr": "Quels indicateurs de progrès sont utiles ?"},
                    [
                        (
                            {"en": "Open data sets published", "fr": "Jeux de données ouverts publiés"},
                            True,
                            {"en": "", "fr": ""},
                        ),
                        (
                            {"en": "Availability of critical systems", "fr": "Disponibilité des systèmes critiques"},
                            True,
                            {"en": "", "fr": ""},
                        ),
                        (
                            {
                                "en": "Number of meetings held about the strategy",
                                "fr": "Nombre de réunions sur la stratégie",
                            },
                            False,
                            {"en": "Measure results, not activity.", "fr": "Mesurez les résultats, pas l'activité."},
                        ),
                    ],
                ),
            ],
        },
    },
}
