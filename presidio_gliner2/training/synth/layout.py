"""Shared layout helpers for document builders: labelled fields, sections, signatures."""

from __future__ import annotations

from .builder import Doc
from .ctx import Ctx


def emit_fields(d: Doc, ctx: Ctx, items: list[tuple[str, list]], mode: str | None = None,
                shuffle: float = 0.5) -> None:
    """Write ``(label text, parts)`` pairs as a form block.

    Modes: one field a line ("Label: value"), two per line split by " | " or tabs, or an
    upper-case label with the value after spaces. Field order is partly shuffled.
    """
    items = [it for it in items if it is not None]
    if ctx.p(shuffle):
        # shuffle a window so related fields mostly stay near each other
        i = ctx.rng.randrange(max(1, len(items) - 2))
        window = items[i:i + 3]
        ctx.rng.shuffle(window)
        items[i:i + 3] = window
    mode = mode or ctx.rng.choices(["lines", "pairs", "caps", "tabs"], weights=[6, 2, 1, 1])[0]
    colon = ctx.pick([": ", ": ", ":  ", " - "]) if mode != "caps" else "  "
    for k, (label, parts) in enumerate(items):
        text = label.upper() if mode == "caps" else label
        if mode in ("pairs", "tabs") and k % 2 == 1:
            d.add(" | " if mode == "pairs" else "\t")
        d.add(text, colon, parts)
        if mode not in ("pairs", "tabs") or k % 2 == 1 or k == len(items) - 1:
            d.add("\n")


def heading(d: Doc, ctx: Ctx, title: str) -> None:
    style = ctx.rng.randrange(4)
    if style == 0:
        d.add(title.upper(), ":\n")
    elif style == 1:
        d.add(title, ":\n")
    elif style == 2:
        d.add(f"== {title} ==\n")
    else:
        d.add(title.upper(), "\n")


def run_sections(d: Doc, ctx: Ctx, sections: list, fixed_head: int = 0, keep: float = 0.85) -> None:
    """Run section callables: the first ``fixed_head`` stay in order, the rest are shuffled
    and each kept with probability ``keep`` (at least one always runs)."""
    head, rest = sections[:fixed_head], sections[fixed_head:]
    ctx.rng.shuffle(rest)
    kept = [s for s in rest if ctx.p(keep)] or rest[:1]
    for s in head + kept:
        s()
        d.blank()


BOILERPLATE = {
    "clinical": [
        "This document contains confidential patient information. If you have received it in error, notify the "
        "sender and destroy all copies. Unauthorised disclosure is prohibited under applicable privacy law.",
        "The patient was counselled on warning signs, including worsening pain, fever or shortness of breath, and "
        "advised to attend the emergency department if these occur. Questions were answered and the patient "
        "verbalised understanding of the plan.",
        "Time spent: more than half of this visit was spent on counselling and coordination of care, including "
        "review of outside records and medication reconciliation.",
    ],
    "lab": [
        "Results should be interpreted in the context of the clinical picture. Reference ranges are method-specific "
        "and may differ between laboratories.",
        "This test was developed and its performance characteristics determined by the laboratory. Critical values "
        "are telephoned to the ordering clinician or the nurse caring for the patient.",
    ],
    "statement": [
        "Please examine this document carefully and report any discrepancies within 60 days. Deposits are insured "
        "up to applicable limits. Interest rates and fees are subject to change.",
        "Please retain this document for your records. Figures shown are in local currency unless stated otherwise.",
    ],
    "security": [
        "Never share your PIN, password or one-time passcode with anyone, including bank staff. We will never ask "
        "for them by phone, text message or email.",
    ],
    "wire": [
        "Wire transfers are final once released. The cut-off time for same-day processing is 2:00 PM local time on "
        "business days; requests received later are processed the next business day.",
    ],
    "application": [
        "By signing, the applicant certifies that the information provided is true and complete and authorises the "
        "lender to verify it with credit reporting agencies, employers and other sources.",
        "We are required by law to obtain, verify and record information that identifies each customer who opens "
        "an account. We may ask for additional documents at any time.",
    ],
    "email": [
        "CONFIDENTIALITY NOTICE: This e-mail and any attachments are intended only for the named recipient and may "
        "contain privileged information. If you are not the intended recipient, please delete it and notify the sender.",
        "Please consider the environment before printing this email.",
        "Sent from my phone - please excuse typos.",
        "This mailbox is monitored during business hours only. For urgent matters please call the main office.",
    ],
}


def boilerplate(d: Doc, ctx: Ctx, group: str, p: float = 0.4) -> None:
    if ctx.p(p):
        d.blank()
        d.line(ctx.pick(BOILERPLATE[group]))
