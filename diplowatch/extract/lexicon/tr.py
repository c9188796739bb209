"""Turkish cue words (asia_mideast.py describes the grammar the rules rely on).
'*' = prefix; spaces = phrase."""

CUES: dict[str, tuple[str, ...]] = {
    # tanı- (recognise, know): 'tanıt-' (introduce), 'tanış-' (meet), 'tanık' (witness) and
    # 'tanınmış' (well-known) are other words.
    "trigger": ("tanı*",),
    "trigger_not": ("tanıt*", "tanış*", "tanık*", "tanınmış", "tanımlı*", "tanım", "tanımı",
                    "tanımla*", "tanıdık*"),
    "noun": ("tanıma", "tanımayı", "tanımaya", "tanıması", "tanımasını", "tanımasının",
             "tanımak", "tanınması", "tanınmasını", "tanımada"),
    # The bare infinitive 'tanımak' (to recognize) is a purpose, duty or wish ('tanımak
    # istiyor', 'tanımak için', 'X'i tanımak bir görevdir'), never the act: like a future it
    # asserts nothing, and negated it is a refusal ('tanımak söz konusu değil').
    "future": ("tanıyacak*", "tanıyacağ*", "tanıyabil*", "tanıyabileceğ*", "tanımak"),
    # 'bir N değil' (is not a N) denies a predicate noun, not the act: 'X'i tanımak bir lütuf
    # değil, bir yükümlülüktür' (recognizing is not a favour but a duty).
    "neg_not": ("bir * değil*",),
    "passive": ("tanındı", "tanınan", "tanınıyor", "tanınmaktadır"),
    "by": ("tarafından",),
    "neg": ("asla", "hiçbir", "hiç", "reddet*", "reddedi*"),
    "pending": ("henüz",),
    # Postponing is refusing for now ('tanımayı erteledi').
    "neg_after": ("değil", "değildir", "reddet*", "reddedi*", "karşı", "karşıyız", "karşı çık*",
                  "ertele*"),
    # Negated verb forms: -ma-/-me- before the tense ('tanımadı', 'tanımıyor', 'tanımaz',
    # 'tanımayacak'); 'tanıma' alone is the noun 'recognition'.
    "neg_self": ("tanımadı*", "tanımadığ*", "tanımaz*", "tanımamış*", "tanımamak*",
                 "tanımama*", "tanımıyor*", "tanımayacak*", "tanımayacağ*", "tanımayan*",
                 "tanınmadı*", "tanınmıyor*"),
    "modal_after": ("meselesi*", "sorunu*", "konusu*", "konusunda", "tanınması için",
                    "tanıması için", "tanınmasını sağla*"),
    "modal": ("planlı*", "plan*", "niyet*", "hazır*", "düşün*", "değerlendir*", "olabilir",
              "olası*", "muhtemel*", "eğer", "gerekir", "gerek*", "yakında", "bekleniyor",
              "beklen*", "öner*", "teklif*", "istiyor*", "istedi*", "isteğ*", "istediğ*", "amaçlı*",
              "gündem*",
              "çalışma*"),
    "call": ("çağrı*", "çağır*", "talep*", "ister", "istedi", "istiyor", "baskı*", "teşvik*"),
    # vazgeç- (give up) in its positive forms only: 'vazgeçme-' is also its negation.
    "withdraw": ("geri çek*", "geri aldı", "iptal*", "askıya", "dondur*", "kaldırdı",
                 "vazgeçti*", "vazgeçtiğ*", "vazgeçmiş*", "vazgeçiyor*", "vazgeçerek"),
    "speech": ("açıkla*", "söyle*", "dedi", "belirt*", "duyur*", "ifade*", "vurgula*", "göre",
               "bildir*", "kaydet*", "aktar*", "yazdı", "sözcü*", "deklare*", "yinele*",
               "tekrarla*", "teyit*"),
    # The question particle is written apart after the verb ('tanıdı mı', 'tanıyacak mısınız'):
    # a question asserts nothing, with or without a question mark.
    "question": ("mı", "mi", "mu", "mü", "mıdır", "midir", "mudur", "müdür", "mısınız",
                 "misiniz", "mıyız", "miyiz"),
    "first_person": ("biz", "bizim", "ülkemiz*", "tanıyoruz", "tanımıyoruz"),
    "pronoun": ("ülke", "o", "onlar", "hükümet"),
    "after": ("ardından", "sonra", "gibi", "örneğini", "yanı sıra", "dışında"),
    # Postpositions follow their noun ('Rusya ile'): the oblique cases after the apostrophe
    # ('Moskova'da') are left on the name instead (names_am), so nothing blocks before a name.
    "block": (),
    "gov": ("hükümet*", "cumhurbaşkan*", "başbakan*", "bakan*", "dışişleri", "bakanlığ*",
            "meclis*", "parlamento*", "büyükelçi*", "lider*", "yönetim*", "yetkili*", "sözcü*",
            "diplomasi*"),
    "generic": ("ülkeler*", "devletler*", "dünya", "hiç kimse", "birçok", "diğer", "çoğu",
                "çoğunluk*", "üye*", "batı*", "topluluğ*", "uluslararası"),
    "breaks": ("ama", "ancak", "fakat", "rağmen", "çünkü", "eğer", "iken"),
    "comp": ("ki",),
    "conj": ("ve", "veya", "ile birlikte", "ayrıca"),
    "other": ("soykırım*", "ilhak*", "seçim*", "sonuç*", "referandum*", "toprak*", "parçası*",
              "sınır*", "pasaport*", "hata*", "hatasını", "suç*", "sorumluluğ*", "yenilgi*",
              "hak*", "bütünlüğ*", "çaba*"),
    "indep": ("bağımsızlığ*", "bağımsız*", "egemenliğ*", "devlet*", "cumhuriyet*"),
    "sever": ("kes*", "kopar*", "son verdi", "sona erdir*"),
    "ties": ("ilişki*", "bağlar*"),
    "one_china": ("tek çin",), "mutual": ("karşılıklı*", "birbirini"),
    "anaphor_act": ("aynı adımı", "aynı kararı"),
    "deny": ("yalanla*", "reddederek", "asılsız*", "gerçeği yansıtmı*", "yanlış*", "söylenti*",
             "iddia*", "dezenformasyon*", "sahte*"),
    "cond": ("eğer", "halinde", "durumunda"),
    "cease": ("artık",),
    "still": ("hala", "hâlâ", "halen"),
}
