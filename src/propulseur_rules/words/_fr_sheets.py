"""Comment un tableur a été lu, en français : le tableau trouvé dans une feuille et ce qui en a été écarté, et les
erreurs d'une feuille et de plusieurs fichiers à la fois. Partie de la table de :mod:`._fr`."""

from __future__ import annotations

__all__ = ["SHEET_WORDS"]

#: Les avis et les erreurs du tableau d'une feuille, et des entrées refusées ensemble.
SHEET_WORDS: dict[str, str] = {
    # files : le tableau trouvé dans une feuille (avis)
    "notice.header_row": "l'en-tête a été lu à la ligne {row} ; les lignes au-dessus (un titre) n'ont pas été lues",
    "notice.columns_kept_out": "colonnes écartées, car elles ne nomment aucune des colonnes lues : {columns}",
    "notice.column": "« {header} » ({letter})",
    "notice.column_close": "« {header} » ({letter} ; vouliez-vous dire « {close} » ?)",
    "notice.hidden_columns": (
        "colonnes masquées par la feuille, lues comme un export de la feuille les contient : {columns}"
    ),
    "notice.hidden_rows": "lignes masquées par la feuille, lues comme un export de la feuille les contient : {rows}",
    "notice.totals": "totaux écartés, chacun la somme des lignes au-dessus : {rows}",
    "notice.total_row": "ligne {row} (« {label} »)",
    "notice.totals_unchecked": "totaux écartés : {rows}",
    # files : les erreurs d'une feuille
    "error.no_such_sheet": "n'a pas de feuille {sheet} ; ses feuilles sont {sheets}",
    "error.feature_read_ods": "la lecture d'un classeur .ods",
    "error.cell_without_header": "a une valeur dans la colonne {letter}, qui n'a pas d'en-tête",
    "sheet.cells_wrong": "{cells}",
    "sheet.cells_joint": "; ",
    "error.total_mismatch": "le total {total} n'est pas la somme des lignes au-dessus ({sum})",
    # files : toutes les entrées refusées à la fois
    "error.inputs_wrong": "{count} entrées sont fausses :\n  {errors}",
    "inputs.errors_joint": "\n  ",
    # files : comment un fichier a été lu, dans les données d'entrée d'un rapport
    "inputs.origin.sheet": ", feuille « {sheet} »",
    "inputs.notice": "Avis",
}
