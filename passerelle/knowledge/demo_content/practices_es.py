"""Prácticas redactadas en español."""

from . import practice

PRACTICES_ES = [
    practice(
        "mex-albergues-abiertos-ninez", "es", "demo-mexico-segob",
        title="Albergues abiertos para niñas, niños y adolescentes migrantes en lugar de "
        "estaciones migratorias",
        summary="México prohibió por ley detener a menores de edad migrantes; las procuradurías "
        "de protección los canalizan a albergues abiertos del sistema de protección de la "
        "infancia mientras se decide su situación.",
        context="Miles de niñas, niños y adolescentes, muchos sin compañía, pasaban semanas en "
        "estaciones migratorias junto a adultos. Organismos de derechos humanos documentaron "
        "daños graves a su salud mental.",
        objectives="Que ningún menor de edad sea privado de libertad por motivos migratorios y "
        "que se determine su interés superior caso por caso.",
        activities="- Reforma de 2020 a la ley de migración y a la ley de derechos de la "
        "infancia.\n- Protocolo de actuación entre el instituto de migración y las "
        "procuradurías de protección.\n- Ampliación de la red de albergues abiertos y de "
        "familias de acogida en la frontera sur.\n- Formación de personal en la determinación "
        "del interés superior.",
        partners="Sistema Nacional DIF, procuradurías estatales, UNICEF, ACNUR, organizaciones "
        "de la sociedad civil que operan albergues.",
        results="La detención de menores en estaciones migratorias se redujo drásticamente; "
        "más de 30 000 niñas y niños fueron atendidos en albergues en el primer año.",
        evidence="Estadísticas de la Unidad de Política Migratoria y reportes de las "
        "procuradurías.",
        innovation="La protección de la infancia, no el control migratorio, decide dónde vive "
        "el niño.",
        replicability="Requiere una red de acogida suficiente antes de aplicar la prohibición.",
        lessons="La capacidad de los albergues en la frontera sur se saturó: planificar la "
        "acogida familiar desde el inicio.",
        areas="OBLIG", gcm=(13, 7), principles=(6, 8), countries="MEX",
        actors="national_government un_agency civil_society",
        audiences="policymakers practitioners",
        projects=("mexico-alternatives-detention",),
        requests=(("demo-mexico-segob", "alternatives-detention", "es"),),
    ),
    practice(
        "mex-matricula-consular-sobre-ruedas", "es", "demo-mexico-ime",
        title="Jornadas de matrícula consular sobre ruedas en Estados Unidos",
        summary="Los consulados de México recorren con unidades móviles las zonas rurales y "
        "agrícolas de Estados Unidos para expedir matrículas consulares, pasaportes y actas de "
        "nacimiento.",
        context="Muchas personas mexicanas que trabajan en campos agrícolas viven a horas del "
        "consulado más cercano y no pueden perder un día de trabajo. Sin identificación "
        "tenían dificultades para abrir una cuenta bancaria o denunciar un abuso.",
        activities="Cada consulado programa jornadas de fin de semana en iglesias, escuelas o "
        "ferias. Las unidades llevan equipo de captura biométrica y conexión satelital al "
        "sistema de identidad. Las citas se reservan por teléfono o por una aplicación.",
        partners="Organizaciones comunitarias, parroquias, clubes de oriundos, gobiernos locales "
        "estadounidenses.",
        results="Cientos de miles de documentos expedidos cada año fuera de las sedes "
        "consulares.",
        evidence="Estadísticas del sistema consular.",
        innovation="El consulado va a donde trabaja la gente, en sus días libres.",
        replicability="Replicable para diásporas dispersas en zonas rurales.",
        lessons="Los clubes de oriundos son los mejores aliados para convocar.",
        areas="CONS", gcm=(4, 14), principles=(1,), countries="MEX USA",
        actors="national_government diaspora_organisation", audiences="migrants practitioners",
    ),
    practice(
        "mex-ventanillas-de-salud-consulados", "es", "demo-mexico-ime",
        title="Ventanillas de Salud en los consulados de México",
        summary="En cada consulado de México en Estados Unidos una ventanilla ofrece información "
        "sobre salud, pruebas de detección y referencias a clínicas comunitarias de bajo "
        "costo.",
        context="La población mexicana en Estados Unidos tiene una de las tasas más bajas de "
        "seguro médico y llega tarde a los servicios, en particular con diabetes e "
        "hipertensión.",
        activities="Personal de salud de organizaciones locales atiende en la sala de espera del "
        "consulado: pruebas de glucosa y presión, vacunación, orientación sobre seguros y "
        "referencias. Se organizan semanas binacionales de salud cada año.",
        results="Más de un millón de personas atendidas al año en la red de ventanillas.",
        evidence="Registros de atención de la red.",
        innovation="Aprovechar el tiempo de espera consular para la prevención en salud.",
        replicability="Otros países de origen han abierto ventanillas similares.",
        lessons="La alianza con clínicas locales es lo que convierte la orientación en atención.",
        areas="CONS WGWS", gcm=(15, 14), principles=(1, 10), countries="MEX USA",
        actors="national_government civil_society", audiences="migrants",
        projects=("mexico-consular-labour-desks",),
    ),
    practice(
        "gtm-centro-recepcion-retornados", "es", "demo-guatemala-igm",
        title="Centro de recepción de personas retornadas con atención integral en el "
        "aeropuerto",
        summary="Las personas guatemaltecas deportadas por vía aérea son recibidas en un centro "
        "donde, en pocas horas, reciben alimentación, llamada a la familia, documentos, "
        "atención psicosocial y registro para ofertas de empleo.",
        context="Guatemala recibe decenas de miles de personas retornadas al año desde Estados "
        "Unidos y México. Antes, salían del aeropuerto sin dinero, sin documentos y sin "
        "información.",
        activities="En el centro trabajan el instituto de migración, el registro nacional de las "
        "personas, el ministerio de trabajo, la secretaría de bienestar social para la niñez y "
        "organizaciones de la sociedad civil. Cada persona tiene una entrevista de necesidades y "
        "sale con una hoja de referencia a su municipio.",
        partners="Ministerio de Trabajo, RENAP, OIM, Cruz Roja, Pastoral de Movilidad Humana.",
        results="Todas las personas retornadas por vía aérea pasan por el centro; miles se han "
        "inscrito en la bolsa de empleo y en programas de certificación de competencias.",
        evidence="Registros del centro y del servicio de empleo.",
        innovation="Todas las instituciones reunidas en el primer punto de contacto.",
        replicability="Modelo replicado en Honduras y El Salvador.",
        lessons="La referencia al municipio de origen es el eslabón débil: se necesitan "
        "oficinas municipales de atención.",
        areas="WGWS", gcm=(21, 4), principles=(1, 9), countries="GTM",
        actors="national_government civil_society un_agency",
        audiences="practitioners policymakers",
        requests=(("demo-guatemala-igm", "return-reintegration", "es"),),
        projects=("guatemala-psychosocial-reintegration",),
    ),
    practice(
        "gtm-registro-biometrico-frontera", "es", "demo-guatemala-igm",
        title="Registro biométrico de entradas y salidas en los puestos fronterizos con México",
        summary="Los puestos de Tecún Umán y El Carmen registran huellas y fotografía de quienes "
        "cruzan y comparten alertas en tiempo real con la sede central.",
        context="En la frontera con México se cruzaba con controles en papel, sin posibilidad de "
        "verificar alertas de niñez no acompañada o de personas buscadas.",
        activities="Instalación de lectores de documentos y de huellas, conexión a la base "
        "central, capacitación de 120 delegados, protocolo de derivación de niñas y niños no "
        "acompañados a la procuraduría.",
        results="Datos diarios de flujos fronterizos; identificación más temprana de niñez no "
        "acompañada.",
        evidence="Registros del sistema.",
        replicability="Replicable en otras fronteras terrestres de Centroamérica.",
        lessons="La conexión eléctrica y de internet estable es la primera condición.",
        areas="BORD DATA", gcm=(11, 1), principles=(3, 8), countries="GTM MEX",
        actors="national_government", audiences="practitioners",
        requests=(("demo-guatemala-igm", "border-data", "es"),),
    ),
    practice(
        "col-registro-unico-migrantes-venezolanos", "es", "demo-colombia-migracion",
        title="Registro Único de Migrantes Venezolanos para el Estatuto Temporal de Protección",
        summary="Colombia registró en línea a casi dos millones y medio de personas venezolanas "
        "y les otorgó un permiso de protección temporal de diez años.",
        context="Más de la mitad de las personas venezolanas en Colombia estaban en situación "
        "irregular, sin acceso formal al empleo, a la salud ni a la educación.",
        activities="Prerregistro en línea con encuesta socioeconómica; registro biométrico en "
        "puntos fijos y jornadas móviles; expedición del permiso por protección temporal.",
        results="Más de 1,8 millones de permisos expedidos; acceso a la afiliación al sistema de "
        "salud y al empleo formal.",
        evidence="Estadísticas de Migración Colombia.",
        innovation="La encuesta socioeconómica del registro alimenta la planificación de "
        "políticas públicas.",
        replicability="Ejemplo para otros países de acogida con grandes poblaciones irregulares.",
        lessons="Las jornadas móviles fueron indispensables para llegar a la población rural.",
        areas="DATA OBLIG", gcm=(4, 5, 1), principles=(3, 6), countries="COL VEN",
        actors="national_government", audiences="policymakers",
    ),
    practice(
        "col-ecu-centro-binacional-rumichaca", "es", "demo-colombia-migracion",
        title="Centro Binacional de Atención en Frontera en Rumichaca",
        summary="Autoridades migratorias de Colombia y Ecuador trabajan en un mismo edificio en "
        "el puente de Rumichaca, con un solo control de salida y entrada.",
        context="El paso de Rumichaca es el principal entre ambos países; las filas de dos "
        "controles sucesivos alcanzaban horas en temporada alta.",
        activities="Acuerdo binacional de control integrado; edificio compartido; intercambio "
        "de información de alertas; capacitación conjunta de funcionarios.",
        results="Tiempo de cruce reducido; mejor coordinación en la atención de flujos mixtos.",
        evidence="Informes binacionales.",
        innovation="Un solo control migratorio para dos países.",
        replicability="Modelo aplicado en otros pasos de la Comunidad Andina.",
        lessons="Los sistemas de información deben intercambiar datos antes de compartir "
        "edificio.",
        areas="BORD COORD", gcm=(11, 23), principles=(2, 3), countries="COL ECU",
        scope="regional", actors="national_government", audiences="practitioners",
    ),
    practice(
        "ecu-mesas-cantonales-movilidad", "es", "demo-ecuador-movilidad",
        title="Mesas cantonales de movilidad humana: ministerios y gobiernos locales juntos",
        summary="En catorce cantones, una mesa presidida por el municipio reúne a los "
        "ministerios con presencia local, la sociedad civil y las personas migrantes para "
        "planificar la atención.",
        context="Ecuador recibe población venezolana y colombiana y tiene una gran diáspora y "
        "retornados. La ley de movilidad humana distribuye competencias entre niveles de "
        "gobierno, pero en el territorio nadie coordinaba.",
        activities="Ordenanza municipal que crea la mesa; diagnóstico participativo; plan "
        "cantonal anual; seguimiento trimestral con indicadores.",
        partners="Ministerio de Relaciones Exteriores y Movilidad Humana, gobiernos autónomos "
        "descentralizados, ACNUR, OIM, organizaciones de personas migrantes.",
        results="Catorce planes cantonales aprobados; rutas de atención publicadas en cada "
        "cantón.",
        evidence="Actas de las mesas y planes aprobados.",
        innovation="La coordinación interinstitucional se ancla en una ordenanza local.",
        replicability="Aplicable donde hay descentralización.",
        lessons="La participación de personas migrantes cambia las prioridades de los planes.",
        areas="WGWS COORD", gcm=(23, 16), principles=(9, 10), countries="ECU", scope="local",
        actors="national_government local_government civil_society",
        audiences="local_authorities policymakers",
    ),
    practice(
        "ecu-registro-consular-en-linea", "es", "demo-ecuador-movilidad",
        title="Registro consular en línea para personas ecuatorianas en el exterior",
        summary="Las personas ecuatorianas pueden inscribirse en su consulado desde el teléfono "
        "y actualizar sus datos de contacto; el registro se usa para asistencia en "
        "emergencias.",
        context="En Italia, España y Estados Unidos, muchos ecuatorianos no estaban inscritos; "
        "en la pandemia no fue posible contactarles.",
        activities="Formulario en línea, validación con el registro civil, campañas con "
        "asociaciones, alertas consulares por mensajería.",
        results="El número de personas registradas se multiplicó por tres en dos años.",
        evidence="Estadísticas del sistema consular.",
        replicability="Sencillo de replicar con un registro civil digitalizado.",
        lessons="Explicar para qué sirven los datos genera confianza.",
        areas="CONS DATA", gcm=(14, 4), principles=(1,), countries="ECU ESP ITA USA",
        actors="national_government diaspora_organisation", audiences="migrants",
        requests=(("demo-ecuador-movilidad", "consular-registry", "es"),),
        projects=("ecuador-consular-spain",),
    ),
    practice(
        "uio-casa-movilidad-humana", "es", "demo-quito-inclusion",
        title="La Casa de la Movilidad Humana de Quito, ventanilla municipal para personas "
        "migrantes",
        summary="Un espacio municipal reúne orientación jurídica, inscripción en servicios "
        "sociales, bolsa de empleo y actividades culturales para personas migrantes, refugiadas "
        "y retornadas.",
        context="Quito es la ciudad ecuatoriana con más población migrante; las personas "
        "recién llegadas no sabían a qué servicio municipal acudir.",
        activities="Atención diaria por equipo multidisciplinario; convenios con centros de "
        "salud y escuelas; ferias de empleo con empresas locales; talleres de convivencia en "
        "los barrios.",
        results="Más de 15 000 atenciones al año; miles de personas vinculadas a empleo o "
        "formación.",
        evidence="Registros de atención de la Secretaría de Inclusión Social.",
        innovation="Una sola puerta municipal para migrantes, refugiados y retornados.",
        replicability="Varias ciudades de la región han visitado la Casa para replicarla.",
        lessons="La ubicación céntrica y los horarios extendidos aumentaron la demanda.",
        areas="WGWS", gcm=(16, 15), principles=(1, 10), countries="ECU", scope="local",
        actors="local_government civil_society", audiences="local_authorities migrants",
        requests=(("demo-quito-inclusion", "welcome-desk", "es"),),
        projects=("quito-local-integration",),
    ),
    practice(
        "uio-consejo-proteccion-derechos-migrantes", "es", "demo-quito-inclusion",
        title="Un consejo local de derechos con representantes de las personas migrantes",
        summary="El Consejo de Protección de Derechos de Quito incorporó a representantes "
        "electos de colectivos de personas migrantes con voz en la política social del "
        "municipio.",
        context="Las personas migrantes no tenían representación en los espacios de "
        "participación ciudadana de la ciudad.",
        activities="Reforma del reglamento del consejo; elección de representantes en asambleas "
        "de colectivos; formación en presupuesto participativo; observatorio de casos de "
        "discriminación.",
        results="Dos políticas municipales incluyeron medidas para personas migrantes a "
        "propuesta de sus representantes.",
        evidence="Resoluciones del consejo.",
        replicability="Replicable en los consejos de derechos de otros cantones.",
        lessons="La rotación de representantes exige formación permanente.",
        areas="WGWS OBLIG", gcm=(16, 17), principles=(6, 10), countries="ECU", scope="local",
        actors="local_government migrant_organisation", audiences="local_authorities",
    ),
    practice(
        "bcn-asesoria-juridica-gratuita", "es", "demo-barcelona-saier",
        title="Asesoría jurídica gratuita en extranjería para personas recién llegadas a "
        "Barcelona",
        summary="El servicio municipal ofrece asesoría gratuita en extranjería, asilo y "
        "reagrupación familiar, con colegios de abogados y entidades sociales.",
        context="Muchas personas recién llegadas caían en gestorías que cobraban por trámites "
        "gratuitos o daban información errónea.",
        activities="Citas presenciales y telefónicas en doce idiomas; abogados del colegio "
        "profesional; acompañamiento en el arraigo social; sesiones informativas grupales.",
        results="Más de 20 000 consultas al año.",
        evidence="Memorias anuales del servicio.",
        innovation="Un servicio municipal en una competencia estatal.",
        replicability="Replicable en grandes ciudades mediante convenios con colegios de "
        "abogados.",
        lessons="La información grupal libera tiempo de los abogados para los casos complejos.",
        areas="OBLIG", gcm=(15, 3), principles=(4, 6), countries="ESP", scope="local",
        actors="local_government civil_society", audiences="migrants",
        projects=("barcelona-legal-orientation",),
    ),
    practice(
        "bcn-estrategia-antirrumores", "es", "demo-barcelona-saier",
        title="Estrategia antirrumores: agentes que desmontan prejuicios sobre la inmigración",
        summary="Una red de vecinos, comerciantes y entidades formados como agentes antirrumores "
        "responde a los estereotipos sobre personas migrantes en conversaciones cotidianas.",
        context="Rumores como 'los inmigrantes reciben más ayudas' circulaban en barrios y "
        "redes sociales y alimentaban la desconfianza.",
        activities="Formación de agentes antirrumores; materiales con datos; campañas en "
        "mercados y escuelas; una red de más de mil entidades.",
        results="Miles de agentes formados; la metodología se extendió a decenas de ciudades "
        "europeas.",
        evidence="Evaluaciones de la estrategia.",
        innovation="Combatir prejuicios en conversaciones cara a cara, no solo con campañas.",
        replicability="Metodología documentada y adaptada en muchas ciudades.",
        lessons="Los datos solos no convencen: las historias personales sí.",
        areas="OBLIG WGWS", gcm=(17, 16), principles=(6, 10), countries="ESP", scope="local",
        actors="local_government civil_society", audiences="general local_authorities",
    ),
    practice(
        "esp-mar-contratacion-en-origen", "es", "demo-spain-inclusion",
        title="Gestión colectiva de contrataciones en origen para temporeras de Marruecos",
        summary="Un acuerdo bilateral permite a empresas agrícolas de Huelva contratar cada "
        "año a trabajadoras marroquíes seleccionadas por el servicio público de empleo de "
        "Marruecos, con compromiso de retorno y posibilidad de volver en campañas siguientes.",
        context="La campaña de la fresa necesita miles de trabajadoras temporales; la "
        "contratación informal generaba abusos y estancias irregulares.",
        activities="Selección en Marruecos por la agencia de empleo; contratos firmados antes "
        "del viaje; alojamiento a cargo del empleador; mediadoras interculturales; oficina de "
        "atención en Huelva.",
        partners="Agencia de empleo de Marruecos, organizaciones agrarias, sindicatos, "
        "ayuntamientos.",
        results="Miles de trabajadoras cada campaña; alta tasa de retorno y de repetición.",
        evidence="Datos del Ministerio y de las organizaciones agrarias.",
        innovation="Migración circular organizada entre servicios públicos de empleo.",
        replicability="Modelo de referencia para acuerdos de migración laboral temporal.",
        lessons="Las denuncias de abusos mostraron la necesidad de inspección laboral y de "
        "canales de queja independientes.",
        areas="COORD WGWS", gcm=(5, 6), principles=(2, 7), countries="ESP MAR",
        scope="regional", actors="national_government private_sector trade_union",
        audiences="policymakers",
    ),
    practice(
        "mad-mentorias-laborales-jovenes", "es", "demo-mobility-foundation",
        title="Mentorías laborales para jóvenes migrantes que salen del sistema de protección",
        summary="Profesionales voluntarios acompañan durante un año a jóvenes que llegaron solos "
        "a España y cumplen dieciocho años, para que encuentren empleo y vivienda.",
        context="Al cumplir la mayoría de edad, los jóvenes extutelados perdían el apoyo de los "
        "centros de menores y muchos quedaban en la calle.",
        activities="Emparejamiento de cada joven con un mentor; formación profesional; "
        "prácticas en empresas; apoyo para el permiso de trabajo.",
        results="Siete de cada diez jóvenes con empleo al terminar el año.",
        evidence="Seguimiento de la fundación.",
        replicability="Replicable en otras comunidades autónomas.",
        lessons="El vínculo personal con el mentor es decisivo.",
        areas="WGWS", gcm=(16, 18, 7), principles=(8, 10), countries="ESP", scope="local",
        actors="foundation private_sector", audiences="civil_society",
    ),
    practice(
        "col-encuesta-panel-hogares-venezolanos", "es", "demo-migration-lab",
        title="Encuesta panel de hogares venezolanos en Bogotá y Cúcuta",
        summary="Un laboratorio universitario entrevista cada seis meses a los mismos 3 000 "
        "hogares migrantes para medir su integración económica y social.",
        context="Las encuestas de hogares nacionales captaban mal a la población venezolana y "
        "no permitían seguir su evolución.",
        activities="Muestra representativa; cuestionario de ingresos, empleo, salud, "
        "discriminación; datos abiertos anonimizados; informes para las alcaldías.",
        results="Cinco rondas publicadas; datos usados por el gobierno para el estatuto de "
        "protección.",
        evidence="Informes y microdatos.",
        innovation="Un panel que sigue a los mismos hogares.",
        replicability="Costoso; puede hacerse con alianzas entre universidades.",
        lessons="Conservar el contacto con los hogares que se mudan.",
        areas="DATA", gcm=(1, 16), principles=(5,), countries="COL VEN", scope="local",
        actors="academia", audiences="researchers policymakers",
        requests=(("demo-migration-lab", "data-observatory", "es"),),
    ),
    practice(
        "chl-boletines-datos-abiertos-migracion", "es", "demo-observatorio-movilidad",
        title="Boletines trimestrales de datos abiertos sobre migración en Chile",
        summary="Un observatorio universitario publica cada trimestre estadísticas de visas, "
        "permisos y acceso a servicios a partir de datos administrativos, con tablas "
        "descargables.",
        context="Los datos migratorios estaban dispersos y el debate público se basaba en "
        "cifras sin fuente.",
        activities="Convenios de intercambio de datos con servicios públicos; armonización; "
        "boletín trimestral; visualizaciones; datos abiertos.",
        results="Veinte boletines; citados por la prensa y el Congreso.",
        evidence="Boletines publicados.",
        replicability="Requiere convenios con las instituciones productoras.",
        lessons="La regularidad de la publicación crea confianza.",
        areas="DATA", gcm=(1, 17), principles=(5,), countries="CHL",
        actors="academia", audiences="researchers general",
    ),
    practice(
        "mex-gtm-red-albergues-referencia-trata", "es", "demo-red-frontera",
        title="Red de albergues y protocolo de derivación de víctimas de trata en la frontera "
        "sur",
        summary="Albergues de la sociedad civil en México y Guatemala aplican un protocolo común "
        "para identificar posibles víctimas de trata y derivarlas a fiscalías y servicios "
        "especializados.",
        context="Las víctimas de trata pasaban por los albergues sin ser identificadas; las "
        "fiscalías y los albergues no se conocían.",
        activities="Protocolo de identificación y derivación; formación del personal; "
        "directorio de contactos en fiscalías; acompañamiento a las víctimas en el proceso.",
        results="Cientos de casos identificados y derivados.",
        evidence="Base de datos de la red.",
        innovation="Derivación transfronteriza entre albergues de dos países.",
        replicability="Aplicable en cualquier corredor migratorio.",
        lessons="La confianza con las fiscalías se construye caso por caso.",
        areas="OBLIG COORD", gcm=(10, 7), principles=(6, 7), countries="MEX GTM",
        scope="regional", actors="civil_society", audiences="practitioners",
    ),
    practice(
        "mesoamerica-banco-forense-migrantes-desaparecidos", "es", "demo-forensic-team",
        title="Banco forense de datos de migrantes desaparecidos en la ruta hacia el norte",
        summary="Familias de migrantes desaparecidos de Guatemala, Honduras, El Salvador y "
        "México aportan muestras genéticas que se cruzan con los restos no identificados "
        "hallados en la ruta.",
        context="Miles de familias buscan a migrantes desaparecidos; los restos hallados en "
        "fosas y desiertos quedaban sin identificar.",
        activities="Toma de muestras a familiares; base de datos genéticos; intercambio con "
        "servicios forenses; entrega digna de restos.",
        results="Cientos de identificaciones y restituciones a las familias.",
        evidence="Registros del banco forense.",
        innovation="Un mecanismo regional entre países de origen, tránsito y destino.",
        replicability="Modelo para otras rutas migratorias.",
        lessons="Las familias deben participar en todo el proceso.",
        areas="DATA OBLIG", gcm=(8,), principles=(1, 6), countries="GTM HND SLV MEX",
        regions="013", scope="regional", actors="civil_society academia",
        audiences="practitioners",
        projects=("missing-migrants-identification",),
    ),
    practice(
        "col-interoperabilidad-registro-civil-migracion", "es", "demo-datanube",
        title="Interoperabilidad entre el registro civil y el sistema migratorio con estándares "
        "abiertos",
        summary="Una plataforma de intercambio permite que Migración Colombia consulte en línea "
        "el registro civil al expedir permisos, evitando duplicados y errores de identidad.",
        context="Las bases de datos del registro civil y de migración no se comunicaban; una "
        "misma persona podía aparecer con nombres distintos.",
        activities="Diseño de servicios web con estándares abiertos; acuerdos de intercambio; "
        "pruebas piloto en municipios fronterizos.",
        results="Reducción de registros duplicados.",
        evidence="Informes técnicos.",
        replicability="La arquitectura es abierta.",
        lessons="Empezar por los municipios fronterizos, que registran primero.",
        areas="DATA", gcm=(1, 4), principles=(4,), countries="COL",
        actors="private_sector national_government", audiences="practitioners",
        projects=("colombia-information-system",),
    ),
    practice(
        "ecu-misiones-profesionales-diaspora", "es", "demo-ecuatorianos-espana",
        title="Misiones cortas de profesionales ecuatorianos de la diáspora en hospitales y "
        "universidades",
        summary="Médicos, ingenieras y docentes ecuatorianos residentes en España viajan dos "
        "semanas al año a Ecuador para formar equipos locales.",
        context="Ecuador tiene una numerosa diáspora calificada en España y necesidades de "
        "especialistas en provincias.",
        activities="Directorio de voluntarios; convenios con hospitales y universidades; "
        "misiones con objetivos de formación; seguimiento a distancia.",
        results="Decenas de misiones y cientos de profesionales locales formados.",
        evidence="Informes de misión.",
        replicability="Replicable por otras redes de profesionales de la diáspora.",
        lessons="La continuidad con la misma institución da los mejores resultados.",
        areas="WGWS", gcm=(19,), principles=(10,), countries="ECU ESP",
        actors="diaspora_organisation", audiences="migrants",
    ),
    practice(
        "gtm-educacion-financiera-remesas", "es", "demo-guatemaltecos-eeuu",
        title="Educación financiera y ahorro de remesas para familias en Huehuetenango",
        summary="Una alianza de guatemaltecos en Estados Unidos y cooperativas locales ofrece "
        "talleres de educación financiera y cuentas de ahorro a familias que reciben remesas.",
        context="La mayoría de las remesas se gastaba en consumo inmediato; pocas familias "
        "ahorraban o invertían.",
        activities="Talleres en idiomas mayas; cuentas de ahorro en cooperativas; talleres "
        "paralelos para los remitentes en Estados Unidos.",
        results="Miles de cuentas abiertas.",
        evidence="Datos de las cooperativas.",
        replicability="Replicable en otras zonas de alta recepción de remesas.",
        lessons="Hablar a la vez con quien envía y con quien recibe.",
        areas="WGWS", gcm=(20, 19), principles=(5, 7), countries="GTM USA", scope="local",
        actors="diaspora_organisation civil_society", audiences="migrants",
    ),
    practice(
        "mex-consejo-consultivo-politica-migratoria", "es", "demo-mexico-segob",
        title="Consejo Consultivo de Política Migratoria con sociedad civil y academia",
        summary="Un órgano consultivo de la Secretaría de Gobernación reúne a dependencias "
        "federales, gobiernos estatales, organizaciones civiles y académicos para opinar sobre "
        "la política migratoria.",
        context="Las decisiones de política migratoria se tomaban sin consulta estructurada con "
        "otros actores.",
        activities="Sesiones trimestrales; grupos de trabajo temáticos; recomendaciones "
        "públicas; seguimiento de su atención.",
        results="Recomendaciones incorporadas en reglamentos y programas.",
        evidence="Actas del consejo.",
        replicability="Replicable en otros gobiernos.",
        lessons="Publicar las respuestas a las recomendaciones sostiene la participación.",
        areas="WGWS COORD", gcm=(23,), principles=(9, 10), countries="MEX",
        actors="national_government civil_society academia", audiences="policymakers",
    ),
    practice(
        "per-ferias-servicios-refugiados-migrantes", "es", "demo-mobility-foundation",
        title="Ferias de servicios para personas refugiadas y migrantes en Lima",
        summary="En ferias mensuales en distritos de Lima, instituciones públicas y "
        "organizaciones ofrecen en un solo día trámites, salud, empleo y orientación.",
        context="La población venezolana en Lima desconocía los servicios disponibles.",
        activities="Ferias itinerantes; módulos de migraciones, salud, trabajo y registro; "
        "charlas.",
        results="Miles de atenciones en cada feria.",
        evidence="Registros de las ferias.",
        replicability="Replicable en cualquier ciudad.",
        lessons="Llevar los trámites a los distritos periféricos.",
        areas="WGWS", gcm=(15, 16), principles=(1, 9), countries="PER", scope="local",
        actors="foundation local_government", audiences="migrants",
    ),
    practice(
        "cri-nic-convenio-trabajadores-temporales", "es", "demo-observatorio-movilidad",
        title="Convenio binacional de trabajadores temporales entre Costa Rica y Nicaragua",
        summary="Un acuerdo entre los ministerios de trabajo ordena la contratación de "
        "trabajadores nicaragüenses para las cosechas de café y caña en Costa Rica.",
        context="La migración estacional nicaragüense era mayoritariamente irregular, con "
        "abusos en salarios y vivienda.",
        activities="Registro de trabajadores; contratos tipo; inspección laboral; tarjeta de "
        "trabajador temporal.",
        results="Miles de trabajadores contratados por temporada con contrato formal.",
        evidence="Datos de los ministerios.",
        replicability="Aplicable a otros corredores estacionales.",
        lessons="La inspección en las fincas es clave para el cumplimiento.",
        areas="COORD", gcm=(5, 6), principles=(2,), countries="CRI NIC",
        scope="regional", actors="national_government", audiences="policymakers",
    ),
    practice(
        "gtm-movilidad-climatica-corredor-seco", "es", "demo-guatemala-igm",
        title="Incorporar la movilidad climática en los planes municipales del Corredor Seco",
        summary="Municipios del Corredor Seco de Guatemala incluyeron la migración por sequía en "
        "sus planes de desarrollo, con medidas de adaptación y alternativas de empleo.",
        context="Las sequías repetidas destruyen cosechas y empujan a los jóvenes a migrar.",
        activities="Diagnósticos de movilidad; mapas de riesgo; proyectos de riego y empleo "
        "local; coordinación con el instituto de migración.",
        results="Seis planes municipales incluyen la movilidad climática.",
        evidence="Planes municipales.",
        replicability="Replicable en Honduras y El Salvador.",
        lessons="Hablar de adaptación antes que de migración facilita el diálogo.",
        areas="WGWS DATA", gcm=(2, 23), principles=(5, 9), countries="GTM", scope="local",
        actors="local_government national_government", audiences="local_authorities",
        requests=(("demo-guatemala-igm", "climate-displacement", "es"),),
    ),
]  # fmt: skip
