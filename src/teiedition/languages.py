"""Language names as the archive writes them ↔ ISO 639-1 codes."""

from __future__ import annotations

LANGUAGES: dict[str, str] = {
    "ru": "Russian",
    "pl": "Polish",
    "hu": "Hungarian",
    "cs": "Czech",
    "sk": "Slovak",
    "de": "German",
    "zh": "Chinese",
    "ko": "Korean",
    "bg": "Bulgarian",
    "ro": "Romanian",
    "sq": "Albanian",
    "mn": "Mongolian",
    "vi": "Vietnamese",
    "en": "English",
    "fr": "French",
    "ja": "Japanese",
    "sr": "Serbian",
    "hr": "Croatian",
    "hbs": "Serbo-Croatian",  # ISO 639-3: no 639-1 code but the deprecated "sh"
    "uk": "Ukrainian",
    "es": "Spanish",
    "it": "Italian",
    "lt": "Lithuanian",
    "lv": "Latvian",
    "et": "Estonian",
    "fi": "Finnish",
    "sv": "Swedish",
    "pt": "Portuguese",
    "el": "Greek",
    "tr": "Turkish",
}
# ISO 639-2's code for a language that cannot be determined
UNDETERMINED = "und"

_BY_NAME = {name.lower(): code for code, name in LANGUAGES.items()}
_BY_NAME.update({"czechoslovak": "cs", "mandarin": "zh"})


def code_for(name: str) -> str | None:
    """ISO 639-1 code for a language name ("Russian" → "ru"), or None if unknown."""
    return _BY_NAME.get(" ".join(name.split()).lower())


def name_for(code: str) -> str:
    return "Undetermined" if code == UNDETERMINED else LANGUAGES.get(code, code)
