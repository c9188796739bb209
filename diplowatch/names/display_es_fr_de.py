"""The names the bot shows in Spanish, French and German: the tracked entities, and the states
whose name in pycountry's translations is not what a newspaper writes ("Corea del Norte", not
"Corea, República Democrática Popular de").

These languages need no grammatical cases, but an entity takes an article (and a preposition
contracts with it), so each entity has three forms, in the order of the Russian ones in
display_names.py, and a template asks for the one it needs:

- the name alone (a title, a list): "República Popular de Donetsk", "Kosovo";
- ``{target:gen}``, "of" the entity: "de la República Popular de Donetsk", "du Kosovo",
  "der Volksrepublik Donezk" (German: the genitive);
- ``{target:acc}``, the object of "recognizes": "a la República Popular de Donetsk" (Spanish
  puts "a" before a state it recognizes), "le Kosovo", "die Volksrepublik Donezk".

States keep the name alone: templates put a state where it reads right without an article
("Togo reconoce a Kosovo", "Russland erkennt Abchasien an")."""

from __future__ import annotations

ENTITY_FORMS: dict[str, dict[str, tuple[str, str, str]]] = {
    "es": {
        "donetsk-pr": ("República Popular de Donetsk", "de la República Popular de Donetsk",
                       "a la República Popular de Donetsk"),
        "luhansk-pr": ("República Popular de Lugansk", "de la República Popular de Lugansk",
                       "a la República Popular de Lugansk"),
        "abkhazia": ("Abjasia", "de Abjasia", "a Abjasia"),
        "south-ossetia": ("Osetia del Sur", "de Osetia del Sur", "a Osetia del Sur"),
        "XK": ("Kosovo", "de Kosovo", "a Kosovo"),
        "PS": ("Estado de Palestina", "del Estado de Palestina", "al Estado de Palestina"),
        "TW": ("Taiwán (República de China)", "de Taiwán (República de China)",
               "a Taiwán (República de China)"),
        "EH": ("República Árabe Saharaui Democrática", "de la República Árabe Saharaui Democrática",
               "a la República Árabe Saharaui Democrática"),
        "somaliland": ("Somalilandia", "de Somalilandia", "a Somalilandia"),
        "northern-cyprus": ("Chipre del Norte", "de Chipre del Norte", "a Chipre del Norte"),
        "transnistria": ("Transnistria", "de Transnistria", "a Transnistria"),
        "artsakh": ("Artsaj", "de Artsaj", "a Artsaj"),
        "crimea": ("República de Crimea", "de la República de Crimea", "a la República de Crimea"),
        "AF": ("Emirato Islámico de Afganistán (talibanes)",
               "del Emirato Islámico de Afganistán (talibanes)",
               "al Emirato Islámico de Afganistán (talibanes)"),
        "CN": ("China", "de China", "a China"),  # a recognition moved from Taipei to Beijing
    },
    "fr": {
        "donetsk-pr": ("République populaire de Donetsk", "de la République populaire de Donetsk",
                       "la République populaire de Donetsk"),
        "luhansk-pr": ("République populaire de Louhansk", "de la République populaire de Louhansk",
                       "la République populaire de Louhansk"),
        "abkhazia": ("Abkhazie", "de l'Abkhazie", "l'Abkhazie"),
        "south-ossetia": ("Ossétie du Sud", "de l'Ossétie du Sud", "l'Ossétie du Sud"),
        "XK": ("Kosovo", "du Kosovo", "le Kosovo"),
        "PS": ("État de Palestine", "de l'État de Palestine", "l'État de Palestine"),
        "TW": ("Taïwan (république de Chine)", "de Taïwan (république de Chine)",
               "Taïwan (république de Chine)"),
        "EH": ("République arabe sahraouie démocratique",
               "de la République arabe sahraouie démocratique",
               "la République arabe sahraouie démocratique"),
        "somaliland": ("Somaliland", "du Somaliland", "le Somaliland"),
        "northern-cyprus": ("Chypre du Nord", "de Chypre du Nord", "Chypre du Nord"),
        "transnistria": ("Transnistrie", "de la Transnistrie", "la Transnistrie"),
        "artsakh": ("Artsakh", "de l'Artsakh", "l'Artsakh"),
        "crimea": ("République de Crimée", "de la République de Crimée", "la République de Crimée"),
        "AF": ("Émirat islamique d'Afghanistan (talibans)",
               "de l'Émirat islamique d'Afghanistan (talibans)",
               "l'Émirat islamique d'Afghanistan (talibans)"),
        "CN": ("Chine", "de la Chine", "la Chine"),
    },
    "de": {
        "donetsk-pr": ("Volksrepublik Donezk", "der Volksrepublik Donezk", "die Volksrepublik Donezk"),
        "luhansk-pr": ("Volksrepublik Luhansk", "der Volksrepublik Luhansk",
                       "die Volksrepublik Luhansk"),
        "abkhazia": ("Abchasien", "Abchasiens", "Abchasien"),
        "south-ossetia": ("Südossetien", "Südossetiens", "Südossetien"),
        "XK": ("Kosovo", "Kosovos", "Kosovo"),
        "PS": ("Staat Palästina", "des Staates Palästina", "den Staat Palästina"),
        "TW": ("Taiwan (Republik China)", "Taiwans (Republik China)", "Taiwan (Republik China)"),
        "EH": ("Demokratische Arabische Republik Sahara", "der Demokratischen Arabischen Republik Sahara",
               "die Demokratische Arabische Republik Sahara"),
        "somaliland": ("Somaliland", "Somalilands", "Somaliland"),
        "northern-cyprus": ("Nordzypern", "Nordzyperns", "Nordzypern"),
        "transnistria": ("Transnistrien", "Transnistriens", "Transnistrien"),
        "artsakh": ("Arzach", "Arzachs", "Arzach"),
        "crimea": ("Republik Krim", "der Republik Krim", "die Republik Krim"),
        "AF": ("Islamisches Emirat Afghanistan (Taliban)", "des Islamischen Emirats Afghanistan (Taliban)",
               "das Islamische Emirat Afghanistan (Taliban)"),
        "CN": ("China", "Chinas", "China"),
    },
}

# The short names newspapers write where pycountry's translation is the formal one.
STATE_NAMES: dict[str, dict[str, str]] = {
    "es": {
        "RU": "Rusia", "KP": "Corea del Norte", "KR": "Corea del Sur", "SY": "Siria", "IR": "Irán",
        "CD": "República Democrática del Congo", "CG": "República del Congo", "FM": "Micronesia",
        "VA": "Santa Sede", "BN": "Brunéi", "BO": "Bolivia", "VE": "Venezuela", "TZ": "Tanzania",
        "LA": "Laos", "MD": "Moldavia", "PS": "Palestina", "TW": "Taiwán", "XK": "Kosovo",
        "BF": "Burkina Faso", "CI": "Costa de Marfil", "DZ": "Argelia", "KM": "Comoras",
        "MV": "Maldivas", "NE": "Níger", "SR": "Surinam", "TN": "Túnez", "MM": "Myanmar",
        "EH": "Sáhara Occidental",
    },
    "fr": {
        "RU": "Russie", "KP": "Corée du Nord", "KR": "Corée du Sud", "SY": "Syrie", "IR": "Iran",
        "CD": "République démocratique du Congo", "FM": "Micronésie", "VA": "Saint-Siège",
        "BN": "Brunei", "BO": "Bolivie", "VE": "Venezuela", "TZ": "Tanzanie", "LA": "Laos",
        "MD": "Moldavie", "PS": "Palestine", "TW": "Taïwan", "XK": "Kosovo", "SB": "Îles Salomon",
        "VN": "Vietnam", "BY": "Biélorussie", "GQ": "Guinée équatoriale", "EH": "Sahara occidental",
    },
    "de": {
        "RU": "Russland", "KP": "Nordkorea", "KR": "Südkorea", "SY": "Syrien", "IR": "Iran",
        "CD": "DR Kongo", "CG": "Republik Kongo", "FM": "Mikronesien", "VA": "Heiliger Stuhl",
        "BN": "Brunei", "BO": "Bolivien", "VE": "Venezuela", "TZ": "Tansania", "LA": "Laos",
        "MD": "Moldau", "PS": "Palästina", "TW": "Taiwan", "XK": "Kosovo",
        "US": "Vereinigte Staaten", "GB": "Großbritannien", "CI": "Elfenbeinküste",
        "EH": "Westsahara",
    },
}
