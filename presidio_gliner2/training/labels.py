"""The PII label inventory the bundled model is trained on.

Each model label has the description the entity packs show the model, synonyms used for
schema augmentation (so user-written label names work too), and the Presidio entity
name it maps to. Presidio's own names are used wherever one exists.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class PiiLabel:
    name: str
    description: str
    presidio: str
    synonyms: tuple[str, ...] = field(default_factory=tuple)


PII_LABELS: dict[str, PiiLabel] = {
    label.name: label
    for label in [
        PiiLabel("person", "full or partial name of a specific person", "PERSON",
                 ("name", "person name", "patient name", "full name", "individual")),
        PiiLabel("street address", "street address with house number, street, unit, city, state or postcode",
                 "LOCATION", ("address", "postal address", "home address", "mailing address")),
        PiiLabel("city", "city or town name", "LOCATION", ("town", "municipality")),
        PiiLabel("zip code", "postal or ZIP code", "LOCATION", ("postal code", "postcode", "zip")),
        PiiLabel("date", "calendar date tied to a person or event, such as an admission or visit date",
                 "DATE_TIME", ("date of service", "admission date", "event date")),
        PiiLabel("date of birth", "a person's birth date", "DATE_OF_BIRTH", ("dob", "birth date", "birthday")),
        PiiLabel("age", "a person's age in years", "AGE", ("patient age", "age in years")),
        PiiLabel("phone number", "telephone or mobile number", "PHONE_NUMBER",
                 ("telephone", "phone", "mobile number", "contact number")),
        PiiLabel("fax number", "fax number", "FAX_NUMBER", ("fax",)),
        PiiLabel("email address", "email address", "EMAIL_ADDRESS", ("email", "e-mail")),
        PiiLabel("url", "web address or link", "URL", ("website", "link", "web address")),
        PiiLabel("ip address", "IPv4 or IPv6 network address", "IP_ADDRESS", ("ip",)),
        PiiLabel("social security number", "US social security number", "US_SSN", ("ssn", "social security")),
        PiiLabel("medical record number", "hospital-assigned patient chart or medical record number",
                 "MEDICAL_RECORD_NUMBER", ("mrn", "chart number", "patient id")),
        PiiLabel("health plan beneficiary number", "health insurance member or beneficiary ID",
                 "HEALTH_PLAN_BENEFICIARY_NUMBER", ("insurance id", "member id", "policy number")),
        PiiLabel("account number", "customer or billing account number", "ACCOUNT_NUMBER", ("account id",)),
        PiiLabel("license number", "driver's license, professional or medical license, or certificate number",
                 "MEDICAL_LICENSE", ("driver's license", "certificate number", "licence number")),
        PiiLabel("vehicle identifier", "vehicle identification number (VIN) or license plate", "VEHICLE_IDENTIFIER",
                 ("vin", "license plate", "plate number")),
        PiiLabel("device identifier", "medical device or equipment serial number", "DEVICE_IDENTIFIER",
                 ("serial number", "device serial", "implant serial number")),
        PiiLabel("credit card number", "payment card number", "CREDIT_CARD", ("card number", "credit card", "debit card")),
        PiiLabel("bank account number", "bank or deposit account number", "US_BANK_NUMBER",
                 ("bank account", "checking account number", "savings account number")),
        PiiLabel("routing number", "ABA bank routing number", "ABA_ROUTING_NUMBER", ("aba number", "routing transit number")),
        PiiLabel("iban", "international bank account number", "IBAN_CODE", ("iban code",)),
        PiiLabel("swift code", "SWIFT or BIC bank identifier code", "SWIFT_CODE", ("bic", "swift", "bic code")),
        PiiLabel("tax identification number", "tax ID such as an EIN or ITIN", "TAX_ID", ("ein", "itin", "tax id")),
        PiiLabel("loan number", "loan or mortgage account number", "LOAN_NUMBER", ("mortgage number", "loan id")),
        PiiLabel("customer id", "customer, client or member reference number", "CUSTOMER_ID",
                 ("client id", "customer number", "reference number")),
        PiiLabel("crypto wallet address", "cryptocurrency wallet address", "CRYPTO", ("bitcoin address", "wallet address")),
        PiiLabel("organization", "company, hospital, bank or other organization name", "ORGANIZATION",
                 ("company", "employer", "institution")),
    ]
}

DOCUMENT_TYPES: dict[str, str] = {
    "clinical note": "a clinician's note about a patient visit or hospital stay",
    "discharge summary": "summary written when a patient leaves hospital",
    "referral letter": "letter referring a patient to another clinician",
    "lab report": "laboratory test results for a patient",
    "prescription": "medication prescription",
    "insurance claim": "health insurance claim or billing form",
    "bank statement": "statement of transactions on a bank account",
    "loan application": "application for a loan or mortgage",
    "kyc form": "know-your-customer identity verification form",
    "wire transfer": "request or confirmation of a bank wire transfer",
    "card dispute": "letter disputing a card transaction",
    "payroll slip": "employee pay slip",
    "email": "an email message",
    "chat log": "a chat or messaging conversation",
    "support ticket": "customer support ticket",
    "hr record": "human resources record about an employee",
}
