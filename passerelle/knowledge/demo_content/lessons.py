"""Lessons learned written directly in the knowledge base (those drawn from the demo projects'
evaluations are imported from the projects module by the demo)."""

from . import lesson

LESSONS = [
    lesson(
        "ecowas-border-data-after-donor", "en", "demo-ecowas-commission",
        title="Why border data systems stall when the donor leaves",
        summary="Three member States saw their border information systems degrade within two "
        "years of the end of external funding. What we now require before installing one.",
        context="Between 2015 and 2020 several ECOWAS member States installed border "
        "information systems at land crossings with donor funding. A review by the Commission "
        "in 2022 found that in three countries a third of the posts no longer sent data: "
        "broken scanners, expired licences, generators without fuel, trained officers moved to "
        "other posts.",
        lessons="- Put maintenance, spare parts and connectivity in the national budget before "
        "the first post is equipped, not at the end of the project.\n- Train at least two "
        "officers per post and rotate them between posts that use the same system.\n- Prefer "
        "systems the government owns, without yearly licences.\n- Agree on who analyses the "
        "data: systems that produced a monthly bulletin used by ministers survived, the others "
        "did not.",
        areas="BORD DATA", gcm=(11, 1), countries="GHA NER MLI", regions="011",
        scope="regional", actors="regional_body national_government",
        audiences="policymakers practitioners",
        projects=("ecowas-border-data",),
        requests=(("demo-ecowas-commission", "data-observatory", "en"),),
    ),
    lesson(
        "lbn-evacuation-consular-lessons", "en", "demo-philippines-dmw",
        title="Evacuating nationals from Lebanon: what we would do differently",
        summary="After the 2020 port explosion and the economic collapse, thousands of Filipino "
        "workers asked to go home. Lessons from the repatriation.",
        context="Many workers in Lebanon were domestic workers without their passports, which "
        "employers kept, and some had no legal status. Flights were scarce and the embassy had "
        "an incomplete register of nationals in the country.",
        lessons="An up-to-date consular register is the first condition of any evacuation: we "
        "now run registration drives every year, not after a crisis. Negotiate exit "
        "procedures for workers without passports with the host government in advance. "
        "Shelters need surge staff from other posts within days. Charter flights shared with "
        "other countries of origin cut costs and time.",
        areas="CONS", gcm=(14, 7), countries="LBN PHL", actors="national_government",
        audiences="practitioners policymakers",
        requests=(("demo-philippines-dmw", "crisis-nationals", "en"),),
    ),
    lesson(
        "pacific-seasonal-work-welfare", "en", "demo-pacific-futures-fund",
        title="Five lessons on the welfare of Pacific seasonal workers",
        summary="What we learned from funding welfare officers and community liaison in the "
        "seasonal worker schemes of Australia and New Zealand.",
        context="Our fund financed community liaison officers from Vanuatu, Solomon Islands and "
        "Tonga in rural towns of Australia for three seasons, and collected workers' "
        "complaints about housing, deductions and health care.",
        lessons="1. Accommodation deductions are the first cause of complaints: cap them in the "
        "contract. 2. Workers fear being sent home if they complain, so complaints must reach "
        "someone outside the employer. 3. Health insurance must be explained in the worker's "
        "language before departure. 4. Families left behind need support too, especially "
        "children. 5. A liaison officer from the worker's own country is trusted more than "
        "anyone else.",
        areas="COORD WGWS", gcm=(6, 5, 22), countries="AUS VUT SLB TON", regions="009",
        scope="regional", actors="foundation", audiences="policymakers practitioners",
    ),
    lesson(
        "geo-state-commission-survives-elections", "en", "demo-icmpd",
        title="Keeping an inter-ministerial migration commission alive after a change of "
        "government",
        summary="How Georgia's State Commission on Migration Issues kept working through "
        "several changes of government, and what other countries can take from it.",
        context="Many coordination bodies on migration are created with a project and fade "
        "when the minister who chaired them leaves. Georgia's commission, created in 2010, "
        "has kept meeting, adopting strategies and action plans through elections.",
        lessons="The commission's secretariat sits in a stable institution with its own staff "
        "and budget, not in a minister's cabinet. Its members are institutions, not persons. "
        "It publishes its action plan and a yearly monitoring report, which creates an "
        "expectation. Working groups at technical level carry on when ministers change. "
        "Civil society and international organisations take part as observers, which adds "
        "continuity.",
        areas="WGWS COORD", gcm=(23,), principles=(9,), countries="GEO ARM",
        actors="national_government international_organisation", audiences="policymakers",
    ),
    lesson(
        "sen-dix-ans-immatriculation-consulaire", "fr", "demo-senegal-dgase",
        title="Dix ans de campagnes d'immatriculation consulaire : ce que nous avons appris",
        summary="Les tournées consulaires en Europe ont doublé le nombre de ressortissants "
        "immatriculés. Ce qui a marché, et ce qui a coûté cher pour peu de résultats.",
        context="Depuis 2014, la direction générale organise des tournées d'immatriculation "
        "consulaire dans les villes d'Italie, d'Espagne et de France où vivent des Sénégalais. "
        "Un bilan a été fait en 2024 avec les associations de la diaspora.",
        lessons="Les tournées annoncées par les associations attirent trois fois plus de monde "
        "que celles annoncées par les consulats seuls. Le matériel biométrique portable "
        "s'amortit en deux campagnes. Les données de contact vieillissent vite : il faut "
        "permettre leur mise à jour en ligne. Enfin, immatriculer sans offrir de service utile "
        "(carte consulaire, passeport, actes) ne fait pas venir les gens.",
        areas="CONS DATA", gcm=(14, 4), countries="SEN ITA ESP FRA",
        actors="national_government diaspora_organisation", audiences="practitioners",
        requests=(("demo-senegal-dgase", "consular-registry", "fr"),),
    ),
    lesson(
        "mli-comites-locaux-sans-budget", "fr", "demo-sahel-migrations",
        title="Les comités locaux de coordination sur la migration ne survivent pas sans budget",
        summary="Sur douze comités communaux créés dans la région de Kayes, trois fonctionnent "
        "encore cinq ans après. Pourquoi.",
        context="Un projet a créé en 2018 des comités communaux réunissant mairie, services "
        "techniques, associations de migrants et chefs de village pour coordonner l'action sur "
        "la migration et le développement local. Le projet a pris fin en 2020.",
        lessons="Les trois comités encore actifs sont ceux dont la commune a inscrit une ligne, "
        "même modeste, dans son budget, et dont le secrétariat est tenu par un agent municipal "
        "et non par un bénévole. Les comités qui ne se réunissaient que pour le projet ont "
        "disparu avec lui. Lier le comité au plan de développement communal lui donne une "
        "raison d'exister.",
        areas="WGWS COORD", gcm=(23, 19), principles=(9, 10), countries="MLI", scope="local",
        actors="civil_society local_government", audiences="local_authorities civil_society",
    ),
    lesson(
        "reintegration-suivi-psychosocial-long", "fr", "demo-ucad-migrations",
        title="Réintégration : pourquoi le suivi psychosocial doit durer plus de six mois",
        summary="Les signes de détresse des personnes de retour apparaissent souvent après "
        "l'arrêt de l'accompagnement. Ce que montrent nos données au Sénégal et en Guinée.",
        context="Notre enquête longitudinale suit des personnes revenues au Sénégal et en "
        "Guinée. Les programmes de réintégration prévoient le plus souvent un soutien "
        "psychosocial pendant les trois à six premiers mois.",
        lessons="La détresse psychologique augmente entre le sixième et le dix-huitième mois, "
        "quand les difficultés économiques et le regard de la famille pèsent. Les personnes "
        "suivies plus longtemps, même par des groupes de parole entre pairs, abandonnent moins "
        "leur projet. Un suivi léger mais long vaut mieux qu'un suivi intense et court.",
        areas="WGWS", gcm=(21,), principles=(1,), countries="SEN GIN",
        actors="academia", audiences="practitioners researchers",
    ),
    lesson(
        "traite-former-toute-la-chaine-penale", "fr", "demo-unodc-sahel",
        title="Former toute la chaîne pénale contre la traite, pas seulement les procureurs",
        summary="Nos premières formations visaient les procureurs ; les dossiers se perdaient "
        "pourtant chez les enquêteurs et les juges. Ce que nous avons changé.",
        context="Le projet de renforcement de la réponse pénale à la traite au Sénégal, au Mali "
        "et en Mauritanie a d'abord formé 120 procureurs. Deux ans plus tard, le nombre de "
        "condamnations n'avait presque pas bougé.",
        lessons="Les enquêtes étaient mal menées dès le départ et les juges requalifiaient les "
        "faits en infractions moins graves. Des formations communes réunissant enquêteurs, "
        "procureurs, juges et travailleurs sociaux autour de dossiers réels ont davantage "
        "changé les pratiques. La protection des victimes-témoins doit être traitée en même "
        "temps que la procédure.",
        areas="OBLIG", gcm=(10,), principles=(4, 6), countries="SEN MLI MRT", regions="011",
        actors="un_agency national_government", audiences="practitioners",
        projects=("sahel-trafficking-justice",),
        requests=(("demo-senegal-interior", "anti-trafficking", "fr"),),
    ),
    lesson(
        "col-lecciones-regularizacion-venezolanos", "es", "demo-colombia-migracion",
        title="Lecciones de la regularización masiva de personas venezolanas en Colombia",
        summary="Registrar y regularizar a casi dos millones de personas en tres años obligó a "
        "resolver problemas de tecnología, de confianza y de coordinación.",
        context="El Estatuto Temporal de Protección se aprobó en 2021. Su aplicación requirió un "
        "registro en línea, la toma de datos biométricos y la entrega de documentos en todo el "
        "país.",
        lessons="La plataforma en línea colapsó los primeros días: conviene escalonar el "
        "registro por regiones. Muchas personas temían registrarse por miedo a la deportación; "
        "las organizaciones de migrantes y las iglesias fueron clave para generar confianza. "
        "El documento solo cambia la vida si bancos, empleadores y hospitales lo reconocen: "
        "hay que informarles antes de la entrega.",
        areas="OBLIG DATA", gcm=(4, 5), countries="COL VEN",
        actors="national_government", audiences="policymakers",
    ),
    lesson(
        "gtm-oficinas-municipales-retornados", "es", "demo-guatemala-igm",
        title="Lo que aprendimos al abrir oficinas municipales de atención a personas retornadas",
        summary="Las personas retornadas llegan al aeropuerto con una hoja de referencia a su "
        "municipio, pero en muchos municipios no había nadie para recibirlas.",
        context="Entre 2021 y 2023 se abrieron oficinas municipales de atención a personas "
        "retornadas en diez municipios con muchas deportaciones, en Huehuetenango, San Marcos y "
        "Quiché.",
        lessons="Las oficinas funcionan cuando el concejo municipal les asigna personal propio; "
        "las que dependen de un proyecto cierran. El personal debe conocer la oferta local de "
        "empleo y formación, no solo registrar. Las personas retornadas con hijos nacidos en "
        "Estados Unidos necesitan apoyo para inscribirlos en la escuela. Compartir el registro "
        "del centro del aeropuerto con las oficinas evita repetir entrevistas.",
        areas="WGWS", gcm=(21,), principles=(1, 9), countries="GTM", scope="local",
        actors="national_government local_government", audiences="local_authorities",
        requests=(("demo-guatemala-igm", "return-reintegration", "es"),),
    ),
    lesson(
        "datos-abiertos-migracion-cinco-errores", "es", "demo-observatorio-movilidad",
        title="Datos abiertos sobre migración: cinco errores que cometimos",
        summary="Publicar datos migratorios abiertos en Chile y Argentina nos enseñó a cuidar la "
        "privacidad, las definiciones y el calendario.",
        context="Desde 2019 nuestro observatorio publica boletines y tablas descargables a "
        "partir de registros administrativos.",
        lessons="1. Publicamos tablas con celdas muy pequeñas que permitían identificar "
        "personas: ahora suprimimos celdas de menos de diez casos. 2. Mezclamos solicitudes y "
        "permisos otorgados: cada cifra debe decir qué cuenta. 3. Cambiamos una definición sin "
        "avisar y rompimos las series. 4. Publicamos de forma irregular y la prensa dejó de "
        "esperar los boletines. 5. No documentamos las fuentes lo suficiente para que otros "
        "reprodujeran los cálculos.",
        areas="DATA", gcm=(1,), countries="CHL ARG", regions="005", scope="regional",
        actors="academia", audiences="researchers",
    ),
    lesson(
        "frontera-cerrada-coordinacion-binacional-pandemia", "es", "demo-ecuador-movilidad",
        title="Cuando la frontera se cierra: coordinación binacional durante la pandemia",
        summary="El cierre de fronteras en 2020 dejó a miles de personas varadas entre "
        "Colombia, Ecuador y Perú. Qué funcionó y qué faltó.",
        context="En marzo de 2020 los tres países cerraron sus fronteras terrestres. Miles de "
        "personas venezolanas en tránsito y de trabajadores transfronterizos quedaron varados "
        "en pasos como Rumichaca y Huaquillas.",
        lessons="Los canales directos entre autoridades migratorias locales de ambos lados "
        "resolvieron más casos que las cancillerías. Faltó un protocolo previo para corredores "
        "humanitarios y para el retorno de nacionales. Las organizaciones de la sociedad civil "
        "en la frontera fueron las primeras en responder: deben estar en los planes de "
        "contingencia.",
        areas="COORD BORD", gcm=(11, 23, 7), countries="ECU COL PER", regions="005",
        scope="regional", actors="national_government civil_society",
        audiences="policymakers practitioners",
    ),
]  # fmt: skip
