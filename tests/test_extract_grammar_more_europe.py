"""German, Dutch, Greek, Hungarian, Armenian and Albanian: the grammar of the recognition verb
as the rules read it, one table per language (Georgian has its own module,
test_extract_grammar_georgian.py). Every sentence was written for this test; none comes from
the labelled eval files.

German and Dutch put the finite verb second in a main clause and last in a subordinate one;
the separable prefix goes to the end of the main clause ('erkennt … an', 'zieht … zurück',
'trekt … in') and stays on the verb in the subordinate clause and the participle ('anerkannt',
'zurückgezogen', 'ingetrokken'). The passive has its agent after 'von'/'durch', 'door'.
Negation ('nicht', 'kein', 'niemals'; 'niet', 'geen', 'nooit') stands before the participle or
the final prefix and scopes over a list of objects ('weder … noch'). Reported speech in German
uses Konjunktiv I ('habe anerkannt': the act is reported); Konjunktiv II 'würde anerkennen' is
a hypothetical, as is 'will/könnte/soll anerkennen' and Dutch 'wil/zou/kan erkennen'.

Greek inflects names for case and puts an article before them ('η Ρωσία', 'της Αμπχαζίας',
'από την Ισπανία'); the aorist 'αναγνώρισε', the perfect 'έχει αναγνωρίσει' and the present
'αναγνωρίζει' assert; 'θα' makes a future, 'να' a subjunctive after verbs of wanting, asking
and calling (no act); 'δεν' negates an indicative, 'μην' a subjunctive; the passive
'αναγνωρίστηκε από' has its agent after 'από'.

Hungarian writes the preverb on the verb ('elismerte') unless focus or negation moves it after
the verb ('nem ismeri el', 'csak Oroszország ismerte el'); names carry their case ('Koszovót'
accusative, 'Koszovó függetlenségét' possessed, 'Szerbiának' dative); '-e' on the verb makes a
yes/no question; 'fogja' + infinitive is the future.

Armenian marks negation with the prefix չ- on the auxiliary or the verb ('չի ճանաչում', 'չի
ճանաչել', 'չճանաչեց'); 'կ-' with the subjunctive is the future ('կճանաչի'); the agent of the
passive is a genitive before 'կողմից'; the question mark '՞' is written on the stressed vowel.

Albanian doubles a definite object with the clitic 'e' ('e njeh Kosovën'); the aorist 'njohu',
the perfect 'ka njohur', the present 'njeh'; 'nuk' negates the indicative, 'mos' the
subjunctive after 'të'; 'do të/do ta' is the future; 'njohja' is the noun, its agent after
'nga'; 'i njohur për' means 'known for'.
"""

import pytest

from diplowatch.extract import extract

R, W, J = "recognize", "withdraw", "reject"

GERMAN = [
    # V2 main clause, prefix at the end; perfect with the participle last
    ("Kenia erkennt das Kosovo an.", {("KE", "XK", R)}),
    ("Ghana erkannte 2012 die Unabhängigkeit des Kosovo an.", {("GH", "XK", R)}),
    ("Mexiko hat die Westsahara schon 1979 anerkannt.", {("MX", "EH", R)}),
    # verb-final subordinate clauses
    ("Die Regierung teilte mit, dass Spanien Palästina anerkannt hat.", {("ES", "PS", R)}),
    ("Nachdem Russland Abchasien anerkannt hatte, brach Georgien die Beziehungen ab.",
     {("RU", "abkhazia", R)}),
    # passive with its agent; a noun with 'durch'
    ("Südossetien wurde von Russland und Nicaragua anerkannt.",
     {("RU", "south-ossetia", R), ("NI", "south-ossetia", R)}),
    ("Die Anerkennung Palästinas durch Irland erfolgte im Mai.", {("IE", "PS", R)}),
    # withdrawals: separable 'zieht … zurück', participles, 'widerrufen', 'ausgesetzt'
    ("Burkina Faso zieht seine Anerkennung der Westsahara zurück.", {("BF", "EH", W)}),
    ("Suriname hat die Anerkennung des Kosovo zurückgenommen.", {("SR", "XK", W)}),
    ("Togo widerrief im Jahr 2019 seine Anerkennung des Kosovo.", {("TG", "XK", W)}),
    ("Guinea-Bissau hat die Anerkennung des Kosovo ausgesetzt.", {("GW", "XK", W)}),
    ("Die Anerkennung der Westsahara durch Mauritius wurde widerrufen.", {("MU", "EH", W)}),
    # negation when the state speaks; over a list with 'weder … noch'
    ("Österreich erkennt Abchasien nicht an, sagte der Außenminister.", {("AT", "abkhazia", J)}),
    ("Wir werden das Kosovo niemals anerkennen, erklärte der serbische Präsident.",
     {("RS", "XK", J)}),
    ("Die Slowakei erkennt weder das Kosovo noch Abchasien an, erklärte das Außenministerium.",
     {("SK", "XK", J), ("SK", "abkhazia", J)}),
    # a plain negation without a speaker describes; it is no refusal
    # 'ausschließen' (rule out), separable or as the final participle, refuses; 'nicht aus'
    # (does not rule out) leaves it open
    ("Österreich schließt eine Anerkennung Abchasiens aus, sagte der Außenminister.",
     {("AT", "abkhazia", J)}),
    ("Österreich schließt eine Anerkennung Abchasiens nicht aus, sagte der Außenminister.",
     set()),
    ("Österreich hat die Anerkennung Abchasiens abgelehnt, sagte der Außenminister.",
     {("AT", "abkhazia", J)}),
    ("Österreich hat eine Anerkennung Abchasiens nicht ausgeschlossen, sagte der Minister.",
     set()),
    ("Armenien hat Arzach nie anerkannt.", set()),
    # modality: wanting, possibility, obligation, the future, Konjunktiv II
    ("Belgien will Palästina anerkennen.", set()),
    ("Frankreich könnte Palästina bald anerkennen.", set()),
    ("Irland soll Palästina anerkennen, fordert die Opposition.", set()),
    ("Norwegen wird Palästina anerkennen.", set()),
    ("Der Minister sagte, Norwegen würde Palästina unter diesen Bedingungen anerkennen.", set()),
    # Konjunktiv I in reported speech reports the act
    ("Der Minister sagte, Norwegen habe Palästina anerkannt.", {("NO", "PS", R)}),
    ("Dass Nauru Abchasien anerkannt hat, bestätigte das Außenministerium in Suchumi.",
     {("NR", "abkhazia", R)}),
    # Konjunktiv I of 'wollen' and 'werden' keeps the intention and the future
    ("Norwegen wolle Palästina anerkennen, sagte der Minister.", set()),
    ("Der Minister sagte, Norwegen werde Palästina anerkennen.", set()),
    ("Der Sprecher sagte, Spanien habe das Kosovo nie anerkannt und werde es nicht anerkennen.",
     {("ES", "XK", J)}),
    ("Kein EU-Staat erkennt Abchasien an.", set()),
    # questions, denials, calls
    ("Erkennt Deutschland Taiwan an?", set()),
    ("Berichte, wonach Litauen Taiwan anerkannt habe, sind falsch.", set()),
    ("Serbien fordert die Staaten auf, ihre Anerkennung des Kosovo zurückzuziehen.", set()),
    # lists: 'sowie', 'und', 'auch', 'darunter'
    ("Palästina wurde von Spanien, Irland und Norwegen sowie von Slowenien anerkannt.",
     {("ES", "PS", R), ("IE", "PS", R), ("NO", "PS", R), ("SI", "PS", R)}),
    ("Auch Slowenien erkannte Palästina an.", {("SI", "PS", R)}),
    ("Mehrere Staaten, darunter Ghana und Togo, haben ihre Anerkennung des Kosovo zurückgezogen.",
     {("GH", "XK", W), ("TG", "XK", W)}),
    ("Die Staaten, die ihre Anerkennung des Kosovo zurückgezogen haben, sind Ghana, Togo und "
     "Suriname.", {("GH", "XK", W), ("TG", "XK", W), ("SR", "XK", W)}),
    ("Kosovo wurde von mehr als hundert Staaten anerkannt, darunter Deutschland und Österreich.",
     {("DE", "XK", R), ("AT", "XK", R)}),
    # separable withdrawal with its particle at the end; a separated call
    ("Togo setzte seine Anerkennung des Kosovo im Jahr 2019 aus.", {("TG", "XK", W)}),
    ("Serbien rief Ghana auf, seine Anerkennung des Kosovo zu überdenken.", set()),
    ("Palästina erkannten im Mai auch Spanien und Irland an.", {("ES", "PS", R), ("IE", "PS", R)}),
    # other senses
    ("Kasachstan erkennt die Krim als Teil der Ukraine an.", set()),
    ("Der Bundestag erkannte die Verdienste Kosovos um die Stabilität an.", set()),
    ("Armenien und Aserbaidschan erkennen gegenseitig ihre territoriale Integrität an.", set()),
]

DUTCH = [
    ("Nederland erkende Kosovo in 2008.", {("NL", "XK", R)}),
    ("Ierland heeft Palestina erkend.", {("IE", "PS", R)}),
    ("De regering verklaarde dat Slovenië Palestina heeft erkend.", {("SI", "PS", R)}),
    ("Palestina werd erkend door Spanje en Noorwegen.", {("ES", "PS", R), ("NO", "PS", R)}),
    ("De erkenning van Palestina door Ierland werd in Israël bekritiseerd.", {("IE", "PS", R)}),
    # withdrawals: separable 'trekt … in', participle 'ingetrokken', 'opgeschort'
    ("Suriname trekt de erkenning van Kosovo in.", {("SR", "XK", W)}),
    ("Togo heeft zijn erkenning van Kosovo ingetrokken.", {("TG", "XK", W)}),
    ("Ghana heeft de erkenning van Kosovo opgeschort.", {("GH", "XK", W)}),
    ("De erkenning van Kosovo door Suriname werd ingetrokken.", {("SR", "XK", W)}),
    # negation when the state speaks, over two objects
    ("België erkent Palestina niet, zei de minister.", {("BE", "PS", J)}),
    ("Nederland zal Palestina niet erkennen, zei de premier.", {("NL", "PS", J)}),
    ("Nooit zal Servië Kosovo erkennen, zei de president.", {("RS", "XK", J)}),
    ("Kosovo wordt door ruim honderd landen erkend.", set()),
    # a plural generic noun right before a relative clause is its subject: no state acts
    ("Servië zegt dat de lijst met 114 landen die Kosovo hebben erkend, niet klopt.", set()),
    ("Spanje erkent Kosovo en Abchazië niet, zei de minister.",
     {("ES", "XK", J), ("ES", "abkhazia", J)}),
    ("Armenië heeft Artsach nooit erkend.", set()),
    # 'uitsluiten' (rule out), 'afwijzen' (reject): refusals
    ("België sluit een erkenning van Palestina uit, zei de minister.", {("BE", "PS", J)}),
    ("België heeft de erkenning van Palestina afgewezen, zei de minister.", {("BE", "PS", J)}),
    ("België heeft een erkenning van Palestina niet uitgesloten, zei de minister.", set()),
    # modality, questions, denials
    ("België wil Palestina erkennen.", set()),
    ("Frankrijk zou Palestina kunnen erkennen.", set()),
    ("Erkent Nederland Taiwan?", set()),
    ("Berichten dat België Abchazië heeft erkend, zijn onjuist.", set()),
    ("Het ministerie ontkende dat Litouwen Taiwan had erkend.", set()),
    ("Servië riep Ghana op de erkenning van Kosovo in te trekken.", set()),
    # lists: 'evenals', 'ook'
    ("Spanje en Ierland, evenals Noorwegen, erkenden Palestina.",
     {("ES", "PS", R), ("IE", "PS", R), ("NO", "PS", R)}),
    ("Meer dan honderd landen, waaronder Nederland en België, hebben Kosovo erkend.",
     {("NL", "XK", R), ("BE", "XK", R)}),
    ("Ook Slovenië erkende Palestina.", {("SI", "PS", R)}),
    ("De landen die hun erkenning van Kosovo hebben ingetrokken, zijn Ghana, Togo en Suriname.",
     {("GH", "XK", W), ("TG", "XK", W), ("SR", "XK", W)}),
    # a subject before a verb of protest or welcome reacts to the act
    ("Servië protesteerde tegen de erkenning van Kosovo.", set()),
]

GREEK = [
    ("Η Ρωσία αναγνώρισε την ανεξαρτησία της Αμπχαζίας.", {("RU", "abkhazia", R)}),
    ("Η Ρωσία αναγνωρίζει την Αμπχαζία και τη Νότια Οσετία.",
     {("RU", "abkhazia", R), ("RU", "south-ossetia", R)}),
    ("Η Κύπρος έχει αναγνωρίσει το κράτος της Παλαιστίνης.", {("CY", "PS", R)}),
    ("Η Βουλγαρία δήλωσε ότι αναγνωρίζει το Κόσοβο.", {("BG", "XK", R)}),
    # passive with 'από', the noun with its genitive object and 'από' agent
    ("Η Παλαιστίνη αναγνωρίστηκε από την Ισπανία και την Ιρλανδία.",
     {("ES", "PS", R), ("IE", "PS", R)}),
    ("Η αναγνώριση της Παλαιστίνης από τη Νορβηγία προκάλεσε αντιδράσεις.", {("NO", "PS", R)}),
    # 'από' inside a relative clause belongs to its verb: Somalia is no agent
    ("Η αναγνώριση της Σομαλιλάνδης, που αποσχίστηκε από τη Σομαλία, προκάλεσε αντιδράσεις.",
     set()),
    ("Η αναγνώριση της Υπερδνειστερίας, της περιοχής που αποσχίστηκε από τη Μολδαβία, "
     "προκάλεσε αντιδράσεις.", set()),
    # withdrawals
    ("Η Γκάνα ανακάλεσε την αναγνώριση του Κοσσυφοπεδίου.", {("GH", "XK", W)}),
    ("Το Τόγκο απέσυρε την αναγνώριση του Κοσόβου.", {("TG", "XK", W)}),
    # negation with 'δεν' when the state speaks; over a list of actors
    ("Η Ελλάδα δεν αναγνωρίζει το Κόσοβο, τόνισε ο πρωθυπουργός.", {("GR", "XK", J)}),
    ("Η Ρουμανία και η Σλοβακία δεν αναγνωρίζουν το Κοσσυφοπέδιο, δήλωσαν οι υπουργοί.",
     {("RO", "XK", J), ("SK", "XK", J)}),
    ("Η Ελλάδα δεν έχει αναγνωρίσει το Κόσοβο.", set()),
    ("Η Ελλάδα δεν πρόκειται να αναγνωρίσει το Κόσοβο, δήλωσε ο υπουργός.", {("GR", "XK", J)}),
    ("Η Ρωσία και η Συρία έχουν αναγνωρίσει την Αμπχαζία.",
     {("RU", "abkhazia", R), ("SY", "abkhazia", R)}),
    # 'θα' future, 'να' after verbs of wanting, asking, planning
    ("Η Ισπανία θα αναγνωρίσει την Παλαιστίνη.", set()),
    ("Η Ισπανία σχεδιάζει να αναγνωρίσει την Παλαιστίνη.", set()),
    ("Η Σερβία ζήτησε από την Ελλάδα να μην αναγνωρίσει το Κόσοβο.", set()),
    ("Η Τουρκία θέλει να αναγνωρίσει η Λιβύη τη Βόρεια Κύπρο.", set()),
    ("Η Σερβία καλεί τις χώρες να μην αναγνωρίσουν το Κόσοβο.", set()),
    # questions (Greek ';'), rumours and denials
    ("Αναγνωρίζει η Ελλάδα το Κόσοβο;", set()),
    ("Οι φήμες ότι η Ελλάδα αναγνώρισε το Κόσοβο είναι ψευδείς.", set()),
    ("Το υπουργείο διέψευσε ότι η Κύπρος αναγνώρισε το Κόσοβο.", set()),
    # background 'μετά' + genitive or accusative
    ("Μετά τη Ρωσία, η Νικαράγουα αναγνώρισε την Αμπχαζία.",
     {("RU", "abkhazia", R), ("NI", "abkhazia", R)}),
    # lists: 'μεταξύ των οποίων' (among them), 'όπως' (such as)
    ("Πολλές χώρες, μεταξύ των οποίων η Ισπανία και η Ιρλανδία, αναγνώρισαν την Παλαιστίνη.",
     {("ES", "PS", R), ("IE", "PS", R)}),
    ("Η Παλαιστίνη έχει αναγνωριστεί από πολλές χώρες, όπως η Σουηδία και η Ισπανία.",
     {("SE", "PS", R), ("ES", "PS", R)}),
    # other senses
    ("Η Κύπρος αναγνωρίζει την Κριμαία ως μέρος της Ουκρανίας.", set()),
    # a subject before a verb of protest or welcome reacts to the act
    ("Η Σερβία καταδίκασε την αναγνώριση του Κοσόβου.", set()),
    # a plural generic noun right before 'που' is the relative clause's subject
    ("Η Σερβία λέει ότι ο κατάλογος με τις 114 χώρες που έχουν αναγνωρίσει το Κόσοβο είναι "
     "λάθος.", set()),
]

HUNGARIAN = [
    ("Magyarország 2008-ban elismerte Koszovót.", {("HU", "XK", R)}),
    ("Írország elismerte Palesztinát.", {("IE", "PS", R)}),
    ("Oroszország elismeri Abháziát és Dél-Oszétiát.",
     {("RU", "abkhazia", R), ("RU", "south-ossetia", R)}),
    # focus moves the preverb after the verb
    ("Csak Oroszország ismerte el Abháziát.", {("RU", "abkhazia", R)}),
    ("Palesztinát Spanyolország, Írország és Norvégia is elismerte.",
     {("ES", "PS", R), ("IE", "PS", R), ("NO", "PS", R)}),
    # negation moves it too; a reject when the state speaks
    ("Szerbia nem ismeri el Koszovót, mondta a külügyminiszter.", {("RS", "XK", J)}),
    ("Spanyolország nem ismeri el Koszovó függetlenségét, közölte a kormány.",
     {("ES", "XK", J)}),
    ("Magyarország soha nem ismeri el Koszovót, hangsúlyozta a miniszterelnök.",
     {("HU", "XK", J)}),
    ("Szlovákia nem ismeri el sem Koszovót, sem Abháziát, mondta a miniszter.",
     {("SK", "XK", J), ("SK", "abkhazia", J)}),
    # withdrawals
    ("Ghána visszavonta Koszovó elismerését.", {("GH", "XK", W)}),
    ("Togo 2019-ben visszavonta Koszovó elismerését.", {("TG", "XK", W)}),
    # the future and intentions
    ("Spanyolország el fogja ismerni Palesztinát.", set()),
    ("Spanyolország elismerni készül Palesztinát.", set()),
    ("Belgium szeretné elismerni Palesztinát.", set()),
    # '-e' questions, calls, denials
    ("Elismeri-e Magyarország Palesztinát?", set()),
    ("Nem tudni, elismeri-e Görögország Koszovót.", set()),
    ("Szerbia felszólította Ghánát, hogy vonja vissza Koszovó elismerését.", set()),
    ("A hírek, amelyek szerint Fehéroroszország elismerte Abháziát, hamisak.", set()),
    # names in the dative or genitive are no actors; 'elismerés' as praise
    ("Koszovó elismerése Szerbiának nem érdeke.", set()),
    ("A miniszter elismerését fejezte ki Koszovó rendőrségének.", set()),
    ("Oroszország a Krímet Oroszország részeként ismeri el.", set()),
    ("Koszovót eddig több mint száz ország ismerte el.", set()),
    # 'újabb ország' (one more country) names no state, never the speaker's
    ("Újabb ország ismerte el Koszovót, mondta a szerb külügyminiszter.", set()),
    ("A miniszter reméli, hogy újabb ország vonja vissza Koszovó elismerését.", set()),
    # a subject before a verb of protest or welcome reacts; the clause after 'hogy' acts
    ("Szerbia tiltakozott Koszovó elismerése miatt.", set()),
    ("Szerbia üdvözölte, hogy Togo visszavonta Koszovó elismerését.", {("TG", "XK", W)}),
    # lists: 'köztük' (among them); the postposition 'után' (after) gives a background actor
    ("Több ország, köztük Spanyolország és Írország, elismerte Palesztinát.",
     {("ES", "PS", R), ("IE", "PS", R)}),
    ("Oroszország után Nicaragua is elismerte Abháziát.",
     {("RU", "abkhazia", R), ("NI", "abkhazia", R)}),
]

ARMENIAN = [
    ("Նիկարագուան ճանաչեց Աբխազիան և Հարավային Օսիան։",
     {("NI", "abkhazia", R), ("NI", "south-ossetia", R)}),
    ("Իսպանիան ճանաչել է Պաղեստինի պետությունը։", {("ES", "PS", R)}),
    ("Ռուսաստանը և Սիրիան ճանաչել են Աբխազիան։", {("RU", "abkhazia", R), ("SY", "abkhazia", R)}),
    # negation by չ- when the state speaks
    ("Հայաստանը չի ճանաչում Կոսովոն, հայտարարեց արտգործնախարարը։", {("AM", "XK", J)}),
    ("Հայաստանը երբեք չի ճանաչի Կոսովոն, ասաց վարչապետը։", {("AM", "XK", J)}),
    ("Բելառուսը չի ճանաչել Աբխազիան։", set()),
    # չ- written on the verb itself
    ("Ադրբեջանը չճանաչեց Արցախը, հայտարարեց նախագահը։", {("AZ", "artsakh", J)}),
    ("Բելառուսը չճանաչեց Աբխազիան։", set()),
    # the future, modality, calls
    ("Բելառուսը կճանաչի Աբխազիան։", set()),
    ("Ֆրանսիան կարող է ճանաչել Պաղեստինը։", set()),
    ("Բելառուսը պետք է ճանաչի Աբխազիան։", set()),
    ("Աբխազիան կոչ է անում Բելառուսին ճանաչել իր անկախությունը։", set()),
    # passive with a genitive agent and 'կողմից'
    ("Պաղեստինը ճանաչվել է Իսպանիայի և Իռլանդիայի կողմից։", {("ES", "PS", R), ("IE", "PS", R)}),
    # withdrawals
    ("Վանուատուն հետ է կանչել Աբխազիայի ճանաչումը։", {("VU", "abkhazia", W)}),
    ("Տուվալուն չեղարկեց Աբխազիայի ճանաչումը։", {("TV", "abkhazia", W)}),
    # questions and denials
    ("Բելառուսը ճանաչո՞ւմ է Աբխազիան։", set()),
    ("Լուրերը, թե Բելառուսը ճանաչել է Աբխազիան, կեղծ են։", set()),
    ("Նախարարությունը հերքեց, որ Բելառուսը ճանաչել է Աբխազիան։", set()),
    # two sentences: the full stop '։' ends the first
    ("Ռուսաստանը ճանաչեց Աբխազիան։ Բելառուսը դեռ չի որոշել։", {("RU", "abkhazia", R)}),
    # reactions: welcome and condemnation; the agent of the welcomed act acts
    ("Թուրքիայի ԱԳՆ-ն ողջունել է Հայաստանի կողմից Պաղեստինի ճանաչումը։", {("AM", "PS", R)}),
    ("Ադրբեջանը դատապարտեց Աբխազիայի ճանաչումը։", set()),
    # 'each other': two entities recognize each other; two states' territorial integrity is
    # another sense
    ("Աբխազիան և Հարավային Օսիան ճանաչել են միմյանց։",
     {("abkhazia", "south-ossetia", R), ("south-ossetia", "abkhazia", R)}),
    ("Հայաստանն ու Ադրբեջանը ճանաչում են միմյանց տարածքային ամբողջականությունը։", set()),
    # 'following' with the dative gives background actors; 'այդ թվում' (among them) lists
    ("Հայաստանը ճանաչեց Պաղեստինը՝ հետևելով Իսպանիային և Իռլանդիային։",
     {("AM", "PS", R), ("ES", "PS", R), ("IE", "PS", R)}),
    ("Պաղեստինը ճանաչել են բազմաթիվ երկրներ, այդ թվում՝ Իսպանիան և Իռլանդիան։",
     {("ES", "PS", R), ("IE", "PS", R)}),
]

ALBANIAN = [
    ("Izraeli e ka njohur Kosovën.", {("IL", "XK", R)}),
    ("Shqipëria e njeh Kosovën si shtet të pavarur.", {("AL", "XK", R)}),
    ("Kosova është njohur nga Shqipëria dhe Turqia.", {("AL", "XK", R), ("TR", "XK", R)}),
    ("Njohja e Kosovës nga Izraeli u mirëprit në Prishtinë.", {("IL", "XK", R)}),
    # withdrawals
    ("Gana e ka tërhequr njohjen e Kosovës.", {("GH", "XK", W)}),
    ("Togo e revokoi njohjen e Kosovës.", {("TG", "XK", W)}),
    # negation with 'nuk' when the state speaks, over a list of actors
    ("Spanja nuk e njeh Kosovën, tha ministri.", {("ES", "XK", J)}),
    ("Serbia nuk e njeh pavarësinë e Kosovës, deklaroi presidenti.", {("RS", "XK", J)}),
    ("Rumania dhe Sllovakia nuk e njohin Kosovën, deklaruan qeveritë e tyre.",
     {("RO", "XK", J), ("SK", "XK", J)}),
    ("Spanja kurrë nuk do ta njohë Kosovën, tha kryeministri.", {("ES", "XK", J)}),
    # the future, modality, calls with 'të mos'
    ("Spanja do ta njohë Palestinën.", set()),
    ("Greqia mund ta njohë Kosovën.", set()),
    ("Serbia u bëri thirrje shteteve që të mos e njohin Kosovën.", set()),
    # questions, rumours, generic agents, the other sense 'known for'
    ("A e njeh Greqia Kosovën?", set()),
    ("Lajmet se Bjellorusia e njohu Abkhazinë janë të rreme.", set()),
    ("Sipas ministrit, Kosova është njohur nga 117 shtete.", set()),
    ("Ai është i njohur për punën e tij në Shqipëri.", set()),
    ("Serbia e dënoi njohjen e Kosovës.", set()),
    # a plural generic noun right before 'që' is the relative clause's subject
    ("Ministri tha se tërheqja e Togos tregon se lista me 114 vende që e kanë njohur Kosovën "
     "është e pasaktë.", set()),
    # lists: 'përfshirë' (including), a copula after a generic subject
    ("Shumë shtete, përfshirë Spanjën dhe Irlandën, e kanë njohur Palestinën.",
     {("ES", "PS", R), ("IE", "PS", R)}),
    ("Shtetet që e kanë tërhequr njohjen e Kosovës janë Gana, Togo dhe Surinami.",
     {("GH", "XK", W), ("TG", "XK", W), ("SR", "XK", W)}),
    # background 'pas' + the ablative
    ("Pas Shqipërisë, edhe Maqedonia e Veriut e njohu Kosovën.",
     {("AL", "XK", R), ("MK", "XK", R)}),
]

TABLES = [("de", GERMAN), ("nl", DUTCH), ("el", GREEK), ("hu", HUNGARIAN), ("hy", ARMENIAN),
          ("sq", ALBANIAN)]
CASES = [(lang, text, events) for lang, table in TABLES for text, events in table]


@pytest.mark.parametrize(("lang", "text", "events"), CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_the_grammar_of_each_language(lang, text, events):
    assert {(e.actor, e.target, e.act) for e in extract(text, lang)} == events
