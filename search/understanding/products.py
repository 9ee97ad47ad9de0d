"""Products named by what they are for, not by what they are.

Buyers who do not know a trade's word name its product by its use: "kostki do
mycia rąk" (bars to wash hands with), "płyn do mycia twarzy", "bars for washing
hands and face". Read word by word, "mycia" is washing, the cleaner's work; but
nobody hires a cleaner to wash their hands. Washing, bathing or caring for a part of
the body, after "do" or "for", is what a toiletry is for: soap. So is a bar ("kostka")
"do mycia" on its own ("kostki do mycia z dziegciem").

:func:`named_by_use` puts the product's name where its use stood, so the kinds of
work and the words compared with the profiles see soap. Helping a person wash ("pomoc
przy myciu", "help with washing") names no product and is left to care.

Products named by their cloth: "miękkie kołnierze ochronne z materiału", "kurtki
dżokejskie …, materiał dostarczymy", "płachty z logo, satyna". No trade's word names
the thing, but only a sewing room makes it: :func:`made_of_cloth` says so, and the
matcher reads sewing from it when nothing else names a kind of work.
"""

import re

BODY = r"(?:r[aą]k|d[lł]oni|cia[lł]a|twarzy|w[lł]os[oó]w|st[oó]p|n[oó]g|z[eę]b[oó]w)"
PARTS = rf"{BODY}(?:\s*(?:,|i|oraz|lub|albo)\s*{BODY})*"
USE = r"(?:mycia|k[aą]pieli|piel[eę]gnacji|higieny)"
# "do mycia rąk i ciała", "do pielęgnacji twarzy": the use of a toiletry
POLISH_USE = re.compile(rf"\bdo\s+{USE}\s+{PARTS}\b", re.IGNORECASE)
# "kostki do mycia", "kostek ok. 25 g do mycia": a bar's use
BAR = re.compile(r"\b(kost(?:ki|ek|ka|kami|kach)(?:\s+\S+){0,3}?)\s+do\s+mycia\b", re.IGNORECASE)
ENGLISH_BODY = r"(?:the\s+)?(?:hands?|face|body|hair|skin)"
ENGLISH_USE = re.compile(
    rf"\b(?:for|to)\s+(?:wash(?:ing)?|bath(?:ing)?|cleans(?:e|ing))\s+{ENGLISH_BODY}"
    rf"(?:\s*(?:,|and|or)\s*{ENGLISH_BODY})*\b",
    re.IGNORECASE,
)


def named_by_use(text: str) -> str:
    """``text`` with a toiletry's use replaced by its name ("kostki do mycia rąk" →
    "kostki mydło", "bars for washing hands" → "bars soap")."""
    text = POLISH_USE.sub(" mydło", text)
    text = BAR.sub(r"\1 mydło", text)
    return ENGLISH_USE.sub(" soap", text)


# The kind of work that makes things of cloth.
CLOTH_WORK = "sewing"
# What cloth things are made of, in any case: "z mocnego materiału", "z tkaniny", "z polaru"
# ("materiały", in the plural, are any materials: "materiały dostarczamy" to a packer)
CLOTH = (
    r"(?:materia[lł](?:u|em|e)?(?!\w)|tkanin\w*|dzianin\w*|sukn[ao]|p[lł][oó]tn[ao]|welur\w*|polar\w*"
    r"|filc\w*|flanel\w*|satyn\w*|tiul\w*|cordur\w*|kordur\w*|baweln\w*|bawełn\w*)"
)
MADE_OF_CLOTH = re.compile(
    # "obciążniki z mocnego materiału", "kołnierze ochronne z materiału"
    rf"\bz(?:e)?\s+(?:\w+\s+){{0,2}}?{CLOTH}(?!\w)"
    # the buyer brings the cloth: "materiał dostarczymy", "tkaninę mamy swoją"
    rf"|\b{CLOTH}\s+(?:\w+\s+)?(?:dostarcz\w*|zapewni\w*|mamy|przywieziemy|przeka[zż]\w*|damy)\b"
    # a cloth named as an item of its own: "płachty z logo, satyna, 3 szt."
    rf"|(?:^|[,:\u2013-])\s*(?!materia){CLOTH}\s*(?=[,.;\u2013-]|$)"
    r"|\b(?:made )?(?:of|from) (?:\w+ )?(?:fabric|cloth|fleece|felt)\b"
    r"|\b(?:fabric|cloth) (?:is )?(?:supplied|provided|from us)\b"
    r"|\bwe (?:supply|provide|send) (?:the )?(?:fabric|cloth)\b",
    re.IGNORECASE,
)


def made_of_cloth(text: str) -> bool:
    """Whether ``text`` says its things are made of cloth, or that the buyer brings the
    cloth: what is asked is sewing, though no word of it names the things ("kurtki
    dżokejskie …, materiał dostarczymy"). Read only when no kind of work is named."""
    return MADE_OF_CLOTH.search(text) is not None
