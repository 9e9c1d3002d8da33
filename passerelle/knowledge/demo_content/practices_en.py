"""Practices written in English."""

from . import practice

PRACTICES_EN = [
    practice(
        "ph-online-predeparture-orientation", "en", "demo-philippines-dmw",
        title="Online pre-departure orientation for Filipino domestic workers",
        summary="The compulsory pre-departure orientation seminar for household service workers "
        "moved to a blended format: six online modules in Filipino followed by one day in "
        "person, with a peer mentor already working in the country of destination.",
        context="Every Filipino leaving for domestic work abroad must attend a pre-departure "
        "orientation seminar. The one-day classroom format reached workers late, often the week "
        "before their flight, and many travelled from distant provinces to Manila to attend. "
        "Exit surveys showed that most could not name the hotline of their embassy.",
        objectives="Give departing household service workers practical knowledge of their "
        "contract, their rights and where to get help, early enough to act on it.",
        activities="- Six short video modules in Filipino and Cebuano on the employment "
        "contract, wages and days off, culture of the host country, remittances, and what to do "
        "in an emergency.\n- A one-day session in regional centres instead of Manila only.\n- "
        "A messaging group per cohort moderated by a returned domestic worker.\n- A short quiz "
        "before the certificate is issued.",
        partners="Migrant Workers Offices in Hong Kong, Saudi Arabia and Kuwait; two associations "
        "of returned domestic workers; the national telecommunications company (free data for the "
        "modules).",
        results="In two years 41,000 workers completed the modules, on average five weeks before "
        "departure instead of one. Nine in ten could name their embassy hotline in the exit quiz, "
        "up from four in ten.",
        evidence="Exit quiz results and a follow-up phone survey of 1,200 workers six months "
        "after arrival; requests for assistance received by the Migrant Workers Offices.",
        innovation="Peer mentors who have worked in the same country answer questions in the "
        "cohort's messaging group during the first months abroad.",
        replicability="Any country with a compulsory orientation can split it into online "
        "modules; the content must be rewritten per destination, not only translated.",
        lessons="Workers trusted the returned domestic workers more than officials: their "
        "presence in the videos mattered more than production quality.",
        areas="WGWS CONS", gcm=(3, 7, 14), principles=(1, 7), countries="PHL HKG SAU",
        actors="national_government migrant_organisation", audiences="migrants practitioners",
        requests=(("demo-philippines-dmw", "pre-departure", "en"),),
        projects=("philippines-domestic-workers",),
    ),
    practice(
        "ph-welfare-officers-shelters", "en", "demo-philippines-dmw",
        title="Welfare officers and temporary shelters at Migrant Workers Offices abroad",
        summary="Labour attachés are paired with welfare officers who run a temporary shelter, a "
        "24-hour hotline and legal referrals for Filipino workers in distress in the Gulf.",
        context="Workers who ran away from abusive employers had nowhere to stay while their "
        "cases were settled, and some were arrested for absconding. Consular staff alone could "
        "not handle hundreds of cases a month.",
        activities="Each office has a welfare officer, a social worker and a shelter with 40 to "
        "120 beds. Cases are logged in a shared case management system so that the family in "
        "the Philippines and the regional office can follow them. Lawyers retained by the office "
        "file wage claims before labour courts.",
        results="In 2023 the shelters hosted 6,300 workers; 71% of wage claims filed ended with a "
        "settlement or a judgement in the worker's favour. The average stay fell from 58 to 31 "
        "days after the case system was introduced.",
        evidence="Case management system records, audited yearly by the Commission on Audit.",
        innovation="Cases opened abroad stay open after repatriation, so reintegration officers "
        "in the worker's province pick them up.",
        replicability="Requires an agreement with the host State on running shelters; smaller "
        "countries of origin have shared a shelter between embassies.",
        lessons="A shelter without legal follow-up only delays the problem: budget the lawyers "
        "from the start.",
        areas="CONS OBLIG", gcm=(14, 7, 6), principles=(1, 6, 7), countries="PHL SAU ARE KWT",
        actors="national_government", audiences="policymakers practitioners",
    ),
    practice(
        "npl-zero-fee-licensing", "en", "demo-nepal-dofe",
        title="Zero-fee recruitment conditions in the licensing of manpower agencies in Nepal",
        summary="Nepal made the 'free visa, free ticket' policy enforceable by tying it to the "
        "renewal of recruitment agencies' licences, with receipts checked against workers' "
        "testimony.",
        context="Nepali workers paid recruitment agencies between 1,000 and 3,500 USD to go to "
        "Malaysia and the Gulf, much of it borrowed at high interest. The policy announced in "
        "2015 capped fees but was rarely applied: agencies issued receipts for the legal amount "
        "only.",
        activities="The Department of Foreign Employment added three conditions to licence "
        "renewal: payment of visa and ticket by the employer shown in the demand letter, a "
        "sample of workers interviewed at the airport labour desk, and no unresolved complaint "
        "older than six months. Licences of agencies failing twice were suspended.",
        partners="The ILO fair recruitment initiative, two trade unions, the association of "
        "recruitment agencies.",
        results="Among the 180 agencies renewed under the new conditions, the median fee reported "
        "by workers fell from 1,350 to 410 USD. Thirty-one licences were suspended.",
        evidence="Airport interviews (4,800 workers) and the complaints register; an independent "
        "survey by the ILO compared agencies inside and outside the scheme.",
        innovation="Workers' own account at departure, not the agency's paperwork, decides "
        "whether a licence is renewed.",
        replicability="Works where licences are renewed regularly and an airport desk already "
        "exists; destination countries' employers must accept paying the costs.",
        lessons="Sub-agents in the villages kept charging fees: they need to be registered too.",
        areas="OBLIG WGWS", gcm=(6, 7), principles=(4, 6), countries="NPL MYS QAT",
        actors="national_government un_agency trade_union private_sector",
        audiences="policymakers practitioners",
        requests=(("demo-nepal-dofe", "ethical-recruitment", "en"),),
        projects=("nepal-fair-recruitment",),
    ),
    practice(
        "npl-returnee-reintegration-desks", "en", "demo-nepal-dofe",
        title="Reintegration desks for returning workers in Nepal's provincial employment centres",
        summary="Returning labour migrants can register at desks in 77 district employment "
        "service centres, which refer them to skills certification, business loans and "
        "psychosocial counselling.",
        context="Over 400,000 workers return to Nepal every year, many after contracts cut short. "
        "Services existed — skills testing, subsidised loans, counselling — but under different "
        "ministries, and returnees did not know where to start.",
        activities="The desks use one registration form shared with the Foreign Employment Board. "
        "Staff were trained to assess needs in a thirty-minute interview and to refer people with "
        "a written referral slip. Returnees with injuries or unpaid wages are sent to the welfare "
        "fund's claims unit.",
        results="52,000 returnees registered in three years; 9,400 obtained a skills certificate "
        "recognising experience gained abroad and 3,100 received a start-up loan.",
        evidence="Registration data and a tracer survey of 2,000 returnees one year after "
        "registration.",
        replicability="The model relies on local employment centres that already exist; the "
        "shared form is the cheap part, the referral agreements between ministries the hard one.",
        lessons="Women returnees rarely came to the desks: outreach through women's cooperatives "
        "doubled their registrations.",
        areas="WGWS", gcm=(21, 18), principles=(1, 7, 9), countries="NPL",
        actors="national_government local_government", audiences="practitioners migrants",
    ),
    practice(
        "kor-eps-government-to-government", "en", "demo-korea-eps",
        title="Government-to-government hiring under Korea's Employment Permit System",
        summary="Sixteen bilateral memoranda let public employment agencies of origin countries "
        "select and train workers for Korean employers, with no private recruiter involved.",
        context="Before 2004 low-skilled foreign workers came to Korea as 'industrial trainees' "
        "through private brokers, with high fees, passport confiscation and many overstays.",
        activities="Korea signs a memorandum of understanding with each country of origin. The "
        "origin's public agency runs a Korean language test, keeps a roster of candidates, and "
        "holds pre-departure training; Korean employers choose from the roster after proving "
        "they could not hire locally. Workers receive a three-year permit, renewable once, and "
        "the same labour protection as nationals.",
        partners="Public employment agencies of Viet Nam, Cambodia, the Philippines, Nepal and "
        "others; the Human Resources Development Service of Korea.",
        results="Average recruitment costs paid by workers fell to around 1,000 USD, a fraction "
        "of the former brokers' fees. Over a million workers have been employed under the system.",
        evidence="Surveys by the ILO and the Korea Labor Institute on recruitment costs; "
        "administrative data on permits and job changes.",
        innovation="The language test is the entry ticket, which makes selection transparent "
        "and verifiable by candidates.",
        replicability="Other destination countries have copied the memorandum model; it needs "
        "strong public employment agencies on both sides.",
        lessons="Restrictions on changing employers remained the main source of complaints: a "
        "bilateral scheme must plan how workers leave an abusive workplace.",
        areas="COORD WGWS", gcm=(5, 6, 23), principles=(2, 9), countries="KOR VNM KHM NPL PHL",
        scope="regional", actors="national_government",
        audiences="policymakers",
    ),
    practice(
        "jor-flexible-work-permits", "en", "demo-jordan-labour",
        title="Flexible work permits for refugees in agriculture and construction in Jordan",
        summary="Work permits not tied to a single employer, issued through agricultural "
        "cooperatives and the construction workers' union, opened formal jobs to Syrian refugees.",
        context="Syrian refugees in Jordan mostly worked informally; a permit required a named "
        "employer who paid the fee, which seasonal farm workers and day labourers never had.",
        activities="The Ministry of Labour waived permit fees for Syrians, then allowed "
        "cooperatives and the General Federation of Jordanian Trade Unions to hold permits on "
        "behalf of their members, who can move between employers. Employment offices were set up "
        "in two camps.",
        results="More than 300,000 permits have been issued since 2016, about a third through "
        "the flexible routes. Permit holders reported fewer wage disputes.",
        evidence="Ministry permit statistics; an ILO impact study comparing permit holders with "
        "informal workers.",
        innovation="An intermediary — a cooperative or a union — holds the permit instead of the "
        "employer.",
        replicability="Suits seasonal sectors where workers change employer often; relies on a "
        "union or cooperative trusted by both sides.",
        lessons="Women took few permits until home-based work was made eligible.",
        areas="OBLIG WGWS", gcm=(5, 16, 22), principles=(6, 10), countries="JOR SYR",
        actors="national_government trade_union un_agency",
        audiences="policymakers practitioners",
        requests=(("demo-jordan-labour", "labour-market-info", "en"),),
    ),
    practice(
        "gha-land-border-entry-exit", "en", "demo-ghana-immigration",
        title="Connecting Ghana's land border posts to a central entry-exit database",
        summary="Eleven land border posts were linked to headquarters by satellite and mobile "
        "links, so that every crossing is recorded the same day in one database.",
        context="At land borders, entries were written in paper registers sent to Accra monthly. "
        "The service could not say how many people entered through Aflao or Elubo in a week, "
        "nor check travellers against alerts in real time.",
        activities="- Passport readers and fingerprint scanners at eleven posts.\n- A light "
        "client that works offline and synchronises when the connection returns.\n- Daily data "
        "quality checks by two analysts at headquarters.\n- Training of 160 officers.",
        partners="IOM (equipment and software), the ECOWAS Commission, the Ghana Statistical "
        "Service for the monthly bulletin.",
        results="Entries and exits at land borders are now published in a monthly statistical "
        "bulletin; alerts are checked in under a minute per traveller.",
        evidence="System logs; the evaluation at the end of the project found data complete for "
        "94% of border days.",
        innovation="Offline-first software adapted to posts without a stable connection.",
        replicability="Several ECOWAS States use the same software; maintenance costs must be in "
        "the national budget before the donor leaves.",
        lessons="Data skills concentrated in two analysts at headquarters are a risk: train "
        "officers in each region.",
        areas="BORD DATA", gcm=(11, 1), principles=(3, 4), countries="GHA",
        actors="national_government un_agency regional_body",
        audiences="policymakers practitioners",
        projects=("ghana-border-information",),
        requests=(("demo-ghana-immigration", "border-data", "en"),),
    ),
    practice(
        "ecowas-joint-border-posts", "en", "demo-ecowas-commission",
        title="Joint border posts with one stop for both countries at Seme-Krake",
        summary="At the Nigeria-Benin crossing, officers of both countries work in the same "
        "building and clear travellers and goods once instead of twice.",
        context="Travellers between Lagos and Cotonou stopped at two sets of posts a few hundred "
        "metres apart, with repeated checks and informal payments. Traders, many of them women, "
        "lost hours every crossing.",
        activities="The two governments signed a protocol on joint controls. A shared building "
        "hosts immigration, customs and health officers of both States; procedures were "
        "harmonised and officers trained together. A complaints desk run by a traders' "
        "association sits at the exit.",
        partners="Governments of Nigeria and Benin; the ECOWAS Commission; the European Union "
        "(infrastructure).",
        results="Crossing time for travellers fell from about three hours to forty minutes; "
        "reported requests for informal payments fell by half.",
        evidence="Time-release studies before and after; a perception survey of 600 traders.",
        innovation="Officers apply their own country's law on the other State's soil under the "
        "protocol.",
        replicability="The ECOWAS joint border post programme extends the model to other "
        "crossings; the legal protocol is the precondition.",
        lessons="Shared buildings are not enough: joint shifts and one queue are what save time.",
        areas="BORD COORD", gcm=(11, 23), principles=(2, 3), countries="NGA BEN",
        regions="011", scope="regional", actors="regional_body national_government",
        audiences="policymakers practitioners",
        projects=("ecowas-border-data",),
    ),
    practice(
        "ecowas-biometric-id-card-travel", "en", "demo-ecowas-commission",
        title="The ECOWAS national biometric identity card as a travel document",
        summary="Member States issue a common biometric identity card that citizens can use "
        "instead of a passport to cross borders within West Africa.",
        context="Free movement of persons exists on paper since the 1979 protocol, but many "
        "citizens had no passport and were asked for one at the border. The former travel "
        "certificate was easy to forge.",
        activities="The Commission adopted common specifications for a card with a chip and "
        "fingerprints. States issue it through their national identity agencies; border posts "
        "were given readers that check it against the issuing State's keys.",
        results="Senegal, Ghana and Côte d'Ivoire issue the card to all citizens; in these "
        "countries, crossings with an identity card now outnumber those with a passport.",
        evidence="Border statistics of three member States.",
        innovation="Identity and travel document in one card, cheaper than a passport.",
        replicability="Relevant to other regional economic communities with free movement "
        "protocols; requires investment in card readers at every post.",
        lessons="Border officers kept asking for passports until clear instructions and "
        "training reached the posts.",
        areas="BORD COORD", gcm=(4, 11, 23), principles=(2,), countries="SEN GHA CIV NGA",
        regions="011", scope="regional", actors="regional_body national_government",
        audiences="policymakers general",
        requests=(("demo-ecowas-commission", "free-movement", "en"),),
    ),
    practice(
        "gmb-extended-migration-profile", "en", "demo-iom-dakar",
        title="An extended migration profile for The Gambia, written with national statisticians",
        summary="Ministries, the statistics bureau and the university compiled, in eighteen "
        "months, the first national report bringing together all data on emigration, returns, "
        "remittances and immigration.",
        context="Figures on Gambians abroad varied by a factor of three depending on the source, "
        "and the government was drafting its first national migration policy without an agreed "
        "baseline.",
        activities="A technical working group of nine institutions agreed definitions, listed "
        "the available sources (census, labour force survey, border data, central bank), and "
        "wrote the chapters together. Statisticians were trained on migration questions in "
        "household surveys.",
        results="The profile was validated by the cabinet and is used as the baseline of the "
        "national migration policy. The working group still meets to update the tables yearly.",
        evidence="The published profile and the policy's results framework, which cites it.",
        innovation="The technical working group wrote the profile itself instead of hiring a "
        "consultant, so the skills stayed in the administration.",
        replicability="IOM's guidance on migration profiles can be followed in any country; plan "
        "the update mechanism from the start.",
        lessons="Agreeing on definitions took longer than collecting data, and was worth it.",
        areas="DATA WGWS", gcm=(1, 23), principles=(9,), countries="GMB",
        actors="national_government un_agency academia", audiences="policymakers researchers",
    ),
    practice(
        "silk-routes-border-curriculum", "en", "demo-icmpd",
        title="A common curriculum for border guard academies along the Silk Routes",
        summary="Border police academies of five countries adopted shared training modules on "
        "document examination, risk analysis and the identification of vulnerable travellers.",
        context="Each academy trained its cadets differently and most courses ignored the "
        "protection of vulnerable people at borders. Trainers rarely met counterparts from "
        "neighbouring countries.",
        activities="Trainers from Afghanistan, Bangladesh, Iraq, Iran and Pakistan wrote ten "
        "modules together in regional workshops, tested them with cadets and translated them. "
        "A pool of certified trainers teaches them in each academy.",
        partners="National border police academies; ICMPD; UNHCR for the protection module.",
        results="The modules are part of the basic course in four academies; 85 trainers are "
        "certified and 3,200 cadets have followed the course.",
        evidence="Pre- and post-tests of cadets; academies' curricula.",
        innovation="A protection module written with a refugee agency is part of basic border "
        "training, not an optional extra.",
        replicability="The modules are open for other academies; adaptation to national law is "
        "needed.",
        lessons="Trainers who wrote the modules defended them in their academies: involve them "
        "from the first draft.",
        areas="BORD OBLIG", gcm=(11, 12), principles=(2, 4, 6), countries="AFG BGD IRQ PAK",
        scope="regional", actors="international_organisation national_government un_agency",
        audiences="practitioners",
    ),
    practice(
        "east-africa-remittance-price-comparison", "en", "demo-remitco",
        title="A public remittance price comparison website for East African corridors",
        summary="A website and SMS service shows the total cost of sending money to Kenya, Uganda "
        "and Tanzania from ten sending countries, updated every month.",
        context="Migrants sending money home could not compare fees and exchange-rate margins, "
        "which together cost 8 to 12% of a transfer of 200 USD.",
        activities="Mystery shopping of 40 providers each month; publication of the total cost "
        "for 200 and 500 USD; an SMS shortcode to get the cheapest option; a campaign with "
        "diaspora associations in the United Kingdom and the Gulf.",
        partners="The central banks of Kenya and Uganda; diaspora associations; a university "
        "economics department.",
        results="The average cost in the corridors covered fell from 7.6% to 4.1% in three "
        "years; new digital providers entered the market.",
        evidence="Quasi-experimental impact evaluation comparing with corridors not covered.",
        innovation="Prices are gathered by mystery shopping, not declared by providers.",
        replicability="Works with a central bank willing to host the site after the project.",
        lessons="Publishing prices moved the market more than agreements with operators.",
        areas="DATA WGWS", gcm=(20, 19), principles=(5,), countries="KEN UGA TZA GBR",
        scope="regional", actors="private_sector academia diaspora_organisation",
        audiences="migrants policymakers",
        projects=("east-africa-remittances",),
    ),
    practice(
        "hkg-peer-paralegals", "en", "demo-migrant-workers-hk",
        title="Peer paralegals among migrant domestic workers in Hong Kong",
        summary="Domestic workers trained as paralegals help their peers calculate unpaid wages, "
        "prepare claims and accompany them to the Labour Tribunal on their Sunday off.",
        context="Migrant domestic workers live with their employers and have one day off. Few "
        "knew how to claim unpaid wages or holidays, and lawyers' offices are closed on Sundays.",
        activities="Forty workers followed a twelve-session course with a law school clinic. "
        "They run a Sunday help desk in the park where workers gather, a wage calculator in "
        "Tagalog, Bahasa and English, and accompany claimants to hearings.",
        results="Over 1,500 claims were prepared in two years; workers recovered a total of "
        "2.3 million HKD.",
        evidence="Records of the help desk and tribunal outcomes reported by claimants.",
        innovation="The help desk comes to where workers are on their day off.",
        replicability="Any city with a large community of domestic workers and a law school can "
        "set it up.",
        lessons="Paralegals need a lawyer on call for complex cases and for their own protection.",
        areas="OBLIG", gcm=(6, 7, 16), principles=(1, 6, 7, 10), countries="HKG PHL IDN",
        scope="local", actors="migrant_organisation academia", audiences="migrants civil_society",
    ),
    practice(
        "fji-planned-relocation-trust-fund", "en", "demo-fiji-economy",
        title="Planned relocation guidelines and a trust fund for climate-threatened villages",
        summary="Fiji adopted national guidelines on planned relocation and a trust fund financed "
        "by a levy, so that villages threatened by sea-level rise move with their consent and "
        "on their own terms.",
        context="More than forty coastal villages in Fiji are identified as needing to relocate. "
        "Early relocations were improvised after cyclones, and some communities returned to the "
        "old site because water and land had not been secured.",
        activities="Guidelines define the steps: vulnerability assessment, consultation with the "
        "whole community including women and youth, agreement on land with customary owners, "
        "and support for livelihoods after the move. A trust fund pays for infrastructure. "
        "Standard operating procedures assign tasks to each ministry.",
        partners="Ministry of iTaukei Affairs, the provincial councils, the Pacific Community, "
        "UNDP.",
        results="Six villages have relocated under the guidelines; the procedures are used by "
        "the national climate change act.",
        evidence="Monitoring reports of the relocation taskforce; community feedback sessions.",
        innovation="Relocation is treated as a last resort decided by the community, financed by "
        "a dedicated national fund.",
        replicability="Other Pacific States are drafting similar guidelines; land tenure "
        "arrangements must be adapted to each country.",
        lessons="Graves and church sites matter to communities as much as houses: plan for them.",
        areas="WGWS COORD", gcm=(2, 23), principles=(1, 5, 9, 10), countries="FJI",
        actors="national_government un_agency", audiences="policymakers local_authorities",
        projects=("fiji-planned-relocation",),
        requests=(("demo-fiji-economy", "climate-displacement", "en"),),
    ),
    practice(
        "pacific-labour-mobility-dialogue", "en", "demo-pacific-forum",
        title="A regional dialogue on seasonal worker schemes with Australia and New Zealand",
        summary="Pacific labour ministers meet yearly with Australia and New Zealand to review "
        "the seasonal worker schemes and agree on worker welfare standards.",
        context="Seasonal schemes bring tens of thousands of Pacific workers to farms and meat "
        "plants each year. Sending countries negotiated alone and welfare issues — housing, "
        "deductions, health insurance — were handled case by case.",
        activities="The Forum Secretariat hosts the annual meeting and a working group of labour "
        "officials. Sending countries prepare common positions, share worker welfare data and "
        "run joint pre-departure briefings.",
        results="A common standard on accommodation costs was adopted; a portable health "
        "insurance product for seasonal workers is being piloted.",
        evidence="Meeting outcome documents; welfare complaints data shared by the schemes.",
        innovation="Small sending States negotiate as a group with destination countries.",
        replicability="Regional consultative processes elsewhere can add a standing working group "
        "on seasonal schemes.",
        lessons="Returns of skills to home communities are still weak: reintegration must be on "
        "the agenda, not only recruitment.",
        areas="COORD", gcm=(5, 22, 23), principles=(2,), countries="AUS NZL VUT TON WSM",
        regions="009", scope="regional", actors="regional_body national_government",
        audiences="policymakers",
        projects=("pacific-labour-mobility",),
    ),
    practice(
        "tuv-outer-islands-mobility-plans", "en", "demo-undp-pacific",
        title="Community-led mobility plans on Tuvalu's outer islands",
        summary="Island councils drew up plans saying who may need to move, where and when, "
        "based on maps of flooding risk and household surveys.",
        context="Tuvalu's islands are two metres above sea level at most. Families were already "
        "moving to the capital, Funafuti, which has no room to grow, and councils had no figures "
        "on who left.",
        activities="Councils, with youth volunteers, surveyed every household on intentions to "
        "move and remittances received. Flood maps were discussed in community meetings. Each "
        "council adopted a plan linking adaptation works, possible moves within the country and "
        "labour mobility abroad.",
        results="All nine island councils have a plan; their data feed the national adaptation "
        "programme.",
        evidence="Household survey covering 98% of households; council resolutions.",
        innovation="Mobility is planned by the island councils themselves, with data they "
        "collected.",
        replicability="Suitable for small island communities; survey tools are simple and "
        "available in Tuvaluan and English.",
        lessons="Talking about moving is painful; start with adaptation and let mobility come in "
        "the conversation.",
        areas="WGWS DATA", gcm=(2, 1), principles=(1, 5, 10), countries="TUV",
        scope="local", actors="local_government un_agency", audiences="local_authorities",
    ),
    practice(
        "pacific-climate-mobility-household-survey", "en", "demo-usp-climate-mobility",
        title="A Pacific household survey module on climate-related moves",
        summary="A short module added to national household surveys in Fiji, Kiribati and "
        "Solomon Islands measures moves caused by floods, droughts and sea-level rise.",
        context="Governments had anecdotes but no statistics on how many people moved because of "
        "environmental change, nor whether they returned.",
        activities="Researchers designed twelve questions with national statistics offices, "
        "tested them in two villages per country and trained enumerators. The module was added "
        "to each country's household income and expenditure survey.",
        results="Three countries published first estimates: between 4% and 9% of households had "
        "at least one member who moved for environmental reasons in five years.",
        evidence="Survey microdata and published national reports.",
        innovation="Adding a module to an existing survey instead of running a new one.",
        replicability="The questionnaire is open and translated into Bislama and Fijian.",
        lessons="Questions must separate temporary evacuations from permanent moves.",
        areas="DATA", gcm=(1, 2), principles=(5,), countries="FJI KIR SLB", regions="009",
        scope="regional", actors="academia national_government", audiences="researchers",
    ),
    practice(
        "mda-diaspora-doctors-missions", "en", "demo-moldova-diaspora",
        title="Moldovan diaspora doctors on short missions to district hospitals",
        summary="Moldovan doctors working in Italy, Germany and France spend one or two weeks a "
        "year in district hospitals at home, operating and training local staff.",
        context="District hospitals in Moldova lost many specialists to emigration, and patients "
        "travelled to Chișinău for routine surgery. Doctors abroad wanted to help but had no "
        "framework to practise at home.",
        activities="The Bureau for Diaspora Relations and the Ministry of Health created a "
        "register of diaspora health professionals, recognised their licences for short "
        "missions, and paid travel costs. Each mission pairs the visiting doctor with a local "
        "team and includes a training day.",
        partners="Association of Moldovan Professionals in Italy; district hospitals; IOM.",
        results="120 missions in four years; 2,300 operations performed locally; 400 local "
        "staff trained.",
        evidence="Mission reports and hospital records.",
        innovation="A temporary licence procedure designed for diaspora professionals.",
        replicability="Any country with a medical diaspora can do it; licence recognition is the "
        "bottleneck.",
        lessons="Missions worked best when the same doctor returned to the same hospital each "
        "year.",
        areas="WGWS", gcm=(19, 18), principles=(5, 10), countries="MDA ITA DEU FRA",
        actors="national_government diaspora_organisation", audiences="policymakers migrants",
        projects=("moldova-diaspora-skills",),
        requests=(("demo-moldova-diaspora", "diaspora-skills", "en"),),
    ),
    practice(
        "mda-diaspora-focal-points-ministries", "en", "demo-moldova-diaspora",
        title="A diaspora focal point in every Moldovan ministry",
        summary="Each ministry names a senior official responsible for diaspora, migration and "
        "development, coordinated by a government bureau reporting to the prime minister.",
        context="Diaspora programmes were scattered and sometimes contradictory; nobody in "
        "ministries was accountable for them.",
        activities="A government decision created the network of focal points, a shared annual "
        "action plan and a reporting template. The bureau holds quarterly meetings and trains "
        "new focal points.",
        results="Thirteen ministries and twenty local authorities report on the plan; diaspora "
        "measures appear in sectoral strategies for health, education and economy.",
        evidence="Annual implementation reports of the national diaspora strategy.",
        innovation="The approach was extended to local authorities, which name their own focal "
        "points.",
        replicability="Low cost; requires political backing at the top of government.",
        lessons="Focal points need time allocated in their job descriptions, not just a title.",
        areas="WGWS COORD", gcm=(19, 23), principles=(9,), countries="MDA",
        actors="national_government local_government", audiences="policymakers",
    ),
    practice(
        "can-pre-arrival-settlement-services", "en", "demo-canada-ircc",
        title="Pre-arrival settlement services for newcomers to Canada",
        summary="Permanent residents selected abroad can use free online and in-person services "
        "before they arrive: job search coaching, credential assessment and introductions to "
        "employers in their field.",
        context="Newcomers often spent their first year in Canada finding out how to get their "
        "degrees recognised and how the job market works, losing time and savings. Engineers "
        "and nurses ended up in survival jobs far from their qualifications.",
        objectives="Use the months between the visa and the arrival to prepare for work and "
        "settlement.",
        activities="Funded service providers offer webinars, one-to-one coaching and mentoring "
        "by professionals in the same occupation. Newcomers start the assessment of their "
        "credentials and the licensing process of regulated professions before landing, and "
        "receive a settlement plan for the city they will live in.",
        partners="Settlement agencies, colleges, professional regulators, employers' "
        "associations.",
        results="Clients of pre-arrival services found a job in their field faster and more "
        "often than comparable newcomers; most said they arrived with a clear plan.",
        evidence="Departmental evaluation linking service records with tax data.",
        innovation="Settlement support starts in the country of origin, online.",
        replicability="Relevant for any country that selects migrants months before they travel.",
        lessons="Services must reach spouses and partners, not only the principal applicant.",
        areas="WGWS", gcm=(3, 16, 18), principles=(1,), countries="CAN PHL IND",
        actors="national_government civil_society", audiences="migrants practitioners",
    ),
    practice(
        "gbr-community-case-management-atd", "en", "demo-atd-network",
        title="Community case management as an alternative to immigration detention",
        summary="Independent caseworkers support people with an unresolved immigration case "
        "while they live in the community, so that their case is settled without detention.",
        context="People facing removal were often detained for months, at high human and "
        "financial cost, although most had family ties and were not likely to abscond. Many "
        "had never had legal advice.",
        objectives="Show that engagement-based alternatives keep people in contact with the "
        "authorities at lower cost and with better outcomes than detention.",
        activities="Participants are referred from detention or before it. A caseworker from a "
        "civil society organisation helps with housing, health care and legal advice, and "
        "explores every option with the person, including voluntary return. Participants meet "
        "their caseworker weekly and report to the Home Office as agreed.",
        partners="The Home Office; UNHCR; law centres; faith-based housing providers.",
        results="Over 95% of participants stayed in contact with the authorities during the "
        "pilots; several had their status regularised, others returned voluntarily. The cost "
        "per person was a fraction of a detention bed.",
        evidence="Independent evaluations of two pilots with a comparison group.",
        innovation="Compliance comes from trust and information, not from surveillance.",
        replicability="Similar pilots run in several countries; the key is an independent "
        "organisation that participants trust.",
        lessons="Early legal advice is what makes people engage with the process.",
        areas="OBLIG", gcm=(13, 7), principles=(4, 6), countries="GBR",
        actors="civil_society national_government", audiences="policymakers civil_society",
    ),
    practice(
        "sea-migrant-worker-resource-centres", "en", "demo-ilo-fair-recruitment",
        title="Migrant worker resource centres run with trade unions in South-East Asia",
        summary="Centres in Cambodia, Myanmar and Thailand give workers information before they "
        "leave, help them file complaints, and connect them with unions in the country where "
        "they work.",
        context="Workers moving between Mekong countries relied on brokers for information and "
        "had no way to seek redress for fraud or unpaid wages once back home.",
        activities="Centres are run by provincial labour offices, trade unions and NGOs in "
        "sending and receiving provinces. Counsellors explain contracts and legal channels; "
        "paralegals prepare complaints; outreach teams visit villages and construction sites.",
        partners="Labour ministries of the three countries, national trade union centres, "
        "the ILO.",
        results="Over 100,000 workers counselled; 8,000 complaints handled, with compensation "
        "obtained in about a third of them.",
        evidence="The shared case database; two independent evaluations.",
        innovation="Centres in the sending and receiving countries work on the same case.",
        replicability="Adapted in other corridors of Asia and in the Gulf.",
        lessons="Complaints take months: keep contact by phone with workers who have moved on.",
        areas="OBLIG WGWS", gcm=(3, 6), principles=(2, 6), countries="KHM MMR THA",
        regions="035", scope="regional", actors="un_agency trade_union civil_society",
        audiences="migrants practitioners",
    ),
    practice(
        "ken-swe-statistics-twinning", "en", "demo-sweden-sida",
        title="A statistics twinning on migration data between Sweden and Kenya",
        summary="Statisticians of the two national statistics offices worked side by side for "
        "three years to produce Kenya's first detailed migration statistics from the census and "
        "administrative registers.",
        context="Kenya's census asked about place of birth and previous residence, but the "
        "results on international migration had never been tabulated in detail, and immigration "
        "records stayed with the immigration department.",
        activities="Exchange visits of four weeks each; joint production of census tables on "
        "foreign-born residents and on emigrants reported by households; a data sharing "
        "agreement with the immigration department on residence permits; a course on migration "
        "statistics for county statisticians.",
        results="A migration statistics report is now published every year, and migration "
        "questions were improved in the next census.",
        evidence="The published reports; a mid-term review by the donor.",
        replicability="Twinnings between statistics offices are common; they work best on a "
        "precise product such as one report.",
        lessons="The data sharing agreement took longer than the statistical work itself.",
        areas="DATA", gcm=(1,), principles=(2,), countries="KEN SWE",
        actors="national_government", audiences="researchers policymakers",
    ),
    practice(
        "irq-return-counselling-reintegration", "en", "demo-norway-mfa",
        title="Return counselling and reintegration grants for people returning to Iraq",
        summary="People returning from Norway prepare a reintegration plan with a counsellor "
        "before leaving, then receive a grant in instalments after arrival, with business "
        "coaching from a local partner.",
        context="Returns from Europe to Iraq were often followed by new departures when people "
        "found neither work nor support.",
        activities="Counsellors in Norway prepare a reintegration plan with each person. In "
        "Erbil and Baghdad a partner organisation pays the grant in three instalments tied to "
        "the plan — training, equipment, rent — and offers coaching and psychosocial support.",
        results="Two thirds of returnees were still running a business or employed after a "
        "year; few left again.",
        evidence="Follow-up interviews at six and twelve months with 400 returnees.",
        innovation="Instalments follow the person's own plan instead of a lump sum at the "
        "airport.",
        replicability="Any assisted voluntary return programme can pay support in instalments "
        "through a local partner.",
        lessons="People who spent years away need psychosocial support as much as money.",
        areas="WGWS", gcm=(21,), principles=(1,), countries="IRQ NOR",
        actors="national_government international_organisation", audiences="practitioners",
    ),
    practice(
        "jpn-multilingual-disaster-alerts", "en", "demo-japan-jica",
        title="Multilingual disaster alerts and evacuation support for foreign residents",
        summary="Municipalities send earthquake and tsunami alerts in fourteen languages and "
        "train foreign residents as volunteer interpreters in evacuation centres.",
        context="After the 2011 earthquake many foreign residents did not understand the alerts "
        "or the evacuation orders, and some were left out of relief distributions.",
        activities="A national app pushes alerts in fourteen languages. Prefectures open "
        "multilingual support centres as soon as a disaster strikes. Foreign residents are "
        "trained every year as volunteers and take part in evacuation drills.",
        results="Foreign residents' use of evacuation centres increased in the later floods and "
        "typhoons; municipalities could reach workers on technical intern contracts.",
        evidence="Municipal surveys after typhoons.",
        innovation="Migrants are part of the disaster response, not only people to be helped.",
        replicability="Relevant to any country exposed to disasters with a migrant population; "
        "the MICIC guidelines recommend it.",
        lessons="Test the alerts with migrants before a disaster, not after.",
        areas="WGWS CONS", gcm=(7, 2), principles=(1, 10), countries="JPN",
        actors="national_government local_government", audiences="local_authorities",
    ),
    practice(
        "deu-newsroom-reporting-guidelines", "en", "demo-migrant-voices-media",
        title="Newsroom guidelines on reporting migration without stereotypes",
        summary="Journalists with a migration background wrote practical guidelines on words, "
        "sources and images, and run workshops with editors and reporters.",
        context="Coverage of migration relied on a few official sources and on images of "
        "crowds at borders. Migrants were quoted as victims or threats, rarely as experts.",
        activities="The guidelines cover terminology, the choice of sources and of pictures. A "
        "directory lists 300 migrant experts on economics, health or law. Workshops were held in "
        "twenty newsrooms, with a follow-up review of their coverage six months later.",
        results="In the newsrooms trained, the share of migrants quoted as experts rose from 4% "
        "to 11% of quotes in migration stories.",
        evidence="Content analysis of 2,000 articles before and after.",
        replicability="The guidelines are open and translated into four languages.",
        lessons="Editors decide the framing: train them, not only reporters.",
        areas="OBLIG", gcm=(17,), principles=(6, 10), countries="DEU",
        actors="media", audiences="general civil_society",
    ),
    practice(
        "gbr-nurse-credential-bridging", "en", "demo-filipino-nurses-uk",
        title="Bridging courses and mentoring for foreign-trained nurses",
        summary="A diaspora nurses' association mentors newly arrived nurses through the English "
        "test and the clinical examination they need to register.",
        context="Many nurses trained in the Philippines, India or Nigeria worked as care "
        "assistants for years because they failed the registration examinations, a loss for "
        "them and for understaffed hospitals.",
        activities="Volunteer mentors who passed the clinical exam coach candidates in small "
        "groups; study circles prepare the language test; hospitals release mentors for two "
        "hours a week.",
        results="Nine in ten mentored nurses passed the clinical exam at the first attempt, "
        "against about six in ten without support.",
        evidence="Association records for 700 candidates over three years.",
        replicability="Any professional diaspora association can run it with employers.",
        lessons="Employers gain from funding mentoring time: they keep the nurses.",
        areas="WGWS", gcm=(18, 19), principles=(10,), countries="GBR PHL",
        actors="diaspora_organisation", audiences="migrants",
    ),
    practice(
        "qat-unpaid-wages-hotline", "en", "demo-nepali-workers-qatar",
        title="Reporting unpaid wages through a migrant workers' hotline",
        summary="A hotline run by migrant workers in Nepali, Hindi and Bengali records "
        "complaints about unpaid wages and forwards them to the embassy and to the labour "
        "dispute committees.",
        context="Workers did not know how to use the labour dispute system, feared losing their "
        "jobs, and often had no copy of their contract.",
        activities="Volunteers answer calls every evening, help callers gather evidence such as "
        "pay slips and photographs of timesheets, and follow each case with the labour attaché "
        "of the embassy.",
        results="About 600 cases referred each year; most settled with back pay.",
        evidence="Hotline records shared with the embassy.",
        innovation="The hotline is run by workers themselves, in their languages.",
        replicability="Works in any destination with organised migrant communities.",
        lessons="Workers must keep copies of contracts and pay slips from the first day.",
        areas="OBLIG CONS", gcm=(6, 14), principles=(1, 6), countries="QAT NPL",
        actors="migrant_organisation", audiences="migrants",
    ),
    practice(
        "wa-recruitment-adviser-ratings", "en", "demo-ituc-africa",
        title="Recruitment Adviser: workers rate recruitment agencies in West Africa",
        summary="A trade union website where migrant workers review the agencies that recruited "
        "them, so that others can avoid those charging fees or lying about jobs.",
        context="Prospective migrants in Ghana, Nigeria and Togo chose recruitment agencies by "
        "word of mouth. Licensed and unlicensed agencies looked the same, and workers who had "
        "been deceived had no way of warning others.",
        objectives="Give workers information on agencies before they pay anything, and push "
        "agencies to comply with the ILO general principles on fair recruitment.",
        activities="- Union organisers collect reviews in person at union offices and bus "
        "stations, not only online.\n- Each agency's licence status is checked with the labour "
        "ministry and shown next to the reviews.\n- Agencies can answer reviews publicly.\n- "
        "Radio programmes in Twi, Hausa and Ewe explain how to read the ratings.",
        partners="National trade union centres of Ghana, Nigeria and Togo; the ITUC global "
        "Recruitment Adviser team; labour ministries for licence data.",
        results="1,900 reviews of 240 agencies in three years. Six agencies with repeated "
        "reports of fees lost their licence after the ministry inspected them.",
        evidence="Platform statistics; inspection reports shared by the Ghanaian labour "
        "department.",
        innovation="Reviews gathered face to face by union organisers reach workers who do not "
        "use the internet.",
        replicability="The platform exists in several languages; unions elsewhere can join and "
        "run the outreach.",
        lessons="Agencies started to answer reviews once ministries cited the platform; "
        "government buy-in changed its weight.",
        areas="OBLIG", gcm=(6, 3), principles=(6, 10), countries="GHA NGA TGO", regions="011",
        scope="regional", actors="trade_union national_government",
        audiences="migrants civil_society",
    ),
    practice(
        "med-city-to-city-integration-councils", "en", "demo-icmpd",
        title="City-to-city peer learning on migrant integration in the Mediterranean",
        summary="Mayors and officials of twenty Mediterranean cities exchange practices on "
        "welcoming migrants, and several set up local migrant advisory councils after the "
        "exchanges.",
        context="Cities on both shores receive migrants but national policies rarely give them "
        "a role. Officials in Tunis, Beirut or Madrid had little chance to learn from each "
        "other.",
        activities="Peer-learning visits between pairs of cities; a city migration profile "
        "drawn up by each city; small grants to pilot a practice seen elsewhere, such as an "
        "advisory council, a welcome office or multilingual municipal information.",
        partners="UCLG, UN-Habitat, the participating municipalities.",
        results="Twenty city profiles published; eight cities piloted a practice learned from a "
        "peer, including three local advisory councils with migrant members.",
        evidence="Project reports; city council decisions.",
        innovation="Learning between cities of the South and North on equal terms.",
        replicability="The network is open to new cities; the city profile method is public.",
        lessons="Pilots survive when a council decision and a budget line follow the visit.",
        areas="WGWS COORD", gcm=(16, 23), principles=(9, 10), countries="TUN LBN ESP MAR",
        regions="015 039", scope="regional",
        actors="international_organisation local_government un_agency",
        audiences="local_authorities",
    ),
    practice(
        "mnl-airport-anti-trafficking-task-force", "en", "demo-philippines-dmw",
        title="Anti-trafficking task forces at Manila's international airport",
        summary="Immigration officers, social workers and labour officials screen departing "
        "passengers who show signs of trafficking and refer them to a shelter and prosecutors.",
        context="Recruiters sent workers abroad on tourist visas to evade deployment bans, and "
        "victims were identified only after exploitation abroad.",
        activities="Joint teams at each terminal interview flagged passengers in a private room. "
        "A referral protocol decides who goes to a temporary shelter, who gives a statement to "
        "prosecutors, and who may travel. Officers are trained on indicators of trafficking and "
        "on avoiding profiling of women travellers.",
        partners="Inter-Agency Council Against Trafficking, Bureau of Immigration, Department of "
        "Social Welfare and Development, IOM.",
        results="Each year several thousand passengers are referred and about a thousand "
        "potential victims assisted; recruiters have been convicted on testimony collected at "
        "the airport.",
        evidence="Inter-agency council reports; court records.",
        innovation="One room, three agencies and one referral protocol at the point of "
        "departure.",
        replicability="Any international airport can host a joint referral desk; the protocol "
        "must protect the right to leave one's country.",
        lessons="Complaints of offloading travellers without reason showed the need for clear "
        "criteria and a review procedure.",
        areas="BORD OBLIG COORD", gcm=(10, 12), principles=(4, 6, 7), countries="PHL",
        scope="local", actors="national_government un_agency", audiences="practitioners",
    ),
]  # fmt: skip
