# Messages are kept whole and as typed (Turkish dotless i, Cyrillic and Arabic letters).
# ruff: noqa: RUF001, RUF002, E501
"""Red-team set 36: crisis round 26. The crises the last session left unread (pills taken and a sign, someone on
the floor behind a shut door, a neighbour who beats his partner in pl/uk/ar, Turkish reported abuse with a
genitive) and new contexts: an elderly neighbour not seen for days with the mail piling up, a carer threatened
by the one she cares for, children alone at home, smoke and gas, someone confused outside in the cold at night,
self-harm slang in Polish and Ukrainian, a volunteer whose resident fell during the visit. Format, contexts and
checks of round 34 (tests/test_understanding_redteam34.py). Main: e34e4ab.

- Batch 1 (40: 30 crises, 10 look-alikes; nl 19, en 5, pl 5, tr 4, uk 4, ar 3; contexts menu, checkin,
  vthread, vgelukt, vmenu, thread, first), written before the crisis code was read. Main: 30/40 (crises 22/30, look-alikes 8/10). Missed: b1-03 (Turkish pills and
  "uyuşuk"), b1-07 (seen on the floor through a window, uk), b1-10, b1-11, b1-12, b1-14 (a neighbour who beats
  his partner: pl, uk, ar, Darija), b1-24, b1-25 (confused outside in the cold at night); false alarms b1-31
  (dozing off at cards "steeds", reageert niet) and b1-38 (Turkish "halı dövüyor", beating a carpet).
  After: 40/40.
- Batch 2 (40: 30 crises, 10 look-alikes; nl 17, en 5, uk 5, pl 5, ar 4, tr 4), held out, written before
  any fix. Before (the honest figure): 26/40
  (crises 19/30, look-alikes 7/10; main the same). Missed: b2-02, b2-03 (pills with "al" or "a load" and a
  sign), b2-06 (on the floor in the hall, the door stays shut), b2-11 ("the guy upstairs"), b2-14 ("راجل
  جارتي", the neighbour's husband), b2-16 (not seen for days, pl), b2-19, b2-20 (young children alone,
  plural), b2-25, b2-26 (confused outside at night), b2-30 (fell during the visit, still lying, in pain);
  false alarms b2-31 (dozing off after dinner "altijd"), b2-32 (a slap on the back "van het lachen"), b2-37
  (Turkish drum). After: 39/40; b2-19 is a KNOWN_MISS.
- GUARDS (14, written after the fixes, no measure): the edges of the new rules.
- `flows.crisis.detect` on the 28,840 earlier test strings (every_other_test_string): 4 changed, all meant:
  round 35's known misses b1-10, b1-16 and b1-39 (and the text of their reasons), and "jan heeft zijn hele
  voorraad morfine opgemaakt, hij is heel suf" suicide -> medical (its reply and alert are the same:
  crisis_overdose_other, crisis_medical). Corpus 328/328, crises 27/27, 0 false alarms.

Mechanisms (flows/understanding/data/crisis.toml "round crisis26"; flows/crisis.py, flows/conversation.py):
- Unions by one-concept rules (`hit_verb_any`, `partner_hit_any`, `neighbour_any`, `pills_any`, `person_any`,
  `days_any`, `house_signs`, `young_any`, `no_grown_up_any`): a rule reads every language's list at once.
- A neighbour (also "the guy upstairs", "sąsiad z góry") who beats their partner, with the hitting verbs of all
  six languages; the neighbour's partner as the one who hits ("komşumun kocası", "чоловік сусідки", "راجل
  جارتي", "the neighbours husband").
- Pills taken with a sign of poisoning (suf, versuft, praat raar, drowsy, mumbling, uyuşuk, półprzytomna, ...):
  112, "al" (already) or not; not one sleeping pill at bedtime, a side effect, a habit ("altijd") or "een
  beetje". When the overdose's 113 is read too, `flows.crisis.detect` keeps it the overdose (suicide, whose
  answer leads with 112); someone else's pills with an amount keep crisis_overdose_other when read as 112.
- Seen lying through a window or the letterbox (a person, not "de krant"); on the floor with a door that stays
  shut; fallen and still lying in pain (not in bed, not "geen pijn").
- Not seen for days with the house's signs (mail piling up, curtains), not when away.
- Young children in the plural; a time of days as the sign no grown-up is there.
- Someone confused (or in night clothes, lost) outside at night or in the cold; not wanting out, a habit.
- Dozing off as a habit guards "reageert niet" (habitual_unresponsive); beating a carpet, a drum, a slap on
  the back "van het lachen" are idioms.

Left: b2-19 (ages in brackets, "zijn sinds gisteren alleen").
"""

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
    C(
        "b1-05",
        "vthread",
        "telegram",
        "ik zie haar door het raam op de grond liggen en ze doet niet open",
        "112",
    ),
    C(
        "b1-06",
        "menu:en",
        "whatsapp",
        "i can see him lying on the kitchen floor through the window and he wont open the door",
        "112",
    ),
    C("b1-07", "menu:uk", "telegram", "бачу через вікно, що бабуся лежить на підлозі", "112"),
    # "zich van het leven beroven"
    C(
        "b1-08",
        "menu",
        "sms",
        "mijn broer wil zich van het leven beroven, ik heb zijn sleutels afgepakt",
        "113",
    ),
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
    C(
        "b1-17",
        "checkin",
        "telegram",
        "mijn man heeft dementie en dreigt me te slaan, ik ben bang voor hem",
        "vt",
    ),
    C(
        "b1-18",
        "checkin",
        "sms",
        "mijn moeder waar ik voor zorg heeft een mes gepakt en dreigt me ermee",
        "112",
    ),
    # a child alone at home
    C(
        "b1-19",
        "menu",
        "whatsapp",
        "het buurmeisje van 4 is al de hele dag alleen thuis, ik hoor haar huilen",
        "any",
    ),
    C(
        "b1-20",
        "menu:en",
        "telegram",
        "a toddler has been left alone next door since this morning, crying nonstop",
        "any",
    ),
    # smoke and gas
    C("b1-21", "menu", "sms", "ik ruik brandlucht bij de buren en er komt rook onder de deur door", "fire"),
    C("b1-22", "thread", "whatsapp", "het stinkt hier naar gas in het trappenhuis", "gas"),
    C("b1-23", "menu:pl", "sms", "czuć gaz na klatce schodowej", "gas"),
    # confused and outside in the cold at night
    C(
        "b1-24",
        "menu",
        "telegram",
        "er loopt een verwarde oude man op straat in zijn pyjama, het vriest",
        "112",
    ),
    C(
        "b1-25",
        "menu:tr",
        "sms",
        "yaşlı bir adam gece sokakta pijamayla dolaşıyor, kafası karışık, hava çok soğuk",
        "112",
    ),
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
    C(
        "b1-31",
        "checkin",
        "telegram",
        "Jan valt bij het kaarten steeds in slaap en reageert dan nergens op, grappig",
        None,
    ),
    C("b1-32", "menu", "whatsapp", "hij gaf me een klap op de schouder, haha", None),
    C(
        "b1-33",
        "menu",
        "sms",
        "hij heeft zijn pillen al ingenomen, kan iemand morgen naar de apotheek?",
        None,
    ),
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
    C(
        "b2-01",
        "menu",
        "whatsapp",
        "oma heeft een hele strip slaappillen genomen en wordt niet meer wakker",
        "life",
    ),
    C(
        "b2-02",
        "checkin",
        "sms",
        "hij heeft zijn pillen al ingenomen maar praat nu heel raar en is versuft",
        "life",
    ),
    C(
        "b2-03",
        "menu:en",
        "telegram",
        "my husband took a load of his pills and he is very drowsy and mumbling",
        "life",
    ),
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
    C(
        "b2-08",
        "menu:tr",
        "whatsapp",
        "pencereden bakınca teyzeyi yerde yatarken gördüm, kapıyı açmıyor",
        "112",
    ),
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
    C(
        "b2-31",
        "checkin",
        "sms",
        "opa dommelt na het eten altijd weg en reageert dan even niet, normaal toch?",
        None,
    ),
    C("b2-32", "menu", "whatsapp", "mijn kleinzoon sloeg me op de rug van het lachen", None),
    C("b2-33", "menu", "telegram", "heeft u mijn pillen al opgehaald? dan neem ik ze vanavond in", None),
    C(
        "b2-34",
        "menu",
        "sms",
        "de rookmelder gaat af als ik aan het bakken ben, wie kan hem verplaatsen?",
        None,
    ),
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
GUARDS = [
    C("g-01", "menu", "sms", "hij heeft zijn pillen al ingenomen en wordt nu niet meer wakker", "life"),
    C("g-02", "menu", "whatsapp", "ze heeft haar slaappil ingenomen en is al suf, ze gaat zo naar bed", None),
    C("g-03", "checkin", "sms", "hij heeft zijn pillen ingenomen en is daarna altijd wat suf", None),
    C("g-04", "menu", "telegram", "door het raam zie ik opa op de vloer liggen", "112"),
    C("g-05", "menu", "sms", "door het raam zag ik dat de krant op de grond lag", None),
    C("g-06", "menu:pl", "sms", "sąsiad trzepie dywan na podwórku", None),
    C("g-07", "menu:uk", "telegram", "сусід зверху б'є свою дружину", "vt"),
    C(
        "g-08",
        "checkin",
        "whatsapp",
        "oma is verward en wil 's nachts naar buiten, hoe houd ik haar binnen?",
        None,
    ),
    C("g-09", "menu", "sms", "hij ligt nog in bed, hij is gisteren gevallen maar heeft geen pijn", None),
    C(
        "g-10",
        "vgelukt",
        "whatsapp",
        "opa is gevallen, hij ligt nog op de grond en heeft pijn in zijn heup",
        "112",
    ),
    C(
        "g-11",
        "menu",
        "telegram",
        "ik heb de buurvrouw een week niet gezien, ze is op vakantie en haar post stapelt zich op",
        None,
    ),
    C("g-12", "menu", "sms", "mijn kleinkinderen zijn dit weekend alleen thuis, ze zijn 14 en 16", None),
    C("g-13", "menu:en", "whatsapp", "the neighbours husband beats her, i can hear it", "vt"),
    C("g-14", "menu", "whatsapp", "mijn kleinzoon sloeg op zijn knie van het lachen", None),
]
KNOWN_MISSES: dict[str, str] = {
    "b2-19": "children's ages in brackets ('(3 en 5)') and 'zijn sinds gisteren alleen' are not read as young children left alone",
}
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
