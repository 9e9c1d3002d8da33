"""Resources: publications, guides, tools, training material and datasets, most of them public
documents of IOM and the UN system shared by a demo organisation with a link; three are the demo
organisations' own documents, whose PDF the demo generates (`pdf=True`, no link)."""

from . import resource

PUBLICATION, GUIDE, TOOL, TRAINING, DATASET = (
    "publication",
    "guide",
    "tool",
    "training",
    "dataset",
)

RESOURCES = [
    # --- Publications ------------------------------------------------------------------------
    resource(
        "world-migration-report-2024", "en", "demo-iom-dakar", PUBLICATION,
        title="World Migration Report 2024",
        summary="IOM's flagship biennial report: global and regional trends in migration and "
        "displacement, remittances, and thematic chapters on climate change, gender and "
        "migration governance.",
        description="The report's first part presents the latest data on international "
        "migrants (281 million in 2020), labour migration, remittances (over 800 billion USD "
        "in 2022), internal displacement and refugees, with a chapter per world region. The "
        "second part discusses evidence on topics such as the links between migration and "
        "sustainable development, gender-responsive migration governance, climate change and "
        "human mobility, and the role of migrants in countering misinformation. Useful as a "
        "reference for briefing notes and national migration policies.",
        link="https://publications.iom.int/books/world-migration-report-2024",
        issued="2024-05-07", areas="DATA WGWS", gcm=(1, 23), scope="global",
        actors="un_agency", audiences="policymakers researchers general",
    ),
    resource(
        "idm-2018-partenariats-developpement-capacites", "fr", "demo-iom-dakar", PUBLICATION,
        title="Dialogue international sur la migration 2018 : des partenariats pour développer "
        "les capacités",
        summary="Le compte rendu de la seconde session de l'IDM 2018 (Genève, octobre 2018) sur "
        "les partenariats et la coopération pour développer les capacités de gouvernance des "
        "migrations.",
        description="Le document reprend les six sessions du dialogue : les cadres mondiaux de "
        "développement des capacités, la coordination de l'appui des Nations Unies, les cadres "
        "régionaux de partenariat (communautés économiques régionales, processus consultatifs "
        "régionaux, partenariats pour la mobilité), l'évaluation des besoins des acteurs "
        "nationaux, la mesure des effets du développement des capacités et le financement. Il "
        "cite six domaines prioritaires : collecte et analyse de données, pratiques "
        "consulaires, gestion des frontières, respect des obligations internationales, "
        "coordination transfrontalière, approches associant l'ensemble des pouvoirs publics et "
        "de la société. Le lancement de la plateforme iDiaspora y est aussi présenté.",
        link="https://www.iom.int/fr/dialogue-international-sur-la-migration",
        issued="2019-03-15", areas="WGWS COORD", gcm=(23,), principles=(2, 9, 10),
        scope="global", actors="un_agency national_government",
        audiences="policymakers practitioners",
    ),
    resource(
        "mgi-perfil-mexico", "es", "demo-mexico-segob", PUBLICATION,
        title="Indicadores de Gobernanza de la Migración: perfil de México",
        summary="El perfil de México según los Indicadores de Gobernanza de la Migración (IGM): "
        "fortalezas y áreas de mejora en los seis dominios del marco.",
        description="El perfil fue elaborado con las dependencias federales y validado en un "
        "taller interinstitucional. Describe, dominio por dominio, la situación de la política "
        "migratoria: derechos de las personas migrantes, enfoque de gobierno integral, "
        "alianzas, bienestar de las personas migrantes, dimensiones de movilidad de las "
        "crisis y migración segura, ordenada y regular. No es una clasificación: sirve para "
        "identificar brechas y priorizar el desarrollo de capacidades. Incluye una segunda "
        "evaluación que mide los avances.",
        link="https://www.migrationdataportal.org/es/overviews/mgi/mexico",
        issued="2022-09-01", areas="WGWS DATA", gcm=(1, 23), countries="MEX",
        actors="national_government un_agency", audiences="policymakers",
    ),
    resource(
        "global-compact-migration-resolution", "en", "demo-icmpd", PUBLICATION,
        title="Global Compact for Safe, Orderly and Regular Migration (A/RES/73/195)",
        summary="The text adopted by the UN General Assembly in December 2018: 23 objectives, "
        "10 guiding principles, and the implementation, follow-up and review mechanisms.",
        description="The compact is the first intergovernmental agreement covering all "
        "dimensions of international migration. Paragraph 43 sets up the capacity-building "
        "mechanism: a connection hub, a start-up fund and a global knowledge platform. "
        "Paragraph 44 lists the stakeholders to involve, from migrants and diaspora "
        "organisations to local authorities, trade unions and national human rights "
        "institutions. The compact is non-binding and reaffirms national sovereignty.",
        link="https://undocs.org/A/RES/73/195",
        issued="2018-12-19", areas="WGWS COORD OBLIG", gcm=(23,),
        principles=(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), scope="global",
        actors="national_government un_agency", audiences="policymakers general",
    ),
    resource(
        "sen-retours-enquete-deuxieme-vague", "fr", "demo-ucad-migrations", PUBLICATION,
        title="Les migrants de retour au Sénégal : résultats de la deuxième vague de l'enquête",
        summary="Rapport de recherche : emploi, revenus, santé mentale et projets de départ de "
        "1 500 personnes revenues au Sénégal, deux ans après leur retour.",
        description="La deuxième vague de l'enquête longitudinale compare les personnes qui ont "
        "bénéficié d'un programme de réintégration et celles qui n'en ont pas bénéficié. Les "
        "personnes aidées ont plus souvent un revenu régulier, mais l'écart se réduit après "
        "dix-huit mois. Un tiers des personnes interrogées présentent des signes de détresse "
        "psychologique, sans différence selon l'aide reçue. Le rapport recommande d'allonger le "
        "suivi psychosocial et de cibler les régions de Kolda et de Tambacounda.",
        pdf=True, issued="2024-02-20", areas="DATA WGWS", gcm=(1, 21), countries="SEN",
        actors="academia", audiences="researchers policymakers",
    ),
    # --- Guides ------------------------------------------------------------------------------
    resource(
        "iom-handbook-vulnerable-migrants", "en", "demo-iom-dakar", GUIDE,
        title="IOM Handbook on Protection and Assistance for Migrants Vulnerable to Violence, "
        "Exploitation and Abuse",
        summary="A practical handbook on identifying migrants vulnerable to violence, "
        "exploitation and abuse, and on case management, referral and assistance.",
        description="The handbook sets out the determinants of migrant vulnerability model — "
        "individual, household, community and structural factors — and applies it to "
        "programme design. Chapters cover screening, case management, shelter, health and "
        "psychosocial support, safe return and reintegration, with forms and checklists that "
        "practitioners can adapt to national referral mechanisms.",
        link="https://publications.iom.int/books/iom-handbook-migrants-vulnerable-violence-"
        "exploitation-and-abuse",
        issued="2019-06-01", areas="OBLIG", gcm=(7, 10, 12), principles=(6, 7, 8),
        scope="global", actors="un_agency civil_society", audiences="practitioners",
    ),
    resource(
        "micic-guidelines", "en", "demo-philippines-dmw", GUIDE,
        title="MICIC Guidelines to protect migrants in countries experiencing conflict or "
        "natural disaster",
        summary="Principles, guidelines and practices for States, employers and civil society "
        "to protect migrants caught in crises: preparedness, emergency response and recovery.",
        description="The Migrants in Countries in Crisis initiative was led by the Philippines "
        "and the United States. Its fifteen guidelines cover consular registration and "
        "contingency planning before a crisis, communication and evacuation during one, and "
        "the reintegration of returning migrants after it. An annex gathers practices such as "
        "multilingual early warning, consular cooperation between countries of origin, and "
        "employers' duty of care.",
        link="https://micicinitiative.iom.int/guidelines",
        issued="2016-06-15", areas="CONS WGWS", gcm=(7, 14, 2), scope="global",
        actors="national_government private_sector civil_society",
        audiences="policymakers practitioners",
    ),
    resource(
        "guide-guichet-unique-retour", "fr", "demo-senegal-interior", GUIDE,
        title="Guide pratique : ouvrir un bureau d'accueil et d'orientation pour les migrants "
        "de retour",
        summary="Le guide, tiré de l'expérience de Dakar et de Thiès, décrit pas à pas "
        "l'ouverture d'un guichet unique : conventions entre services, dossier partagé, "
        "profil des conseillers, budget.",
        description="Il présente les étapes : diagnostic des besoins des personnes de retour, "
        "conventions avec l'état civil, l'emploi et la santé, aménagement des locaux, "
        "recrutement et formation des conseillers, circuit du dossier unique, antennes "
        "mobiles. Des modèles de convention et de fiche d'entretien sont en annexe, ainsi "
        "qu'un budget type sur trois ans.",
        pdf=True, issued="2023-11-10", areas="WGWS", gcm=(21,), principles=(1, 9),
        countries="SEN", actors="national_government", audiences="practitioners policymakers",
    ),
    resource(
        "guia-planes-cantonales-movilidad", "es", "demo-ecuador-movilidad", GUIDE,
        title="Guía para elaborar planes cantonales de movilidad humana",
        summary="Paso a paso para que un gobierno local, con los ministerios y la sociedad "
        "civil, elabore y dé seguimiento a un plan cantonal de movilidad humana.",
        description="La guía explica cómo crear la mesa cantonal por ordenanza, realizar un "
        "diagnóstico participativo con personas migrantes, refugiadas y retornadas, definir "
        "rutas de atención, priorizar acciones con presupuesto y medir avances con "
        "indicadores. Incluye un modelo de ordenanza y una matriz de indicadores.",
        pdf=True, issued="2024-03-05", areas="WGWS COORD", gcm=(23, 16), countries="ECU",
        scope="local", actors="local_government national_government",
        audiences="local_authorities",
    ),
    resource(
        "feuille-de-route-engagement-diasporas", "fr", "demo-senegal-dgase", GUIDE,
        title="Élaborer une feuille de route pour l'engagement des diasporas dans le "
        "développement",
        summary="Manuel de l'OIM et du Migration Policy Institute à l'usage des décideurs et "
        "des praticiens des pays d'origine et de destination.",
        description="Le manuel propose une démarche en quatre temps : définir les objectifs, "
        "connaître la diaspora (cartographie, enquêtes), bâtir la confiance, puis mobiliser "
        "les diasporas pour le développement (transferts de compétences, investissements, "
        "philanthropie, tourisme). Il s'appuie sur de nombreux exemples d'institutions "
        "chargées des diasporas.",
        link="https://publications.iom.int/books/developing-road-map-engaging-diasporas-"
        "development-handbook-policymakers-and-practitioners",
        issued="2012-01-01", areas="WGWS", gcm=(19,), scope="global",
        actors="un_agency national_government", audiences="policymakers",
    ),
    resource(
        "oit-principios-contratacion-equitativa", "es", "demo-spain-inclusion", GUIDE,
        title="Principios generales y directrices operativas para la contratación equitativa "
        "(OIT)",
        summary="Los principios de la OIT para que la contratación de trabajadores, en "
        "particular migrantes, respete sus derechos: sin comisiones para el trabajador, "
        "contratos claros, libertad para cambiar de empleador.",
        description="El documento define las responsabilidades de los gobiernos, las empresas y "
        "las agencias de empleo, e incluye una definición de comisiones de contratación y "
        "costos conexos que no deben cobrarse a los trabajadores. Sirve de referencia para "
        "acuerdos bilaterales de migración laboral y para auditorías de cadenas de suministro.",
        link="https://www.ilo.org/es/publications/principios-generales-y-directrices-"
        "operativas-para-la-contratacion-equitativa",
        issued="2019-01-01", areas="OBLIG", gcm=(6,), principles=(6,), scope="global",
        actors="un_agency trade_union private_sector", audiences="policymakers practitioners",
    ),
    # --- Tools -------------------------------------------------------------------------------
    resource(
        "migration-data-portal", "en", "demo-iom-dakar", TOOL,
        title="Migration Data Portal",
        summary="A single access point to timely, comprehensive migration statistics and "
        "reliable information about migration data globally.",
        description="The portal gathers indicators from UN DESA, the World Bank, ILO, UNHCR and "
        "others on migrant stocks, flows, remittances, labour migration and displacement, "
        "with country profiles and thematic pages explaining data sources and their limits. "
        "It also hosts the Migration Governance Indicators profiles.",
        link="https://www.migrationdataportal.org",
        issued="2017-12-01", areas="DATA", gcm=(1,), scope="global",
        actors="un_agency", audiences="researchers policymakers general",
    ),
    resource(
        "displacement-tracking-matrix", "en", "demo-iom-dakar", TOOL,
        title="Displacement Tracking Matrix (DTM)",
        summary="IOM's system to track and monitor displacement and population mobility, with "
        "data on numbers, locations and needs of displaced people.",
        description="DTM combines mobility tracking, site assessments, registration, flow "
        "monitoring at transit points and surveys. Its data are published on a public portal "
        "by country and crisis. Governments use the methodology to organise their own "
        "registration of internally displaced people after disasters.",
        link="https://dtm.iom.int",
        issued="2020-01-01", areas="DATA", gcm=(1, 2), scope="global",
        actors="un_agency", audiences="practitioners researchers",
    ),
    resource(
        "midas-systeme-information-frontieres", "fr", "demo-iom-dakar", TOOL,
        title="MIDAS, le système d'information et d'analyse des données migratoires de l'OIM",
        summary="Un système de gestion des frontières conçu pour les États qui ont besoin "
        "d'une solution à coût réduit, propriété du gouvernement qui l'utilise.",
        description="MIDAS enregistre les données biographiques et biométriques des voyageurs "
        "aux postes frontières terrestres, aériens et maritimes, les vérifie contre les listes "
        "d'alerte nationales et celles d'INTERPOL, et produit des statistiques. Il fonctionne "
        "hors connexion et se synchronise quand le réseau revient. Il est utilisé dans une "
        "vingtaine de pays, surtout en Afrique.",
        link="https://www.iom.int/fr/midas",
        issued="2021-01-01", areas="BORD DATA", gcm=(11,), scope="global",
        actors="un_agency national_government", audiences="practitioners",
    ),
    resource(
        "iris-ethical-recruitment-standard", "en", "demo-talentbridge", TOOL,
        title="IRIS Standard on ethical recruitment",
        summary="The International Recruitment Integrity System's standard and certification "
        "scheme for labour recruiters who commit to the employer-pays principle.",
        description="The standard sets requirements on fees, transparency of contracts, "
        "respect of workers' freedom of movement, confidentiality and access to remedy. "
        "Recruiters are audited by accredited bodies; governments use IRIS to strengthen "
        "their regulation of recruitment agencies.",
        link="https://iris.iom.int/iris-standard",
        issued="2019-01-01", areas="OBLIG", gcm=(6,), scope="global",
        actors="private_sector un_agency", audiences="practitioners",
    ),
    resource(
        "precios-remesas-banco-mundial", "es", "demo-guatemaltecos-eeuu", TOOL,
        title="Precios de las remesas en el mundo: la base de datos del Banco Mundial",
        summary="Compara el costo de enviar 200 y 500 dólares en 367 corredores, por proveedor, "
        "con comisiones y margen del tipo de cambio.",
        description="La base de datos Remittance Prices Worldwide mide cada trimestre el costo "
        "total de enviar dinero entre países. Sirve para seguir la meta 10.c de los Objetivos "
        "de Desarrollo Sostenible (reducir el costo a menos del 3 %) y para que las familias "
        "elijan el servicio más barato. El corredor Estados Unidos-Guatemala es uno de los "
        "más baratos de la región.",
        link="https://remittanceprices.worldbank.org",
        issued="2023-12-01", areas="DATA WGWS", gcm=(20,), scope="global",
        actors="un_agency", audiences="migrants policymakers",
    ),
    # --- Training material ------------------------------------------------------------------
    resource(
        "essentials-migration-management", "en", "demo-icmpd", TRAINING,
        title="Essentials of Migration Management 2.0 (online course)",
        summary="IOM's free online course covering the basics of migration governance, in "
        "modules on migration and development, facilitation, regulation and forced migration.",
        description="The course is made of self-paced modules with case studies and quizzes, "
        "and can be used as a blended training with workshops. It suits civil servants new to "
        "migration policy, parliament staff and civil society practitioners, and a "
        "certificate is issued on completion.",
        link="https://emm.iom.int",
        issued="2021-06-01", areas="WGWS", gcm=(23,), scope="global",
        actors="un_agency", audiences="practitioners policymakers",
    ),
    resource(
        "formation-formateurs-gestion-integree-frontieres", "fr", "demo-icmpd", TRAINING,
        title="Formation de formateurs en gestion intégrée des frontières",
        summary="Un programme de formation de formateurs pour les écoles de police des "
        "frontières : analyse de risque, fraude documentaire, coopération inter-services, "
        "droits humains aux frontières.",
        description="Le programme comprend dix modules, des exercices de simulation à un poste "
        "frontière et une méthode pour adapter les contenus au droit national. Il insiste sur "
        "la coopération entre police, douanes et services de santé, et sur l'identification "
        "des personnes vulnérables.",
        link="https://www.iom.int/fr/gestion-integree-des-frontieres",
        issued="2022-04-01", areas="BORD COORD", gcm=(11, 12), scope="regional",
        regions="002", actors="international_organisation national_government",
        audiences="practitioners",
    ),
    resource(
        "curso-migracion-medio-ambiente-clima", "es", "demo-migration-lab", TRAINING,
        title="Curso en línea: migración, medio ambiente y cambio climático",
        summary="Curso autoformativo de la OIM sobre los vínculos entre degradación ambiental, "
        "desastres, cambio climático y movilidad humana.",
        description="Seis módulos abordan los conceptos, los datos disponibles, los marcos "
        "internacionales, la migración como estrategia de adaptación, la reubicación "
        "planificada y la integración de la movilidad en las políticas climáticas. Incluye "
        "estudios de caso de Centroamérica y del Pacífico.",
        link="https://www.ecampus.iom.int",
        issued="2022-10-01", areas="WGWS DATA", gcm=(2,), scope="global",
        actors="un_agency academia", audiences="practitioners researchers",
    ),
    resource(
        "counter-trafficking-first-responders", "en", "demo-iom-dakar", TRAINING,
        title="Identifying victims of trafficking: training for frontline responders",
        summary="A training package for border officers, labour inspectors and health workers "
        "on indicators of trafficking and on referring presumed victims.",
        description="Short sessions with role plays, a pocket card of indicators, and a model "
        "national referral pathway. The package stresses the non-punishment of victims and "
        "interviews in a safe setting with an interpreter.",
        link="https://www.iom.int/counter-trafficking",
        issued="2020-09-01", areas="OBLIG BORD", gcm=(10, 12), scope="global",
        actors="un_agency", audiences="practitioners",
    ),
    resource(
        "module-protection-consulaire-detresse", "fr", "demo-senegal-dgase", TRAINING,
        title="Module de formation : assister les ressortissants en détresse à l'étranger",
        summary="Support de formation des agents consulaires : accueil, évaluation de la "
        "situation, assistance juridique, rapatriement, cellule de crise.",
        description="Le module suit les cas que rencontrent les consulats : décès, détention, "
        "victimes d'exploitation, mineurs isolés, évacuation en cas de crise. Il renvoie aux "
        "lignes directrices de l'initiative MICIC et propose des études de cas et des fiches "
        "réflexes.",
        link="https://micicinitiative.iom.int/fr",
        issued="2022-02-01", areas="CONS", gcm=(14, 7), countries="SEN",
        actors="national_government", audiences="practitioners",
        projects=("senegal-consular-training",),
    ),
    # --- Datasets ----------------------------------------------------------------------------
    resource(
        "un-desa-international-migrant-stock", "en", "demo-sweden-sida", DATASET,
        title="International Migrant Stock 2020 (UN DESA)",
        summary="Estimates of the number of international migrants by age, sex and country of "
        "origin for every country, from 1990 to 2020.",
        description="The dataset is built from population censuses, registers and surveys, and "
        "is the reference for SDG indicators on migration. Tables can be downloaded by "
        "destination and origin; the documentation explains how missing data are estimated.",
        link="https://www.un.org/development/desa/pd/content/international-migrant-stock",
        issued="2021-01-15", areas="DATA", gcm=(1,), scope="global",
        actors="un_agency", audiences="researchers",
    ),
    resource(
        "datos-proyecto-migrantes-desaparecidos", "es", "demo-forensic-team", DATASET,
        title="Datos del Proyecto Migrantes Desaparecidos de la OIM",
        summary="Registro de personas muertas y desaparecidas en rutas migratorias del mundo "
        "desde 2014, descargable por región, ruta y causa de muerte.",
        description="El proyecto recopila información de fuentes oficiales, medios y "
        "organizaciones de la sociedad civil. Para las Américas, registra las muertes en la "
        "frontera entre México y Estados Unidos, en el Darién y en el Caribe. Los datos "
        "ayudan a las familias y a los servicios forenses a orientar la búsqueda.",
        link="https://missingmigrants.iom.int/data",
        issued="2024-01-01", areas="DATA OBLIG", gcm=(8,), scope="global",
        actors="un_agency civil_society", audiences="researchers practitioners",
    ),
    resource(
        "base-donnees-traite-ctdc", "fr", "demo-unodc-sahel", DATASET,
        title="Counter Trafficking Data Collaborative : la base de données mondiale sur la "
        "traite",
        summary="Des données anonymisées sur plus de 150 000 victimes de la traite, réunies par "
        "des organisations de lutte contre la traite du monde entier.",
        description="Le jeu de données harmonise les dossiers de prise en charge de victimes : "
        "âge, sexe, forme d'exploitation, pays d'origine et d'exploitation, moyens de "
        "contrôle. Les règles d'anonymisation protègent les personnes. Il aide à repérer les "
        "routes et les profils de victimes pour orienter la prévention.",
        link="https://www.ctdatacollaborative.org",
        issued="2023-06-01", areas="DATA OBLIG", gcm=(10, 1), scope="global",
        actors="un_agency civil_society", audiences="researchers practitioners",
    ),
    resource(
        "r4v-datos-refugiados-migrantes-venezuela", "es", "demo-colombia-migracion", DATASET,
        title="Plataforma R4V: cifras de personas refugiadas y migrantes de Venezuela",
        summary="Las cifras de la plataforma interagencial de coordinación para refugiados y "
        "migrantes de Venezuela, por país de acogida, y los resultados de las evaluaciones de "
        "necesidades.",
        description="La plataforma, coliderada por ACNUR y la OIM, publica el número de "
        "personas venezolanas en 17 países de América Latina y el Caribe, los permisos de "
        "residencia otorgados y las solicitudes de asilo. También difunde las evaluaciones "
        "conjuntas de necesidades que sustentan el plan regional de respuesta.",
        link="https://www.r4v.info/es",
        issued="2024-06-01", areas="DATA COORD", gcm=(1, 23), regions="419", scope="regional",
        actors="un_agency national_government", audiences="practitioners policymakers",
    ),
    resource(
        "ilostat-labour-migration-statistics", "en", "demo-jordan-labour", DATASET,
        title="ILOSTAT labour migration statistics",
        summary="ILO data on migrant workers: employment, occupations, sectors and working "
        "conditions of international migrants, by country.",
        description="The database follows the guidelines on statistics of international labour "
        "migration adopted by the International Conference of Labour Statisticians. It "
        "includes labour force survey data disaggregated by migrant status and by sex, and "
        "methodological notes on measuring recruitment costs.",
        link="https://ilostat.ilo.org/topics/labour-migration/",
        issued="2023-01-01", areas="DATA", gcm=(1, 6), scope="global",
        actors="un_agency", audiences="researchers policymakers",
    ),
]  # fmt: skip
