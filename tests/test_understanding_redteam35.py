# Messages are kept whole and as typed (Turkish dotless i, Cyrillic and Arabic letters).
# ruff: noqa: RUF001, RUF002, E501
"""Red-team set 35: crisis round 25. The crisis reader's guards (the `unless` lists of
flows/understanding/data/crisis*.toml): a real crisis beside a guard word in the same sentence, and the
guard's own look-alike, which must stay calm. Format, contexts and checks of round 34
(tests/test_understanding_redteam34.py).

(figures and decisions below)
"""

from __future__ import annotations

import pytest

from tests.crisis_round_support import case_params
from tests.redteam_support import every_earlier_string
from tests.test_understanding_redteam32 import Case
from tests.test_understanding_redteam34 import problems

C = Case

BATCH_1 = [
    # keys beside a crisis (the `play` guard has "sleutel(s)"/"keys")
    C("b1-01", "menu", "sms", "oma ligt achter de voordeur op de grond en ik heb haar sleutel niet", "112"),
    C(
        "b1-02",
        "checkin",
        "whatsapp",
        "Jan is in de gang gevallen en kan niet opstaan, ik ben mijn sleutels vergeten en sta buiten",
        "112",
    ),
    C(
        "b1-03",
        "vthread",
        "telegram",
        "ik zie Ans door het raam op de vloer liggen, ze reageert niet en de sleutel past niet",
        "112",
    ),
    C(
        "b1-04",
        "menu:en",
        "sms",
        "my mum is on the floor behind her door not answering and i dont have keys",
        "112",
    ),
    C("b1-05", "menu:tr", "sms", "annem yerde yatiyor kapı kilitli anahtarim yok cevap vermiyor", "112"),
    C("b1-06", "menu:pl", "sms", "tata upadl w mieszkaniu i nie moze wstac, nie mam kluczy", "112"),
    C("b1-07", "menu:uk", "telegram", "мама впала вдома і не може встати, а ключів у мене немає", "112"),
    C("b1-08", "menu:ar", "whatsapp", "ماما طاحت فالدار وما قادراش تنوض وما عنديش الساروت", "112"),
    C(
        "b1-09",
        "menu",
        "whatsapp",
        "de sleutel zit nog aan de binnenkant, ik ruik gas bij de buurvrouw en ze doet niet open",
        "gas",
    ),
    C(
        "b1-10",
        "first",
        "sms",
        "hallo ik heb de sleutel van mijn vader hij heeft al zijn pillen ingenomen en is heel suf",
        "life",
    ),
    # a neighbour in the sentence beside abuse (the `outsider` guard has "buurman"/"buurvrouw")
    C("b1-11", "menu", "whatsapp", "mijn buurvrouw zegt dat haar zoon haar slaat en geld afpakt", "vt"),
    C(
        "b1-12",
        "menu",
        "telegram",
        "mijn man slaat me als hij gedronken heeft, alleen de buurvrouw weet het",
        "vt",
    ),
    C(
        "b1-13",
        "checkin",
        "sms",
        "ik ben bang voor mijn man, hij duwt en slaat me. mag ik bij de buurman slapen?",
        "vt",
    ),
    C(
        "b1-14",
        "vmenu",
        "telegram",
        "de meneer die ik bezoek heeft weer blauwe plekken, de buurman zegt dat zijn kleinzoon hem slaat",
        "vt",
    ),
    C("b1-15", "menu:en", "whatsapp", "my neighbour showed me her bruises, her husband beats her", "vt"),
    C("b1-16", "menu:tr", "sms", "komsum bana kocasinin onu dovdugunu anlatti", "vt"),
    C("b1-17", "menu:pl", "sms", "sasiadka mowi ze syn ja bije i zabiera jej emeryture", "vt"),
    C("b1-18", "menu:uk", "telegram", "сусідка розповіла, що чоловік її б'є", "vt"),
    C("b1-19", "menu:ar", "whatsapp", "جارتي قالت لي بلي راجلها كيضربها", "vt"),
    C("b1-20", "thread", "whatsapp", "de buurman slaat zijn vrouw weer, ik hoor haar huilen door de muur", "any"),
    # two clauses: the guard belongs to the first, the crisis is in the second
    C(
        "b1-21",
        "vgelukt",
        "sms",
        "de thuiszorg neemt niet op en meneer ademt niet meer, wat moet ik doen",
        "112",
    ),
    C(
        "b1-22",
        "menu",
        "whatsapp",
        "mijn telefoon reageert traag maar opa ligt op de grond en reageert ook niet",
        "112",
    ),
    C(
        "b1-23",
        "menu",
        "telegram",
        "we deden een spelletje en ineens viel opa om, hij is niet aanspreekbaar",
        "112",
    ),
    C(
        "b1-24",
        "checkin:en",
        "telegram",
        "the volunteer isnt answering her phone and jan has stopped breathing",
        "112",
    ),
    C(
        "b1-25",
        "vmenu:tr",
        "sms",
        "koordinatör cevap vermiyor, teyze bayıldı ve nefes almıyor",
        "112",
    ),
    C(
        "b1-26",
        "menu:pl",
        "sms",
        "wolontariusz nie odbiera a babcia lezy i nie oddycha",
        "112",
    ),
    C("b1-27", "menu:uk", "sms", "волонтер не відповідає, а дідусь не дихає", "112"),
    C(
        "b1-28",
        "menu",
        "sms",
        "de buurman heeft de sleutel, mijn moeder zegt dat ze niet meer wil leven",
        "113",
    ),
    C(
        "b1-29",
        "menu",
        "whatsapp",
        "opa valt altijd in slaap bij de tv maar nu is hij blauw en ademt niet",
        "112",
    ),
    C(
        "b1-30",
        "menu:en",
        "sms",
        "we were playing cards and my dad suddenly cant move his arm and his face is drooping",
        "112",
    ),
    # the guards' own look-alikes
    C("b1-31", "menu", "sms", "mijn sleutel is achter de kast gevallen, wie kan helpen die te pakken?", None),
    C(
        "b1-32",
        "menu",
        "whatsapp",
        "de kleinkinderen gooiden met mijn sleutels en nu liggen ze in de vijver 😂",
        None,
    ),
    C("b1-33", "menu:en", "sms", "i locked my keys inside and im stuck on the doorstep, anyone?", None),
    C("b1-34", "menu", "telegram", "de buurman slaat elke zaterdag spijkers in de schutting, herrie!", None),
    C("b1-35", "menu:tr", "sms", "komsunun cocugu topla duvarima vuruyor, cok gurultu", None),
    C(
        "b1-36",
        "vthread",
        "whatsapp",
        "ze reageert niet op mijn berichten, misschien is ze bij de buurvrouw koffie drinken",
        None,
    ),
    C(
        "b1-37",
        "menu:pl",
        "sms",
        "sasiad zgubil klucze i spi u nas, wszystko w porzadku",
        None,
    ),
    C("b1-38", "menu:uk", "sms", "я загубила ключі, хто може допомогти з замком?", None),
    C(
        "b1-39",
        "checkin",
        "telegram",
        "Jan valt bij het kaarten steeds in slaap, reageert dan niet, haha",
        None,
    ),
    C("b1-40", "menu:ar", "whatsapp", "ضاع ليا الساروت، شكون يقدر يعاوني نحل الباب؟", None),
]
BATCH_2: list[Case] = []
KNOWN_MISSES: dict[str, str] = {}


@pytest.mark.parametrize("case", case_params([*BATCH_1, *BATCH_2]))
def test_crises_beside_guard_words(case: Case) -> None:
    assert not problems(case)


def test_the_round_is_new() -> None:
    seen = every_earlier_string(__file__)
    cases = (*BATCH_1, *BATCH_2)
    old = [case.text for case in cases if case.text.casefold() in seen]
    assert not old, old
    assert len({case.id for case in cases}) == len(cases)
