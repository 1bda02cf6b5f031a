"""The regulation's achievement arithmetic and its scales, free of the ORM so that they are
defined once and tested on their own. The selection lists are the public keys of DESIGN.md."""

import calendar
from datetime import timedelta

# Work-result and behaviour ratings (rating kinerja / perilaku).
RATINGS = [("below", "Below Expectation"), ("meets", "Meets Expectation"), ("above", "Above Expectation")]
# The employee's performance predicate (predikat kinerja pegawai).
PREDICATES = [
    ("very_good", "Very Good"),
    ("good", "Good"),
    ("needs_improvement", "Needs Improvement"),
    ("poor", "Poor (Misconduct)"),
    ("very_poor", "Very Poor"),
]
# The organisation's predicate (predikat kinerja organisasi).
ORG_RATINGS = [
    ("outstanding", "Outstanding"),
    ("good", "Good"),
    ("needs_improvement", "Needs Improvement"),
    ("poor", "Poor"),
    ("very_poor", "Very Poor"),
]
RATING_KEYS = tuple(key for key, _label in RATINGS)
PREDICATE_KEYS = tuple(key for key, _label in PREDICATES)
ORG_RATING_KEYS = tuple(key for key, _label in ORG_RATINGS)

# Predicate -> share of the annual coefficient of credit points (functional positions).
CREDIT_SHARE = {"very_good": 1.5, "good": 1.0, "needs_improvement": 0.75, "poor": 0.5, "very_poor": 0.25}
# Functional level -> annual coefficient of credit points (angka kredit).
CREDIT_COEFFICIENT = {
    "pemula": 3.75,
    "terampil": 5.0,
    "mahir": 12.5,
    "penyelia": 25.0,
    "ahli_pertama": 12.5,
    "ahli_muda": 25.0,
    "ahli_madya": 37.5,
    "ahli_utama": 50.0,
}


def months_held(date_start, date_end):
    """The months from ``date_start`` to ``date_end`` (both included), a month partly held
    counting for its share of days: July to December is 6, 15 January to 31 March 2 17/31.
    The months an SKP converts into credit points (Peraturan BKN 3/2023: pro rata)."""
    if not date_start or not date_end or date_start > date_end:
        return 0.0
    months = 0.0
    day = date_start
    while day <= date_end:
        length = calendar.monthrange(day.year, day.month)[1]
        month_end = day.replace(day=length)
        months += ((min(date_end, month_end) - day).days + 1) / length
        day = month_end + timedelta(days=1)
    return round(months, 4)


def credit_points(percent, coefficient, months):
    """Credit points of a conversion: the predicate's percentage of the level's annual
    coefficient, for ``months`` of the year."""
    return percent / 100.0 * coefficient * months / 12.0


def aggregate(values, aggregation):
    """Combine the values reported per sub-period (in period order) into one realisation."""
    if not values:
        return 0.0
    if aggregation == "sum":
        return sum(values)
    if aggregation == "average":
        return sum(values) / len(values)
    if aggregation == "max":
        return max(values)
    return values[-1]  # last


def achievement(realized, target, direction, cap):
    """Achievement in % of ``target``, in the indicator's direction, capped at ``cap``."""
    if direction == "lower":
        if realized <= 0:
            # Nothing at all where less is better (e.g. zero complaints) is the best outcome.
            return cap
        ratio = target / realized * 100.0
    else:
        if target <= 0:
            return 0.0
        ratio = realized / target * 100.0
    return max(0.0, min(ratio, cap))


# Rating -> predicate (PermenPANRB 6/2022): rows are the work-result rating, columns the
# behaviour rating.
QUADRANT = {
    ("above", "below"): "poor",
    ("above", "meets"): "good",
    ("above", "above"): "very_good",
    ("meets", "below"): "poor",
    ("meets", "meets"): "good",
    ("meets", "above"): "good",
    ("below", "below"): "very_poor",
    ("below", "meets"): "needs_improvement",
    ("below", "above"): "needs_improvement",
}


def predicate(result_rating, behavior_rating):
    """The employee's predicate for the two ratings, or False until both are set."""
    return QUADRANT.get((result_rating, behavior_rating), False)


def rating_from_achievement(value, threshold_meets, threshold_above):
    """The work-result rating suggested for an achievement (%), by the company's thresholds."""
    if value >= threshold_above:
        return "above"
    if value >= threshold_meets:
        return "meets"
    return "below"


def target_label(approach, target_value, unit_label, target_text):
    """An indicator's target as printed: value and unit for a quantitative SKP, the agreed
    text for a qualitative one."""
    if approach == "quantitative":
        return f"{target_value:g} {unit_label or ''}".strip()
    return target_text or "-"
