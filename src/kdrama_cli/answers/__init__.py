"""Answers: questions asked of the catalogue (lookups, show details, cast, comparisons, people,
search, lists, leaderboards, charts, trivia, quizzes). They return records and never print."""
