"""Human translations of some published items, saved beside the original (ADR 3): by item key,
then language, then field. Every written field of the original is translated (the contacts line
is the demo's own, translated by the demo), so that readers of these languages see the item in
theirs."""

TRANSLATIONS = {
    "sen-guichet-unique-retour": {
        "en": {
            "title": "A one-stop shop for returning migrants in Dakar and Thiès",
            "summary": "People returning to Senegal find reception, referral to jobs, civil "
            "registration documents and psychosocial support in one place, instead of going "
            "through five administrations.",
            "context": "Every year several thousand Senegalese come back from Libya, Niger or "
            "Europe, on their own initiative or after an expulsion. They had to knock on the "
            "doors of five different services to replace an identity document, find training "
            "or funding, and many gave up along the way.",
            "objectives": "Offer every returning person a reintegration path followed by one "
            "adviser, from reception to resettlement.",
            "activities": "- Two reception and referral offices opened in Dakar and Thiès, "
            "where the youth employment agency, the civil registry and a psychologist sit in "
            "turn.\n- One file per person, shared between services.\n- Short training courses "
            "and start-up kits for income-generating projects.\n- Mobile teams in the Kolda "
            "and Tambacounda regions.",
            "partners_text": "Directorate-General for Support to Senegalese Abroad, national "
            "employment and training agencies, IOM, local authorities.",
            "results": "In three years, 4,800 people received; 2,100 followed a training course "
            "and 1,350 started an income-generating activity. The time to obtain a civil "
            "registration certificate fell from three weeks to two days.",
            "evidence": "Files of the reception offices and a follow-up survey of 600 people "
            "one year after their return.",
            "innovation": "A single adviser follows the person from start to finish, and the "
            "services come to the desk rather than the other way round.",
            "replicability": "Other countries of the sub-region have taken up the model; it "
            "requires agreements between administrations and a national operating budget.",
            "lessons": "The mobile teams reached people who had returned to their villages and "
            "never came to Dakar.",
        },
        "es": {
            "title": "Una ventanilla única para migrantes retornados en Dakar y Thiès",
            "summary": "Las personas que regresan a Senegal encuentran en un mismo lugar "
            "acogida, orientación hacia el empleo, documentos de registro civil y apoyo "
            "psicosocial, en lugar de recorrer cinco administraciones.",
            "context": "Cada año varios miles de senegaleses regresan de Libia, Níger o Europa, "
            "por decisión propia o tras una expulsión. Debían acudir a cinco servicios "
            "distintos para rehacer un documento de identidad, buscar una formación o una "
            "financiación, y muchos abandonaban en el camino.",
            "objectives": "Ofrecer a cada persona retornada un itinerario de reintegración "
            "acompañado por un único asesor, desde la acogida hasta la instalación.",
            "activities": "- Apertura de dos oficinas de acogida y orientación, en Dakar y "
            "Thiès, donde atienden por turnos la agencia de empleo juvenil, el registro civil "
            "y un psicólogo.\n- Un expediente único por persona, compartido entre "
            "servicios.\n- Formaciones cortas y kits de instalación para proyectos "
            "productivos.\n- Equipos móviles en las regiones de Kolda y Tambacounda.",
            "partners_text": "Dirección General de Apoyo a los Senegaleses del Exterior, "
            "agencias nacionales de empleo y formación, OIM, autoridades locales.",
            "results": "En tres años, 4 800 personas atendidas; 2 100 siguieron una formación "
            "y 1 350 iniciaron una actividad generadora de ingresos. El plazo para obtener un "
            "acta de registro civil pasó de tres semanas a dos días.",
            "evidence": "Expedientes de las oficinas y encuesta de seguimiento a 600 personas "
            "un año después de su regreso.",
            "innovation": "Un único asesor acompaña a la persona de principio a fin, y los "
            "servicios acuden a la ventanilla y no al revés.",
            "replicability": "Otros países de la subregión han retomado el modelo; requiere "
            "convenios entre administraciones y un presupuesto nacional de funcionamiento.",
            "lessons": "Los equipos móviles llegaron a las personas que habían vuelto a sus "
            "aldeas y nunca venían a Dakar.",
        },
    },
    "mex-albergues-abiertos-ninez": {
        "en": {
            "title": "Open shelters instead of immigration detention centres for migrant "
            "children and adolescents",
            "summary": "Mexico banned by law the detention of migrant minors; child protection "
            "authorities place them in open shelters of the child protection system while "
            "their situation is decided.",
            "context": "Thousands of children and adolescents, many unaccompanied, spent weeks "
            "in immigration stations alongside adults. Human rights bodies documented serious "
            "harm to their mental health.",
            "objectives": "No child deprived of liberty for migration reasons, and the child's "
            "best interests determined case by case.",
            "activities": "- 2020 amendments to the migration law and the child rights law.\n"
            "- A protocol between the immigration institute and the child protection "
            "authorities.\n- More open shelters and foster families on the southern border.\n"
            "- Training of staff in best-interests determination.",
            "partners_text": "The national family development system (DIF), state child "
            "protection authorities, UNICEF, UNHCR, civil society organisations running "
            "shelters.",
            "results": "Detention of minors in immigration stations fell sharply; more than "
            "30,000 children were received in shelters in the first year.",
            "evidence": "Statistics of the Migration Policy Unit and reports of the child "
            "protection authorities.",
            "innovation": "Child protection, not immigration control, decides where the child "
            "lives.",
            "replicability": "Requires enough reception capacity before the ban is applied.",
            "lessons": "Shelter capacity on the southern border was overwhelmed: plan foster "
            "care from the start.",
        },
    },
    "ecowas-joint-border-posts": {
        "fr": {
            "title": "Des postes de contrôle juxtaposés à Sèmè-Kraké : un seul arrêt pour deux "
            "pays",
            "summary": "Au passage entre le Nigeria et le Bénin, les agents des deux pays "
            "travaillent dans le même bâtiment et contrôlent voyageurs et marchandises une "
            "seule fois au lieu de deux.",
            "context": "Les voyageurs entre Lagos et Cotonou s'arrêtaient à deux séries de "
            "postes à quelques centaines de mètres l'un de l'autre, avec des contrôles répétés "
            "et des paiements informels. Les commerçants, souvent des femmes, perdaient des "
            "heures à chaque passage.",
            "activities": "Les deux gouvernements ont signé un protocole sur les contrôles "
            "conjoints. Un bâtiment commun accueille les services d'immigration, de douane et "
            "de santé des deux États ; les procédures ont été harmonisées et les agents formés "
            "ensemble. Un bureau des plaintes tenu par une association de commerçants se "
            "trouve à la sortie.",
            "partners_text": "Gouvernements du Nigeria et du Bénin ; Commission de la CEDEAO ; "
            "Union européenne (infrastructures).",
            "results": "Le temps de passage des voyageurs est passé d'environ trois heures à "
            "quarante minutes ; les demandes de paiements informels signalées ont diminué de "
            "moitié.",
            "evidence": "Études des temps de passage avant et après ; enquête de perception "
            "auprès de 600 commerçants.",
            "innovation": "Les agents appliquent le droit de leur pays sur le sol de l'autre "
            "État, en vertu du protocole.",
            "replicability": "Le programme de postes juxtaposés de la CEDEAO étend le modèle à "
            "d'autres passages ; le protocole juridique en est la condition.",
            "lessons": "Un bâtiment commun ne suffit pas : ce sont les équipes conjointes et "
            "la file unique qui font gagner du temps.",
        },
    },
    "world-migration-report-2024": {
        "fr": {
            "title": "État de la migration dans le monde 2024",
            "summary": "Le rapport phare de l'OIM, publié tous les deux ans : tendances "
            "mondiales et régionales des migrations et des déplacements, rapatriements de "
            "fonds, et chapitres thématiques sur le changement climatique, le genre et la "
            "gouvernance des migrations.",
            "description": "La première partie présente les dernières données sur les migrants "
            "internationaux (281 millions en 2020), les migrations de main-d'œuvre, les "
            "rapatriements de fonds (plus de 800 milliards de dollars en 2022), les "
            "déplacements internes et les réfugiés, avec un chapitre par région du monde. La "
            "seconde partie examine des questions comme les liens entre migration et "
            "développement durable, une gouvernance des migrations tenant compte du genre, le "
            "changement climatique et la mobilité humaine, et le rôle des migrants face à la "
            "désinformation. Une référence utile pour les notes d'information et les "
            "politiques nationales.",
        },
        "es": {
            "title": "Informe sobre las Migraciones en el Mundo 2024",
            "summary": "El informe insignia de la OIM, publicado cada dos años: tendencias "
            "mundiales y regionales de la migración y el desplazamiento, remesas, y capítulos "
            "temáticos sobre cambio climático, género y gobernanza de la migración.",
            "description": "La primera parte presenta los datos más recientes sobre migrantes "
            "internacionales (281 millones en 2020), migración laboral, remesas (más de 800 000 "
            "millones de dólares en 2022), desplazamiento interno y personas refugiadas, con "
            "un capítulo por región. La segunda parte analiza temas como los vínculos entre "
            "migración y desarrollo sostenible, una gobernanza migratoria con perspectiva de "
            "género, el cambio climático y la movilidad humana, y el papel de las personas "
            "migrantes frente a la desinformación. Una referencia útil para notas informativas "
            "y políticas nacionales.",
        },
    },
    "idm-2018-partenariats-developpement-capacites": {
        "en": {
            "title": "International Dialogue on Migration 2018: partnerships for capacity "
            "development",
            "summary": "The report of the second session of IDM 2018 (Geneva, October 2018) on "
            "partnerships and cooperation to develop capacities for migration governance.",
            "description": "The document covers the dialogue's six sessions: global frameworks "
            "for capacity development, coordination of UN support, regional partnership "
            "frameworks (regional economic communities, regional consultative processes, "
            "mobility partnerships), assessing the needs of national actors, measuring the "
            "impact of capacity development, and funding. It names six priority areas: data "
            "collection and analysis, consular practices, border management, compliance with "
            "international obligations, cross-border coordination, and whole-of-government and "
            "whole-of-society approaches. The launch of the iDiaspora platform is also "
            "presented.",
        },
    },
    "sen-dix-ans-immatriculation-consulaire": {
        "en": {
            "title": "Ten years of consular registration drives: what we learned",
            "summary": "Consular tours in Europe doubled the number of registered nationals. "
            "What worked, and what cost a lot for little result.",
            "context": "Since 2014 the Directorate-General has organised consular registration "
            "tours in the cities of Italy, Spain and France where Senegalese live. A review was "
            "carried out in 2024 with diaspora associations.",
            "lessons": "Tours announced by associations draw three times more people than "
            "those announced by consulates alone. Portable biometric equipment pays for itself "
            "in two campaigns. Contact details age quickly: people must be able to update them "
            "online. Finally, registering people without offering a useful service (consular "
            "card, passport, civil records) does not bring them in.",
        },
    },
}
