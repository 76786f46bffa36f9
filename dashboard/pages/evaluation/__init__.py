"""绩效评价与考核 / Evaluation: scorecards of districts and responsible units."""
