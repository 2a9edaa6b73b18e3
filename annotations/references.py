"""The reference list: one ``[[reference]]`` per source, cited by id from the cards.

Cards, injuries, exercises and stretches name references by id (``"heiderscheit2010"``)
rather than by free text, so each source is written once with its authors, year,
journal or publisher and a link a reader can follow, and a typo in a citation is
an error instead of a dead reference. The list lives in ``references.toml`` in any
annotation folder; a teacher's folder may add sources or correct one by reusing
its id.
"""

from __future__ import annotations

import datetime
from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from annotations.schema import ContentId, Model, Text

#: The file of an annotation folder that holds its references (not a card file).
REFERENCES_FILE_NAME = "references.toml"

Url = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^https?://\S+$")]
Doi = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^10\.\d{4,9}/\S+$")]
Pmid = Annotated[str, StringConstraints(pattern=r"^\d{1,9}$")]
Pmcid = Annotated[str, StringConstraints(pattern=r"^PMC\d{1,9}$")]


class Reference(Model):
    """One source. A reader must be able to follow it, so it needs a URL or a DOI.

    ``checked`` is the date someone last opened the link and saw the source; a
    reference without it is shown as "link not yet checked" rather than
    pretending it was.
    """

    id: ContentId
    authors: Text
    title: Text
    year: int = Field(ge=1800, le=2100)
    source: Text = Field(description="journal with volume and pages, publisher, or website")
    url: Url | None = None
    doi: Doi | None = None
    pmid: Pmid | None = None
    pmcid: Pmcid | None = None
    isbn: str = ""
    checked: datetime.date | None = None
    note: str = ""

    @model_validator(mode="after")
    def _followable(self) -> Reference:
        if self.url is None and self.doi is None:
            raise ValueError("a reference needs a url or a doi, so a reader can follow it")
        return self

    @property
    def link(self) -> str:
        """Where the card's link goes: the URL if given, else the DOI resolver."""
        return self.url if self.url is not None else f"https://doi.org/{self.doi}"

    def citation(self, identifiers: bool = True) -> str:
        """``Authors (year). Title. Source.`` in plain text, then the DOI and PMID unless
        ``identifiers`` is false (the card shows the DOI as the link itself)."""
        title = self.title if self.title.endswith((".", "?", "!")) else self.title + "."
        text = f"{self.authors} ({self.year}). {title} {self.source}."
        if identifiers and self.doi is not None:
            text += f" doi:{self.doi}."
        if identifiers and self.pmid is not None:
            text += f" PMID {self.pmid}."
        return text

    @property
    def link_text(self) -> str:
        """What the link reads: ``doi:10...`` for a DOI link, else the address."""
        return f"doi:{self.doi}" if self.url is None else self.url

    def checked_text(self) -> str:
        """``link checked 2026-12-01`` or ``link not yet checked``."""
        if self.checked is None:
            return "link not yet checked"
        return f"link checked {self.checked.isoformat()}"


class ReferenceFile(Model):
    """``references.toml``: a list of ``[[reference]]`` tables."""

    reference: list[Reference] = Field(default_factory=list)
