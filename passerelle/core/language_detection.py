"""Which of the platform's languages (English, French, Spanish) a text is written in.

Users write requests, offers and practices in any of the three; the platform stores the language
so that readers are told and matching knows. Three known languages and texts of a sentence or
more need no statistical model: the share of each language's most frequent function words
decides, which is deterministic and explainable (ADR 9).
"""

import re
import unicodedata

# The most frequent short words of each language that the other two do not share ("la", "que",
# "en", "se", "son", "nos", "entre" are both French and Spanish; "on" is French too).
FUNCTION_WORDS = {
    "en": """the of and to in is that for it with as was be by this are or from at which
        have an not but they has their will would can its been more our who what when were
        there should how also into these them than other such about we you""",
    "fr": """le les des du et est une dans pour qui sur pas par au aux ce cette ces
        sont ont avec plus leur leurs mais ou nous vous il elle ils elles être avoir été
        fait comme tout tous dont aussi très où donc""",
    "es": """el los las del y es una por para con su sus al lo como más pero
        sobre este esta estos estas está están fue ha han ser también muy sin
        hay desde donde cuando todo todos""",
}
WORDS = {language: set(words.split()) for language, words in FUNCTION_WORDS.items()}
# Letters that only one of the three uses.
LETTERS = {"fr": set("àâæçèêëîïôœùûÿ"), "es": set("ñ¿¡áíóú")}
TOKEN = re.compile(r"[^\W\d_]+")


def detect_language(text: str, default: str = "en") -> str:
    """ "en", "fr" or "es"; `default` when the text gives no sign (empty, names only)."""
    text = unicodedata.normalize("NFC", text.casefold())
    tokens = TOKEN.findall(text)
    scores = {language: sum(1 for t in tokens if t in words) for language, words in WORDS.items()}
    for language, letters in LETTERS.items():
        scores[language] += sum(1 for character in text if character in letters) / 2
    best = max(scores, key=lambda language: (scores[language], language == default))
    return best if scores[best] > 0 else default
