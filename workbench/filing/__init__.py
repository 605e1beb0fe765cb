"""What may be filed where: the foreign-filing checklist.

Given where the invention was completed, where the inventors and the applicant
reside, the planned filings and the Japanese triage level, list the licences,
first-filing duties and waiting periods that apply. The rules are data in
``classification_rules/foreign-filing/jurisdictions.yaml``.
"""

from workbench.filing.checklist import FilingCheck, FilingFacts, Jurisdiction, filing_checks, load_jurisdictions

__all__ = ["FilingCheck", "FilingFacts", "Jurisdiction", "filing_checks", "load_jurisdictions"]
