"""The matcher keeps its measured relevance on the judged set, overall and per kind of need,
and beats both baselines.

The floors sit just under the values measured when they were set (the
measured value minus 0.02, rounded down; README, "Relevance"); a change that
lowers relevance fails CI instead of shipping. The lead raises them as the
engine improves. The judged set is pinned by its checksum: editing it is a
deliberate change of ``JUDGED_SET_SHA256`` (see ``tests/relevance/README.md``).
"""

import hashlib
import io
import json
import math
from collections import Counter
from pathlib import Path

import pytest
from django.core.management import call_command

from search.measure.evaluation import JUDGED_SET, engine_ranker, evaluate, load_judged, run
from search.sync import flush

JUDGED_SET_SHA256 = "69db2734840f6d8a874282419850652dfa862c0c539e910430be9c918ff6d890"

NDCG_FLOOR = 0.89
MRR_FLOOR = 0.94
KIND_NDCG_FLOOR = {
    "certificate": 0.87,
    "english": 0.91,
    "informal_place": 0.85,
    "long_email": 0.92,
    "mixed": 0.95,
    "no_diacritics": 0.89,
    "nothing": 0.98,
    "quantity": 0.87,
    "region": 0.95,
    "short": 0.92,
    "typo": 0.91,
    "unusual_words": 0.79,
}
KIND_MRR_FLOOR = {
    "certificate": 0.98,
    "english": 0.95,
    "informal_place": 0.91,
    "long_email": 0.98,
    "mixed": 0.98,
    "no_diacritics": 0.95,
    "nothing": 0.98,
    "quantity": 0.95,
    "region": 0.93,
    "short": 0.98,
    "typo": 0.98,
    "unusual_words": 0.89,
}

KINDS = {
    "short",
    "long_email",
    "region",
    "informal_place",
    "no_diacritics",
    "typo",
    "english",
    "mixed",
    "certificate",
    "quantity",
    "unusual_words",
    "nothing",
}
# Later rounds, each written blind to the engine, scored once, then tuned on (ROUND3.md …
# ROUND8.md). Floored on their own, so the floors above keep measuring the set they were set on.
# The unusual-words floors of rounds 12, 14, 16 and 19 to 23 were raised to 0.02 under what the
# villages of the register of localities (search.places.villages) brought them to.
ROUNDS = {
    "round3_needs.jsonl": {
        "sha256": "f7673cac904ce883703d3922abd0ecea7104989c77e0c74fc8fea17a77e282c6",
        "size": 40,
        "ndcg": {"long_email": 0.94, "unusual_words": 0.93},
        "mrr": {"long_email": 0.98, "unusual_words": 0.98},
    },
    # Its first, blind score: 0.832 nDCG@5 (objects named 0.631); after things were told
    # from work (search/taxonomy.py), before any tuning on it: 0.842 (0.666). Then tuned on
    # (docs/vocabulary.md, "Round 4"): 0.920; the floors are 0.02 under that.
    "round4_needs.jsonl": {
        "sha256": "6a5e4770d79624b42b57a94d3d0961a8d07b79f0da235ea1db4db2afc7b595bc",
        "size": 50,
        "ndcg": {"long_email": 0.94, "unusual_words": 0.95, "objects_named": 0.83},
        "mrr": {"long_email": 0.98, "unusual_words": 0.98, "objects_named": 0.91},
    },
    # Its first, blind score: 0.667 nDCG@5 (long e-mails 0.832, unusual words 0.502). Then
    # tuned on (docs/vocabulary.md, "Round 5": names in quotes, the per-trade vocabulary):
    # 0.901 (long e-mails 0.867, unusual words 0.934); with declined work read as such
    # (search/understanding/declined.py) 0.933 (long e-mails 0.932); with work no kind
    # covers (chimney sweeping) 0.950 (unusual words 0.968); floors 0.03 under that.
    "round5_needs.jsonl": {
        "sha256": "1d2b3e4174b012f3641bb2df9adc99ee622f9d47666ec7db38d78fe43b86d429",
        "size": 60,
        "ndcg": {"long_email": 0.93, "unusual_words": 0.94},
        "mrr": {"long_email": 0.96, "unusual_words": 0.98},
    },
    # Its first, blind score: 0.739 nDCG@5 (long e-mails 0.852, nothing 0.400). Then tuned
    # on (tests/relevance/ROUND6.md): more work nobody here does, the sender's own work and
    # what others already do for the buyer read as such, occasions as what event work is
    # for, one's own transport as a condition, the town of a name giving way: 0.874 (long
    # e-mails 0.865, nothing 0.900); floors 0.02 under that.
    "round6_needs.jsonl": {
        "sha256": "a69fcc86ef1d723a330318bd24405cf0ab9193a8af91eff64abdc09437d6b464",
        "size": 40,
        "ndcg": {"long_email": 0.87, "nothing": 0.88},
        "mrr": {"long_email": 0.88, "nothing": 0.88},
    },
    # Its first, blind score: 0.741 nDCG@5 (long e-mails 0.874, nothing 0.250). Then tuned
    # on (ROUND7.md, docs/vocabulary.md "Rounds 7 and 8"): words typed without Polish
    # letters read as typed, more ways of declining, more work nobody does, dates blanked
    # where they stand, villages, phrases read within a sentence, names opened by "Pod",
    # migration 0012: 0.946; floors 0.02 under each kind.
    "round7_needs.jsonl": {
        "sha256": "3a23ebcfb3082157b843836abdd788503b53cfaba5f35783365627f2edeab272",
        "size": 80,
        "ndcg": {
            "informal_place": 0.98,
            "long_email": 0.93,
            "mixed": 0.95,
            "no_diacritics": 0.96,
            "nothing": 0.91,
            "typo": 0.96,
            "unusual_words": 0.96,
        },
        "mrr": {
            "informal_place": 0.98,
            "long_email": 0.93,
            "mixed": 0.98,
            "no_diacritics": 0.98,
            "nothing": 0.91,
            "typo": 0.98,
            "unusual_words": 0.98,
        },
    },
    # Its first, blind score, after round 7's changes: 0.747 nDCG@5 (long e-mails 0.934,
    # nothing 0.250). Then tuned on (ROUND8.md): nine more trades nobody here does, a kind
    # read from one word beside such work taken as its setting, migration 0012: 0.891;
    # floors 0.02 under each kind. Round 9's rules (work done on things, the sender's own
    # trade, more ways of declining) then lifted nothing to 0.875 and English to 0.820;
    # round 10's trades nothing to 0.938.
    "round8_needs.jsonl": {
        "sha256": "5933f4b619174953c10997840a3e0aecf0ccf6abad16c2bb7de17e5a95863065",
        "size": 70,
        "ndcg": {
            "english": 0.80,
            "informal_place": 0.98,
            "long_email": 0.93,
            "mixed": 0.94,
            "no_diacritics": 0.98,
            "nothing": 0.91,
            "typo": 0.68,
            "unusual_words": 0.97,
        },
        "mrr": {
            "english": 0.75,
            "informal_place": 0.98,
            "long_email": 0.96,
            "mixed": 0.98,
            "no_diacritics": 0.98,
            "nothing": 0.91,
            "typo": 0.73,
            "unusual_words": 0.98,
        },
    },
    # Its first, blind score, after round 8's changes: 0.681 nDCG@5 (long e-mails 0.956,
    # nothing 0.273, English 0.599, unusual words 0.572). Then tuned on (ROUND9.md): work
    # done on things, the sender's own trade, more ways of declining, ten trades nobody here
    # does, migration 0013: 0.829; round 10's words then 0.853; floors 0.02 under each kind.
    "round9_needs.jsonl": {
        "sha256": "5ce8637f8658b118f582725b82d6da54bcd94da47f928cad9da3251aaca80209",
        "size": 74,
        "ndcg": {
            "english": 0.81,
            "informal_place": 0.94,
            "long_email": 0.93,
            "mixed": 0.88,
            "no_diacritics": 0.89,
            "nothing": 0.66,
            "typo": 0.88,
            "unusual_words": 0.88,
        },
        "mrr": {
            "english": 0.85,
            "informal_place": 0.98,
            "long_email": 0.98,
            "mixed": 0.85,
            "no_diacritics": 0.98,
            "nothing": 0.66,
            "typo": 0.88,
            "unusual_words": 0.98,
        },
    },
    # Its first, blind score, after round 9's changes: 0.873 nDCG@5, MRR 0.908 (nothing
    # 0.833, long e-mails 0.962, unusual words 0.500). Then tuned on (ROUND10.md): two
    # trades nobody here does, "nie trzeba", buyers' words of packing, laundry and light
    # assembly: 0.948; floors 0.02 under each kind.
    "round10_needs.jsonl": {
        "sha256": "b95f4df09c27543e59173df6c297d26a25dd9914c1efca3003a7cbe867b96099",
        "size": 74,
        "ndcg": {
            "english": 0.95,
            "informal_place": 0.78,
            "long_email": 0.93,
            "mixed": 0.89,
            "no_diacritics": 0.95,
            "nothing": 0.98,
            "typo": 0.96,
            "unusual_words": 0.80,
        },
        "mrr": {
            "english": 0.98,
            "informal_place": 0.98,
            "long_email": 0.98,
            "mixed": 0.98,
            "no_diacritics": 0.98,
            "nothing": 0.98,
            "typo": 0.98,
            "unusual_words": 0.81,
        },
    },
    # Its first, blind score, after round 10's changes: 0.751 nDCG@5 (unusual words 0.643
    # over 32 requests). Then everyday words for every trade (migration 0014; their brief
    # quoted about ten of this set's phrasings, ROUND11.md): 0.842; floors 0.02 under.
    "round11_needs.jsonl": {
        "sha256": "ea0726744882f9793c0384888c4d75936846e308b2a85bb26c3705e9fd6bb31e",
        "size": 48,
        "ndcg": {"english": 0.93, "nothing": 0.98, "typo": 0.89, "unusual_words": 0.76},
        "mrr": {"english": 0.98, "nothing": 0.98, "typo": 0.98, "unusual_words": 0.77},
    },
    # Blind, after round 11's everyday words: 0.753 nDCG@5 (unusual words 0.678 over 32
    # requests, ROUND12.md). Not tuned on; after round 13's words and verbs read as their
    # nouns' work: 0.831 (unusual words 0.788); floors 0.02 under each kind.
    "round12_needs.jsonl": {
        "sha256": "42549eaa792cf33579aa5209e46d909bfe4d45f84584c60d928f2476a322c2d4",
        "size": 48,
        "ndcg": {"long_email": 0.98, "mixed": 0.89, "nothing": 0.85, "unusual_words": 0.87},
        "mrr": {"long_email": 0.98, "mixed": 0.98, "nothing": 0.85, "unusual_words": 0.91},
    },
    # Its first, blind score, after round 12: 0.731 nDCG@5 (unusual words 0.724 over 34
    # requests, nothing 0.625). Then tuned on (ROUND13.md): a second batch of everyday words
    # whose brief named objects and verbs of this set's failures (migration 0015), lone
    # "czyszczenie" retired, verbs read as their nouns' work: 0.890; floors 0.02 under.
    "round13_needs.jsonl": {
        "sha256": "ea173cc8d9fe305e420db839cc9d13136b6cf5e345af127a2ff4df16fb8d5f7b",
        "size": 48,
        "ndcg": {"long_email": 0.89, "mixed": 0.89, "nothing": 0.85, "unusual_words": 0.86},
        "mrr": {"long_email": 0.98, "mixed": 0.98, "nothing": 0.85, "unusual_words": 0.88},
    },
    # Blind, after round 13's changes: 0.758 nDCG@5 (unusual words 0.786 over 30 requests,
    # nothing 0.500 over 4, ROUND14.md). Then lone "czyszczenie" retired (both nothing-
    # requests it listed cleaners for): 0.814; floors 0.02 under each kind.
    "round14_needs.jsonl": {
        "sha256": "4c338f3027e8ab8e92598059a49a6dff54fcbb4162c92b6dcfca6f55f5accddc",
        "size": 36,
        "ndcg": {"long_email": 0.83, "nothing": 0.98, "unusual_words": 0.8},
        "mrr": {"long_email": 0.98, "nothing": 0.98, "unusual_words": 0.83},
    },
    # Blind, after the verbs and lone "czyszczenie": 0.672 nDCG@5 (unusual words 0.716 over
    # 30 requests, nothing 0.250, ROUND15.md). Then tuned on: three trades nobody here does,
    # the purpose of money raised, two more ways of declining (work already done: "po
    # malowaniu hali"), four words retired: 0.850; floors 0.02 under each kind.
    "round15_needs.jsonl": {
        "sha256": "e1b49273cc25ea729a9d7c39b0db3857fa7f465f4ea58039305cde9808b11004",
        "size": 36,
        "ndcg": {"long_email": 0.83, "nothing": 0.98, "unusual_words": 0.81},
        "mrr": {"long_email": 0.98, "nothing": 0.98, "unusual_words": 0.84},
    },
    # Blind, where the stop ended, not tuned on: 0.851 nDCG@5, MRR 0.908 (unusual words
    # 0.879 over 30 requests, nothing 0.750, long e-mails 0.642 over 2, ROUND16.md);
    # floors 0.02 under each kind.
    "round16_needs.jsonl": {
        "sha256": "83a6a1ec34a46887ea543171e5c70689fb79e0021b1f739a03346f40ce8d115a",
        "size": 36,
        "ndcg": {"long_email": 0.62, "nothing": 0.73, "unusual_words": 0.87},
        "mrr": {"long_email": 0.98, "nothing": 0.73, "unusual_words": 0.92},
    },
    # Blind, at the start of the next stop, before any change: 0.634 nDCG@5, MRR 0.631
    # (unusual words 0.672 over 30 requests, nothing 0.250, long e-mails 0.834 over 2,
    # ROUND17.md). Then tuned on: villages after the commune's name, declined adjectives
    # of two-word names, ż/rz ó/u h/ch, declining cues, three trades nobody does, soap bars
    # and vegetable cuts: 0.886; floors 0.02 under each kind.
    "round17_needs.jsonl": {
        "sha256": "e4439f0eae5ba2c60cca53b3351230695619f3adc4e1f7b1feab35cd94283cf6",
        "size": 36,
        "ndcg": {"long_email": 0.96, "nothing": 0.73, "unusual_words": 0.87},
        "mrr": {"long_email": 0.98, "nothing": 0.73, "unusual_words": 0.89},
    },
    # Blind, after what round 17 led to: 0.812 nDCG@5, MRR 0.825 (unusual words 0.858 over
    # 30 requests, nothing 0.500, long e-mails 0.746 over 2, ROUND18.md). Then tuned on:
    # "nad" defers a place, the supplier clearing up after itself, three trades nobody
    # does, plugs, packing for dispatch: 0.927; floors 0.02 under each kind.
    "round18_needs.jsonl": {
        "sha256": "79f07fa8dd983d30f8548a53a5be8a83d4058f20aa68ee44e143fe3c88e657d2",
        "size": 36,
        "ndcg": {"long_email": 0.78, "nothing": 0.98, "unusual_words": 0.9},
        "mrr": {"long_email": 0.73, "nothing": 0.98, "unusual_words": 0.93},
    },
    # Blind, after what rounds 17 and 18 led to: 0.641 nDCG@5, MRR 0.658 (unusual words
    # 0.736 over 30 requests, nothing 0.000, long e-mails 0.487 over 2, ROUND19.md). Then
    # tuned on: abbreviations end no sentence, whom the sender employs, perfective assembly
    # steps, "mieć w komputerze", four trades nobody does, the business the sender has:
    # 0.847; floors 0.02 under each.
    "round19_needs.jsonl": {
        "sha256": "048610d0a51cdcd222dcf791cc8a7c1cb9e2216ca0f59bb83fd382679711544f",
        "size": 36,
        "ndcg": {"long_email": 0.96, "nothing": 0.48, "unusual_words": 0.91},
        "mrr": {"long_email": 0.98, "nothing": 0.48, "unusual_words": 0.95},
    },
    # Blind, after what rounds 17 to 19 led to: 0.704 nDCG@5, MRR 0.719 (unusual words 0.748
    # over 30 requests, nothing 0.250, long e-mails 0.959 over 2, ROUND20.md). Then tuned
    # on: newsletters, calls taken and care in English, subscription boxes, three trades
    # nobody does: 0.898; floors 0.02 under each kind.
    "round20_needs.jsonl": {
        "sha256": "fb9be53d2d72bcefaf3cf88b86dbe82810ae5392393f8454b480c3415346e6d5",
        "size": 36,
        "ndcg": {"long_email": 0.93, "nothing": 0.73, "unusual_words": 0.92},
        "mrr": {"long_email": 0.98, "nothing": 0.73, "unusual_words": 0.93},
    },
    # Blind, after what rounds 17 to 20 led to: 0.599 nDCG@5, MRR 0.628 (unusual words 0.656
    # over 30 requests, nothing 0.000, long e-mails 0.941 over 2, ROUND21.md). Then tuned on:
    # laundry by its result, boards and beams, car park marshals, and the broad batch of work
    # nobody does (whose brief named this round's four trades): 0.800; floors 0.02 under.
    "round21_needs.jsonl": {
        "sha256": "beba8d555dff30b7eef4245c50957091ddec8a1a303bc67f53c9761c4b9c6625",
        "size": 36,
        "ndcg": {"long_email": 0.92, "nothing": 0.48, "unusual_words": 0.87},
        "mrr": {"long_email": 0.98, "nothing": 0.48, "unusual_words": 0.9},
    },
    # Blind, where the stop ended, not tuned on: 0.580 nDCG@5, MRR 0.564 (unusual words 0.623
    # over 30 requests, nothing 0.250, long e-mails 0.602 over 2, ROUND22.md); floors 0.02
    # under each kind.
    "round22_needs.jsonl": {
        "sha256": "318bd58cc7595b1358e797643d0ea262a118f73bb98713dcfa5ee59cbc85ad84",
        "size": 36,
        "ndcg": {"long_email": 0.58, "nothing": 0.23, "unusual_words": 0.72},
        "mrr": {"long_email": 0.48, "nothing": 0.23, "unusual_words": 0.73},
    },
    # Blind at the stop's end, the matcher of round 22, not tuned on: 0.747 nDCG@5, MRR 0.772
    # (unusual words 0.745 over 30 requests, nothing 0.750, long e-mails 0.768 over 2,
    # ROUND23.md); floors 0.02 under each kind.
    "round23_needs.jsonl": {
        "sha256": "85135beff1ac5848e2a41a58ec6c558f3152cb3fd8192324b4a77f857f4a07b3",
        "size": 36,
        "ndcg": {"long_email": 0.74, "nothing": 0.73, "unusual_words": 0.84},
        "mrr": {"long_email": 0.98, "nothing": 0.73, "unusual_words": 0.86},
    },
    # Blind at round 23's matcher: 0.701 nDCG@5, MRR 0.689 (unusual words 0.708 over 30
    # requests, nothing 0.500, long e-mails 0.984 over 2); with the register's villages,
    # built for rounds 22 and 23 while it was written: 0.753 / 0.750 (ROUND24.md). Floors
    # 0.02 under each kind.
    "round24_needs.jsonl": {
        "sha256": "559f7edf86b3efca35e9a9c127af0dc7d5d538beac7132a2cb06dacd5dbb6f28",
        "size": 36,
        "ndcg": {"long_email": 0.96, "nothing": 0.48, "unusual_words": 0.75},
        "mrr": {"long_email": 0.98, "nothing": 0.48, "unusual_words": 0.74},
    },
    # Blind at commit cc7f077: 0.650 nDCG@5, MRR 0.695 (unusual words 0.617 over 30, nothing
    # 0.750, long e-mails 0.952 over 2); with migration 0017 and the model of judged
    # requests, both made while it was written, 0.684 / 0.737 (ROUND25.md). Floors 0.02
    # under each kind.
    "round25_needs.jsonl": {
        "sha256": "ec58e59f427b8064aef89144c81441200ae178b7b5fc2286f1ec25178f4799e9",
        "size": 36,
        "ndcg": {"long_email": 0.93, "nothing": 0.73, "unusual_words": 0.63},
        "mrr": {"long_email": 0.98, "nothing": 0.73, "unusual_words": 0.69},
    },
    # Blind at the stop's final matcher (5f39b4d): 0.818 nDCG@5, MRR 0.824 (unusual words
    # 0.849 over 30, nothing 0.500, long e-mails 0.975 over 2); 0.746 at the stop's first
    # (ROUND26.md). Not tuned on; floors 0.02 under each kind.
    "round26_needs.jsonl": {
        "sha256": "657698e942bffd66faca97113c209331772fffff9d5cdcc1cbf0129339bd2c35",
        "size": 36,
        "ndcg": {"long_email": 0.95, "nothing": 0.48, "unusual_words": 0.82},
        "mrr": {"long_email": 0.98, "nothing": 0.48, "unusual_words": 0.83},
    },
    # Blind at the same final matcher (29433f6): 0.699 nDCG@5, MRR 0.722 (unusual words 0.738
    # over 30, nothing 0.250, long e-mails 1.000 over 2); 0.679 at the stop's first
    # (ROUND27.md). Floors 0.02 under each kind.
    "round27_needs.jsonl": {
        "sha256": "7c299b94b12e3a91bde1a403fa99fe8f2219de473425b0e58de74b3d9bcc0896",
        "size": 36,
        "ndcg": {"long_email": 0.98, "nothing": 0.23, "unusual_words": 0.71},
        "mrr": {"long_email": 0.98, "nothing": 0.23, "unusual_words": 0.74},
    },
    # Blind at c4c107b (the last stop's final matcher), a mix like the held-out set's, three of
    # each kind: 0.880 nDCG@5, MRR 0.870 (short 0.558, long e-mails 0.655, nothing 1.000);
    # 0.935 / 0.926 after this stop's reading of places and framing work (ROUND28.md).
    # Floors 0.02 under each kind's blind score.
    "round28_needs.jsonl": {
        "sha256": "b303e514f3c49c6d5984dd714a1860dcb984d40a475e3b412f1f86d1a357411e",
        "size": 36,
        "ndcg": {
            "certificate": 0.98,
            "english": 0.96,
            "informal_place": 0.92,
            "long_email": 0.63,
            "mixed": 0.79,
            "no_diacritics": 0.82,
            "nothing": 0.98,
            "quantity": 0.9,
            "region": 0.96,
            "short": 0.53,
            "typo": 0.83,
            "unusual_words": 0.96,
        },
        "mrr": {
            "certificate": 0.98,
            "english": 0.98,
            "informal_place": 0.98,
            "long_email": 0.64,
            "mixed": 0.64,
            "no_diacritics": 0.75,
            "nothing": 0.98,
            "quantity": 0.98,
            "region": 0.98,
            "short": 0.48,
            "typo": 0.81,
            "unusual_words": 0.98,
        },
    },
    # Blind at 5329fe1 (after round 28's changes), a second mix like the held-out set's:
    # 0.875 nDCG@5, MRR 0.896 (informal places 0.660, quantities 0.478, unusual words
    # 0.544); the same at c4c107b; 0.938 / 0.958 after the places it taught (ROUND29.md).
    # Floors 0.02 under each kind's blind score.
    "round29_needs.jsonl": {
        "sha256": "c558cbd76cbf471fd2485d66963e7f4d91ed238a68369a1949d4f6cc0db5bcf1",
        "size": 36,
        "ndcg": {
            "certificate": 0.98,
            "english": 0.95,
            "informal_place": 0.64,
            "long_email": 0.98,
            "mixed": 0.96,
            "no_diacritics": 0.93,
            "nothing": 0.98,
            "quantity": 0.45,
            "region": 0.95,
            "short": 0.91,
            "typo": 0.98,
            "unusual_words": 0.52,
        },
        "mrr": {
            "certificate": 0.98,
            "english": 0.98,
            "informal_place": 0.73,
            "long_email": 0.98,
            "mixed": 0.98,
            "no_diacritics": 0.98,
            "nothing": 0.98,
            "quantity": 0.48,
            "region": 0.98,
            "short": 0.98,
            "typo": 0.98,
            "unusual_words": 0.48,
        },
    },
    # Blind at 1659fb1 (after rounds 28 and 29's changes), a third mix like the held-out
    # set's: 0.798 nDCG@5, MRR 0.811 (certificates, nothing 0.667, long e-mails 0.657,
    # mixed 0.625, quantities 0.577); 0.795 at c4c107b; 0.842 / 0.861 after the communes
    # it taught (ROUND30.md). Floors 0.02 under each kind's blind score.
    "round30_needs.jsonl": {
        "sha256": "f704585db854b63490c64e60574b280100083edf6372d838cf24ea9462f169b6",
        "size": 36,
        "ndcg": {
            "certificate": 0.64,
            "english": 0.97,
            "informal_place": 0.98,
            "long_email": 0.63,
            "mixed": 0.6,
            "no_diacritics": 0.87,
            "nothing": 0.64,
            "quantity": 0.55,
            "region": 0.86,
            "short": 0.79,
            "typo": 0.8,
            "unusual_words": 0.95,
        },
        "mrr": {
            "certificate": 0.64,
            "english": 0.98,
            "informal_place": 0.98,
            "long_email": 0.64,
            "mixed": 0.64,
            "no_diacritics": 0.98,
            "nothing": 0.64,
            "quantity": 0.31,
            "region": 0.98,
            "short": 0.71,
            "typo": 0.98,
            "unusual_words": 0.98,
        },
    },
    # Blind at aee7e15 (after round 30's changes), written at the same time as round 32 by
    # two other helpers: 0.850 nDCG@5, MRR 0.877 (nothing 0.333, unusual words 0.741);
    # 0.828 / 0.850 at c4c107b (ROUND31.md). Floors 0.02 under each kind's blind score.
    "round31_needs.jsonl": {
        "sha256": "26d7a9b1c211e1a5681151f5ccea21df30d78b57c646a289057a271336cf1d9d",
        "size": 36,
        "ndcg": {
            "certificate": 0.98,
            "english": 0.93,
            "informal_place": 0.8,
            "long_email": 0.96,
            "mixed": 0.92,
            "no_diacritics": 0.9,
            "nothing": 0.31,
            "quantity": 0.97,
            "region": 0.92,
            "short": 0.74,
            "typo": 0.76,
            "unusual_words": 0.72,
        },
        "mrr": {
            "certificate": 0.98,
            "english": 0.98,
            "informal_place": 0.98,
            "long_email": 0.98,
            "mixed": 0.98,
            "no_diacritics": 0.98,
            "nothing": 0.31,
            "quantity": 0.98,
            "region": 0.98,
            "short": 0.64,
            "typo": 0.73,
            "unusual_words": 0.75,
        },
    },
    # Blind at aee7e15, beside round 31: 0.846 nDCG@5, MRR 0.869 (informal places 0.515,
    # long e-mails 0.683, mixed 0.643); 0.817 / 0.842 at c4c107b (ROUND32.md). Floors 0.02
    # under each kind's blind score.
    "round32_needs.jsonl": {
        "sha256": "2cb751e4e084026708418e9a76404f9b13b081127c57dba9269c7058be6ec64f",
        "size": 36,
        "ndcg": {
            "certificate": 0.81,
            "english": 0.93,
            "informal_place": 0.49,
            "long_email": 0.66,
            "mixed": 0.62,
            "no_diacritics": 0.92,
            "nothing": 0.98,
            "quantity": 0.81,
            "region": 0.8,
            "short": 0.9,
            "typo": 0.98,
            "unusual_words": 0.95,
        },
        "mrr": {
            "certificate": 0.75,
            "english": 0.98,
            "informal_place": 0.48,
            "long_email": 0.68,
            "mixed": 0.68,
            "no_diacritics": 0.98,
            "nothing": 0.98,
            "quantity": 0.73,
            "region": 0.98,
            "short": 0.98,
            "typo": 0.98,
            "unusual_words": 0.98,
        },
    },
    # Blind at bfbb6dc, the stop's final matcher, written at once with round 34 by four
    # helpers: 0.868 nDCG@5, MRR 0.894; 0.854 / 0.873 at c4c107b (ROUND33.md).
    # Floors 0.02 under each kind's blind score.
    "round33_needs.jsonl": {
        "sha256": "b7a98cf364f7d85ff1b3a2cd542ce4e9f4c04b1c31daa66a4ce893ec86877df1",
        "size": 36,
        "ndcg": {
            "certificate": 0.79,
            "english": 0.71,
            "informal_place": 0.98,
            "long_email": 0.98,
            "mixed": 0.87,
            "no_diacritics": 0.93,
            "nothing": 0.64,
            "quantity": 0.91,
            "region": 0.92,
            "short": 0.93,
            "typo": 0.64,
            "unusual_words": 0.84,
        },
        "mrr": {
            "certificate": 0.75,
            "english": 0.75,
            "informal_place": 0.98,
            "long_email": 0.98,
            "mixed": 0.98,
            "no_diacritics": 0.98,
            "nothing": 0.64,
            "quantity": 0.81,
            "region": 0.98,
            "short": 0.98,
            "typo": 0.64,
            "unusual_words": 0.98,
        },
    },
    # Blind at bfbb6dc, the stop's final matcher, written at once with round 33 by four
    # helpers: 0.868 nDCG@5, MRR 0.919; 0.868 / 0.926 at c4c107b (ROUND34.md).
    # Floors 0.02 under each kind's blind score.
    "round34_needs.jsonl": {
        "sha256": "2036916b1bae99fc37aab461ae1ec45d679f054d1e22ebd681a827eb9715c5ae",
        "size": 36,
        "ndcg": {
            "certificate": 0.68,
            "english": 0.89,
            "informal_place": 0.81,
            "long_email": 0.98,
            "mixed": 0.95,
            "no_diacritics": 0.85,
            "nothing": 0.98,
            "quantity": 0.69,
            "region": 0.92,
            "short": 0.78,
            "typo": 0.73,
            "unusual_words": 0.89,
        },
        "mrr": {
            "certificate": 0.64,
            "english": 0.98,
            "informal_place": 0.75,
            "long_email": 0.98,
            "mixed": 0.98,
            "no_diacritics": 0.98,
            "nothing": 0.98,
            "quantity": 0.98,
            "region": 0.98,
            "short": 0.73,
            "typo": 0.81,
            "unusual_words": 0.98,
        },
    },
    # Blind at 882f372, the last stop's final matcher, written at once with round 36 by
    # four helpers: 0.810 nDCG@5, MRR 0.848; tuned on since (the lakes and mountains of
    # search/places came from its misses): 0.869 / 0.917 (ROUND35.md). Floors 0.02 under
    # each kind's score now.
    "round35_needs.jsonl": {
        "sha256": "ad4433847f612d70f42fd01c08b1f2bae714e3546ac17786efa3f77c72bdc7ec",
        "size": 36,
        "ndcg": {
            "certificate": 0.95,
            "english": 0.94,
            "informal_place": 0.95,
            "long_email": 0.96,
            "mixed": 0.60,
            "no_diacritics": 0.83,
            "nothing": 0.31,
            "quantity": 0.82,
            "region": 0.94,
            "short": 0.93,
            "typo": 0.97,
            "unusual_words": 0.94,
        },
        "mrr": {
            "certificate": 0.98,
            "english": 0.98,
            "informal_place": 0.98,
            "long_email": 0.98,
            "mixed": 0.64,
            "no_diacritics": 0.98,
            "nothing": 0.31,
            "quantity": 0.98,
            "region": 0.98,
            "short": 0.98,
            "typo": 0.98,
            "unusual_words": 0.98,
        },
    },
    # Blind at 882f372, written at once with round 35: 0.834 nDCG@5, MRR 0.885; 0.835 /
    # 0.885 with this stop's places, not tuned on (ROUND36.md). Floors 0.02 under each
    # kind's score now.
    "round36_needs.jsonl": {
        "sha256": "4b501240e945d692cf74db722356d255259e245df13b9d18c20ac5db746b102c",
        "size": 36,
        "ndcg": {
            "certificate": 0.88,
            "english": 0.96,
            "informal_place": 0.67,
            "long_email": 0.89,
            "mixed": 0.76,
            "no_diacritics": 0.87,
            "nothing": 0.64,
            "quantity": 0.90,
            "region": 0.96,
            "short": 0.86,
            "typo": 0.92,
            "unusual_words": 0.42,
        },
        "mrr": {
            "certificate": 0.81,
            "english": 0.98,
            "informal_place": 0.69,
            "long_email": 0.98,
            "mixed": 0.71,
            "no_diacritics": 0.98,
            "nothing": 0.64,
            "quantity": 0.98,
            "region": 0.98,
            "short": 0.98,
            "typo": 0.98,
            "unusual_words": 0.64,
        },
    },
    # Blind at 882f372, written at once with round 38 by four helpers after rounds 35 and
    # 36: 0.715 nDCG@5, MRR 0.752, the same at 41bf47e (places); tuned on since (migration
    # 0019): 0.785 / 0.812 (ROUND37.md). Floors 0.02 under each kind's score now.
    "round37_needs.jsonl": {
        "sha256": "5c32c6c26b10e080825781f7264ca48cc3706cc2b93337c389d18877dc687c72",
        "size": 36,
        "ndcg": {
            "certificate": 0.98,
            "english": 0.93,
            "informal_place": 0.89,
            "long_email": 0.79,
            "mixed": 0.64,
            "no_diacritics": 0.98,
            "nothing": 0.00,
            "quantity": 0.92,
            "region": 0.97,
            "short": 0.79,
            "typo": 0.57,
            "unusual_words": 0.69,
        },
        "mrr": {
            "certificate": 0.98,
            "english": 0.98,
            "informal_place": 0.98,
            "long_email": 0.75,
            "mixed": 0.75,
            "no_diacritics": 0.98,
            "nothing": 0.00,
            "quantity": 0.98,
            "region": 0.98,
            "short": 0.75,
            "typo": 0.64,
            "unusual_words": 0.73,
        },
    },
    # Blind at 882f372, written at once with round 37: 0.802 nDCG@5, MRR 0.805; 0.853 /
    # 0.856 at 41bf47e, whose places were written before it was read; 0.909 / 0.912 with
    # migration 0019 (round 37's words and, from this round's misses, moving cattle as work
    # nobody here does; ROUND38.md). Floors 0.02 under each kind's score now.
    "round38_needs.jsonl": {
        "sha256": "6dab8d897ef803f547f146984111e5f70332e7c65a99eac518911850a04b05d0",
        "size": 36,
        "ndcg": {
            "certificate": 0.89,
            "english": 0.81,
            "informal_place": 0.98,
            "long_email": 0.93,
            "mixed": 0.98,
            "no_diacritics": 0.98,
            "nothing": 0.64,
            "quantity": 0.74,
            "region": 0.95,
            "short": 0.97,
            "typo": 0.89,
            "unusual_words": 0.85,
        },
        "mrr": {
            "certificate": 0.81,
            "english": 0.98,
            "informal_place": 0.98,
            "long_email": 0.98,
            "mixed": 0.98,
            "no_diacritics": 0.98,
            "nothing": 0.64,
            "quantity": 0.64,
            "region": 0.98,
            "short": 0.98,
            "typo": 0.98,
            "unusual_words": 0.75,
        },
    },
    # Blind at d5dba43, this stop's final matcher, written at once with round 40 by four
    # helpers after rounds 35 to 38: 0.862 nDCG@5, MRR 0.889; the same at 882f372
    # (ROUND39.md). Not tuned on. Floors 0.02 under each kind's score.
    "round39_needs.jsonl": {
        "sha256": "38a791fb9573efc5a37d9bba2a550dad09683bfad714a9231843a49e15f5f70b",
        "size": 36,
        "ndcg": {
            "certificate": 0.98,
            "english": 0.96,
            "informal_place": 0.92,
            "long_email": 0.94,
            "mixed": 0.92,
            "no_diacritics": 0.95,
            "nothing": 0.31,
            "quantity": 0.94,
            "region": 0.91,
            "short": 0.89,
            "typo": 0.75,
            "unusual_words": 0.60,
        },
        "mrr": {
            "certificate": 0.98,
            "english": 0.98,
            "informal_place": 0.98,
            "long_email": 0.98,
            "mixed": 0.98,
            "no_diacritics": 0.98,
            "nothing": 0.31,
            "quantity": 0.98,
            "region": 0.98,
            "short": 0.81,
            "typo": 0.81,
            "unusual_words": 0.64,
        },
    },
    # Blind at d5dba43, written at once with round 39: 0.803 nDCG@5, MRR 0.812; 0.800 /
    # 0.810 at 882f372 (ROUND40.md). Tuned on since: its harness order beside an
    # installer's words (search/taxonomy.py). Floors 0.02 under each kind's score now.
    "round40_needs.jsonl": {
        "sha256": "25b7f626ff678e4042e093713ca034a1c54fc4b819d38cbf6c940d08a1839e38",
        "size": 36,
        "ndcg": {
            "certificate": 0.80,
            "english": 0.86,
            "informal_place": 0.93,
            "long_email": 0.92,
            "mixed": 0.68,
            "no_diacritics": 0.98,
            "nothing": 0.31,
            "quantity": 0.58,
            "region": 0.96,
            "short": 0.98,
            "typo": 0.92,
            "unusual_words": 0.76,
        },
        "mrr": {
            "certificate": 0.73,
            "english": 0.98,
            "informal_place": 0.98,
            "long_email": 0.98,
            "mixed": 0.75,
            "no_diacritics": 0.64,
            "nothing": 0.31,
            "quantity": 0.70,
            "region": 0.98,
            "short": 0.98,
            "typo": 0.98,
            "unusual_words": 0.81,
        },
    },
    # Blind at f01668c, written at once with round 42: 0.738 nDCG@5, MRR 0.763 (ROUND41.md).
    # Tuned on since: its four nothing-fits trades (OUTSIDE_WORK), Rogóźno spelled as
    # written, the village after "wsi", request words. Floors 0.02 under each kind's score now.
    "round41_needs.jsonl": {
        "sha256": "5d80515466c4b659f5e8aff0417dd66d242ccbb7b755611f586aa69e81a58e57",
        "size": 36,
        "ndcg": {
            "certificate": 0.88,
            "english": 0.82,
            "informal_place": 0.92,
            "long_email": 0.64,
            "mixed": 0.60,
            "no_diacritics": 0.98,
            "nothing": 0.98,
            "quantity": 0.80,
            "region": 0.95,
            "short": 0.88,
            "typo": 0.95,
            "unusual_words": 0.62,
        },
        "mrr": {
            "certificate": 0.81,
            "english": 0.98,
            "informal_place": 0.81,
            "long_email": 0.64,
            "mixed": 0.75,
            "no_diacritics": 0.98,
            "nothing": 0.98,
            "quantity": 0.98,
            "region": 0.98,
            "short": 0.81,
            "typo": 0.98,
            "unusual_words": 0.64,
        },
    },
    # Blind at f01668c, written at once with round 41: 0.825 nDCG@5, MRR 0.852 (ROUND42.md).
    # Tuned on since: its nothing-fits trade and request words. Floors 0.02 under each
    # kind's score now.
    "round42_needs.jsonl": {
        "sha256": "a307b28701d5db211492ec7863f6ecc9b5d21d28d1b129082b06496b5ad68a02",
        "size": 36,
        "ndcg": {
            "certificate": 0.82,
            "english": 0.91,
            "informal_place": 0.88,
            "long_email": 0.85,
            "mixed": 0.73,
            "no_diacritics": 0.95,
            "nothing": 0.98,
            "quantity": 0.91,
            "region": 0.96,
            "short": 0.96,
            "typo": 0.90,
            "unusual_words": 0.83,
        },
        "mrr": {
            "certificate": 0.75,
            "english": 0.98,
            "informal_place": 0.81,
            "long_email": 0.81,
            "mixed": 0.75,
            "no_diacritics": 0.98,
            "nothing": 0.98,
            "quantity": 0.98,
            "region": 0.98,
            "short": 0.98,
            "typo": 0.98,
            "unusual_words": 0.98,
        },
    },
    # Blind at 8a9b3c6 (the same at f01668c), written at once with round 44: 0.771
    # nDCG@5, MRR 0.790 (ROUND43.md).
    # Tuned on since: its trades nobody does, yoga, request words. Floors 0.02 under each
    # kind's score now.
    "round43_needs.jsonl": {
        "sha256": "229a8465c9b335465502f6153c91df3d0f9c45c31eea2855b1e48d351813f650",
        "size": 36,
        "ndcg": {
            "certificate": 0.98,
            "english": 0.96,
            "informal_place": 0.77,
            "long_email": 0.98,
            "mixed": 0.81,
            "no_diacritics": 0.97,
            "nothing": 0.98,
            "quantity": 0.86,
            "region": 0.85,
            "short": 0.85,
            "typo": 0.84,
            "unusual_words": 0.78,
        },
        "mrr": {
            "certificate": 0.98,
            "english": 0.98,
            "informal_place": 0.71,
            "long_email": 0.98,
            "mixed": 0.98,
            "no_diacritics": 0.98,
            "nothing": 0.98,
            "quantity": 0.81,
            "region": 0.73,
            "short": 0.81,
            "typo": 0.98,
            "unusual_words": 0.98,
        },
    },
    # Blind at 8a9b3c6 (the same at f01668c), written at once with round 43: 0.776
    # nDCG@5, MRR 0.798 (ROUND44.md).
    # Tuned on since: its saddler, request words, Winna Góra left unplaced. Floors 0.02
    # under each kind's score now.
    "round44_needs.jsonl": {
        "sha256": "1d1d85ab254a2a7cc5f0252e5c75a40f8a2657d54303e6c269e5b34d4dbcf628",
        "size": 36,
        "ndcg": {
            "certificate": 0.98,
            "english": 0.66,
            "informal_place": 0.64,
            "long_email": 0.98,
            "mixed": 0.90,
            "no_diacritics": 0.98,
            "nothing": 0.98,
            "quantity": 0.84,
            "region": 0.96,
            "short": 0.77,
            "typo": 0.25,
            "unusual_words": 0.97,
        },
        "mrr": {
            "certificate": 0.98,
            "english": 0.68,
            "informal_place": 0.69,
            "long_email": 0.98,
            "mixed": 0.98,
            "no_diacritics": 0.98,
            "nothing": 0.98,
            "quantity": 0.98,
            "region": 0.98,
            "short": 0.71,
            "typo": 0.39,
            "unusual_words": 0.98,
        },
    },
    # Blind at 11d2088, written at once with round 46: 0.710 nDCG@5, MRR 0.731 (ROUND45.md).
    # Not tuned on. Floors 0.02 under each kind's score.
    "round45_needs.jsonl": {
        "sha256": "423b476facc2dcf599b0b3c9c160ca87e8b1c1eac63a5994ff583e5dde7f2f5b",
        "size": 36,
        "ndcg": {
            "certificate": 0.64,
            "english": 0.87,
            "informal_place": 0.66,
            "long_email": 0.57,
            "mixed": 0.58,
            "no_diacritics": 0.84,
            "nothing": 0.00,
            "quantity": 0.85,
            "region": 0.93,
            "short": 0.94,
            "typo": 0.74,
            "unusual_words": 0.63,
        },
        "mrr": {
            "certificate": 0.64,
            "english": 0.98,
            "informal_place": 0.70,
            "long_email": 0.64,
            "mixed": 0.70,
            "no_diacritics": 0.75,
            "nothing": 0.00,
            "quantity": 0.81,
            "region": 0.98,
            "short": 0.98,
            "typo": 0.70,
            "unusual_words": 0.64,
        },
    },
    # Blind at 11d2088, written at once with round 45: 0.805 nDCG@5, MRR 0.840 (ROUND46.md).
    # Not tuned on. Floors 0.02 under each kind's score.
    "round46_needs.jsonl": {
        "sha256": "ea901e756c600ff09bcd9adb3dae700463e4743feaefcbbf7c2fec0388699b25",
        "size": 36,
        "ndcg": {
            "certificate": 0.91,
            "english": 0.78,
            "informal_place": 0.45,
            "long_email": 0.96,
            "mixed": 0.88,
            "no_diacritics": 0.57,
            "nothing": 0.98,
            "quantity": 0.75,
            "region": 0.77,
            "short": 0.64,
            "typo": 0.89,
            "unusual_words": 0.79,
        },
        "mrr": {
            "certificate": 0.98,
            "english": 0.75,
            "informal_place": 0.41,
            "long_email": 0.98,
            "mixed": 0.98,
            "no_diacritics": 0.64,
            "nothing": 0.98,
            "quantity": 0.98,
            "region": 0.75,
            "short": 0.64,
            "typo": 0.98,
            "unusual_words": 0.73,
        },
    },
    "round47_needs.jsonl": {
        "sha256": "42fea3cd13c5d002997e4bc868e4d80618590cdcd30584d19f010b63e92ee6b1",
        "size": 36,
        "ndcg": {
            "certificate": 0.98,
            "english": 0.92,
            "informal_place": 0.50,
            "long_email": 0.98,
            "mixed": 0.89,
            "no_diacritics": 0.90,
            "nothing": 0.98,
            "quantity": 0.72,
            "region": 0.96,
            "short": 0.98,
            "typo": 0.94,
            "unusual_words": 0.90,
        },
        "mrr": {
            "certificate": 0.98,
            "english": 0.98,
            "informal_place": 0.48,
            "long_email": 0.98,
            "mixed": 0.98,
            "no_diacritics": 0.98,
            "nothing": 0.98,
            "quantity": 0.81,
            "region": 0.98,
            "short": 0.98,
            "typo": 0.98,
            "unusual_words": 0.98,
        },
    },
    "round48_needs.jsonl": {
        "sha256": "a3250af4bf72253b0a5da7395c21141cc8bb8b83701c0be05281930ae38772ad",
        "size": 36,
        "ndcg": {
            "certificate": 0.98,
            "english": 0.90,
            "informal_place": 0.82,
            "long_email": 0.98,
            "mixed": 0.92,
            "no_diacritics": 0.98,
            "nothing": 0.98,
            "quantity": 0.91,
            "region": 0.92,
            "short": 0.83,
            "typo": 0.96,
            "unusual_words": 0.64,
        },
        "mrr": {
            "certificate": 0.98,
            "english": 0.98,
            "informal_place": 0.81,
            "long_email": 0.98,
            "mixed": 0.98,
            "no_diacritics": 0.98,
            "nothing": 0.98,
            "quantity": 0.98,
            "region": 0.98,
            "short": 0.73,
            "typo": 0.98,
            "unusual_words": 0.69,
        },
    },
    "round49_needs.jsonl": {
        "sha256": "6c000c3e8cde0db4816545e1914de08c340ea45e7236984029df1226a205d49d",
        "size": 36,
        "ndcg": {
            "certificate": 0.68,
            "english": 0.62,
            "informal_place": 0.97,
            "long_email": 0.71,
            "mixed": 0.79,
            "no_diacritics": 0.84,
            "nothing": 0.98,
            "quantity": 0.65,
            "region": 0.78,
            "short": 0.97,
            "typo": 0.61,
            "unusual_words": 0.88,
        },
        "mrr": {
            "certificate": 0.64,
            "english": 0.59,
            "informal_place": 0.98,
            "long_email": 0.64,
            "mixed": 0.98,
            "no_diacritics": 0.98,
            "nothing": 0.98,
            "quantity": 0.59,
            "region": 0.73,
            "short": 0.98,
            "typo": 0.64,
            "unusual_words": 0.81,
        },
    },
    "round50_needs.jsonl": {
        "sha256": "a4d567151af1beea1812ae25927058d9197607a5e7cbf2d27fb97ec0a6c6ffce",
        "size": 36,
        "ndcg": {
            "certificate": 0.98,
            "english": 0.94,
            "informal_place": 0.98,
            "long_email": 0.90,
            "mixed": 0.92,
            "no_diacritics": 0.90,
            "nothing": 0.98,
            "quantity": 0.36,
            "region": 0.96,
            "short": 0.94,
            "typo": 0.64,
            "unusual_words": 0.41,
        },
        "mrr": {
            "certificate": 0.98,
            "english": 0.98,
            "informal_place": 0.98,
            "long_email": 0.98,
            "mixed": 0.98,
            "no_diacritics": 0.98,
            "nothing": 0.98,
            "quantity": 0.48,
            "region": 0.98,
            "short": 0.98,
            "typo": 0.54,
            "unusual_words": 0.38,
        },
    },
    "round51_needs.jsonl": {
        "sha256": "1c027b1b50c1aabf0d0a252ff3fd24cc0fde7182fd29c2961deeb569714a7bbb",
        "size": 36,
        "ndcg": {
            "certificate": 0.98,
            "english": 0.94,
            "informal_place": 0.98,
            "long_email": 0.64,
            "mixed": 0.95,
            "no_diacritics": 0.78,
            "nothing": 0.00,
            "quantity": 0.59,
            "region": 0.92,
            "short": 0.98,
            "typo": 0.81,
            "unusual_words": 0.90,
        },
        "mrr": {
            "certificate": 0.98,
            "english": 0.98,
            "informal_place": 0.98,
            "long_email": 0.71,
            "mixed": 0.98,
            "no_diacritics": 0.71,
            "nothing": 0.00,
            "quantity": 0.31,
            "region": 0.98,
            "short": 0.98,
            "typo": 0.98,
            "unusual_words": 0.98,
        },
    },
    "round52_needs.jsonl": {
        "sha256": "405384e5ee3b8a36121bf53fb864abe7c0f7279be6b51e155e89c2418c09609e",
        "size": 36,
        "ndcg": {
            "certificate": 0.98,
            "english": 0.45,
            "informal_place": 0.81,
            "long_email": 0.84,
            "mixed": 0.63,
            "no_diacritics": 0.73,
            "nothing": 0.31,
            "quantity": 0.92,
            "region": 0.83,
            "short": 0.62,
            "typo": 0.89,
            "unusual_words": 0.98,
        },
        "mrr": {
            "certificate": 0.98,
            "english": 0.46,
            "informal_place": 0.71,
            "long_email": 0.75,
            "mixed": 0.68,
            "no_diacritics": 0.71,
            "nothing": 0.31,
            "quantity": 0.98,
            "region": 0.75,
            "short": 0.50,
            "typo": 0.98,
            "unusual_words": 0.98,
        },
    },
    # Blind at 78da972 (fd3c089 before this stop's changes), written at once with round 54:
    # 0.789 nDCG@5, MRR 0.797 (ROUND53.md). Not tuned on. Floors 0.02 under each kind's score.
    "round53_needs.jsonl": {
        "sha256": "ad852142a17485ed6638478cbf78606ba8e8a4485193c061ea7224f623c39a9c",
        "size": 36,
        "ndcg": {
            "certificate": 0.98,
            "english": 0.97,
            "informal_place": 0.65,
            "long_email": 0.98,
            "mixed": 0.96,
            "no_diacritics": 0.98,
            "nothing": 0.31,
            "quantity": 0.86,
            "region": 0.88,
            "short": 0.76,
            "typo": 0.63,
            "unusual_words": 0.24,
        },
        "mrr": {
            "certificate": 0.98,
            "english": 0.98,
            "informal_place": 0.54,
            "long_email": 0.98,
            "mixed": 0.98,
            "no_diacritics": 0.98,
            "nothing": 0.31,
            "quantity": 0.98,
            "region": 0.98,
            "short": 0.59,
            "typo": 0.64,
            "unusual_words": 0.36,
        },
    },
    # Blind at 78da972 (fd3c089 before this stop's changes), written at once with round 53:
    # 0.786 nDCG@5, MRR 0.788 (ROUND54.md). Not tuned on. Floors 0.02 under each kind's score.
    "round54_needs.jsonl": {
        "sha256": "e2bec64276301918350d38818d2f5708ccb2a5d4188277911aeba7d4d12b183e",
        "size": 36,
        "ndcg": {
            "certificate": 0.31,
            "english": 0.91,
            "informal_place": 0.98,
            "long_email": 0.66,
            "mixed": 0.64,
            "no_diacritics": 0.91,
            "nothing": 0.64,
            "quantity": 0.85,
            "region": 0.96,
            "short": 0.59,
            "typo": 0.76,
            "unusual_words": 0.92,
        },
        "mrr": {
            "certificate": 0.36,
            "english": 0.98,
            "informal_place": 0.98,
            "long_email": 0.64,
            "mixed": 0.64,
            "no_diacritics": 0.98,
            "nothing": 0.64,
            "quantity": 0.81,
            "region": 0.98,
            "short": 0.44,
            "typo": 0.75,
            "unusual_words": 0.98,
        },
    },
    # Blind at e2f1c02 (56c4ecb before stop 26's changes), written at once with round 56:
    # 0.906 nDCG@5, MRR 0.931 (ROUND55.md). Then learned from: 0.906 / 0.931 at
    # 7d44c8f. Floors 0.02 under each kind's score at 7d44c8f.
    "round55_needs.jsonl": {
        "sha256": "c8d3b677382616d3ea25f00629d8be6e690f03c079f674b499a29f51371834a3",
        "size": 36,
        "ndcg": {
            "certificate": 0.98,
            "english": 0.95,
            "informal_place": 0.64,
            "long_email": 0.98,
            "mixed": 0.98,
            "no_diacritics": 0.88,
            "nothing": 0.64,
            "quantity": 0.93,
            "region": 0.87,
            "short": 0.88,
            "typo": 0.96,
            "unusual_words": 0.90,
        },
        "mrr": {
            "certificate": 0.98,
            "english": 0.98,
            "informal_place": 0.64,
            "long_email": 0.98,
            "mixed": 0.98,
            "no_diacritics": 0.81,
            "nothing": 0.64,
            "quantity": 0.98,
            "region": 0.98,
            "short": 0.98,
            "typo": 0.98,
            "unusual_words": 0.98,
        },
    },
    # Blind at e2f1c02 (56c4ecb before stop 26's changes), written at once with round 55:
    # 0.840 nDCG@5, MRR 0.851 (ROUND56.md). Then learned from: 0.885 / 0.907 at
    # 7d44c8f. Floors 0.02 under each kind's score at 7d44c8f.
    "round56_needs.jsonl": {
        "sha256": "336441dce7adbdbe1c89cda7dcb01119266a611dad94640e66640c7f6679c3ea",
        "size": 36,
        "ndcg": {
            "certificate": 0.97,
            "english": 0.76,
            "informal_place": 0.64,
            "long_email": 0.75,
            "mixed": 0.96,
            "no_diacritics": 0.87,
            "nothing": 0.64,
            "quantity": 0.95,
            "region": 0.96,
            "short": 0.93,
            "typo": 0.92,
            "unusual_words": 0.98,
        },
        "mrr": {
            "certificate": 0.98,
            "english": 0.75,
            "informal_place": 0.64,
            "long_email": 0.75,
            "mixed": 0.98,
            "no_diacritics": 0.98,
            "nothing": 0.64,
            "quantity": 0.98,
            "region": 0.98,
            "short": 0.98,
            "typo": 0.98,
            "unusual_words": 0.98,
        },
    },
    # Blind at e2f1c02 (56c4ecb before stop 26's changes), written at once with round 58:
    # 0.744 nDCG@5, MRR 0.730 (ROUND57.md). Then learned from: 0.831 / 0.834 at
    # 7d44c8f. Floors 0.02 under each kind's score at 7d44c8f.
    "round57_needs.jsonl": {
        "sha256": "237f011b513775f25ed5976df500f4b1a73ec397d7f6cec0e7a7f7c192c6110e",
        "size": 36,
        "ndcg": {
            "certificate": 0.98,
            "english": 0.63,
            "informal_place": 0.78,
            "long_email": 0.93,
            "mixed": 0.90,
            "no_diacritics": 0.83,
            "nothing": 0.64,
            "quantity": 0.94,
            "region": 0.95,
            "short": 0.93,
            "typo": 0.76,
            "unusual_words": 0.41,
        },
        "mrr": {
            "certificate": 0.98,
            "english": 0.64,
            "informal_place": 0.71,
            "long_email": 0.98,
            "mixed": 0.98,
            "no_diacritics": 0.81,
            "nothing": 0.64,
            "quantity": 0.98,
            "region": 0.98,
            "short": 0.98,
            "typo": 0.75,
            "unusual_words": 0.31,
        },
    },
    # Blind at e2f1c02 (56c4ecb before stop 26's changes), written at once with round 57:
    # 0.803 nDCG@5, MRR 0.774 (ROUND58.md). Then learned from: 0.818 / 0.792 at
    # 7d44c8f. Floors 0.02 under each kind's score at 7d44c8f.
    "round58_needs.jsonl": {
        "sha256": "3545b10459166bd30a6083ce8b2fb8001392b2cb5ced5ef922c08efef1b4c574",
        "size": 36,
        "ndcg": {
            "certificate": 0.98,
            "english": 0.90,
            "informal_place": 0.81,
            "long_email": 0.65,
            "mixed": 0.47,
            "no_diacritics": 0.98,
            "nothing": 0.64,
            "quantity": 0.83,
            "region": 0.96,
            "short": 0.64,
            "typo": 0.91,
            "unusual_words": 0.75,
        },
        "mrr": {
            "certificate": 0.98,
            "english": 0.81,
            "informal_place": 0.75,
            "long_email": 0.59,
            "mixed": 0.40,
            "no_diacritics": 0.98,
            "nothing": 0.64,
            "quantity": 0.73,
            "region": 0.98,
            "short": 0.64,
            "typo": 0.98,
            "unusual_words": 0.75,
        },
    },
    # Written blind at the start of stop 27 with round 60 (four helpers at once): 0.885
    # nDCG@5 / MRR 0.907 at e693f47 and at f677ba9, both for rounds 59 and 60 together
    # (ROUND59.md). Then learned from; floors 0.02 under each kind's score at e217fcc.
    "round59_needs.jsonl": {
        "sha256": "09e0fbda1f47e23e44d6aab39db40228692deeccbe95fce758ed58104d28a7d5",
        "size": 36,
        "ndcg": {
            "certificate": 0.98,
            "english": 0.92,
            "informal_place": 0.98,
            "long_email": 0.94,
            "mixed": 0.95,
            "no_diacritics": 0.97,
            "nothing": 0.98,
            "quantity": 0.95,
            "region": 0.98,
            "short": 0.98,
            "typo": 0.93,
            "unusual_words": 0.85,
        },
        "mrr": {
            "certificate": 0.98,
            "english": 0.98,
            "informal_place": 0.98,
            "long_email": 0.98,
            "mixed": 0.98,
            "no_diacritics": 0.98,
            "nothing": 0.98,
            "quantity": 0.98,
            "region": 0.98,
            "short": 0.98,
            "typo": 0.98,
            "unusual_words": 0.81,
        },
    },
    # Written blind with round 59; scored with it (ROUND60.md). Floors as round 59's.
    "round60_needs.jsonl": {
        "sha256": "05c02d032d01dc5a35f36b83d0e786d9b7b0c857cb244dac14262bd8295c9561",
        "size": 36,
        "ndcg": {
            "certificate": 0.95,
            "english": 0.97,
            "informal_place": 0.77,
            "long_email": 0.77,
            "mixed": 0.87,
            "no_diacritics": 0.98,
            "nothing": 0.98,
            "quantity": 0.89,
            "region": 0.92,
            "short": 0.86,
            "typo": 0.89,
            "unusual_words": 0.94,
        },
        "mrr": {
            "certificate": 0.98,
            "english": 0.98,
            "informal_place": 0.73,
            "long_email": 0.73,
            "mixed": 0.98,
            "no_diacritics": 0.98,
            "nothing": 0.98,
            "quantity": 0.98,
            "region": 0.98,
            "short": 0.75,
            "typo": 0.98,
            "unusual_words": 0.98,
        },
    },
    # Written blind in stop 27 after rounds 59 and 60 had taught the matcher (four helpers
    # at once): 0.843 nDCG@5 / MRR 0.891 at e693f47 and at 3d039ca, for rounds 61 and 62
    # together (ROUND61.md). Then learned from; floors 0.02 under each kind's score at
    # 53b0f0c.
    "round61_needs.jsonl": {
        "sha256": "8ba37901490d8604dc5538781f2d81d1bdf85fbe57f9c2c3e6a582cd1c89a873",
        "size": 36,
        "ndcg": {
            "certificate": 0.94,
            "english": 0.71,
            "informal_place": 0.89,
            "long_email": 0.93,
            "mixed": 0.97,
            "no_diacritics": 0.98,
            "nothing": 0.98,
            "quantity": 0.90,
            "region": 0.94,
            "short": 0.93,
            "typo": 0.98,
            "unusual_words": 0.98,
        },
        "mrr": {
            "certificate": 0.98,
            "english": 0.73,
            "informal_place": 0.98,
            "long_email": 0.98,
            "mixed": 0.98,
            "no_diacritics": 0.98,
            "nothing": 0.98,
            "quantity": 0.81,
            "region": 0.98,
            "short": 0.98,
            "typo": 0.98,
            "unusual_words": 0.98,
        },
    },
    # Written blind with round 61; scored with it (ROUND62.md). Floors as round 61's.
    "round62_needs.jsonl": {
        "sha256": "fc6ee255a4c16942a498be2b17888dc79bd34be688356801db8240402e1f5f09",
        "size": 36,
        "ndcg": {
            "certificate": 0.84,
            "english": 0.64,
            "informal_place": 0.80,
            "long_email": 0.96,
            "mixed": 0.88,
            "no_diacritics": 0.91,
            "nothing": 0.64,
            "quantity": 0.92,
            "region": 0.92,
            "short": 0.88,
            "typo": 0.88,
            "unusual_words": 0.89,
        },
        "mrr": {
            "certificate": 0.98,
            "english": 0.98,
            "informal_place": 0.81,
            "long_email": 0.98,
            "mixed": 0.98,
            "no_diacritics": 0.98,
            "nothing": 0.64,
            "quantity": 0.98,
            "region": 0.98,
            "short": 0.98,
            "typo": 0.98,
            "unusual_words": 0.98,
        },
    },
    # Written blind in stop 27 after rounds 59 to 62 had taught the matcher (four helpers
    # at once): 0.881 nDCG@5 / MRR 0.875 at f39c733 (0.875 / 0.875 at e693f47), for rounds
    # 63 and 64 together (ROUND63.md). Then learned from; floors 0.02 under each kind's
    # score at stop 27's final matcher.
    "round63_needs.jsonl": {
        "sha256": "0fb27f4deadfdb64d16e618b38a43de23130501a2ec6db7bc1be5e4204e2e031",
        "size": 36,
        "ndcg": {
            "certificate": 0.85,
            "english": 0.86,
            "informal_place": 0.98,
            "long_email": 0.98,
            "mixed": 0.89,
            "no_diacritics": 0.96,
            "nothing": 0.98,
            "quantity": 0.95,
            "region": 0.98,
            "short": 0.86,
            "typo": 0.98,
            "unusual_words": 0.95,
        },
        "mrr": {
            "certificate": 0.81,
            "english": 0.81,
            "informal_place": 0.98,
            "long_email": 0.98,
            "mixed": 0.98,
            "no_diacritics": 0.98,
            "nothing": 0.98,
            "quantity": 0.98,
            "region": 0.98,
            "short": 0.81,
            "typo": 0.98,
            "unusual_words": 0.98,
        },
    },
    # Written blind with round 63; scored with it (ROUND64.md). Floors as round 63's.
    "round64_needs.jsonl": {
        "sha256": "877b86ee4cf8cdfb28a3ad03bacd568072a60b730ca0901a973698f62e5ad1cd",
        "size": 36,
        "ndcg": {
            "certificate": 0.98,
            "english": 0.77,
            "informal_place": 0.98,
            "long_email": 0.98,
            "mixed": 0.98,
            "no_diacritics": 0.98,
            "nothing": 0.98,
            "quantity": 0.97,
            "region": 0.92,
            "short": 0.95,
            "typo": 0.98,
            "unusual_words": 0.89,
        },
        "mrr": {
            "certificate": 0.98,
            "english": 0.81,
            "informal_place": 0.98,
            "long_email": 0.98,
            "mixed": 0.98,
            "no_diacritics": 0.98,
            "nothing": 0.98,
            "quantity": 0.98,
            "region": 0.98,
            "short": 0.98,
            "typo": 0.98,
            "unusual_words": 0.71,
        },
    },
    # Written blind at the start of stop 28; its first, blind score at 80da6bc (stop 27's
    # final matcher): 0.779 nDCG@5 / 0.792 MRR (short 0.333). Then learned from
    # (ROUND65.md): 0.975 / 1.000; floors 0.02 under each kind.
    "round65_needs.jsonl": {
        "sha256": "93f6e2267053e343d92ff723544dbefb8897969a0efe2e877e68b9c405847db5",
        "size": 36,
        "ndcg": {
            "certificate": 0.98,
            "english": 0.96,
            "informal_place": 0.91,
            "long_email": 0.93,
            "mixed": 0.87,
            "no_diacritics": 0.96,
            "nothing": 0.98,
            "quantity": 0.96,
            "region": 0.98,
            "short": 0.98,
            "typo": 0.94,
            "unusual_words": 0.98,
        },
        "mrr": {
            "certificate": 0.98,
            "english": 0.98,
            "informal_place": 0.98,
            "long_email": 0.98,
            "mixed": 0.98,
            "no_diacritics": 0.98,
            "nothing": 0.98,
            "quantity": 0.98,
            "region": 0.98,
            "short": 0.98,
            "typo": 0.98,
            "unusual_words": 0.98,
        },
    },
    # Written blind with round 65; blind at 80da6bc 0.785 / 0.803 (short 0.333); learned
    # from (ROUND66.md): 0.887 / 0.931. Floors as round 65's.
    "round66_needs.jsonl": {
        "sha256": "0f6a9e072d37604b8ddeee5d173127f2c7e8f40e5feaad3e4c7af0e827c26bc3",
        "size": 36,
        "ndcg": {
            "certificate": 0.93,
            "english": 0.97,
            "informal_place": 0.96,
            "long_email": 0.98,
            "mixed": 0.96,
            "no_diacritics": 0.71,
            "nothing": 0.64,
            "quantity": 0.63,
            "region": 0.87,
            "short": 0.79,
            "typo": 0.98,
            "unusual_words": 0.94,
        },
        "mrr": {
            "certificate": 0.98,
            "english": 0.98,
            "informal_place": 0.98,
            "long_email": 0.98,
            "mixed": 0.98,
            "no_diacritics": 0.81,
            "nothing": 0.64,
            "quantity": 0.64,
            "region": 0.98,
            "short": 0.98,
            "typo": 0.98,
            "unusual_words": 0.98,
        },
    },
    # Written blind in stop 28 while rounds 65 and 66 taught the matcher; blind at 7b4ebfd
    # 0.870 / 0.898 (the same at 80da6bc). Learned from (ROUND67.md): 0.924 / 0.954.
    "round67_needs.jsonl": {
        "sha256": "8fd66f232938635d1cfc52d60a65b05d569d69a6fed23740b6a5f779de721071",
        "size": 36,
        "ndcg": {
            "certificate": 0.96,
            "english": 0.96,
            "informal_place": 0.97,
            "long_email": 0.98,
            "mixed": 0.88,
            "no_diacritics": 0.89,
            "nothing": 0.98,
            "quantity": 0.95,
            "region": 0.90,
            "short": 0.96,
            "typo": 0.89,
            "unusual_words": 0.48,
        },
        "mrr": {
            "certificate": 0.98,
            "english": 0.98,
            "informal_place": 0.98,
            "long_email": 0.98,
            "mixed": 0.98,
            "no_diacritics": 0.98,
            "nothing": 0.98,
            "quantity": 0.98,
            "region": 0.98,
            "short": 0.98,
            "typo": 0.98,
            "unusual_words": 0.42,
        },
    },
    # Written with round 67; blind at 7b4ebfd 0.860 / 0.870 (0.856 at 80da6bc); learned
    # from (ROUND68.md): 0.948 / 0.968. Floors as round 65's.
    "round68_needs.jsonl": {
        "sha256": "549b2d64c473a2adaef6dd37e0a5c2118f0dcb0c4ba114718ac0608605ecc155",
        "size": 36,
        "ndcg": {
            "certificate": 0.91,
            "english": 0.93,
            "informal_place": 0.98,
            "long_email": 0.91,
            "mixed": 0.96,
            "no_diacritics": 0.98,
            "nothing": 0.98,
            "quantity": 0.86,
            "region": 0.95,
            "short": 0.87,
            "typo": 0.78,
            "unusual_words": 0.98,
        },
        "mrr": {
            "certificate": 0.98,
            "english": 0.98,
            "informal_place": 0.98,
            "long_email": 0.98,
            "mixed": 0.98,
            "no_diacritics": 0.98,
            "nothing": 0.98,
            "quantity": 0.98,
            "region": 0.98,
            "short": 0.81,
            "typo": 0.75,
            "unusual_words": 0.98,
        },
    },
    # Written blind in stop 28 while rounds 65 to 68 taught the matcher; blind at 21b27f4
    # 0.803 / 0.809 (0.795 at 80da6bc). Learned from (ROUND69.md): 0.953 / 0.962.
    "round69_needs.jsonl": {
        "sha256": "22d0f28e00690255c20dce4284f6f58162288249cca32cde576bb6c06aa16cfd",
        "size": 36,
        "ndcg": {
            "certificate": 0.95,
            "english": 0.93,
            "informal_place": 0.93,
            "long_email": 0.95,
            "mixed": 0.98,
            "no_diacritics": 0.98,
            "nothing": 0.98,
            "quantity": 0.98,
            "region": 0.95,
            "short": 0.66,
            "typo": 0.88,
            "unusual_words": 0.98,
        },
        "mrr": {
            "certificate": 0.98,
            "english": 0.98,
            "informal_place": 0.98,
            "long_email": 0.98,
            "mixed": 0.98,
            "no_diacritics": 0.98,
            "nothing": 0.98,
            "quantity": 0.98,
            "region": 0.98,
            "short": 0.68,
            "typo": 0.81,
            "unusual_words": 0.98,
        },
    },
    # Written with round 69; blind at 21b27f4 0.907 / 0.926 (0.905 at 80da6bc); learned
    # from (ROUND70.md): 0.921 / 0.944. Floors as round 65's.
    "round70_needs.jsonl": {
        "sha256": "f33f60c65fe5f318a0234fe422302475919f1f1c2d41aaafd3440e16ea54c727",
        "size": 36,
        "ndcg": {
            "certificate": 0.95,
            "english": 0.86,
            "informal_place": 0.93,
            "long_email": 0.98,
            "mixed": 0.95,
            "no_diacritics": 0.93,
            "nothing": 0.98,
            "quantity": 0.94,
            "region": 0.98,
            "short": 0.98,
            "typo": 0.95,
            "unusual_words": 0.34,
        },
        "mrr": {
            "certificate": 0.98,
            "english": 0.98,
            "informal_place": 0.98,
            "long_email": 0.98,
            "mixed": 0.98,
            "no_diacritics": 0.98,
            "nothing": 0.98,
            "quantity": 0.98,
            "region": 0.98,
            "short": 0.98,
            "typo": 0.98,
            "unusual_words": 0.31,
        },
    },
}


DEMO_DIRECTORY = Path(__file__).resolve().parents[2] / "cms" / "demo" / "directory.jsonl"


@pytest.fixture
def demo_directory(search_index):
    call_command(
        "import_directory", str(DEMO_DIRECTORY), stdout=io.StringIO(), stderr=io.StringIO()
    )
    flush()


def demo_cooperatives() -> dict[str, dict]:
    records = (json.loads(line) for line in DEMO_DIRECTORY.read_text(encoding="utf-8").splitlines())
    return {record["slug"]: record for record in records if record["type"] == "cooperative"}


def kilometres(a: dict, b: dict) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 6371 * 2 * math.asin(math.sqrt(h))


def test_judged_set_is_the_pinned_one():
    digest = hashlib.sha256(JUDGED_SET.read_bytes()).hexdigest()
    assert digest == JUDGED_SET_SHA256, (
        "tests/relevance/judged_needs.jsonl changed: if that is deliberate (a factual fix "
        "against the profiles, or a new version of the set), put its new SHA-256 here "
        "and say why in tests/relevance/README.md"
    )


def test_judged_set_is_large_and_varied_enough():
    judged = load_judged()
    assert len(judged) >= 200
    assert len({item.id for item in judged}) == len(judged)
    per_kind = Counter(item.kind for item in judged)
    assert set(per_kind) == KINDS
    assert min(per_kind.values()) >= 15, per_kind
    assert all(not item.grades for item in judged if item.kind == "nothing")
    assert all(item.grades for item in judged if item.kind != "nothing")
    # A form gives a map point for about one need in ten; the others name their place in words.
    located = sum(1 for item in judged if item.near)
    assert 0.05 <= located / len(judged) <= 0.15


@pytest.mark.parametrize("judged_set", ["judged_needs.jsonl", *sorted(ROUNDS)])
def test_judgements_grade_only_cooperatives_that_could_take_the_order(judged_set):
    """No grade for a cooperative that does not accept orders, lacks a certificate the need
    requires, or lies outside the need's radius; grades are 1, 2 or 3."""
    cooperatives = demo_cooperatives()
    judged = load_judged(JUDGED_SET.with_name(judged_set))
    assert judged
    for item in judged:
        for slug, grade in item.grades.items():  # may be empty: "nothing" grades none
            cooperative = cooperatives[slug]
            assert grade in (1, 2, 3), (item.id, slug)
            assert cooperative.get("accepts_orders", True), (item.id, slug)
            assert set(item.certifications) <= set(cooperative["certifications"]), (item.id, slug)
            if item.radius_km:
                assert kilometres(item.near, cooperative["location"]) <= item.radius_km, (
                    item.id,
                    slug,
                )


def test_engine_stays_above_its_floors_and_beats_both_baselines(demo_directory):
    engine, wagtail, raw = run()
    assert engine.mean_ndcg >= NDCG_FLOOR, [f.id for f in engine.failures]
    assert engine.mrr >= MRR_FLOOR
    below = {
        kind: round(engine.kind_ndcg(kind), 3)
        for kind, floor in KIND_NDCG_FLOOR.items()
        if engine.kind_ndcg(kind) < floor
    }
    below |= {
        f"{kind} (MRR)": round(engine.kind_mrr(kind), 3)
        for kind, floor in KIND_MRR_FLOOR.items()
        if engine.kind_mrr(kind) < floor
    }
    assert not below, below
    for baseline in (wagtail, raw):
        assert engine.mean_ndcg > baseline.mean_ndcg, baseline.name
        assert engine.mrr > baseline.mrr, baseline.name


def test_later_rounds_are_pinned_and_stay_above_their_floors(demo_directory):
    """Every later round in one test: the demo directory is imported once for all of them."""
    below = {}
    for judged_set, spec in ROUNDS.items():
        path = JUDGED_SET.with_name(judged_set)
        assert hashlib.sha256(path.read_bytes()).hexdigest() == spec["sha256"], judged_set
        judged = load_judged(path)
        assert {item.kind for item in judged} == set(spec["ndcg"]), judged_set
        assert len(judged) == spec["size"], judged_set
        engine = evaluate("matching engine", engine_ranker, judged)
        for measure, score in (("ndcg", engine.kind_ndcg), ("mrr", engine.kind_mrr)):
            for kind, floor in spec[measure].items():
                if round(score(kind), 3) < floor:
                    below[f"{judged_set} {kind} ({measure})"] = round(score(kind), 3)
    assert len(ROUNDS) == 68
    assert below == {}
