"""The French version of the demo data (demo/seed.py), written by the team, not by a machine.

Each text is keyed as its English original is found: projects by slug, objectives by project
slug and code, activities and indicators by their English title or name, stories by the English
title of the activity they report.
"""

from demo.seed import KOSOVO_SLUG, PREDECESSOR_SLUG, SERBIA_SLUG

PROGRAMME_FR = {
    "name": "Facilité horizontale pour les Balkans occidentaux et la Turquie",
    "description": (
        "Un cadre de coopération cofinancé par l’Union européenne et le Conseil de l’Europe "
        "(Facilité horizontale UE/CdE)."
    ),
}

PROJECTS_FR = {
    PREDECESSOR_SLUG: {
        "title": "Renforcer la protection des droits humains des détenus au Kosovo*",
        "summary": (
            "Une action 2016-2018 de la Facilité horizontale, dont le projet « Amélioration du "
            "traitement des personnes privées de liberté » consolide les résultats."
        ),
        "description": (
            "Connue par la page du projet qui lui succède, qui la nomme et n’en donne que les "
            "années (2016-2018) ; les dates enregistrées ici, du 1er janvier 2016 au "
            "31 décembre 2018, représentent ces années."
        ),
    },
    SERBIA_SLUG: {
        "title": "Renforcer la protection des droits humains des personnes détenues et condamnées",
        "summary": (
            "Une action du Conseil de l’Europe en Serbie au titre de la Facilité horizontale pour "
            "les Balkans occidentaux et la Turquie, cofinancée par l’Union européenne et le "
            "Conseil de l’Europe : garanties contre les mauvais traitements des personnes "
            "arrêtées et détenues, protection des droits humains des détenus et des personnes "
            "atteintes de handicaps mentaux placées en établissement psychiatrique ou social."
        ),
        "description": (
            "Dans le cadre de coopération cofinancé par l’Union européenne et le Conseil de "
            "l’Europe, la Facilité horizontale pour les Balkans occidentaux et la Turquie "
            "(Facilité horizontale), le Conseil de l’Europe mettra en œuvre, parmi ses actions en "
            "Serbie, l’action « Renforcer la protection des droits humains des personnes détenues "
            "et condamnées – Phase II », en étroit partenariat avec le ministère de la Justice, "
            "le ministère de l’Intérieur, le ministère de la Santé, le ministère du Travail, de "
            "l’Emploi, des Anciens combattants et des Affaires sociales, le MNP/Bureau du "
            "Médiateur, le Bureau des droits de l’homme et des minorités et le Bureau serbe pour "
            "l’intégration européenne. L’action associera aussi un large éventail d’autres "
            "acteurs nationaux ainsi que des organisations de la société civile actives dans la "
            "protection et la promotion des droits humains.\n\n"
            "L’action portera sur les garanties contre les mauvais traitements des personnes "
            "arrêtées et détenues, sur la protection des droits humains des détenus par de "
            "meilleures politiques et mesures de réinsertion, ainsi que sur la protection des "
            "droits humains des personnes atteintes de handicaps mentaux placées en établissement "
            "psychiatrique ou social.\n\n"
            "Les conventions clés de cette action sont la Convention européenne pour la "
            "prévention de la torture et des peines ou traitements inhumains ou dégradants et la "
            "Convention de sauvegarde des droits de l’homme et des libertés fondamentales (CEDH), "
            "ainsi que les recommandations du Comité européen pour la prévention de la torture "
            "(CPT) et les arrêts de la Cour européenne des droits de l’homme (CrEDH). Ces "
            "engagements font partie des négociations d’adhésion de la Serbie à l’UE et des "
            "objectifs fixés par les documents stratégiques, en particulier les chapitres 23 "
            "et 24.\n\n"
            "L’action, commencée le 24 mai 2019 et qui s’achèvera le 31 décembre 2022, dispose "
            "d’un budget global de 900 000 euros."
        ),
        "target_groups": (
            "Les institutions partenaires – le ministère de la Justice, le ministère de "
            "l’Intérieur, le ministère de la Santé, le ministère du Travail, de l’Emploi, des "
            "Anciens combattants et des Affaires sociales, le MNP/Bureau du Médiateur, le Bureau "
            "des droits de l’homme et des minorités et le Bureau serbe pour l’intégration "
            "européenne –, d’autres acteurs nationaux et les organisations de la société civile "
            "actives dans la protection et la promotion des droits humains."
        ),
        "end_beneficiaries": (
            "Les personnes arrêtées et détenues, les détenus et les personnes atteintes de "
            "handicaps mentaux placées en établissement psychiatrique ou social."
        ),
        "key_standards": "\n".join(
            [
                "Convention européenne pour la prévention de la torture et des peines ou "
                "traitements inhumains ou dégradants",
                "Convention de sauvegarde des droits de l’homme et des libertés fondamentales "
                "(CEDH)",
                "Recommandations du Comité européen pour la prévention de la torture (CPT)",
                "Arrêts de la Cour européenne des droits de l’homme (CrEDH)",
                "Négociations d’adhésion à l’UE : chapitres 23 et 24",
            ]
        ),
    },
    KOSOVO_SLUG: {
        "title": "Amélioration du traitement des personnes privées de liberté",
        "summary": (
            "Un projet du Conseil de l’Europe de 36 mois au Kosovo*, cofinancé par des "
            "contributions volontaires de la Belgique, de l’Allemagne, de l’Irlande, de la "
            "Norvège et du Conseil de l’Europe, pour un traitement et des soins des personnes "
            "privées de liberté conformes aux normes du Conseil de l’Europe."
        ),
        "description": (
            "Le Conseil de l’Europe met en œuvre un projet intitulé « Amélioration du traitement "
            "des personnes privées de liberté », d’une durée de 36 mois (octobre 2022 – "
            "septembre 2025), cofinancé par des contributions volontaires de la Belgique, de "
            "l’Allemagne, de l’Irlande, de la Norvège et du Conseil de l’Europe. Le budget global "
            "du projet s’élève à 850 000 euros.\n\n"
            "Le projet soutiendra les initiatives de réforme afin de consolider les résultats "
            "déjà obtenus dans le cadre de l’action 2016-2018 de la Facilité horizontale "
            "« Renforcer la protection des droits humains des détenus au Kosovo* », et élargira "
            "le travail pour créer des conditions favorables à un traitement et à des soins des "
            "personnes privées de liberté conformes aux normes du Conseil de l’Europe.\n\n"
            "En atteignant ses objectifs, le projet renforcera encore les connaissances et les "
            "compétences du personnel médical et non médical des prisons, des autres "
            "établissements fermés et des acteurs concernés, afin de consolider les garanties "
            "contre les mauvais traitements conformément aux normes du Conseil de l’Europe et aux "
            "recommandations du CPT. Il élaborera une méthode de travail efficace et encouragera "
            "une coopération durable."
        ),
        "target_groups": (
            "Les professionnels de santé et les autres catégories de personnel des prisons et "
            "des autres établissements fermés."
        ),
        "end_beneficiaries": (
            "Les détenus ayant besoin de soins médicaux, les patients de l’institut médico-légal "
            "et les personnes atteintes de handicaps mentaux et physiques accueillies dans des "
            "établissements spécialisés de protection sociale."
        ),
        "key_standards": "Normes du Conseil de l’Europe\nRecommandations du CPT",
    },
}

OBJECTIVES_FR = {
    (SERBIA_SLUG, "1"): (
        "Renforcer la protection des droits humains des personnes détenues et condamnées en "
        "Serbie, conformément aux conventions, aux recommandations du CPT et aux arrêts de la "
        "CrEDH sur lesquels elle repose."
    ),
    (SERBIA_SLUG, "1.1"): (
        "Garanties contre les mauvais traitements des personnes arrêtées et détenues."
    ),
    (SERBIA_SLUG, "1.2"): (
        "Protection des droits humains des détenus par de meilleures politiques et mesures de "
        "réinsertion."
    ),
    (SERBIA_SLUG, "1.3"): (
        "Protection des droits humains des personnes atteintes de handicaps mentaux placées en "
        "établissement psychiatrique ou social."
    ),
    (KOSOVO_SLUG, "1"): (
        "Garantir la protection des droits humains des personnes privées de liberté, en "
        "particulier des personnes condamnées et des patients atteints de handicaps mentaux."
    ),
    (KOSOVO_SLUG, "1.1"): (
        "Renforcer la coopération ainsi que la cohérence et la coordination des approches de "
        "tous les acteurs concernés afin d’améliorer les soins de santé dispensés à toutes les "
        "personnes privées de liberté de fait et de droit, y compris les personnes condamnées, "
        "les patients hospitalisés sans leur consentement en psychiatrie et les personnes "
        "atteintes de handicaps mentaux placées en établissement de protection sociale."
    ),
    (KOSOVO_SLUG, "1.2"): (
        "Améliorer encore l’action professionnelle du département de la santé pénitentiaire du "
        "ministère de la Santé par le renforcement des capacités, l’établissement de protocoles "
        "adaptés et le renforcement des garanties contre les mauvais traitements."
    ),
    (KOSOVO_SLUG, "1.3"): (
        "Examiner la législation et les politiques encadrant l’hospitalisation psychiatrique sans "
        "consentement à la lumière des normes du Conseil de l’Europe, et évaluer et réviser les "
        "procédures et les informations données aux patients sur leurs droits."
    ),
    (KOSOVO_SLUG, "1.4"): (
        "Renforcer la protection des droits humains des patients détenus atteints de handicaps "
        "mentaux et faciliter leur réadaptation et leur réinsertion dans la société."
    ),
}

INDICATORS_FR = {
    "Prison staff trained by the Action": "Personnel pénitentiaire formé par l’action",
    "Revised NPM working methodology in use": "Méthodologie de travail révisée du MNP appliquée",
    "Mental healthcare professionals and correctional staff trained": (
        "Professionnels de la santé mentale et personnel pénitentiaire formés"
    ),
}

# English activity title: the activity's French title and description, and its story's texts.
ACTIVITIES_FR = {
    "Study visit to Ireland on forensic mental health": {
        "title": "Visite d’étude en Irlande sur la santé mentale en milieu médico-légal",
        "description": (
            "Des représentants de l’administration pénitentiaire serbe, au sein d’une délégation "
            "conduite par M. Dejan Carevic, directeur de l’administration pénitentiaire, ont pu "
            "mieux connaître le système irlandais de santé mentale en milieu médico-légal. La "
            "page indique « 20-21 octobre » sans année ; 2022 se déduit de la place de l’article, "
            "du plus récent au plus ancien, au-dessus d’un article du 2 septembre 2022."
        ),
        "news": {
            "title": "Renforcer les connaissances des responsables de l’administration "
            "pénitentiaire en matière de santé mentale médico-légale",
            "lead": (
                "Les 20 et 21 octobre, des représentants de l’administration pénitentiaire serbe "
                "ont participé à une visite d’étude en Irlande destinée à leur faire mieux "
                "connaître le système irlandais de santé mentale en milieu médico-légal. La "
                "délégation serbe était conduite par M. Dejan Carevic, directeur de "
                "l’administration pénitentiaire, et composée de…"
            ),
        },
    },
    "First cooperation meeting between the Ministry of Interior and civil society organisations": {
        "title": "Première réunion de coopération entre le ministère de l’Intérieur et les "
        "organisations de la société civile",
        "description": (
            "Des possibilités de coopération ont été recensées et les participants ont dialogué "
            "sur les questions actuelles de protection des droits humains."
        ),
        "news": {
            "title": "Coopération entre le ministère serbe de l’Intérieur et les organisations "
            "de la société civile",
            "lead": (
                "La première réunion de coopération entre le ministère de l’Intérieur et les "
                "organisations de la société civile (OSC) s’est tenue le 2 septembre 2022 à "
                "Belgrade. Au cours de la réunion, des possibilités de coopération ont été "
                "recensées et les participants ont dialogué sur les questions actuelles de "
                "protection des droits…"
            ),
        },
    },
    "Training of prison staff in Kosovo* and Serbia on assessing violent extremist prisoners": {
        "title": "Formation du personnel pénitentiaire au Kosovo* et en Serbie à l’évaluation "
        "des détenus extrémistes violents",
        "description": (
            "Des membres choisis du personnel pénitentiaire ont appris à exercer un jugement "
            "professionnel structuré dans l’évaluation des détenus extrémistes violents : "
            "indicateurs comportementaux de radicalisation, facteurs qui pèsent dans "
            "l’évaluation du risque qu’un détenu peut présenter, et détermination des besoins "
            "prioritaires de réadaptation et de prise en charge individuelles."
        ),
        "news": {
            "title": "Des membres du personnel pénitentiaire au Kosovo* et en Serbie formés au "
            "jugement professionnel structuré dans l’évaluation des détenus extrémistes violents",
            "lead": (
                "Quels indicateurs comportementaux peuvent signaler une radicalisation ? Quels "
                "facteurs comptent et pèsent dans l’évaluation du niveau de risque qu’un détenu "
                "peut présenter ? Comment traduire les connaissances et les informations "
                "recueillies pour déterminer les besoins prioritaires de réadaptation et de prise "
                "en charge individuelles d’un…"
            ),
        },
    },
    "First NPM workshop for staff of the psychiatric clinic “Dr Laza Lazarevic”": {
        "title": "Premier atelier du MNP pour le personnel de la clinique psychiatrique "
        "« Dr Laza Lazarević »",
        "description": (
            "Le premier d’une série d’ateliers lancée par le Conseil de l’Europe et le mécanisme "
            "national de prévention (MNP) de Serbie pour le personnel des établissements "
            "psychiatriques et sociaux, sur les normes du Conseil de l’Europe en matière de "
            "prévention des mauvais traitements."
        ),
        "news": {
            "title": "Renforcer les connaissances du personnel psychiatrique et social sur les "
            "normes du Conseil de l’Europe en matière de prévention des mauvais traitements",
            "lead": (
                "Le Conseil de l’Europe et le mécanisme national de prévention (MNP) de Serbie "
                "ont lancé une série d’ateliers pour le personnel des établissements "
                "psychiatriques et sociaux sur la protection des droits humains des personnes. Le "
                "premier atelier, destiné aux employés de la clinique psychiatrique « Dr Laza "
                "Lazarević », s’est tenu à Belgrade…"
            ),
        },
    },
    "Training for prison managers on radicalisation and violent extremism in prisons": {
        "title": "Formation des directeurs de prison sur la radicalisation et l’extrémisme "
        "violent en prison",
        "description": (
            "Une journée de formation intensive pour vingt représentants du système "
            "pénitentiaire serbe sur la radicalisation et l’extrémisme violent, l’extrémisme de "
            "droite, et les outils et programmes propres aux détenus extrémistes violents."
        ),
        "news": {
            "title": "Formation des directeurs de prison en Serbie sur la radicalisation, "
            "l’extrémisme violent et les défis de sa prévention en prison",
            "lead": (
                "Vingt représentants du système pénitentiaire serbe ont suivi une journée de "
                "formation intensive sur la radicalisation et l’extrémisme violent, l’extrémisme "
                "de droite, et les outils et programmes propres aux détenus extrémistes violents, "
                "le 25 mars 2022 à Belgrade (Serbie). La…"
            ),
        },
    },
    "Revision of the NPM Serbia working methodology": {
        "title": "Révision de la méthodologie de travail du MNP de Serbie",
        "description": (
            "Huit mois (mars-novembre 2021) de travail du Conseil de l’Europe et de l’équipe du "
            "MNP pour actualiser et améliorer les procédures opérationnelles et la méthodologie "
            "de travail du mécanisme national de prévention serbe, achevés en novembre 2021. La "
            "page ne donne que les mois : les dates enregistrées vont du 1er mars 2021 au "
            "23 novembre 2021, jour de la publication de l’article annonçant son achèvement."
        ),
        "news": {
            "title": "La méthodologie révisée du MNP de Serbie permet un meilleur suivi de la "
            "protection des droits humains dans les lieux de détention",
            "lead": (
                "Après huit mois (mars-novembre 2021) d’un travail assidu d’actualisation et "
                "d’amélioration des procédures opérationnelles et de la méthodologie de travail "
                "du mécanisme national de prévention (MNP) serbe, le Conseil de l’Europe et "
                "l’équipe du MNP ont achevé ensemble la révision de la méthodologie du MNP serbe "
                "en novembre 2021. Au cours de…"
            ),
        },
    },
    "1st peer-to-peer training for prison treatment staff on Offender Behaviour Programmes": {
        "title": "Première formation entre pairs du personnel de traitement pénitentiaire aux "
        "programmes de prise en charge du comportement délinquant",
        "description": (
            "Des agents de traitement (19) de 9 prisons serbes ont renforcé leurs connaissances "
            "et leurs compétences pour conduire et animer des ateliers pour les détenus à l’aide "
            "des nouveaux programmes de prise en charge du comportement délinquant."
        ),
        "news": {
            "title": "Renforcer les capacités du personnel de traitement pénitentiaire en Serbie",
            "lead": (
                "La première formation entre pairs du personnel de traitement pénitentiaire à "
                "l’utilisation des nouveaux programmes de prise en charge du comportement "
                "délinquant a été organisée à Vrdnik du 31 mai au 4 juin 2021. Des agents de "
                "traitement (19) de 9 prisons serbes ont renforcé leurs connaissances et leurs "
                "compétences pour conduire et animer des ateliers pour les détenus,…"
            ),
        },
    },
    "Working Group on the new Strategy for Enforcement of Criminal Sanctions begins its work": {
        "title": "Le groupe de travail sur la nouvelle stratégie d’exécution des sanctions "
        "pénales commence ses travaux",
        "description": (
            "Avec le soutien du Conseil de l’Europe, un groupe de travail du ministère de la "
            "Justice et de l’administration pénitentiaire a commencé l’élaboration de la nouvelle "
            "stratégie d’exécution des sanctions pénales."
        ),
        "news": {
            "title": "Une approche stratégique de l’exécution des sanctions pénales et de la "
            "protection des personnes privées de liberté en Serbie",
            "lead": (
                "Le 27 novembre 2020, avec le soutien du Conseil de l’Europe, un groupe de "
                "travail du ministère de la Justice et de l’administration pénitentiaire a "
                "commencé l’élaboration de la nouvelle stratégie d’exécution des sanctions "
                "pénales. Au cours de la réunion, les membres du groupe de travail ont notamment "
                "examiné…"
            ),
        },
    },
    "Seminar on reinforcing the National Prevention Mechanism in Serbia": {
        "title": "Séminaire sur le renforcement du mécanisme national de prévention en Serbie",
        "description": (
            "Plus de 20 représentants d’ONG et du bureau du Médiateur serbe ont participé à un "
            "séminaire organisé par le Conseil de l’Europe sur le rôle des ONG et du MNP."
        ),
        "news": {
            "title": "Renforcer le mécanisme national de prévention en Serbie",
            "lead": (
                "Plus de 20 représentants d’ONG et du bureau du Médiateur serbe ont bénéficié "
                "d’un séminaire sur le renforcement du mécanisme national de prévention (MNP) en "
                "Serbie. Le séminaire, organisé par le Conseil de l’Europe à Belgrade les 13 et "
                "14 octobre 2020, portait sur le rôle des ONG et du MNP dans…"
            ),
        },
    },
    "Meeting on the Bylaw on Police Powers": {
        "title": "Réunion sur le règlement relatif aux pouvoirs de la police",
        "description": (
            "Un règlement relatif aux pouvoirs de la police a été examiné avec des représentants "
            "de diverses structures du ministère de l’Intérieur, lors d’une réunion à Belgrade "
            "coordonnée en ligne par un consultant international du Conseil de l’Europe, à la "
            "demande du ministère."
        ),
        "news": {
            "title": "Le Conseil de l’Europe continue d’aider le ministère de l’Intérieur de "
            "Serbie à aligner la législation sur les normes européennes",
            "lead": (
                "Le 10 septembre 2020, un règlement relatif aux pouvoirs de la police a été "
                "examiné avec des représentants de diverses structures du ministère de "
                "l’Intérieur lors d’une réunion à Belgrade, coordonnée en ligne par un consultant "
                "international du Conseil de l’Europe. À la demande du ministère de l’Intérieur, "
                "le Conseil de…"
            ),
        },
    },
    "Training on psychosocial programmes and rehabilitation methods": {
        "title": "Formation aux programmes psychosociaux et aux méthodes de réadaptation",
        "description": (
            "Trois jours de formation pour 30 professionnels de la santé mentale et membres du "
            "personnel pénitentiaire de l’IPMK, du SCK, du DSP et de l’IS, avec des représentants "
            "du service de probation du Kosovo et de la société civile. À partir d’études de "
            "cas : épuisement professionnel du personnel, évaluation des détenus et des personnes "
            "placées dans d’autres établissements fermés et prise en charge qui en découle, "
            "préparation de la sortie et de la libération, entretien motivationnel et techniques "
            "de désescalade, soins personnels et éducation des patients."
        ),
        "news": {
            "title": "Le Conseil de l’Europe renforce les compétences des professionnels de la "
            "santé mentale et du personnel pénitentiaire en matière de programmes psychosociaux "
            "et de méthodes de réadaptation",
            "lead": (
                "Les professionnels de la santé mentale et le personnel pénitentiaire doivent "
                "sans cesse renforcer leurs connaissances et leurs compétences pratiques, et "
                "connaître les normes internationales et les bonnes pratiques, pour pouvoir "
                "offrir une prise en charge appropriée aux personnes privées de liberté."
            ),
            "body": (
                "C’est pourquoi une formation de trois jours aux programmes psychosociaux et aux "
                "méthodes de réadaptation s’est tenue du 1er au 3 juillet au Kosovo*, près de la "
                "prison de Dubrava, animée par deux experts du Conseil de l’Europe.\n\n"
                "Au total, 30 professionnels de la santé mentale et membres du personnel "
                "pénitentiaire de l’Institut de psychiatrie médico-légale du Kosovo (IPMK), des "
                "Services correctionnels du Kosovo (SCK), du Département de la santé "
                "pénitentiaire (DSP) et de l’Institut spécial pour les personnes atteintes de "
                "handicaps d’apprentissage et physiques (IS), ainsi que des représentants du "
                "service de probation du Kosovo et de la société civile, se sont familiarisés "
                "avec plusieurs techniques utiles à leur travail quotidien. À partir d’études de "
                "cas, les participants ont approfondi leurs connaissances pratiques et leur "
                "sensibilisation à l’épuisement professionnel du personnel, à l’évaluation des "
                "détenus et des personnes placées dans d’autres établissements fermés et à la "
                "prise en charge qui en découle, à la préparation de la sortie et de la "
                "libération, à l’entretien motivationnel et aux techniques de désescalade, ainsi "
                "qu’aux soins personnels et à l’éducation des patients.\n\n"
                "Les participants ont aussi partagé leurs expériences et appris les uns des "
                "autres, en échangeant les bonnes pratiques de leurs institutions et en "
                "renforçant la coopération entre elles.\n\n"
                "En signe de reconnaissance pour le travail du Conseil de l’Europe et pour la "
                "qualité du partenariat, le directeur général des SCK et les responsables du DSP "
                "et de l’IS ont remercié le Conseil de l’Europe de tous ses efforts et de son "
                "engagement pour améliorer les compétences et les connaissances de leur "
                "personnel, au bénéfice d’une meilleure prise en charge des personnes placées en "
                "établissement fermé.\n\n"
                "L’activité a été organisée dans le cadre du projet du Conseil de l’Europe "
                "« Amélioration du traitement des personnes privées de liberté »."
            ),
        },
    },
}

# Institution slug: its French name.
INSTITUTIONS_FR = {
    "council-of-europe": "Conseil de l’Europe",
    "european-union": "Union européenne",
    "belgium": "Belgique",
    "germany": "Allemagne",
    "ireland": "Irlande",
    "norway": "Norvège",
    "ministry-of-justice-serbia": "Ministère de la Justice",
    "prison-administration-serbia": "Administration pénitentiaire",
    "ministry-of-internal-affairs-serbia": "Ministère de l’Intérieur",
    "ministry-of-health-serbia": "Ministère de la Santé",
    "ministry-of-labour-serbia": (
        "Ministère du Travail, de l’Emploi, des Anciens combattants et des Affaires sociales"
    ),
    "ombudsperson-office-serbia": "Bureau du Médiateur",
    "npm-serbia": "Mécanisme national de prévention",
    "office-for-human-and-minority-rights-serbia": "Bureau des droits de l’homme et des minorités",
    "serbian-european-integration-office": "Bureau serbe pour l’intégration européenne",
    "civil-society-serbia": "Organisations de la société civile en Serbie",
    "clinic-dr-laza-lazarevic": "Clinique psychiatrique « Dr Laza Lazarević »",
    "ministry-of-health-kosovo": "Ministère de la Santé",
    "prison-health-department-kosovo": "Département de la santé pénitentiaire",
    "institute-for-forensic-psychiatry-of-kosovo": (
        "Institut de psychiatrie médico-légale du Kosovo"
    ),
    "kosovo-correctional-services": "Services correctionnels du Kosovo",
    "special-institute-for-persons-with-disabilities-kosovo": (
        "Institut spécial pour les personnes atteintes de handicaps d’apprentissage et physiques"
    ),
    "dubrava-prison": "Prison de Dubrava",
    "kosovo-probation-service": "Service de probation du Kosovo",
    "civil-society-kosovo": "Organisations de la société civile au Kosovo*",
}
