"""Pratiques rédigées en français."""

from . import practice

PRACTICES_FR = [
    practice(
        "sen-guichet-unique-retour", "fr", "demo-senegal-interior",
        title="Un guichet unique pour les migrants de retour à Dakar et à Thiès",
        summary="Les personnes revenues au Sénégal trouvent dans un même lieu l'accueil, "
        "l'orientation vers l'emploi, les papiers d'état civil et le soutien psychosocial, au "
        "lieu de passer par cinq administrations.",
        context="Chaque année, plusieurs milliers de Sénégalais reviennent de Libye, du Niger ou "
        "d'Europe, de leur propre initiative ou après une expulsion. Ils devaient frapper à la "
        "porte de cinq services différents pour refaire une pièce d'identité, chercher une "
        "formation ou un financement, et beaucoup abandonnaient en route.",
        objectives="Offrir à chaque personne de retour un parcours de réintégration suivi par "
        "un seul conseiller, de l'accueil à l'installation.",
        activities="- Ouverture de deux bureaux d'accueil et d'orientation, à Dakar et à Thiès, "
        "où siègent à tour de rôle l'agence pour l'emploi des jeunes, l'état civil et un "
        "psychologue.\n- Un dossier unique par personne, partagé entre les services.\n- Des "
        "formations courtes et des kits d'installation pour les projets d'activité.\n- Des "
        "antennes mobiles dans les régions de Kolda et de Tambacounda.",
        partners="Direction générale d'appui aux Sénégalais de l'extérieur, agences nationales "
        "pour l'emploi et la formation, OIM, collectivités locales.",
        results="En trois ans, 4 800 personnes accueillies ; 2 100 ont suivi une formation et "
        "1 350 ont lancé une activité génératrice de revenus. Le délai pour obtenir un acte "
        "d'état civil est passé de trois semaines à deux jours.",
        evidence="Dossiers des bureaux d'accueil et enquête de suivi auprès de 600 personnes un "
        "an après leur retour.",
        innovation="Un conseiller unique suit la personne de bout en bout, et les services "
        "viennent au guichet plutôt que l'inverse.",
        replicability="Le modèle a été repris par d'autres pays de la sous-région ; il suppose "
        "des conventions entre administrations et un budget de fonctionnement national.",
        lessons="Les antennes mobiles ont touché les personnes revenues dans les villages, qui "
        "ne venaient jamais à Dakar.",
        areas="WGWS CONS", gcm=(21, 4), principles=(1, 9), countries="SEN",
        actors="national_government un_agency local_government",
        audiences="practitioners migrants",
        requests=(("demo-senegal-interior", "return-reintegration", "fr"),),
        projects=("sahel-reintegration",),
    ),
    practice(
        "sen-immatriculation-consulaire-mobile", "fr", "demo-senegal-dgase",
        title="Des campagnes mobiles d'immatriculation consulaire en Italie et en Espagne",
        summary="Des équipes consulaires se déplacent dans les villes où vivent les Sénégalais "
        "pour les immatriculer, délivrer des cartes consulaires et recenser leurs besoins.",
        context="Moins d'un tiers des Sénégalais d'Italie et d'Espagne étaient immatriculés "
        "auprès d'un consulat. Les consulats ne savaient pas qui aider en cas de crise, et les "
        "ressortissants devaient parfois voyager des centaines de kilomètres pour une démarche.",
        activities="Chaque année, des tournées de deux semaines dans une vingtaine de villes "
        "(Brescia, Bergame, Lérida, Almería…) avec un kit d'enrôlement biométrique portable. Les "
        "associations de la diaspora réservent une salle et annoncent la date. Les données "
        "alimentent un registre consulaire numérique.",
        partners="Fédérations d'associations sénégalaises d'Italie et d'Espagne, mairies des "
        "villes d'accueil.",
        results="Le nombre de ressortissants immatriculés a doublé en quatre ans. Lors de la "
        "pandémie, le registre a permis de joindre 12 000 personnes par SMS.",
        evidence="Registre consulaire et rapports de tournée.",
        innovation="L'enrôlement biométrique portable va vers les ressortissants.",
        replicability="Adapté aux pays dont la diaspora est dispersée dans des petites villes ; "
        "le coût principal est le matériel portable.",
        lessons="Annoncer les tournées par les associations et les radios communautaires a "
        "compté plus que les affiches des consulats.",
        areas="CONS DATA", gcm=(14, 4), principles=(1,), countries="SEN ITA ESP",
        actors="national_government diaspora_organisation", audiences="practitioners migrants",
        requests=(("demo-senegal-dgase", "consular-registry", "fr"),),
        projects=("senegal-consular-training",),
    ),
    practice(
        "sen-groupe-technique-statistiques-migratoires", "fr", "demo-senegal-interior",
        title="Un groupe technique interministériel sur les statistiques migratoires au Sénégal",
        summary="Douze institutions produisent ensemble un tableau de bord annuel des migrations "
        "à partir des recensements, des enquêtes et des fichiers administratifs.",
        context="Chaque ministère publiait ses propres chiffres sur l'émigration, les retours ou "
        "les transferts, avec des définitions différentes. La politique nationale de migration "
        "demandait des indicateurs de suivi que personne ne produisait.",
        activities="Le groupe, animé par l'agence nationale de la statistique, a adopté un "
        "glossaire commun, un inventaire des sources et un protocole d'échange de données. Il "
        "publie chaque année un tableau de bord de quarante indicateurs.",
        results="Trois éditions du tableau de bord publiées ; les indicateurs sont repris dans le "
        "rapport de suivi de la politique nationale de migration.",
        evidence="Tableaux de bord publiés et procès-verbaux du groupe.",
        innovation="Le protocole d'échange de données fixe ce que chaque institution transmet et "
        "à quelle date.",
        replicability="Transposable dans tout pays doté d'un institut statistique ; il faut un "
        "mandat officiel pour le groupe.",
        lessons="Les producteurs de données administratives doivent voir ce que leurs chiffres "
        "deviennent, sinon ils cessent de les envoyer.",
        areas="DATA WGWS", gcm=(1, 23), principles=(9,), countries="SEN",
        actors="national_government academia", audiences="policymakers researchers",
        requests=(("demo-senegal-interior", "interministerial", "fr"),),
    ),
    practice(
        "ner-mecanisme-orientation-victimes-traite", "fr", "demo-unodc-sahel",
        title="Un mécanisme national d'orientation des victimes de la traite au Niger",
        summary="Policiers, travailleurs sociaux, magistrats et ONG suivent une même procédure "
        "pour identifier les victimes de traite, les mettre à l'abri et les accompagner jusqu'au "
        "procès.",
        context="Les victimes repérées à Agadez ou à Niamey étaient souvent traitées comme des "
        "migrants en situation irrégulière. Chaque service agissait seul et les dossiers "
        "s'arrêtaient faute de témoins.",
        activities="L'agence nationale de lutte contre la traite a rédigé avec les ministères "
        "concernés des procédures opérationnelles standard : indicateurs d'identification, "
        "fiche de signalement unique, numéro vert, hébergement d'urgence, assistance juridique. "
        "Des points focaux ont été formés dans huit régions.",
        partners="Agence nationale de lutte contre la traite, ministères de la Justice et de la "
        "Promotion de la femme, ONG d'hébergement, ONUDC, OIM.",
        results="Les signalements ont triplé en deux ans ; 640 victimes ont été orientées vers "
        "une prise en charge et 85 procès ont abouti.",
        evidence="Base de données de l'agence et registres des tribunaux.",
        innovation="La fiche de signalement unique suit la victime d'un service à l'autre.",
        replicability="Des mécanismes similaires existent au Mali et au Burkina Faso ; ils "
        "demandent un budget pour l'hébergement.",
        lessons="Sans hébergement sûr pour les victimes-témoins, les dossiers s'effondrent avant "
        "le procès.",
        areas="OBLIG COORD", gcm=(10, 7), principles=(4, 6, 7, 8), countries="NER",
        actors="national_government un_agency civil_society",
        audiences="practitioners policymakers",
        projects=("sahel-trafficking-justice",),
    ),
    practice(
        "dkr-conseil-consultatif-migrants", "fr", "demo-ville-de-dakar",
        title="Un conseil consultatif des personnes migrantes auprès de la Ville de Dakar",
        summary="Des représentants des communautés étrangères installées à Dakar et des "
        "Dakarois de retour donnent leur avis au conseil municipal sur les services de la ville.",
        context="Dakar accueille des ressortissants de toute l'Afrique de l'Ouest, mais ceux-ci "
        "n'avaient aucun interlocuteur à la mairie. Les tensions autour des marchés et des "
        "logements se réglaient au cas par cas.",
        activities="Le conseil compte vingt membres élus par les associations communautaires, "
        "dont la moitié de femmes. Il se réunit tous les trimestres avec les adjoints au maire, "
        "rend des avis sur le budget social et organise une journée annuelle de la diversité.",
        results="Deux avis du conseil ont été suivis : l'ouverture des centres de santé "
        "municipaux sans condition de papiers et un guide d'accueil en quatre langues.",
        evidence="Délibérations du conseil municipal et rapports annuels du conseil.",
        innovation="Le conseil réunit à la fois les étrangers installés et les Sénégalais de "
        "retour, deux publics que la ville traitait séparément.",
        replicability="Toute commune peut créer un organe consultatif par arrêté ; le soutien du "
        "maire est décisif.",
        lessons="Le conseil a gagné en crédibilité quand ses membres ont reçu une formation sur "
        "le budget municipal.",
        areas="WGWS", gcm=(16, 15), principles=(9, 10), countries="SEN", scope="local",
        actors="local_government civil_society migrant_organisation",
        audiences="local_authorities civil_society",
        requests=(("demo-ville-de-dakar", "welcome-desk", "fr"),),
        projects=("dakar-welcome-desk",),
    ),
    practice(
        "mtl-binam-coordination-municipale", "fr", "demo-ville-de-montreal",
        title="Le Bureau d'intégration des nouveaux arrivants de Montréal, chef d'orchestre",
        summary="Un bureau municipal coordonne l'action de la ville, des arrondissements et de "
        "plus de cent organismes communautaires pour l'accueil des personnes immigrantes.",
        context="Montréal reçoit chaque année des dizaines de milliers de nouveaux arrivants. "
        "Les arrondissements, les bibliothèques, les organismes et le gouvernement du Québec "
        "agissaient sans plan commun, avec des doublons et des quartiers oubliés.",
        activities="Le bureau a élaboré un plan d'action triennal avec les partenaires, finance "
        "des projets par appels, forme les employés municipaux à l'accueil et tient une "
        "cartographie des services par quartier.",
        partners="Ministère de l'Immigration du Québec, arrondissements, organismes "
        "communautaires, employeurs.",
        results="Un plan adopté par le conseil municipal ; 140 projets financés ; 6 000 "
        "employés municipaux formés.",
        evidence="Bilans annuels du plan d'action.",
        innovation="Une entente avec la province donne à la ville les moyens de coordonner, et "
        "non seulement d'exécuter.",
        replicability="Utile aux grandes villes d'accueil ; il faut une entente de financement "
        "avec l'échelon régional ou national.",
        lessons="Les arrondissements doivent être associés dès l'écriture du plan.",
        areas="WGWS COORD", gcm=(16, 23), principles=(9, 10), countries="CAN", scope="local",
        actors="local_government civil_society", audiences="local_authorities",
    ),
    practice(
        "mtl-acces-services-sans-crainte", "fr", "demo-ville-de-montreal",
        title="Accès aux services municipaux sans crainte pour les personnes sans statut",
        summary="La ville garantit que les personnes à statut précaire peuvent utiliser ses "
        "services sans que leur situation migratoire soit demandée ni transmise.",
        context="Des personnes sans papiers évitaient les bibliothèques, les refuges et même la "
        "police par peur d'être signalées aux autorités d'immigration.",
        activities="Une directive interdit de demander le statut migratoire pour les services "
        "municipaux ; les pièces d'identité exigées ont été revues ; les employés ont été "
        "formés ; une campagne d'information a été menée avec les organismes.",
        results="Hausse des inscriptions aux activités municipales dans les quartiers concernés "
        "et signalements de violences plus nombreux.",
        evidence="Rapport du bureau et enquête auprès des organismes partenaires.",
        innovation="Une séparation claire entre services municipaux et contrôle migratoire.",
        replicability="D'autres villes ont adopté des politiques semblables ; les limites "
        "juridiques varient selon les pays.",
        lessons="La police municipale doit être dans la démarche, sinon la confiance ne vient "
        "pas.",
        areas="OBLIG WGWS", gcm=(15, 7), principles=(1, 6), countries="CAN", scope="local",
        actors="local_government", audiences="local_authorities migrants",
    ),
    practice(
        "mar-accompagnement-juridique-regularisation", "fr", "demo-caritas-maroc",
        title="Accompagnement juridique des migrants lors des campagnes de régularisation",
        summary="Pendant les deux campagnes exceptionnelles de régularisation au Maroc, une "
        "association a aidé les personnes à constituer leur dossier et à faire appel des refus.",
        context="Le Maroc a ouvert en 2014 puis en 2017 la régularisation des étrangers en "
        "situation irrégulière. Beaucoup ne savaient pas quelles pièces fournir ni comment "
        "prouver cinq ans de résidence.",
        activities="Permanences juridiques à Rabat, Casablanca et Tanger ; modèles d'attestations "
        "de résidence ; accompagnement aux bureaux des étrangers ; recours devant les "
        "commissions régionales.",
        results="3 200 dossiers accompagnés ; 78 % ont abouti à une carte de séjour, contre un "
        "taux national plus faible.",
        evidence="Registres des permanences.",
        replicability="Utile dans tout pays qui lance une régularisation.",
        lessons="Les femmes seules avec enfants avaient le plus de mal à prouver leur résidence.",
        areas="OBLIG", gcm=(4, 7, 15), principles=(4, 6), countries="MAR",
        actors="civil_society", audiences="migrants civil_society",
        projects=("morocco-legal-aid",),
    ),
    practice(
        "mar-inddh-visites-lieux-retention", "fr", "demo-cndh-maroc",
        title="Visites inopinées des lieux de rétention de migrants par l'institution des droits "
        "de l'homme",
        summary="Les commissions régionales de l'institution nationale des droits de l'homme "
        "visitent sans préavis les lieux où des migrants sont retenus et publient leurs "
        "recommandations.",
        context="Des migrants interpellés près de la frontière nord étaient retenus dans des "
        "locaux non prévus à cet effet, sans accès à un avocat ni à un interprète.",
        activities="Visites inopinées avec un médecin et un interprète ; entretiens "
        "confidentiels ; rapport envoyé aux autorités ; suivi des recommandations six mois plus "
        "tard.",
        results="Plusieurs lieux inadaptés ont été fermés ; l'accès à un interprète a été "
        "prévu par circulaire.",
        evidence="Rapports de visite et réponses des autorités.",
        innovation="Le suivi systématique des recommandations.",
        replicability="Toute institution nationale des droits de l'homme ayant un mandat de "
        "visite peut le faire.",
        lessons="Publier les réponses des autorités accroît leur engagement.",
        areas="OBLIG", gcm=(13, 17), principles=(4, 6), countries="MAR",
        actors="nhri", audiences="policymakers civil_society",
    ),
    practice(
        "mar-commission-interministerielle-snia", "fr", "demo-morocco-mre",
        title="Une commission interministérielle pour la stratégie nationale d'immigration et "
        "d'asile",
        summary="Quinze départements ministériels pilotent ensemble onze programmes d'intégration "
        "des immigrés : éducation, santé, logement, emploi, formation, culture.",
        context="Après la nouvelle politique migratoire de 2013, l'intégration des immigrés "
        "relevait de nombreux ministères sans coordination, et les associations ne savaient pas "
        "à qui s'adresser.",
        activities="La commission se réunit deux fois par an au niveau des ministres et chaque "
        "mois au niveau technique. Chaque programme a un département chef de file et des "
        "indicateurs. Un rapport annuel est présenté au Parlement. Des comités régionaux "
        "déclinent la stratégie.",
        partners="Ministères concernés, institution nationale des droits de l'homme, "
        "associations, agences des Nations Unies.",
        results="Scolarisation de milliers d'enfants étrangers, accès aux soins de santé "
        "primaires et à la formation professionnelle ouverts aux immigrés régularisés.",
        evidence="Rapports annuels de la stratégie.",
        innovation="Un chef de file par programme rend la coordination concrète.",
        replicability="Les pays qui deviennent pays d'accueil peuvent s'en inspirer.",
        lessons="Les comités régionaux sont indispensables pour que les services locaux "
        "appliquent les décisions.",
        areas="WGWS COORD", gcm=(16, 23, 15), principles=(9, 10), countries="MAR",
        actors="national_government nhri civil_society", audiences="policymakers",
    ),
    practice(
        "mar-validation-acquis-migrants-retour", "fr", "demo-morocco-employment",
        title="Valider les compétences acquises à l'étranger par les travailleurs de retour",
        summary="Les Marocains revenus après des années de travail en Europe ou dans le Golfe "
        "peuvent faire reconnaître leur expérience par un diplôme de la formation "
        "professionnelle.",
        context="Des maçons, cuisiniers ou mécaniciens expérimentés revenaient sans diplôme et "
        "ne pouvaient ni créer une entreprise agréée ni être embauchés à leur niveau.",
        activities="Référentiels de validation dans douze métiers ; épreuves pratiques dans les "
        "centres de formation ; modules complémentaires pour combler les écarts.",
        results="1 400 travailleurs de retour certifiés en trois ans.",
        evidence="Registres de certification.",
        replicability="Applicable partout où un système de validation des acquis existe.",
        lessons="Informer avant le retour, par les consulats, augmente les candidatures.",
        areas="WGWS", gcm=(18, 21), principles=(5,), countries="MAR",
        actors="national_government", audiences="migrants practitioners",
    ),
    practice(
        "fra-aide-reinsertion-douze-mois", "fr", "demo-france-ofii",
        title="Aide à la réinsertion économique : un accompagnement de douze mois après le "
        "retour",
        summary="Les personnes qui rentrent volontairement dans leur pays peuvent bénéficier "
        "d'un appui à la création d'une petite entreprise, suivi pendant un an par un opérateur "
        "local.",
        context="Les aides au retour versées en une fois à l'aéroport étaient souvent dépensées "
        "en quelques semaines sans effet durable.",
        activities="Étude de faisabilité du projet avec un opérateur local, financement en "
        "nature (équipement, loyer, stock), formation à la gestion et visites de suivi pendant "
        "douze mois. Le dispositif couvre notamment le Sénégal, le Mali, la Guinée et la "
        "Tunisie.",
        partners="Opérateurs locaux de microentreprise, représentations de l'office à l'étranger.",
        results="Plus de 70 % des entreprises encore actives après un an.",
        evidence="Visites de suivi et évaluation externe.",
        replicability="Modèle repris par d'autres pays européens.",
        lessons="Le choix d'un opérateur local solide compte plus que le montant de l'aide.",
        areas="WGWS COORD", gcm=(21, 23), principles=(1, 2), countries="FRA SEN MLI GIN TUN",
        actors="national_government civil_society", audiences="practitioners",
    ),
    practice(
        "sahel-centres-information-migrants", "fr", "demo-sahel-migrations",
        title="Des centres d'information et d'orientation des migrants sur les routes du Sahel",
        summary="À Gao, Agadez et Bamako, des centres accueillent les personnes en transit, "
        "leur donnent une information fiable sur les risques et les voies légales, et les "
        "orientent vers les soins.",
        context="Les personnes en route vers le nord recevaient l'essentiel de l'information des "
        "passeurs. Beaucoup ignoraient les risques du désert et les possibilités d'aide au "
        "retour.",
        activities="Accueil de jour, écoute, information sur les risques, les droits et les "
        "voies régulières ; premiers soins ; orientation vers les hôpitaux ; séances "
        "d'information dans les gares routières.",
        results="Plus de 20 000 personnes reçues par an ; des centaines orientées vers des soins "
        "d'urgence.",
        evidence="Registres d'accueil.",
        replicability="Nécessite une association connue des migrants et un accord avec les "
        "autorités locales.",
        lessons="L'information doit être donnée par des pairs, sans discours dissuasif.",
        areas="WGWS OBLIG", gcm=(3, 7, 8), principles=(1, 6), countries="MLI NER",
        actors="civil_society", audiences="migrants",
    ),
    practice(
        "sen-numerisation-etat-civil-diaspora", "fr", "demo-civitech-afrique",
        title="Numériser l'état civil pour délivrer des actes aux Sénégalais de l'étranger",
        summary="Les registres d'état civil de trente communes ont été numérisés et reliés aux "
        "consulats, qui délivrent désormais des extraits d'acte de naissance en quelques "
        "minutes.",
        context="Pour obtenir un extrait d'acte de naissance, un émigré devait demander à un "
        "parent de se rendre à la mairie de sa commune natale, ce qui prenait des semaines.",
        activities="Numérisation et indexation de deux millions d'actes ; base centrale "
        "sécurisée ; accès des consulats ; signature électronique des extraits.",
        results="Délai de délivrance réduit de six semaines à une journée pour les actes "
        "numérisés.",
        evidence="Statistiques de délivrance des consulats.",
        innovation="Les consulats délivrent des actes d'état civil communaux.",
        replicability="Transposable ; la qualité des registres papier est le principal défi.",
        lessons="Il faut corriger les erreurs des registres avant de les numériser.",
        areas="DATA CONS", gcm=(4, 14), principles=(4,), countries="SEN",
        actors="private_sector national_government local_government",
        audiences="practitioners migrants",
    ),
    practice(
        "che-fonds-associations-migrants", "fr", "demo-fondation-horizons",
        title="Un fonds pour les projets d'intégration portés par des associations de migrants",
        summary="Une fondation finance des projets de petite taille conçus et conduits par des "
        "associations de migrants en Suisse romande, avec un accompagnement à la gestion.",
        context="Les associations de migrants accédaient rarement aux financements publics, "
        "faute de comptabilité et de réseau.",
        activities="Appel annuel, dossier simplifié, jury comprenant des migrants, formation à la "
        "gestion de projet et au rapport financier.",
        results="Soixante projets financés en cinq ans : cours de langue, soutien scolaire, "
        "sport, accès aux droits.",
        evidence="Rapports de projets.",
        innovation="Des migrants siègent au jury qui attribue les fonds.",
        replicability="Reproductible par toute fondation ou collectivité.",
        lessons="Un accompagnement à la gestion fait durer les associations au-delà du projet.",
        areas="WGWS", gcm=(16, 19), principles=(10,), countries="CHE", scope="local",
        actors="foundation migrant_organisation", audiences="civil_society",
    ),
    practice(
        "sen-enquete-longitudinale-retour", "fr", "demo-ucad-migrations",
        title="Une enquête longitudinale sur les migrants de retour au Sénégal",
        summary="Un laboratoire universitaire suit pendant trois ans un échantillon de 1 500 "
        "personnes revenues au Sénégal pour comprendre ce qui fait réussir une réintégration.",
        context="Les programmes de réintégration ne mesuraient que la situation des bénéficiaires "
        "au bout de six mois, et jamais celle des personnes qui n'avaient reçu aucune aide.",
        activities="Trois vagues d'entretiens sur l'emploi, le revenu, la santé mentale et "
        "l'intention de repartir ; comparaison entre personnes aidées et non aidées ; "
        "restitution des résultats aux ministères.",
        results="Deux vagues publiées ; les résultats ont conduit à allonger le suivi "
        "psychosocial dans les programmes nationaux.",
        evidence="Rapports de recherche et jeu de données anonymisé.",
        innovation="Un groupe de comparaison de personnes non aidées.",
        replicability="Coûteux mais transposable ; un partenariat avec l'institut statistique "
        "aide.",
        lessons="Garder le contact avec les enquêtés entre les vagues évite de les perdre.",
        areas="DATA", gcm=(1, 21), principles=(5,), countries="SEN",
        actors="academia", audiences="researchers policymakers",
    ),
    practice(
        "che-tun-partenariat-migratoire", "fr", "demo-switzerland-sem",
        title="Le partenariat migratoire entre la Suisse et la Tunisie",
        summary="Un accord-cadre réunit dans un dialogue régulier le retour et la réadmission, "
        "les stages professionnels de jeunes Tunisiens en Suisse et l'appui à la gestion des "
        "migrations.",
        context="Après 2011, les arrivées de Tunisiens en Suisse ont augmenté. Les deux pays "
        "voulaient sortir d'une relation limitée au retour.",
        activities="Un comité mixte se réunit chaque année ; un programme d'échange de jeunes "
        "professionnels offre des stages de dix-huit mois ; des projets renforcent l'emploi des "
        "jeunes et la protection des migrants en Tunisie.",
        results="Plusieurs centaines de stages réalisés ; coopération sur le retour facilitée.",
        evidence="Rapports du comité mixte.",
        innovation="Un partenariat qui lie mobilité légale et coopération sur le retour.",
        replicability="Le modèle a été utilisé avec d'autres pays ; il suppose un intérêt "
        "réciproque réel.",
        lessons="Les stages doivent être reconnus en Tunisie pour servir au retour.",
        areas="COORD", gcm=(5, 21, 23), principles=(2, 3), countries="CHE TUN",
        scope="regional", actors="national_government", audiences="policymakers",
    ),
    practice(
        "sen-missions-enseignants-diaspora", "fr", "demo-senegalese-diaspora-france",
        title="Des missions d'enseignants de la diaspora dans les universités sénégalaises",
        summary="Des universitaires sénégalais installés en France donnent chaque année des "
        "cours intensifs et encadrent des thèses dans les universités régionales du Sénégal.",
        context="Les universités de Ziguinchor, Thiès et Saint-Louis manquaient d'enseignants "
        "dans certaines spécialités, alors que des centaines d'universitaires sénégalais "
        "enseignent en France.",
        activities="Une convention avec le ministère de l'Enseignement supérieur ; un "
        "répertoire des enseignants volontaires ; des missions de deux à quatre semaines, "
        "billets pris en charge par l'État ; des co-encadrements de thèses à distance.",
        results="Quatre-vingt-dix missions en cinq ans ; trente thèses co-encadrées.",
        evidence="Rapports de mission et registres des universités.",
        innovation="Le co-encadrement à distance prolonge la mission toute l'année.",
        replicability="Transposable à la santé ou à l'ingénierie.",
        lessons="Les missions réussissent quand le département d'accueil les prépare.",
        areas="WGWS", gcm=(19,), principles=(5, 10), countries="SEN FRA",
        actors="diaspora_organisation national_government academia",
        audiences="migrants policymakers",
        projects=("senegal-diaspora-investment",),
    ),
    practice(
        "mrt-systeme-donnees-postes-frontieres", "fr", "demo-iom-dakar",
        title="Un système d'enregistrement des données aux postes frontières de Mauritanie",
        summary="Les postes frontières terrestres et l'aéroport de Nouakchott enregistrent les "
        "entrées et sorties dans un système d'information commun, avec lecture des passeports "
        "et empreintes.",
        context="La Mauritanie contrôle des milliers de kilomètres de frontières désertiques. "
        "Les registres étaient tenus à la main et la police ne disposait d'aucune statistique "
        "fiable des flux.",
        activities="Installation d'un système d'information sur la gestion des frontières dans "
        "douze postes ; panneaux solaires pour les postes isolés ; formation de 200 policiers ; "
        "production de rapports statistiques mensuels.",
        results="Données d'entrée et de sortie disponibles en temps réel ; premières statistiques "
        "mensuelles des flux publiées.",
        evidence="Rapports du système.",
        innovation="Des postes autonomes en énergie et reliés par satellite.",
        replicability="Le même logiciel est utilisé dans une vingtaine de pays.",
        lessons="Prévoir la maintenance du matériel dans le budget national.",
        areas="BORD DATA", gcm=(11, 1), principles=(3,), countries="MRT",
        actors="national_government un_agency", audiences="practitioners",
    ),
    practice(
        "sen-coordination-sauvetage-mer", "fr", "demo-senegal-interior",
        title="Coordonner la recherche et le sauvetage en mer des pirogues",
        summary="La marine, les pêcheurs et les services de santé suivent un plan commun pour "
        "repérer et secourir les pirogues en détresse et accueillir les rescapés.",
        context="Des pirogues partant vers les Canaries ont fait naufrage au large des côtes "
        "sénégalaises, parfois sans que l'alerte soit transmise à temps.",
        activities="Un centre de coordination reçoit les alertes ; les pêcheurs sont équipés de "
        "radios et formés ; un protocole d'accueil des rescapés associe la santé et l'action "
        "sociale ; les familles reçoivent des informations sur les disparus.",
        results="Le délai d'intervention a diminué ; les rescapés sont pris en charge selon un "
        "protocole unique.",
        evidence="Registres du centre de coordination.",
        innovation="Les pêcheurs deviennent des relais d'alerte.",
        replicability="Pour tous les pays côtiers de départ.",
        lessons="L'information des familles est une partie du sauvetage.",
        areas="BORD OBLIG", gcm=(8, 7), principles=(1, 6), countries="SEN",
        actors="national_government civil_society", audiences="practitioners",
        requests=(("demo-senegal-interior", "missing-migrants", "fr"),),
    ),
    practice(
        "ner-nga-comites-transfrontaliers", "fr", "demo-unodc-sahel",
        title="Des comités transfrontaliers entre le Niger et le Nigeria",
        summary="Dans quatre localités frontalières, des comités réunissant autorités locales, "
        "police, douanes et chefs coutumiers des deux pays règlent les problèmes de passage et "
        "de sécurité.",
        context="Les populations traversent quotidiennement la frontière pour le commerce et les "
        "liens familiaux ; les incidents se réglaient par les capitales, très lentement.",
        activities="Réunions mensuelles alternées de part et d'autre ; échange de numéros "
        "d'urgence ; patrouilles coordonnées ; information des voyageurs sur leurs droits "
        "au titre du protocole de libre circulation.",
        results="Diminution des tracasseries signalées ; retour rapide d'enfants séparés de "
        "leurs familles.",
        evidence="Procès-verbaux des comités.",
        innovation="La coopération transfrontalière part des localités, non des capitales.",
        replicability="Utilisable le long de toute frontière où les populations sont liées.",
        lessons="Les chefs coutumiers donnent leur légitimité aux comités.",
        areas="COORD BORD", gcm=(11, 23), principles=(2, 10), countries="NER NGA",
        regions="011", scope="local", actors="local_government un_agency national_government",
        audiences="local_authorities practitioners",
    ),
    practice(
        "mar-consulats-mobiles-europe", "fr", "demo-morocco-mre",
        title="Des consulats mobiles pour les Marocains des zones rurales d'Europe",
        summary="Des équipes consulaires passent une journée dans les communes rurales où "
        "travaillent des saisonniers et des retraités marocains pour délivrer passeports et "
        "actes.",
        context="Les ouvriers agricoles du sud de l'Espagne et les retraités isolés en France "
        "perdaient une journée de travail ou plus pour se rendre au consulat.",
        activities="Calendrier annuel de consulats mobiles, prise de rendez-vous en ligne, "
        "matériel de capture biométrique, partenariat avec les mairies.",
        results="Des dizaines de milliers d'actes délivrés chaque année hors des consulats.",
        evidence="Statistiques consulaires.",
        replicability="Transposable à toute diaspora dispersée.",
        lessons="Annoncer les passages par les associations et les mosquées.",
        areas="CONS", gcm=(14, 4), principles=(1,), countries="MAR ESP FRA BEL ITA",
        actors="national_government", audiences="migrants practitioners",
    ),
    practice(
        "civ-profil-migratoire-national", "fr", "demo-iom-dakar",
        title="Le profil migratoire de la Côte d'Ivoire, base de la politique nationale",
        summary="Un rapport de référence sur l'immigration, l'émigration et la migration interne "
        "a été rédigé par un groupe de travail national et sert de base à la politique "
        "migratoire.",
        context="La Côte d'Ivoire est un grand pays d'immigration de la sous-région, mais les "
        "données étaient dispersées et datées.",
        activities="Groupe de travail de quinze institutions ; exploitation du recensement et "
        "des enquêtes ; ateliers de validation ; formation à l'analyse des données.",
        results="Profil publié et validé ; indicateurs repris dans la stratégie nationale.",
        evidence="Profil publié.",
        replicability="La méthode des profils migratoires est documentée par l'OIM.",
        lessons="Prévoir dès le départ la mise à jour du profil.",
        areas="DATA", gcm=(1,), principles=(9,), countries="CIV",
        actors="national_government un_agency", audiences="policymakers researchers",
    ),
    practice(
        "hti-suivi-deplacements-cyclone", "fr", "demo-fondation-horizons",
        title="Suivre les déplacements de population après un cyclone en Haïti",
        summary="Des équipes locales enregistrent les familles déplacées dans les sites "
        "d'accueil et mettent à jour chaque mois une carte des besoins partagée avec la "
        "protection civile.",
        context="Après les cyclones, les autorités ne savaient pas combien de personnes vivaient "
        "dans les abris ni quand elles rentraient chez elles.",
        activities="Formation d'enquêteurs communautaires ; fiche d'enregistrement par famille ; "
        "visites mensuelles des sites ; tableau de bord partagé.",
        results="Données disponibles en quelques jours après chaque catastrophe.",
        evidence="Rapports mensuels.",
        innovation="Des enquêteurs issus des communautés déplacées.",
        replicability="S'appuie sur la méthode de la matrice de suivi des déplacements.",
        lessons="Les données doivent revenir aux maires pour être utilisées.",
        areas="DATA WGWS", gcm=(1, 2), principles=(1,), countries="HTI",
        actors="foundation local_government", audiences="practitioners local_authorities",
    ),
    practice(
        "vut-plans-communautaires-deplacement", "fr", "demo-fondation-horizons",
        title="Mobilité climatique au Vanuatu : des plans communautaires de déplacement",
        summary="Des villages exposés aux cyclones et à la montée des eaux préparent, avec les "
        "autorités provinciales, un plan qui dit où et comment se déplacer si nécessaire.",
        context="Le cyclone Pam a détruit de nombreux villages en 2015 ; certains ont dû se "
        "réinstaller sans préparation.",
        activities="Diagnostics participatifs ; cartographie des terres disponibles avec les "
        "chefs ; inscription des plans dans la politique nationale sur les déplacements liés "
        "au climat.",
        results="Dix villages dotés d'un plan.",
        evidence="Plans adoptés par les conseils de village.",
        replicability="Pour d'autres États insulaires du Pacifique.",
        lessons="L'accès à la terre coutumière se négocie longtemps à l'avance.",
        areas="WGWS", gcm=(2, 23), principles=(1, 5, 10), countries="VUT", scope="local",
        actors="foundation local_government", audiences="local_authorities",
    ),
]  # fmt: skip
