"""Text of the demo conference, from the IPU's note on the programme of the virtual World e-Parliament
Conference 2021 (9 May 2021, in French). Speakers are fictional."""

CONFERENCE = {
    "en": {
        "title": "World e-Parliament Conference 2021",
        "edition": "virtual 2021",
        "time_zone_city": "Geneva",
        "venue": "Online",
        "introduction": (
            "The virtual World e-Parliament Conference takes place from 16 to 18 June 2021. Sessions run every "
            "day from 14:00 to 18:00 Geneva time (Central European Summer Time). Plenary sessions are streamed "
            "live, then recorded into a video library."
        ),
    },
    "fr": {
        "title": "Conférence mondiale sur l'e-Parlement 2021",
        "slug": "conference-mondiale-e-parlement-2021",
        "edition": "virtuelle 2021",
        "time_zone_city": "Genève",
        "venue": "En ligne",
        "introduction": (
            "La Conférence mondiale sur l'e-Parlement se déroulera du 16 au 18 juin 2021. Les séances débuteront "
            "chaque jour à 14 h 00 pour se terminer à 18 h 00 (heure de Genève, heure d'été d'Europe centrale). "
            "Les séances plénières diffusées en direct seront enregistrées et mises à disposition dans une "
            "vidéothèque."
        ),
    },
}

THEMES = {
    "a": (
        "Towards a digital parliament",
        "Over the past year parliaments have markedly sped up innovation. This theme paints the overall picture: "
        "lessons of the pandemic, the main trends in digital transformation strategies, and how expectations of "
        "digital parliaments will change in the coming years.",
        "Vers un parlement numérique",
        "Au cours de l'année écoulée, les parlements ont sensiblement accéléré leur politique d'innovation. Il "
        "s'agira de brosser un tableau général, en passant en revue les enseignements de la période de pandémie, "
        "les grandes tendances des stratégies de passage au numérique et l'évolution des attentes en matière de "
        "parlements numériques dans les prochaines années.",
    ),
    "b": (
        "Infrastructure",
        "Managing parliamentary infrastructure is changing deeply under market pressure and the pandemic. This "
        "theme covers cloud strategies, the security of hybrid infrastructure, and continuity and recovery plans "
        "for emergencies.",
        "Infrastructures",
        "La gestion des infrastructures parlementaires connaît des changements majeurs sous l'influence de la "
        "situation du marché et de la pandémie. Ce thème abordera les stratégies d'informatique dématérialisée, "
        "la sécurité des infrastructures hybrides et le plan d'intervention pour assurer la continuité et la "
        "reprise des opérations en cas d'urgence.",
    ),
    "c": (
        "Data in a digital parliament",
        "Data are a key asset of digital parliaments and add value for members and the public alike. This theme "
        "looks at how parliaments manage their data, why data governance matters, and how to create and use open "
        "data well.",
        "La place des données dans un parlement numérique",
        "Atout essentiel des parlements numériques, les données représentent une valeur ajoutée pour les "
        "parlementaires comme pour le public. Il sera question de la façon dont les parlements gèrent leurs "
        "données, de l'importance de la gouvernance des données et des possibilités de créer et d'exploiter "
        "efficacement des données ouvertes.",
    ),
    "d": (
        "Members of parliament and digital",
        "Members have used digital tools for years, but 2020 brought a radical change to remote working in many "
        "parliaments. This theme looks at the tools and techniques administrations built to support members' work.",
        "Les parlementaires et le numérique",
        "Les parlementaires utilisent des outils numériques depuis des années, mais l'année 2020 a marqué un "
        "changement radical en matière de télétravail. Il sera question des outils et techniques élaborés par les "
        "administrations à l'appui des travaux des parlementaires.",
    ),
    "e": (
        "Artificial intelligence",
        "Artificial intelligence opens new horizons that many parliaments have begun to explore. This theme "
        "defines AI and its potential role in parliament, with attention to governance and to the functions AI "
        "can help with.",
        "Intelligence artificielle",
        "L'intelligence artificielle ouvre de nouveaux horizons que beaucoup de parlements ont commencé à "
        "explorer. On essaiera de définir l'IA et son rôle potentiel dans le contexte parlementaire, en prêtant "
        "une attention particulière aux questions de gouvernance et aux fonctions pour lesquelles l'IA peut être "
        "utile.",
    ),
}

AXES = {
    "1": (
        "Think tank",
        "Strategic discussions on trends and ideas.",
        "Aide à la réflexion",
        "Discussions stratégiques sur les tendances et les idées.",
    ),
    "2": (
        "Peer exchange",
        "Sharing good practice, tips and knowledge of the latest digital tools and services.",
        "Échange entre pairs",
        "Échange de bonnes pratiques, d'astuces et de connaissances sur les dernières innovations en matière "
        "d'outils et de services numériques.",
    ),
    "3": (
        "Co-creation",
        "Pooling collective knowledge to write how-to guides with practical advice on key problems raised "
        "during the conference.",
        "Création collaborative",
        "Mise à profit des connaissances collectives pour rédiger des « guides pratiques » regroupant des "
        "conseils concrets sur la façon de régler certains problèmes clés évoqués pendant la conférence.",
    ),
}

# Fictional people; parliaments by slug (created by the loader when missing).
PARLIAMENTS = {
    "chile-chamber": ("Chamber of Deputies of Chile", "CL", "americas", "lower"),
    "brazil-chamber": ("Chamber of Deputies of Brazil", "BR", "americas", "lower"),
    "zambia-assembly": ("National Assembly of Zambia", "ZM", "africa", "unicameral"),
    "portugal-assembly": ("Assembly of the Republic of Portugal", "PT", "europe", "unicameral"),
    "european-parliament": ("European Parliament", "", "europe", "regional"),
    "estonia-riigikogu": ("Riigikogu of Estonia", "EE", "europe", "unicameral"),
    "kenya-senate": ("Senate of Kenya", "KE", "africa", "upper"),
}
PEOPLE = {
    "secretariat": ("Léa Morel", None, "Inter-Parliamentary Union", "Head of the Centre for Innovation in Parliament"),
    "chile": ("Camila Rojas", "chile-chamber", "", "Director of Information Technology"),
    "brazil": ("Rafael Lima", "brazil-chamber", "", "Coordinator, Hacker Lab"),
    "zambia": ("Mutale Banda", "zambia-assembly", "", "Principal ICT Officer"),
    "portugal": ("Inês Carvalho", "portugal-assembly", "", "Head of Digital Services"),
    "ep": ("Jonas Weber", "european-parliament", "", "Director, Innovation and Technological Support"),
    "estonia": ("Kadri Tamm", "estonia-riigikogu", "", "Chief Information Officer"),
    "kenya": ("Peter Otieno", "kenya-senate", "", "Clerk Assistant, ICT"),
}

# fmt: off
# (slug, day, start, end, kind, theme, axis, room, moderators, speakers, en title, en text, fr title, fr text)
SESSIONS = [
    ("opening", 16, "14:00", "14:45", "plenary", "a", "1", "Plenary", ["secretariat"], ["ep", "chile"],
     "Opening plenary: parliaments after the pandemic",
     "Welcome and keynote discussion on what a year of remote and hybrid sittings taught parliaments.",
     "Plénière d'ouverture : les parlements après la pandémie",
     "Accueil et débat sur ce qu'une année de séances à distance et hybrides a appris aux parlements."),
    ("digital-strategy-trends", 16, "14:45", "15:30", "plenary", "a", "1", "Plenary", ["secretariat"],
     ["portugal", "kenya"],
     "Trends in digital transformation strategies",
     "Where parliaments' digital strategies are heading and what members and citizens will expect next.",
     "Tendances des stratégies de transformation numérique",
     "Où vont les stratégies numériques des parlements et ce que parlementaires et citoyens en attendront."),
    ("cloud-strategies", 16, "15:45", "16:45", "breakout", "b", "2", "Breakout room 1", ["ep"], ["estonia"],
     "Moving to the cloud: strategies that worked",
     "Peer exchange on cloud adoption, sovereignty of data and contracts with providers.",
     "Passer au nuage : des stratégies qui ont fonctionné",
     "Échange entre pairs sur l'adoption du nuage, la souveraineté des données et les contrats avec les "
     "fournisseurs."),
    ("data-governance", 16, "15:45", "16:45", "breakout", "c", "2", "Breakout room 2", ["portugal"], ["brazil"],
     "Governing parliamentary data",
     "Who owns parliamentary data, who may change it, and how to keep it reliable.",
     "Gouverner les données parlementaires",
     "À qui appartiennent les données parlementaires, qui peut les modifier et comment les garder fiables."),
    ("showcase-day-1", 16, "17:00", "17:45", "showcase", "d", "2", "Showcase", ["secretariat"], ["chile", "zambia"],
     "Parliaments' showcase: remote sittings and e-petitions",
     "Short videos from parliaments on their remote sittings and online petitions, followed by questions.",
     "Vitrine des parlements : séances à distance et pétitions en ligne",
     "Courtes vidéos de parlements sur leurs séances à distance et leurs pétitions en ligne, suivies de "
     "questions."),
    ("wrap-up-day-1", 16, "17:45", "18:00", "plenary", "a", "1", "Plenary", ["secretariat"], [],
     "Wrap-up of the first day", "The day's main points and tomorrow's programme.",
     "Synthèse de la première journée", "Les points saillants de la journée et le programme du lendemain."),
    ("data-plenary", 17, "14:00", "14:45", "plenary", "c", "1", "Plenary", ["secretariat"], ["brazil", "ep"],
     "Plenary: data at the heart of the digital parliament",
     "Why data are a strategic asset and how open data serve members and the public.",
     "Plénière : les données au cœur du parlement numérique",
     "Pourquoi les données sont un atout stratégique et comment les données ouvertes servent les "
     "parlementaires et le public."),
    ("hybrid-security", 17, "15:00", "16:00", "breakout", "b", "2", "Breakout room 1", ["estonia"], ["kenya"],
     "Securing hybrid infrastructure",
     "Threats to hybrid sittings and how parliaments protect their systems and members' devices.",
     "Sécuriser les infrastructures hybrides",
     "Les menaces qui pèsent sur les séances hybrides et la façon dont les parlements protègent leurs systèmes "
     "et les appareils des parlementaires."),
    ("open-data-portals", 17, "15:00", "16:00", "breakout", "c", "2", "Breakout room 2", ["brazil"], ["portugal"],
     "Open data portals that people use",
     "Formats, licences and documentation that make parliamentary open data reusable.",
     "Des portails de données ouvertes vraiment utilisés",
     "Formats, licences et documentation qui rendent les données ouvertes parlementaires réutilisables."),
    ("continuity-guide", 17, "16:15", "17:15", "workshop", "b", "3", "Workshop room", ["ep"], ["zambia", "estonia"],
     "How-to guide: a business continuity plan for parliament",
     "Writing together a practical guide to keep parliament working when buildings or systems fail.",
     "Guide pratique : un plan de continuité pour le parlement",
     "Rédaction collective d'un guide pratique pour que le parlement continue de fonctionner quand les "
     "bâtiments ou les systèmes font défaut."),
    ("showcase-day-2", 17, "17:15", "18:00", "showcase", "c", "2", "Showcase", ["secretariat"], ["brazil"],
     "Parliaments' showcase: open data and civic labs",
     "Short videos on parliamentary hackathons and open data labs.",
     "Vitrine des parlements : données ouvertes et laboratoires citoyens",
     "Courtes vidéos sur les hackathons parlementaires et les laboratoires de données ouvertes."),
    ("ai-plenary", 18, "14:00", "14:45", "plenary", "e", "1", "Plenary", ["secretariat"], ["ep", "estonia"],
     "Plenary: what artificial intelligence can do for parliaments",
     "Defining AI in a parliamentary setting, its promise and its limits.",
     "Plénière : ce que l'intelligence artificielle peut apporter aux parlements",
     "Définir l'IA dans le contexte parlementaire, ses promesses et ses limites."),
    ("remote-work-tools", 18, "15:00", "16:00", "breakout", "d", "2", "Breakout room 1", ["kenya"], ["chile"],
     "Tools for members working remotely",
     "Voting, debating and working with constituents from anywhere: what administrations built.",
     "Des outils pour le travail à distance des parlementaires",
     "Voter, débattre et travailler avec les électeurs depuis n'importe où : ce que les administrations ont "
     "construit."),
    ("ai-governance", 18, "15:00", "16:00", "breakout", "e", "2", "Breakout room 2", ["estonia"], ["portugal"],
     "Governing AI in parliament",
     "Rules, transparency and accountability for AI systems used by parliaments.",
     "Gouverner l'IA au parlement",
     "Règles, transparence et responsabilité pour les systèmes d'IA utilisés par les parlements."),
    ("ai-guide", 18, "16:15", "17:15", "workshop", "e", "3", "Workshop room", ["ep"], ["estonia", "kenya"],
     "How-to guide: starting an AI project in parliament",
     "Writing together a guide on choosing, testing and governing a first AI project.",
     "Guide pratique : lancer un projet d'IA au parlement",
     "Rédaction collective d'un guide pour choisir, tester et encadrer un premier projet d'IA."),
    ("closing", 18, "17:15", "18:00", "plenary", "a", "1", "Plenary", ["secretariat"], ["zambia", "ep"],
     "Closing plenary and showcase highlights",
     "The showcase videos selected for plenary, conclusions and next steps for the Centre.",
     "Plénière de clôture et temps forts de la vitrine",
     "Les vidéos de la vitrine retenues pour la plénière, conclusions et prochaines étapes du Centre."),
]

# Plenaries with a recording in the library (the demo uses the local sample files).
RECORDINGS = {
    "opening": "chile-virtual-plenary.mp4",
    "data-plenary": "brazil-open-data-lab.webm",
    "ai-plenary": "zambia-e-petitions.mp4",
}

# (slug, file, parliament, theme, language, shown in plenary, title, summary, caption line)
SHOWCASE_VIDEOS = [
    ("chile-virtual-sittings", "chile-virtual-plenary.mp4", "chile-chamber", "d", "es", True,
     "Virtual sittings in the Chamber of Deputies of Chile",
     "How the Chamber moved its sittings and votes online within two weeks in 2020.",
     "La Cámara sesiona y vota en línea."),
    ("zambia-e-petitions", "zambia-e-petitions.mp4", "zambia-assembly", "a", "en", False,
     "E-petitions at the National Assembly of Zambia",
     "Citizens now petition the Assembly online and follow their petition's progress.",
     "Citizens petition the National Assembly online."),
    ("brazil-hacker-lab", "brazil-open-data-lab.webm", "brazil-chamber", "c", "pt", True,
     "The Hacker Lab of the Chamber of Deputies of Brazil",
     "A civic lab where developers and citizens build tools on the Chamber's open data.",
     "O laboratório hacker usa dados abertos."),
]

LIBRARY = {
    "en": {"title": "Video library", "introduction": "Plenary recordings and the parliaments' showcase videos."},
    "fr": {
        "title": "Vidéothèque",
        "slug": "videotheque",
        "introduction": "Les enregistrements des séances plénières et les vidéos de la vitrine des parlements.",
    },
}

SHOWCASE = {
    "en": {
        "title": "Parliaments' showcase",
        "introduction": (
            "Throughout the conference, the parliaments' showcase presents good practice and innovation from "
            "parliaments around the world. Its videos stay in the library before, during and after the "
            "conference; the most interesting are shown in plenary."
        ),
        "guidelines": [
            ("heading", {"text": "Guidelines for showcase videos", "level": "h2"}),
            ("paragraph", "<p>Any conference participant may propose a short video. Please make sure that it:</p>"
             "<ul><li>presents one practice or innovation of a parliament, in up to five minutes;</li>"
             "<li>is an MP4 or WebM file of at most 200 MB, or a YouTube or Vimeo link;</li>"
             "<li>comes with captions (a WebVTT file) in the language spoken;</li>"
             "<li>shows only people who agreed to appear, and uses only images and music you may publish.</li></ul>"
             "<p>Parliaments that wish to share their good practice may contact the Secretariat at "
             '<a href="mailto:innovation@ipu.org">innovation@ipu.org</a>.</p>'),
        ],
    },
    "fr": {
        "title": "Vitrine des parlements",
        "slug": "vitrine-des-parlements",
        "introduction": (
            "Tout au long de la conférence, une « vitrine des parlements » permettra d'exposer les bonnes "
            "pratiques et les innovations mises en œuvre dans différents parlements du monde. La vidéothèque est "
            "à la disposition des participants avant, pendant et après la conférence ; les vidéos les plus "
            "intéressantes seront diffusées en séance plénière."
        ),
        "guidelines": [
            ("heading", {"text": "Consignes relatives aux vidéos", "level": "h2"}),
            ("paragraph", "<p>Tout participant peut proposer une courte contribution vidéo. Veillez à ce "
             "qu'elle :</p><ul><li>présente une pratique ou une innovation d'un parlement, en cinq minutes au "
             "plus ;</li><li>soit un fichier MP4 ou WebM de 200 Mo au plus, ou un lien YouTube ou Vimeo ;</li>"
             "<li>soit accompagnée de sous-titres (fichier WebVTT) dans la langue parlée ;</li>"
             "<li>ne montre que des personnes ayant donné leur accord et n'utilise que des images et musiques "
             "que vous pouvez publier.</li></ul><p>Les parlements qui souhaitent partager leurs bonnes "
             "pratiques peuvent écrire à <a href=\"mailto:innovation@ipu.org\">innovation@ipu.org</a>.</p>"),
        ],
    },
}

GUIDES = [
    ("business-continuity-plan", "continuity-guide", "b",
     {"title": "How to write a business continuity plan for parliament",
      "introduction": "Keep parliament sitting when its building, network or systems fail.",
      "steps": ["List the functions parliament must never stop: sittings, votes, publication of laws.",
                "For each, name the systems and people it needs, and a fallback for each.",
                "Agree in advance on the rules for remote or hybrid sittings, with the presiding officers.",
                "Test the plan twice a year with a realistic exercise and update it."]},
     {"title": "Comment rédiger un plan de continuité pour le parlement",
      "slug": "plan-de-continuite",
      "introduction": "Permettre au parlement de siéger quand son bâtiment, son réseau ou ses systèmes font défaut.",
      "steps": ["Recenser les fonctions qui ne doivent jamais s'arrêter : séances, votes, publication des lois.",
                "Pour chacune, nommer les systèmes et personnes nécessaires, et une solution de repli.",
                "Convenir à l'avance, avec la présidence, des règles des séances à distance ou hybrides.",
                "Tester le plan deux fois par an par un exercice réaliste et le mettre à jour."]}),
    ("starting-an-ai-project", "ai-guide", "e",
     {"title": "How to start an AI project in parliament",
      "introduction": "Choose a first use of artificial intelligence that is useful, safe and well governed.",
      "steps": ["Start from a real problem of members or staff, such as transcribing debates.",
                "Check what data the system needs and who may see it.",
                "Run a small, time-limited pilot with the people who will use it.",
                "Publish how the system works and who answers for its results."]},
     {"title": "Comment lancer un projet d'IA au parlement",
      "slug": "lancer-un-projet-ia",
      "introduction": "Choisir un premier usage de l'intelligence artificielle utile, sûr et bien encadré.",
      "steps": ["Partir d'un vrai problème des parlementaires ou du personnel, comme la transcription des débats.",
                "Vérifier les données dont le système a besoin et qui peut y accéder.",
                "Mener un projet pilote limité dans le temps avec ses futurs utilisateurs.",
                "Publier le fonctionnement du système et qui répond de ses résultats."]}),
]
# fmt: on
