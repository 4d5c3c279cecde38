# Messages are kept whole and as typed (Turkish dotless i, Cyrillic and Arabic letters).
# ruff: noqa: RUF001, RUF002, E501
"""Red-team set 36: crisis round 26. (Docstring filled in at the end of the round.)"""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.crisis_round_support import case_params
from tests.redteam_support import every_earlier_string
from tests.test_understanding_redteam32 import Case
from tests.test_understanding_redteam34 import problems

C = Case

BATCH_1 = [
    # pills taken and a sign (drowsy, cannot be woken)
    C("b1-01", "checkin", "whatsapp", "mijn vader heeft al zijn pillen ingenomen en is heel suf", "life"),
    C("b1-02", "menu:en", "sms", "dad swallowed all of his tablets and now i cant wake him", "life"),
    C("b1-03", "menu:tr", "whatsapp", "annem bütün ilaçlarını içmiş, çok uyuşuk ve konuşamıyor", "life"),
    C("b1-04", "menu:pl", "sms", "babcia wziela wszystkie tabletki naraz i jest polprzytomna", "life"),
    # someone on the floor behind a door that stays shut
    C("b1-05", "vthread", "telegram", "ik zie haar door het raam op de grond liggen en ze doet niet open", "112"),
    C(
        "b1-06",
        "menu:en",
        "whatsapp",
        "i can see him lying on the kitchen floor through the window and he wont open the door",
        "112",
    ),
    C("b1-07", "menu:uk", "telegram", "бачу через вікно, що бабуся лежить на підлозі", "112"),
    # "zich van het leven beroven"
    C("b1-08", "menu", "sms", "mijn broer wil zich van het leven beroven, ik heb zijn sleutels afgepakt", "113"),
    C("b1-09", "first", "whatsapp", "ik denk erover mezelf van het leven te beroven", "113"),
    # a neighbour who beats his partner, reported abuse
    C("b1-10", "menu:pl", "sms", "sąsiad bije swoją żonę, słychać krzyki przez ścianę", "vt"),
    C("b1-11", "menu:uk", "whatsapp", "сусід б'є свою дружину майже щодня", "vt"),
    C("b1-12", "menu:ar", "whatsapp", "الجار كيضرب مراتو كل ليلة وكنسمعها كتبكي", "vt"),
    C("b1-13", "menu:tr", "sms", "komşumun kocası onu dövüyor, her gece bağırışlar duyuyorum", "vt"),
    C("b1-14", "menu:ar", "sms", "jarti rajelha kaydrebha kol nhar", "vt"),
    # not seen for days, the mail piling up
    C(
        "b1-15",
        "menu",
        "whatsapp",
        "meneer van nummer 8 heb ik al vier dagen niet gezien, de post stapelt zich op en hij doet niet open",
        "112",
    ),
    C(
        "b1-16",
        "menu:en",
        "sms",
        "havent seen mrs jones for days, her post is piling up and the curtains are still closed",
        "112",
    ),
    # a carer threatened by the one she cares for
    C("b1-17", "checkin", "telegram", "mijn man heeft dementie en dreigt me te slaan, ik ben bang voor hem", "vt"),
    C("b1-18", "checkin", "sms", "mijn moeder waar ik voor zorg heeft een mes gepakt en dreigt me ermee", "112"),
    # a child alone at home
    C(
        "b1-19",
        "menu",
        "whatsapp",
        "het buurmeisje van 4 is al de hele dag alleen thuis, ik hoor haar huilen",
        "any",
    ),
    C("b1-20", "menu:en", "telegram", "a toddler has been left alone next door since this morning, crying nonstop", "any"),
    # smoke and gas
    C("b1-21", "menu", "sms", "ik ruik brandlucht bij de buren en er komt rook onder de deur door", "fire"),
    C("b1-22", "thread", "whatsapp", "het stinkt hier naar gas in het trappenhuis", "gas"),
    C("b1-23", "menu:pl", "sms", "czuć gaz na klatce schodowej", "gas"),
    # confused and outside in the cold at night
    C("b1-24", "menu", "telegram", "er loopt een verwarde oude man op straat in zijn pyjama, het vriest", "112"),
    C("b1-25", "menu:tr", "sms", "yaşlı bir adam gece sokakta pijamayla dolaşıyor, kafası karışık, hava çok soğuk", "112"),
    # self-harm words in Ukrainian and Polish slang
    C("b1-26", "menu:uk", "telegram", "я знову ріжу себе, не можу зупинитись", "113"),
    C("b1-27", "menu:pl", "whatsapp", "znowu się tnę i mam dość wszystkiego", "113"),
    # a volunteer: the resident fell during the visit
    C(
        "b1-28",
        "vgelukt",
        "whatsapp",
        "mevrouw is tijdens mijn bezoek gevallen, ze heeft veel pijn in haar heup en kan niet staan",
        "112",
    ),
    C("b1-29", "vthread", "sms", "Ans viel net toen ik bij haar was en bloedt aan haar hoofd", "112"),
    C("b1-30", "vmenu", "telegram", "de meneer die ik bezocht is net gevallen en reageert nauwelijks", "112"),
    # look-alikes
    C("b1-31", "checkin", "telegram", "Jan valt bij het kaarten steeds in slaap en reageert dan nergens op, grappig", None),
    C("b1-32", "menu", "whatsapp", "hij gaf me een klap op de schouder, haha", None),
    C("b1-33", "menu", "sms", "hij heeft zijn pillen al ingenomen, kan iemand morgen naar de apotheek?", None),
    C(
        "b1-34",
        "menu",
        "whatsapp",
        "de post van de buurvrouw stapelt zich op want ze is op vakantie, wie leegt haar brievenbus?",
        None,
    ),
    C("b1-35", "menu:en", "sms", "the neighbours bbq smoke is coming into my garden again", None),
    C("b1-36", "menu:pl", "sms", "tnę warzywa na zupę, kto chce przyjść w sobotę?", None),
    C("b1-37", "menu:uk", "telegram", "ріжу овочі для салату, хто допоможе з покупками?", None),
    C("b1-38", "menu:tr", "whatsapp", "komşumun kocası bahçede halı dövüyor", None),
    C("b1-39", "menu:ar", "whatsapp", "جاري كينفض الزربية فالسطح كل صباح", None),
    C(
        "b1-40",
        "menu",
        "telegram",
        "mijn zoon van 16 is dit weekend alleen thuis, kan iemand zaterdag de hond uitlaten?",
        None,
    ),
]
BATCH_2 = [
    # pills taken and a sign
    C("b2-01", "menu", "whatsapp", "oma heeft een hele strip slaappillen genomen en wordt niet meer wakker", "life"),
    C("b2-02", "checkin", "sms", "hij heeft zijn pillen al ingenomen maar praat nu heel raar en is versuft", "life"),
    C("b2-03", "menu:en", "telegram", "my husband took a load of his pills and he is very drowsy and mumbling", "life"),
    C("b2-04", "menu:uk", "whatsapp", "дідусь випив усі свої таблетки і тепер дуже сонний", "life"),
    C("b2-05", "menu:ar", "whatsapp", "بابا شرب كاع الدوا ديالو وولا ناعس بزاف ما كيهضرش", "life"),
    # on the floor behind a door that stays shut
    C(
        "b2-06",
        "vmenu",
        "telegram",
        "door de brievenbus zie ik de buurman in de gang liggen, hij doet niet open",
        "112",
    ),
    C("b2-07", "menu:pl", "sms", "widzę przez okno, że sąsiadka leży na podłodze i nie otwiera", "112"),
    C("b2-08", "menu:tr", "whatsapp", "pencereden bakınca teyzeyi yerde yatarken gördüm, kapıyı açmıyor", "112"),
    # "zich van het leven beroven"
    C("b2-09", "thread", "telegram", "mijn vriendin dreigt zich van het leven te beroven", "113"),
    C("b2-10", "checkin", "whatsapp", "soms denk ik eraan om mij van het leven te beroven", "113"),
    # a neighbour who beats his partner, reported abuse
    C("b2-11", "menu:en", "sms", "the guy upstairs keeps hitting his girlfriend", "vt"),
    C("b2-12", "menu:uk", "telegram", "чоловік сусідки її б'є, я чую крики", "vt"),
    C("b2-13", "menu:tr", "sms", "yan komşunun oğlu annesini dövüyor", "vt"),
    C("b2-14", "menu:ar", "whatsapp", "راجل جارتي كيضربها", "vt"),
    # not seen for days
    C(
        "b2-15",
        "menu",
        "sms",
        "ik heb mevrouw De Vries al een week niet gezien, de kranten liggen nog op de mat en de gordijnen zijn dicht",
        "112",
    ),
    C("b2-16", "menu:pl", "whatsapp", "nie widziałam sąsiada od kilku dni, skrzynka pełna listów", "112"),
    # a carer threatened or hit by the one she cares for
    C(
        "b2-17",
        "checkin",
        "telegram",
        "mijn vader die bij ons woont wordt agressief en heeft me gisteren geslagen",
        "vt",
    ),
    C("b2-18", "checkin:en", "whatsapp", "my wife with alzheimers threatened to kill me last night", "any"),
    # children alone at home
    C(
        "b2-19",
        "menu",
        "whatsapp",
        "de kinderen van de buren (3 en 5) zijn sinds gisteren alleen, de moeder is weg",
        "any",
    ),
    C("b2-20", "menu:tr", "sms", "komşunun küçük çocukları iki gündür evde yalnız", "any"),
    # smoke and gas
    C("b2-21", "menu", "telegram", "er komt rook uit het raam van de bovenburen", "fire"),
    C("b2-22", "menu:en", "whatsapp", "strong gas smell in the hallway of our flat", "gas"),
    C("b2-23", "menu:uk", "sms", "в під'їзді сильно пахне газом", "gas"),
    C("b2-24", "menu:ar", "whatsapp", "كاين ريحة ديال الغاز فالدروج", "gas"),
    # confused and outside at night
    C(
        "b2-25",
        "menu",
        "sms",
        "om 3 uur 's nachts staat een oude vrouw in haar nachtjapon op de stoep, ze weet niet waar ze woont",
        "112",
    ),
    C(
        "b2-26",
        "menu:pl",
        "telegram",
        "starszy pan błąka się w nocy po ulicy w kapciach, nie wie gdzie mieszka, jest mróz",
        "112",
    ),
    # self-harm words
    C("b2-27", "menu:pl", "sms", "pociąłem się znowu żyletką", "113"),
    C("b2-28", "menu:uk", "whatsapp", "порізала собі руки, знову", "113"),
    # a volunteer: the resident fell during the visit
    C(
        "b2-29",
        "vgelukt",
        "telegram",
        "tijdens het wandelen is meneer gestruikeld en hij kan zijn been niet meer bewegen",
        "112",
    ),
    C(
        "b2-30",
        "vthread",
        "whatsapp",
        "Ans is uitgegleden in de badkamer terwijl ik er was, ze ligt nog en zegt dat alles pijn doet",
        "112",
    ),
    # look-alikes
    C("b2-31", "checkin", "sms", "opa dommelt na het eten altijd weg en reageert dan even niet, normaal toch?", None),
    C("b2-32", "menu", "whatsapp", "mijn kleinzoon sloeg me op de rug van het lachen", None),
    C("b2-33", "menu", "telegram", "heeft u mijn pillen al opgehaald? dan neem ik ze vanavond in", None),
    C("b2-34", "menu", "sms", "de rookmelder gaat af als ik aan het bakken ben, wie kan hem verplaatsen?", None),
    C("b2-35", "menu", "whatsapp", "de buurman beroofde me van mijn nachtrust met zijn geboor", None),
    C(
        "b2-36",
        "menu:en",
        "sms",
        "my dad takes all his pills at once in the morning, can someone sort a pill box?",
        None,
    ),
    C("b2-37", "menu:tr", "whatsapp", "komşunun oğlu sürekli davula vuruyor, çok gürültü", None),
    C("b2-38", "menu:pl", "sms", "sąsiadka wyjechała, listy się zbierają, kto może opróżnić skrzynkę?", None),
    C("b2-39", "menu:uk", "telegram", "ріжу папір для аплікацій з онуками, потрібен клей", None),
    C("b2-40", "menu:ar", "whatsapp", "ولدي بوحدو فالدار اليوم، عندو 17 عام", None),
]
GUARDS: list[Case] = []
KNOWN_MISSES: dict[str, str] = {}
CASES = [replace(case, gap=KNOWN_MISSES.get(case.id, "")) for case in (*BATCH_1, *BATCH_2, *GUARDS)]


@pytest.mark.parametrize("case", case_params(CASES))
def test_crises_of_round_26(case: Case) -> None:
    assert not problems(case)


def test_the_round_is_new() -> None:
    seen = every_earlier_string(__file__)
    cases = (*BATCH_1, *BATCH_2, *GUARDS)
    old = [case.text for case in cases if case.text.casefold() in seen]
    assert not old, old
    assert len({case.id for case in cases}) == len(cases)
