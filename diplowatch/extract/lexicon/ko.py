"""Korean cue words (asia_mideast.py describes the grammar the rules rely on).
'*' = prefix; spaces = phrase."""

CUES: dict[str, tuple[str, ...]] = {
    # 승인 (approval) recognises a state ('국가 승인'); 인정 (acknowledge) too, with a state
    # object. 미승인 is 'unrecognised'.
    "trigger": ("승인*", "인정*"),
    "trigger_not": ("승인서*", "인정받*", "승인 절차", "인정된다", "인정된", "인정되*"),
    "noun": ("승인을", "승인은", "승인이", "승인의", "승인", "인정을", "인정은", "승인에"),
    # Forms that do not assert the act: future and intention (-ㄹ, -겠-), wish (-길), and
    # the conditional suffix -면 ('승인하면', if it recognizes).
    "future": ("승인할", "인정할", "승인하겠*", "인정하겠*", "승인하길", "인정하길", "승인하면",
               "인정하면", "승인한다면", "인정한다면", "승인해야", "인정해야",
               "수교하겠*", "수교할*", "수립하겠*", "수립할*", "맺겠*", "맺을*", "단교하겠*",
               "단교할*"),
    # Question endings on the verb itself, direct or embedded, that need no question mark
    # (-ㄹ까, -ㄹ지, -는지, -는가, -나): a question asserts nothing, negated or not
    # ('승인했는지 확인되지 않았다' is no reject).
    "question": ("승인할까*", "인정할까*", "승인할지*", "인정할지*", "승인했을까*", "인정했을까*",
                 "승인했는지*", "인정했는지*", "승인하는지*", "인정하는지*", "승인한지*",
                 "승인하는가*", "인정하는가*", "승인했는가*", "인정했는가*", "승인했나*",
                 "인정했나*", "승인하나*"),
    "passive": ("승인받*", "승인된", "인정받*"), "by": ("의해", "에게서"),
    "neg": ("안", "못", "미승인*", "불승인*", "거부*", "거절*"),
    "pending": ("아직",),
    # Withholding is refusing for now ('승인을 보류했다', '유보하기로'): a negation after the verb.
    "neg_after": ("않*", "못*", "아니*", "거부*", "거절*", "없*", "반대*", "보류*", "유보*"),
    # ... but shelving the option of recognizing ('인정하는 방안을 (당분간) 보류') keeps the plan
    # reading of 방안: a decision still under way, no refusal.
    "neg_not": ("방안* 보류*", "방안* * 보류*", "방안* 유보*", "방안* * 유보*"),
    "modal": ("계획*", "예정*", "방침*", "검토*", "고려*", "가능성*", "준비*", "의향*",
              "전망*", "수", "경우", "논의*", "추진*", "기대*", "희망*", "원한다", "제안*", "전제*",
              "조건*"),
    # After the verb or noun only: 'the question of / the plan for / holding back the
    # recognition' ('승인 문제', '인정하는 방안을 보류', '승인하는 데 전념').
    "modal_after": ("방안*", "신중*", "문제*", "관련*", "전념*", "데",
                    "여부*"),
    "call": ("촉구*", "요구*", "요청*", "호소*", "압박*", "권고*", "주문*"),
    "withdraw": ("철회*", "취소*", "중단*", "동결*"),
    "speech": ("밝혔*", "말했*", "발표*", "전했*", "강조*", "언급*", "설명*", "따르면",
               "보도*", "성명*", "대변인*", "확인*", "주장*", "답했*", "덧붙였*"),
    "first_person": ("우리*", "저희*", "본국"),
    # '이', '그', '이들' are demonstratives before a noun ('이들 나라는'), not pronouns.
    "pronoun": ("해당국", "그들은"),
    # Postpositions: they follow the name ('러시아에 이어', after Russia).
    "after": ("이후", "다음으로", "뒤를", "이어", "이어서", "처럼", "마찬가지로", "외에",
              "비롯해", "뒤이어"),
    "block": ("에서", "에게", "으로부터", "부터"),
    "gov": ("정부*", "대통령*", "총리*", "외무부*", "외교부*", "장관*", "외무장관*", "외교장관*",
            "외무상*",
            "의회*", "국회*", "대사*", "대사관*", "지도자*", "당국*", "대변인*", "국무부*"),
    "generic": ("국가들*", "나라들*", "세계*", "많은", "다른", "대부분*", "회원국*", "서방*",
                "국제사회*", "개국*", "어떤", "어느"),
    "breaks": ("그러나", "하지만", "반면", "때문에", "만약", "비록"),
    "comp": (),  # quoted clauses end in a verb suffix (-다고): no word of their own
    "conj": ("및", "그리고", "또한"),
    "other": ("잘못*", "실수*", "책임*", "패배*", "합병*", "병합*", "선거*", "결과*", "국민투표*",
              "주민투표*", "침공*",
              "영토*", "일부*", "국경*", "여권*", "노력*", "공로*"),
    "indep": ("독립*", "주권*", "국가로", "국가", "공화국*"),
    "sever": ("단교*", "단절*", "끊*"),
    "ties": ("외교관계*", "외교 관계*", "관계*", "국교*"),
    "one_china": ("하나의 중국", "하나의 중국 원칙"),
    "mutual": ("상호*", "서로"),
    "anaphor_act": ("같은 결정", "같은 조치"),
    "deny": ("부인*", "사실무근*", "사실이 아니*", "사실이 아닌", "사실과 다르*", "허위*", "가짜*", "루머*", "소문*", "낭설*"),
    "cond": ("경우", "만약", "면"),
    "cease": ("더 이상", "더이상", "더는"),
    "still": ("여전히", "계속"),
}
