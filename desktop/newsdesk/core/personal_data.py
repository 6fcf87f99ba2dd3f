"""Personal data that must not be published (不宜公开的信息, 001 §5.3.2 d).

Finds, in a plain text, what identifies a person and has no place on a public page: an 18-digit
resident ID number (身份证号) whose check digit is right, a mainland mobile number, a bank card
number that passes the Luhn check, an e-mail address and a vehicle licence plate.

Checksums keep the noise down: an 18-digit serial number or an order number is not an ID number
unless its GB 11643 check digit agrees, and a 16–19 digit run is a card number only when the Luhn
sum does. A digit run embedded in a longer one (or in letters) is never taken for a number of its
own. Offsets are code points into the text as given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Final


class PersonalKind(StrEnum):
    ID_NUMBER = "id_number"
    MOBILE = "mobile"
    BANK_CARD = "bank_card"
    EMAIL = "email"
    LICENCE_PLATE = "licence_plate"


@dataclass(frozen=True)
class PersonalHit:
    start: int
    end: int
    kind: PersonalKind

    def found(self, text: str) -> str:
        return text[self.start : self.end]


_ID_WEIGHTS: Final = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK: Final = "10X98765432"
_PROVINCES: Final = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领"

# Not preceded or followed by another digit (or a letter, for IDs and plates), so that a number
# inside a longer code is not mistaken for one of its own.
_ID: Final = re.compile(
    r"(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])"
    r"(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])"
)
_MOBILE: Final = re.compile(r"(?<![\d])(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)")
_CARD: Final = re.compile(r"(?<![\d])(?:\d[ -]?){15,18}\d(?!\d)")
_EMAIL: Final = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
)
_PLATE: Final = re.compile(
    f"[{_PROVINCES}][A-HJ-NP-Z][·・ ]?(?:[A-HJ-NP-Z0-9]{{5}}|[DF][A-HJ-NP-Z0-9]{{5}}"
    r"|[A-HJ-NP-Z0-9]{5}[DF])(?![A-Za-z0-9])"
)


def id_number_valid(number: str) -> bool:
    """Whether the 18-character resident ID ``number`` has the right check digit (GB 11643)."""
    if len(number) != 18 or not number[:17].isdigit():
        return False
    total = sum(int(digit) * weight for digit, weight in zip(number[:17], _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11] == number[17].upper()


def luhn_valid(digits: str) -> bool:
    """Whether the digit string passes the Luhn check that bank card numbers carry."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        value = int(ch)
        if i % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def personal_data(text: str) -> list[PersonalHit]:
    """Every piece of personal data in ``text``, in text order; overlapping finds keep the
    first kind found in the order ID number, bank card, mobile, e-mail, plate."""
    hits: list[PersonalHit] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, kind: PersonalKind) -> None:
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            return
        taken.append((start, end))
        hits.append(PersonalHit(start, end, kind))

    for match in _ID.finditer(text):
        if id_number_valid(match.group()):
            add(match.start(), match.end(), PersonalKind.ID_NUMBER)
    for match in _CARD.finditer(text):
        digits = _digits(match.group())
        if 16 <= len(digits) <= 19 and luhn_valid(digits):
            add(match.start(), match.end(), PersonalKind.BANK_CARD)
    for match in _MOBILE.finditer(text):
        add(match.start(), match.end(), PersonalKind.MOBILE)
    for match in _EMAIL.finditer(text):
        add(match.start(), match.end(), PersonalKind.EMAIL)
    for match in _PLATE.finditer(text):
        add(match.start(), match.end(), PersonalKind.LICENCE_PLATE)
    hits.sort(key=lambda hit: hit.start)
    return hits
