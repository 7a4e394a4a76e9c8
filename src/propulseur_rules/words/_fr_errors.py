"""Les motifs des erreurs que la bibliothèque lève à dessein, en français. Partie de la table de :mod:`._fr`."""

from __future__ import annotations

__all__ = ["ERROR_WORDS"]

#: Les motifs des erreurs que la bibliothèque lève à dessein.
ERROR_WORDS: dict[str, str] = {
    # words : les langues, les valeurs dans une erreur (erreurs, choix, valeur trop grande pour être montrée)
    "error.unknown_language": "{value} n'est pas une langue des rapports ; langues possibles : {choices}",
    "error.either": "{first} ou {last}",
    "error.integer_size": "un entier de {bits} bits",
    "error.nested_value": "{kind} d'une imbrication trop profonde",
    "error.value_number_too_long": "{kind} contenant un nombre trop long pour être montré",
    # files : la lecture d'un fichier
    "error.no_such_file": "fichier introuvable",
    "error.is_folder": "est un dossier, pas un fichier",
    "error.permission": "ne peut être lu : permission refusée",
    "error.unreadable": "ne peut être lu : {reason}",
    "error.empty": "est vide",
    "error.too_large": "dépasse {size} Mo",
    "error.workbook_as_csv": (
        "est un classeur (.xlsx ou .ods), pas du texte CSV : enregistrez-le en CSV, "
        "ou nommez-le .xlsx ou .ods selon ce qu'il est"
    ),
    "error.bad_csv": "n'est pas un CSV valide : {detail}",
    "error.bad_workbook": "n'est pas un classeur (.xlsx ou .ods) lisible",
    "error.too_many_rows": "a plus de {limit} lignes",
    "error.fields": "a {count} champs là où l'en-tête en a {expected}",
    "error.not_utf8": (
        "n'est pas du texte UTF-8 (octet {byte}) ; enregistrez-le en UTF-8 (« CSV UTF-8 » dans un tableur)"
    ),
    "error.missing_column": "la colonne {column} manque (les colonnes sont {columns})",
    "error.twice_column": "la colonne {column} est donnée deux fois",
    "error.unnamed_column": "la colonne {position} n'a pas de nom",
    "error.unknown_column_hint": (
        "la colonne {position}{named} n'est pas une colonne connue ; vouliez-vous dire {close} ?"
    ),
    "error.unknown_column": "la colonne {position} n'est pas une colonne connue ; les colonnes sont {columns}",
    "error.not_a_day": "{value} n'est pas un jour du calendrier",
    "error.not_a_date": "{value} n'est pas une date (attendu : AAAA-MM-JJ ou JJ/MM/AAAA)",
    "error.not_an_amount": "{value} n'est pas un montant en euros (attendu : 50000.00 ou 50 000,00)",
    "error.not_a_document_kind": (
        "{value} n'est pas une pièce connue ; attendu : copie du contrat (contract_copy), compte rendu "
        "financier (financial_statement) ou rapport final (final_report)"
    ),
    "error.used_twice": "{value} est utilisée deux fois (aussi {origin})",
    "error.rows_wrong": "{count} lignes sont erronées : ligne {lines}",
    "error.rows_wrong_and_more": "{count} lignes sont erronées : ligne {lines} ; et {more} de plus",
    "error.rows_joint": "; ligne ",
    "error.rows_more": "et {more} autres lignes sont erronées",
    "error.expected_file_path": "attendu : un chemin de fichier, pas {type}",
    "error.not_a_file_path": "n'est pas un chemin de fichier : {detail}",
    "error.expected_folder_path": "attendu : un chemin de dossier, pas {type}",
    "error.not_a_folder": "n'est pas un dossier existant",
    "error.absolute_path": "doit être un chemin relatif au dossier de base, pas un chemin absolu",
    "error.path_leaves_folder": "doit rester dans le dossier de base : '..' n'est pas permis",
    "error.control_in_file_name": "n'est pas un nom de fichier : il contient un caractère de contrôle",
    "error.link_leaves_folder": "doit nommer un fichier du dossier de base (un lien symbolique ne peut pas en sortir)",
    # rules : dates, textes, nombres, secteurs, start-ups, versements, conseils
    "error.date_and_time": "attendu : une date, pas une date et une heure",
    "error.not_an_iso_date": "{value} n'est pas une date de la forme AAAA-MM-JJ",
    "error.expected_date_not": "attendu : une date, pas {type}",
    "error.date_nat": "attendu : une date, pas NaT (aucune date)",
    "error.date_numpy": "attendu : une date, pas une valeur numpy {dtype}",
    "error.date_and_time_zone": "attendu : une date, pas une date et une heure avec un fuseau horaire",
    "error.expected_text": "attendu : du texte, pas {type}",
    "error.must_not_be_empty": "ne doit pas être vide",
    "error.text_too_long": "dépasse {limit} caractères",
    "error.control_character": "contient un caractère de contrôle",
    "error.lone_surrogate": "contient un demi-caractère isolé (surrogate), qui n'est pas du texte",
    "error.expected_whole_number": "attendu : un nombre entier, pas {type}",
    "error.negative": "{value} est négatif",
    "error.count_too_large": "{value} dépasse le plus grand nombre accepté ({limit})",
    "error.end_before_start": "{end} est antérieur au début, le {start}",
    "error.not_a_sector": (
        "{value} n'est pas un secteur ; attendu : industry (industrie), health (santé) ou other (autre)"
    ),
    "error.expected_sector": "attendu : un secteur, pas {type}",
    "error.expected_insee_text": "attendu : un code commune INSEE sous forme de texte, pas {type}",
    "error.not_an_insee_code": "{value} n'est pas un code commune INSEE (5 caractères, comme 21231)",
    "error.expected_siren_text": "attendu : un SIREN sous forme de texte, pas {type}",
    "error.not_a_siren": "{value} n'est pas un SIREN (9 chiffres)",
    "error.siren_key": "{value} n'est pas un SIREN valide : sa clé de contrôle est fausse",
    "error.expected_startup": "attendu : une Startup, pas {type}",
    "error.payment_not_positive": "un versement ne peut pas être de 0 (un reversement est un montant négatif)",
    "error.refund_exceeds_paid": "le reversement {reference} de {refund} dépasse les {paid} versés avant lui",
    "error.not_a_limitation_event": "{value} n'est pas un événement de la prescription ; les événements sont {choices}",
    "error.aid_not_positive": "une aide doit être supérieure à 0",
    "error.president_for_not_counted": "le président a voté pour, mais aucune voix pour n'est comptée",
    "error.president_against_not_counted": "le président a voté contre, mais aucune voix contre n'est comptée",
    "error.executory_before_vote": "exécutoire le {executory_on}, c'est avant le vote du {decided_on}",
    "error.no_member_in_office": "un conseil a au moins un membre en exercice",
    "error.too_many_present": "{present} présents, c'est plus que les {members} membres en exercice",
    "error.too_many_proxies": "{proxies} pouvoirs, c'est plus que les {absent} membres absents",
    # rules : les montants en euros
    "error.expected_amount_not_value": "attendu : un montant en euros, pas {value}",
    "error.amount_too_large": "{value} dépasse le plus grand montant accepté ({limit})",
    "error.not_an_amount_in_euros": "{value} n'est pas un montant en euros",
    "error.expected_amount": "attendu : un montant en euros, pas {type}",
    "error.not_whole_cents": "{value} n'est pas un nombre entier de centimes",
    # rules : la convention de financement, ses termes et ses pièces
    "error.not_a_document_kind_value": (
        "{value} n'est pas une pièce connue ; attendu : contract_copy, financial_statement ou final_report"
    ),
    "error.expected_document_kind": "attendu : une sorte de pièce, pas {type}",
    "error.not_a_year_number": "attendu : un numéro d'année de programme (1, 2, …), pas {value}",
    "error.no_year_number": "{value} n'est pas un numéro d'année de programme (1, 2, …)",
    "error.copy_covers_contract": "la copie d'un contrat porte sur la référence d'un contrat, pas sur {value}",
    "error.final_report_covers_all": "le rapport final porte sur toute la convention, pas sur {value}",
    "error.not_a_share": "{value} n'est pas une part entre 0 et 1 (0 % à 100 %)",
    "error.not_a_number": "{value} n'est pas un nombre",
    "error.share_decimals": "{value} a plus de quatre décimales (un centième de pour cent)",
    "error.not_a_delay": "{value} n'est pas un délai de 0 à {limit} mois",
    "error.beyond_calendar": "{months} mois après le {day}, c'est au-delà du calendrier",
    "error.expected_document": "attendu : un Document, pas {type}",
    "error.not_a_contract_of_convention": "{value} n'est pas un contrat de cette convention",
    "error.no_such_programme_year": "la convention n'a pas d'année de programme {year} ; elle en a {count}",
    "error.before_financing_signed": "{day} est antérieur à la signature de la convention de financement, le {signed}",
    # rules : bases légales, entrées du moteur, règles, convention, résultat
    "error.not_a_basis_key": "{value} n'est pas une clé de mots en minuscules reliés par des traits d'union",
    "error.expected_non_empty_text": "attendu : un texte non vide, pas {value}",
    "error.not_a_celex_id": "{value} n'est pas le numéro CELEX d'un règlement comme 32023R2831",
    "error.not_a_legifrance_id": "{value} n'est pas un identifiant Légifrance comme LEGIARTI000006528553",
    "error.expected_pair_of_texts": "attendu : une paire de textes : anglais, français",
    "error.not_a_legal_basis": "{value} n'est pas une base légale ; attendu : l'une de {choices}",
    "error.fact_given_twice": "fait partie des faits donnés par un Facts : donnez-le là, ou ne donnez pas de Facts",
    "error.expected_convention": "attendu : une Convention, pas {type}",
    "error.expected_collection_of": "attendu : une collection de {kind}, pas {type}",
    "error.expected_a_kind": "attendu : un objet {kind}, pas {type}",
    "error.expected_cases": "attendu : une collection de cas, pas {type}",
    "error.expected_case": (
        "attendu : un triplet (convention, contrats, arguments nommés) ou un dictionnaire, pas {type}"
    ),
    "error.required": "est obligatoire",
    "error.not_a_case_key": "{value} n'est pas une clé d'un cas ; attendu : {choices}",
    "error.case_length": "attendu : (convention, contrats, arguments nommés), pas {count} éléments",
    "error.expected_keywords": "attendu : un dictionnaire d'arguments nommés, pas {type}",
    "error.not_a_keyword": "{value} n'est pas un argument nommé de assess ; attendu : {choices}",
    "error.not_an_eligibility_condition": "{value} n'est fixée par aucune règle d'éligibilité",
    "error.not_one_of": "{value} n'est pas l'une des valeurs {choices}",
    "error.expected_collection": "attendu : une collection, pas {type}",
    "error.expected_period": "attendu : une Period, pas {type}",
    "error.not_whole_years": (
        "{value} n'est pas un nombre entier d'années de programme de douze mois (C1 en donne trois)"
    ),
    "error.too_many_years": "{years} années de programme, c'est plus que les {limit} acceptées",
    "error.expected_deliberation": "attendu : une Deliberation ou None, pas {type}",
    "error.expected_financing_terms": "attendu : des FinancingTerms ou None, pas {type}",
    "error.deadline_outside_period": "{deadline} n'est pas dans la période de la convention, {period}",
    "error.selected_after_end": "{value} est postérieur à la fin de la période, le {end}",
    "error.unknown_parameter": "{detail} ; les paramètres sont {known}",
    "error.not_a_contract_of_assessment": "{value} n'est pas la référence d'un contrat de cette évaluation",
    # files : fichiers de scénario et requêtes
    "error.kind_true_or_false": "vrai ou faux",
    "error.kind_table": "une table",
    "error.kind_list": "une liste",
    "error.kind_text": "du texte",
    "error.kind_whole_number": "un nombre entier",
    "error.kind_number": "un nombre",
    "error.kind_float": "un nombre à virgule flottante",
    "error.kind_date_and_time": "une date et une heure",
    "error.kind_date": "une date",
    "error.kind_time": "une heure du jour",
    "error.kind_null": "null",
    "error.kind_collection": "une collection",
    "error.kind_bytes": "des données binaires",
    "error.kind_other": "une valeur d'une autre sorte",
    "error.expected_table": "attendu : une table, pas {kind}",
    "error.unknown_key_hint": "n'est pas une clé connue ; vouliez-vous dire {close} ?",
    "error.unknown_key": "n'est pas une clé connue ; les clés sont {keys}",
    "error.missing": "manque",
    "error.nested_too_deeply": "est imbriqué trop profondément",
    "error.number_too_large": "{value} est un nombre trop grand",
    "error.expected_csv_path": "attendu : le chemin d'un fichier CSV, pas {kind}",
    "error.csv_needs_base": "seul un scénario lu dans un fichier ou donné avec un base_dir peut nommer un fichier CSV",
    "error.absolute_csv_path": "doit être un chemin relatif au fichier de scénario, pas un chemin absolu",
    "error.unknown_preset": "{value} n'est pas une convention connue ; les conventions prédéfinies sont {presets}",
    "error.expected_expected_contracts": "attendu : une table de références de contrats, pas {kind}",
    "error.not_a_scenario_file": "attendu : un fichier de scénario .toml ou .json",
    "error.expected_scenario_text": "attendu : le texte d'un scénario, pas {type}",
    "error.not_a_scenario_format": "{value} n'est pas un format de scénario ; attendu : toml ou json",
    "error.bad_toml": "n'est pas du TOML valide : {detail}",
    "error.toml_integer_too_long": "n'est pas du TOML valide : un entier a trop de chiffres",
    "error.bad_json": "n'est pas du JSON valide : {detail} (ligne {line}, colonne {column})",
    "error.number_too_long": "le nombre {value}… est trop long",
    "error.number_out_of_range": "{value} est un nombre trop grand ou trop petit",
    "error.unusable_number": "{value} n'est pas un nombre utilisable",
    "error.key_twice": "est donnée deux fois dans le même objet",
    "error.expected_list": "attendu : une liste, pas {kind}",
    "error.years_from_one": "les années de programme sont numérotées à partir de 1",
    "error.unknown_field": "n'est pas un champ ; les champs sont {fields}",
    "error.needs_field": "demande {field}",
    "error.expected_an_item": "attendu : un objet {kind}, pas {type}",
    "error.expected_true_or_false": "attendu : true ou false, pas {type}",
    "error.expected_list_of": "attendu : une liste de {kind}, pas {type}",
    "error.expected_expectation": "attendu : une Expectation ou None, pas {type}",
    "error.not_a_clause": "{value} n'est pas une clause ; attendu : C1 à C9",
    "error.unknown_scenario_field": "{detail} ; les champs sont {known}",
    "error.expected_scenario": "attendu : un Scenario, pas {type}",
    "error.cannot_write": "ne peut être écrit : {reason}",
    # reports : résultats en JSON, trace, écriture d'un fichier, SCDL subventions
    "error.no_json_form": "{type} n'a pas de forme JSON dans les résultats",
    "error.not_an_input_of_step": "{value} n'est pas une entrée de cette étape {step}",
    "error.scdl_column": "{reason} (colonne SCDL {column})",
    "error.siret_required": "est obligatoire : un SIRET de 14 chiffres",
    "error.expected_siret_text": "attendu : un SIRET sous forme de texte, pas {type}",
    "error.not_a_siret": "{value} n'est pas un SIRET (14 chiffres : SIREN et NIC)",
    "error.siret_key": "{value} n'est pas un SIRET valide : sa clé de contrôle est fausse",
    "error.scdl_text_too_long": "compte {length} caractères ; le SCDL en permet {limit}",
    "error.expected_period_or_date": "attendu : une Period ou une date, pas {type}",
    "error.convention_signed_on_required": "est obligatoire : le jour de la signature de la convention de financement",
    "error.eu_notified_required": "est obligatoire (oui ou non) : si l'aide a été notifiée à la Commission européenne",
    "error.expected_share": "attendu : une part comme 1.00, en nombre décimal ou en texte, pas {type}",
    "error.not_a_scdl_share": "{value} n'est pas une part comme 1.00 ou 0.45",
    "error.scdl_share_range": "{value} n'est pas une part de 0.01 à 1 en centièmes",
    "error.column_missing": "la colonne manque",
    "error.not_a_scdl_column": "n'est pas une colonne de SCDL subventions",
    "error.scdl_order": "les colonnes ne sont pas dans l'ordre du SCDL : {columns}",
    "error.scdl_required_empty": "est obligatoire dans SCDL subventions et est vide",
    "error.not_a_siret_with_key": "{value} n'est pas un SIRET à la clé valide (14 chiffres)",
    "error.line_break": "contient un saut de ligne",
    "error.not_a_point_number": "{value} n'est pas un nombre avec un point, comme 47800.20",
    "error.not_a_scdl_period": "{value} n'est ni AAAA-MM-JJ ni AAAA-MM-JJ/AAAA-MM-JJ",
    "error.period_ends_before_start": "la période finit avant de commencer",
    "error.not_oui_or_non": "{value} n'est ni oui ni non",
    "error.not_a_scdl_percentage": "{value} n'est pas un nombre de 0.01 à 1",
    "error.not_a_scdl_date": "{value} n'est pas une date AAAA-MM-JJ",
    "error.siret_or_rna_required": (
        "est obligatoire : un SIRET de 14 chiffres, ou le numéro RNA d'une association (colonne rnaBeneficiaire)"
    ),
    "error.not_an_rna": "{value} n'est pas un numéro RNA (W et 9 chiffres)",
    "error.scdl_siret_or_rna_empty": "est vide, rnaBeneficiaire aussi : SCDL subventions exige l'un des deux",
    "error.scdl_no_payment_left": (
        "le dernier versement attendu, le {last}, précède le premier possible, le {first} : "
        "donnez la période de versement"
    ),
    "error.not_a_payment_period": "{value} n'est ni un jour ni une période DÉBUT/FIN (AAAA-MM-JJ/AAAA-MM-JJ)",
    "error.scdl_example_identifiers": (
        "les SIRET et le jour de signature de l'exemple intégré sont fictifs et seraient publiés sous les vrais "
        "noms de l'attribuant et du bénéficiaire : donnez les vrais, ou ajoutez --example-identifiers pour exporter "
        "l'exemple en tant qu'exemple"
    ),
    "note.scdl_example_identifiers": (
        "remarque : cet enregistrement porte les identifiants fictifs de l'exemple intégré ({values}) : un exemple, "
        "à ne pas publier"
    ),
    # planning : entrées de la prévision, échéancier, lectures, tableaux
    "error.expected_probability": "attendu : une probabilité de 0 à 1, pas {type}",
    "error.not_a_probability": "{value} n'est pas une probabilité de 0 à 1",
    "error.latest_before_earliest": "{latest} est antérieur au jour le plus tôt, le {earliest}",
    "error.expected_percentiles": "attendu : des centiles comme (10, 50, 90), pas {type}",
    "error.no_percentile": "attendu : au moins un centile",
    "error.not_a_percentile": "{value} n'est pas un centile de 1 à 99",
    "error.not_a_whole_percentile": "{value} n'est pas un centile entier",
    "error.expected_days_late": "attendu : un nombre entier de jours de 0 à 3660, pas {value}",
    "error.expected_delay": "attendu : un nombre entier de jours de 1 à {limit}, pas {value}",
    "error.outlook_total": "les probabilités à temps, en retard et jamais font {total} au total, pas 1",
    "error.delay_range": "le retard le plus long, {longest} jours, est plus court que le plus court, {shortest} jours",
    "error.expected_dates": "attendu : une date ou une collection de dates, pas {type}",
    "error.expected_conventions": "attendu : une collection de Convention, pas {type}",
    "error.cut_by_assessment_only": "seule une évaluation se découpe par {value}",
    "error.expected_result": "attendu : une évaluation ou un résultat de planification, pas {type}",
    "error.expected_result_row": "attendu : une ligne d'un résultat de planification, pas {type}",
    # batch : les cas, tableaux pandas et tables Arrow du moteur en colonnes, ses résultats, Dask, la prévision
    # et son graphique, et les fonctions qui demandent un extra
    "error.columnar_de_minimis": (
        "le moteur en colonnes n'évalue pas les autres aides de minimis des start-ups (C4) ; "
        "utilisez assess ou assess_many, ou laissez de côté de_minimis_aid"
    ),
    "error.not_a_contract_condition": "{condition} avec {reason} n'est pas une condition d'un contrat",
    "error.required_column_missing": "est une colonne obligatoire et manque",
    "error.not_a_column_of": "n'est pas une colonne de {table} ; attendu : {columns}",
    "error.column_given_twice": "est une colonne donnée deux fois",
    "error.unreadable_cells": "a des cellules d'un type qui ne peut être lu : {type}",
    "error.expected_scenario_key": "attendu : une clé comme un nombre ou un nom, pas {type}",
    "error.not_a_scenario_of_table": "{value} n'est pas un scénario de la table scenarios",
    "error.not_a_scenario_number": "{value} n'est pas le numéro d'un scénario de ce résultat",
    "error.expected_copies": "attendu : un nombre entier de copies, au moins 1, pas {value}",
    "error.expected_partitions": "attendu : un nombre entier de partitions, au moins 1, pas {value}",
    "error.expected_case_sequence": "attendu : une séquence de cas, pas {type}",
    "error.not_a_result_frame": "{value} n'est pas un tableau d'un résultat ; attendu : {choices}",
    "error.unreadable_parquet": "ne peut être lu comme Parquet",
    "error.partitions_differ": (
        "a {count} partitions et les scénarios {expected} : partitionnez chaque table sur la clé du scénario"
    ),
    "error.scenario_split": (
        "est dans une partition sans son scénario {value} : un scénario doit tenir entier dans une partition ; "
        "partitionnez chaque table sur la clé du scénario"
    ),
    "error.expected_draws": "attendu : un nombre d'avenirs tirés de 1 à {limit}, pas {value}",
    "error.expected_seed": "attendu : un nombre entier, 0 ou plus, pas {value}",
    "error.reference_of_two": "{value} est la référence de deux contrats, signés ou attendus",
    "error.cannot_write_chart": "impossible d'écrire le graphique : {reason}",
    "error.feature_frames": "l'usage de tableaux pandas de scénarios",
    "error.feature_arrow": "l'usage de tables Arrow de scénarios",
    "error.feature_dask": "l'exécution sur Dask",
    "error.feature_chart": "le graphique de la prévision",
    # rules : une dépendance optionnelle non installée, et les fonctions qui en demandent une
    "error.missing_extra": "{feature} demande {module} : pip install 'propulseur-rules[{extra}]'",
    "error.feature_read_xlsx": "la lecture d'un classeur .xlsx",
    "error.feature_write_xlsx": "l'écriture d'un classeur .xlsx",
    "error.feature_write_ods": "l'écriture d'un tableur .ods",
    "error.feature_write_toml": "l'écriture d'un scénario en TOML",
    "error.feature_service": "le service HTTP des règles",
    # cli : les faits, fichiers et options de la ligne de commande
    "error.comma_joint": ", ",
    "error.missing_facts": (
        "sans fichier de scénario, les données de l'exemple intégré ne complètent pas les vôtres : il manque {missing}"
    ),
    "error.option_contracts": "--contracts FICHIER",
    "error.option_as_of": "--as-of DATE",
    "error.option_authorised_on": "--authorised-on DATE (ou --not-authorised)",
    "error.option_payments": "--payments FICHIER (ou --no-payments)",
    "error.spreadsheet_not_scenario": (
        "un tableur de contrats ou de versements n'est pas un fichier de scénario ; donnez-le avec "
        "--contracts {file} (ou --payments)"
    ),
    "error.not_utf8_text": "n'est pas du texte UTF-8",
    "error.not_yes_or_no": "{value} n'est ni oui ni non",
    "error.xlsx_needs_output": (
        "--format xlsx demande --output FICHIER : un classeur ne s'écrit pas sur la sortie standard"
    ),
    "error.ods_needs_output": (
        "--format ods demande --output FICHIER : un tableur ne s'écrit pas sur la sortie standard"
    ),
    "error.folder_without_scenario": "le dossier ne contient aucun scénario .toml ou .json",
    # cli : les erreurs d'usage de la ligne de commande, les messages d'argparse (ses msgids gettext) redits
    "error.label": "erreur :",
    "error.usage_argument": "argument {argument_name} : {message}",
    "error.usage_unrecognized": "arguments non reconnus : {value}",
    "error.usage_required": "ces arguments sont obligatoires : {value}",
    "error.usage_one_required": "l'un des arguments {value} est obligatoire",
    "error.usage_not_allowed_with": "interdit avec l'argument {value}",
    "error.usage_ignored_explicit": "valeur explicite {value} ignorée",
    "error.usage_expected_one": "une valeur attendue",
    "error.usage_expected_at_most_one": "au plus une valeur attendue",
    "error.usage_expected_at_least_one": "au moins une valeur attendue",
    "error.usage_expected_count": "{value} valeurs attendues",
    "error.usage_ambiguous": "option ambiguë : {option} peut désigner {matches}",
    "error.usage_invalid_choice": "choix invalide : {value} (choisir parmi {choices})",
    "error.usage_invalid_value": "valeur {type} invalide : {value}",
    "error.usage_unexpected_option": "option inattendue : {value}",
    # fichiers et conventions aux limites : ce qu'un chargement confiné refuse de lire, la fin du calendrier
    "error.not_a_regular_file": (
        "doit nommer un fichier ordinaire du dossier de base, pas un tube nommé, une socket ou un périphérique"
    ),
    "error.hard_linked_file": (
        "doit nommer un fichier à un seul lien : "
        "un fichier à liens physiques peut aussi se trouver hors du dossier de base"
    ),
    "error.no_day_after_period": (
        "ne peut être la fin de chaque année de programme pour une période finissant le {end} : "
        "aucun jour du calendrier ne la suit"
    ),
    # service : les règles par HTTP, leurs limites et les titres de leurs problèmes (RFC 9457)
    "error.body_too_large": "le corps de la requête dépasse les {limit} octets qu'une requête peut envoyer",
    "error.too_many_items": "compte {count} éléments ; une requête peut en envoyer au plus {limit}",
    "error.body_empty": "le corps de la requête est vide : envoyez un scénario en JSON",
    "error.not_positive_whole_number": "{value} n'est pas un nombre entier de 1 ou plus",
    "error.problem_invalid": "La requête n'est pas un scénario que les règles peuvent évaluer",
    "error.problem_too_large": "La requête est trop grande",
    "error.problem_not_found": "Point d'accès inconnu",
    "error.problem_not_allowed": "Méthode non autorisée",
    "error.problem_bad_parameter": "Un paramètre de la requête est erroné",
    "error.problem_internal": "Le service a échoué",
    "error.no_such_endpoint": "{path} n'est pas un point d'accès du service ; voir /openapi.json",
    "error.method_not_allowed": "{method} n'est pas autorisé sur {path}",
    "error.internal": "le service a échoué sur cette requête ; l'échec est consigné",
    "error.expected_scdl_records": "attendu : une liste d'enregistrements SCDL, pas {type}",
    "error.expected_scdl_record": "attendu : un enregistrement SCDL (chaque colonne et son texte), pas {type}",
    "error.defs_at_not_text": "attendu : le préfixe des références, en texte, pas {type}",
    "error.defs_at_not_a_prefix": (
        "{value} n'est pas un préfixe de références : il commence par « # » et finit par « / » ou « . », "
        "comme « #/components/schemas/Scenario. »"
    ),
    "error.page_too_many_rows": "le fichier compte {count} lignes ; le service en accepte au plus {limit}",
    "error.parquet_not_a_source": (
        "ne peut être lu comme Parquet : attendu un chemin, un dossier ou un objet fichier, pas {type}"
    ),
    "error.parquet_missing": "ne peut être lu comme Parquet : il n'y a pas de fichier ni de dossier {value}",
    "error.parquet_damaged": (
        "ne peut être lu comme Parquet : ce n'est pas un fichier Parquet (ni un dossier de tels fichiers), "
        "ou il est endommagé"
    ),
    "error.expected_stream": (
        "attendu : un flux d'où lire la requête (un fichier binaire ou l'entrée standard), pas {type}"
    ),
}
