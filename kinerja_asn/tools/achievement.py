"""The regulation's achievement arithmetic, free of the ORM so that it is tested on its own."""


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
