# Messages are kept whole and as typed (Turkish dotless i, Cyrillic and Arabic letters).
# ruff: noqa: RUF001, RUF002, E501
"""Red-team set 35: crisis round 25. The crisis reader's guards (the `unless` lists of
flows/understanding/data/crisis.toml): a real crisis beside a guard word in the same sentence (keys, a
neighbour or "someone", a device, a game, a second clause after the guard's), and the guard's own look-alike,
which must stay calm. Format, contexts and checks of round 34 (tests/test_understanding_redteam34.py). Main:
05d1b40.

- Batch 1 (40: 30 crises, 10 look-alikes; nl 20, en 5, tr 4, ar 3, pl 4, uk 4; contexts menu, checkin,
  vthread, vgelukt, vmenu, thread, first), written before the crisis code was read. Main: 33/40 (crises 24/30,
  look-alikes 9/10). Missed: b1-01, b1-10, b1-14, b1-16, b1-20, b1-24 and the false alarm b1-39. After: 35/40
  (b1-20 "de buurman slaat zijn vrouw", b1-24 a phone before "jan has stopped breathing"; the rest are
  KNOWN_MISSES).
- Batch 2 (40: 30 crises, 10 look-alikes; nl 19, en 5, tr 4, ar 4, pl 4, uk 4), held out, written after
  batch 1's fixes and not aimed at them. Before its own fixes (the honest figure): 28/40 (crises 19/30,
  look-alikes 9/10; main the same 28/40; a device guard in an earlier clause made 8 of the 12 misses:
  b2-21, b2-23 to b2-26, b2-28, b2-29 in nl, en, tr, pl, uk, Darija). A first try, the device guard by the
  match only (`unless_near`), made eight earlier look-alikes 112 ("ze reageert niet op mijn appjes", "... op
  de bel en haar telefoon gaat maar over") and was reverted; the kept fix is the clause guard below. After:
  35/40; b2-02, b2-04, b2-09, b2-20, b2-35 are KNOWN_MISSES.
- GUARDS (8, written after the fixes, no measure): the brief's examples and the device and keys look-alikes.
- `flows.crisis.detect` and `answering_mark` on the 20,702 earlier strings (tests/data, the shared corpus,
  every understanding and dialogue red-team module), before (main) and after: the same for every one. Corpus
  328/328, crises 27/27, 0 false alarms. Flow subset green.

Mechanisms (flows/understanding/crisis.py, data/crisis.toml):
- A rule whose tightest match is guarded now tries its other matches, tightest first (`_unguarded_match`,
  `_later_meetings`; only run when a guard fires): "de vrijwilliger reageert niet maar/en mevrouw ademt niet"
  was calmed by `role_no_reply` on "reageert niet", the only match tried of `unresponsive`.
- `unless_near`: a guard that speaks for the match and the words right by it (two words or fewer, same comma
  clause). Keys are out of `play` and `fallen_thing` into `keys_thing` (six languages), near-only on the 22
  rules that had those guards: "mijn moeder ligt onderaan de trap en ik heb geen sleutel" is 112, "de sleutels
  liggen onderaan de trap" stays calm. `outsider` is near-only on its 9 Veilig Thuis rules: "mijn buurvrouw
  zegt dat haar zoon haar slaat" was already read; "mijn man slaat me, alleen de buurvrouw weet het" too.
- A neighbour who beats their own partner (`outsider` + `hits` + `their_partner_hit`, ordered): "de buurman
  slaat zijn vrouw", "the neighbour beats his wife", "komşum karısını dövüyor" (Veilig Thuis).
- `[clause_guards]` (data): `device` speaks for its own clause only when it stands before the match with a
  new clause and its subject between (a comma clause, or after a `[clause_joins]` word: en, and, ve, و/o,
  i/a, і/й/а/та). "mijn telefoon doet raar en mijn vrouw ademt niet meer", "telefon sie zawiesza a dziadek nie
  oddycha" are 112; "de telefoon is gevallen en reageert niet meer" (no subject of its own), "de
  afstandsbediening is kapot en de tv reageert niet" (the second clause's own device) stay calm.

Decided: "mijn telefoon is kapot en ze reageert niet" is now a crisis, as "ze reageert niet" alone is. Left:
misses that are no guard's doing (the crisis is not read at all: b1-01, b1-10, b1-16, b2-02, b2-04, b2-09,
b2-20 "the man next door ... beats"), b1-14 (the neighbour stands inside the bruises-to-hits match), b1-39 and
b2-35 (false alarms on main too). `outsider` still holds "iemand", "someone", "ktoś", "хтось": near-only now.

Round crisis26 (tests/test_understanding_redteam36.py): b1-10 (pills taken and a sign), b1-16 (a neighbour's
partner who beats her, Turkish genitive) and b1-39 (dozing off as a habit) read now; out of KNOWN_MISSES.

Session 30 (lead): b2-02, b2-04 and b2-20 read now and left KNOWN_MISSES: someone calling out that they
cannot get up, a call for help heard or inside, the man next door who beats his wife (data/crisis.toml
"session 30"; a call for help alone, a moan heard, "ik hoorde dat hij om hulp vroeg" stay calm).
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
    C(
        "b1-20",
        "thread",
        "whatsapp",
        "de buurman slaat zijn vrouw weer, ik hoor haar huilen door de muur",
        "any",
    ),
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
BATCH_2 = [
    # keys and a crisis
    C(
        "b2-01",
        "menu",
        "whatsapp",
        "opa is van de trap gevallen, de sleutelbos ligt nog in de deur, hij bloedt",
        "112",
    ),
    C(
        "b2-02",
        "checkin",
        "sms",
        "ik kom niet binnen, sleutel kwijt, en Jan roept dat hij niet kan opstaan",
        "112",
    ),
    C(
        "b2-03",
        "vgelukt",
        "telegram",
        "nee, ik had de sleutel maar mevrouw lag onder aan de trap en bewoog niet",
        "112",
    ),
    C(
        "b2-04",
        "menu:en",
        "whatsapp",
        "cant find the spare key and i can hear dad shouting for help inside",
        "112",
    ),
    C("b2-05", "menu:tr", "sms", "anahtari unuttum, babam icerde yerde yatiyor kalkamiyor", "112"),
    C("b2-06", "menu:pl", "whatsapp", "mam klucz od sąsiadki, leży w łazience i nie odpowiada", "112"),
    C("b2-07", "menu:uk", "sms", "ключ у сусідки, а бабуся лежить на підлозі і не дихає", "112"),
    C("b2-08", "vthread:ar", "whatsapp", "الساروت ما خدامش و الحاجة طايحة فالأرض ما كتجاوبش", "112"),
    C(
        "b2-09",
        "menu",
        "sms",
        "ik heb zijn sleutels afgepakt want hij zei dat hij zich van het leven wil beroven",
        "113",
    ),
    # a neighbour or someone in the sentence, abuse at home
    C(
        "b2-10",
        "menu",
        "telegram",
        "de buurvrouw zag de blauwe plekken, mijn zoon slaat me als ik geen geld geef",
        "vt",
    ),
    C(
        "b2-11",
        "checkin",
        "whatsapp",
        "als iemand het vraagt zeg ik dat ik gevallen ben, maar mijn man slaat me",
        "vt",
    ),
    C("b2-12", "menu", "sms", "kan iemand helpen? mijn kleinzoon slaat me en pakt mijn pinpas af", "vt"),
    C(
        "b2-13",
        "vthread",
        "telegram",
        "mevrouw fluisterde dat haar schoonzoon haar slaat, de buren horen het ook",
        "vt",
    ),
    C("b2-14", "menu:en", "sms", "someone please help, my son hits me when he is drunk", "vt"),
    C("b2-15", "menu:tr", "whatsapp", "biri yardim etsin, oglum beni dovuyor", "vt"),
    C("b2-16", "menu:pl", "sms", "niech ktoś pomoże, mąż mnie bije", "vt"),
    C("b2-17", "menu:uk", "telegram", "хтось допоможіть, син мене б'є", "vt"),
    C("b2-18", "menu:ar", "whatsapp", "شي واحد يعاوني، ولدي كيضربني", "vt"),
    C("b2-19", "menu", "whatsapp", "de buurman mishandelt zijn vrouw, ik hoor het elke nacht", "any"),
    C("b2-20", "menu:en", "telegram", "the man next door beats his wife, i hear her screaming", "any"),
    # two clauses, the guard in the first
    C("b2-21", "menu", "sms", "mijn telefoon doet raar en mijn vrouw ademt niet meer", "112"),
    C(
        "b2-22",
        "vgelukt",
        "whatsapp",
        "de bel werkt niet, maar door het raam zie ik mevrouw liggen, ze reageert niet",
        "112",
    ),
    C("b2-23", "checkin:en", "whatsapp", "the app wont load and jan isnt responding at all", "112"),
    C("b2-24", "menu:tr", "telegram", "telefonum çalışmıyor, annem nefes almıyor", "112"),
    C("b2-25", "menu:pl", "sms", "telefon sie zawiesza a dziadek nie oddycha", "112"),
    C("b2-26", "menu:uk", "whatsapp", "телефон не працює, а мама не дихає", "112"),
    C(
        "b2-27",
        "menu",
        "telegram",
        "het was een grapje eerst maar nu zegt hij echt dat hij er een eind aan maakt",
        "113",
    ),
    C(
        "b2-28",
        "thread",
        "sms",
        "Marieke reageert niet op mijn appjes en mijn man is net buiten westen geraakt",
        "112",
    ),
    C("b2-29", "menu:ar", "sms", "tilifon ma khdamch o baba ma kaytnefsch", "112"),
    C(
        "b2-30",
        "menu",
        "whatsapp",
        "de kleinkinderen speelden met de bal en toen viel oma, ze is bewusteloos",
        "112",
    ),
    # look-alikes of the guards
    C(
        "b2-31",
        "menu",
        "telegram",
        "de sleutels liggen onderaan de trap, kan iemand ze morgen brengen?",
        None,
    ),
    C("b2-32", "menu:en", "sms", "my keys fell down the stairs and i cant bend to get them", None),
    C("b2-33", "menu", "sms", "mijn kleinzoon gooit de sleutels naar me toe, haha die kan niet mikken", None),
    C("b2-34", "menu:tr", "whatsapp", "anahtarım kanala düştü, çilingir lazım", None),
    C("b2-35", "menu", "whatsapp", "de buurman sloeg me op mijn schouder en lachte, gezellige kerel", None),
    C("b2-36", "menu:pl", "sms", "sąsiad wbija gwoździe od rana, nie da się wytrzymać", None),
    C(
        "b2-37",
        "vthread",
        "telegram",
        "ze reageert niet op haar telefoon, ik denk dat ze bij haar dochter is",
        None,
    ),
    C("b2-38", "menu:uk", "sms", "мій телефон не реагує, допоможіть налаштувати", None),
    C("b2-39", "menu", "sms", "iemand die mijn man kan helpen met de computer?", None),
    C("b2-40", "menu:ar", "whatsapp", "جاري كيدق المسامير فالحيط كل نهار", None),
]
GUARDS = [
    C("g-01", "menu", "sms", "mijn moeder ligt onderaan de trap en ik heb geen sleutel", "112"),
    C("g-02", "vgelukt", "whatsapp", "de vrijwilliger reageert niet maar mevrouw ademt niet", "112"),
    C("g-03", "menu", "telegram", "de buurman slaat zijn vrouw, je hoort het door de hele flat", "any"),
    C("g-04", "menu", "sms", "de sleutels liggen onderaan de trap, wie haalt ze op?", None),
    C("g-05", "menu", "whatsapp", "de telefoon is gevallen en reageert niet meer, wie kan hem maken?", None),
    C("g-06", "menu:en", "sms", "my phone died and the app is not responding", None),
    C("g-07", "menu:tr", "sms", "telefonum bozuk ve uygulama cevap vermiyor", None),
    C("g-08", "menu", "telegram", "de afstandsbediening is kapot en de tv reageert niet", None),
]
KNOWN_MISSES: dict[str, str] = {
    "b1-01": "lying on the floor behind a door is not read without 'not responding' or 'cannot get up' (no guard)",
    "b1-14": "the neighbour stands inside the bruises ... hits match, so the near guard still calms it",
    "b2-09": "'zich van het leven beroven' is not read (no guard)",
    "b2-35": "a friendly slap by a neighbour reads as violence (main too)",
}
CASES = [replace(case, gap=KNOWN_MISSES.get(case.id, "")) for case in (*BATCH_1, *BATCH_2, *GUARDS)]


@pytest.mark.parametrize("case", case_params(CASES))
def test_crises_beside_guard_words(case: Case) -> None:
    assert not problems(case)


def test_the_round_is_new() -> None:
    seen = every_earlier_string(__file__)
    cases = (*BATCH_1, *BATCH_2, *GUARDS)
    old = [case.text for case in cases if case.text.casefold() in seen]
    assert not old, old
    assert len({case.id for case in cases}) == len(cases)
