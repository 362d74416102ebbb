"""Learned components, trained from data and reviewers' decisions, versioned and written atomically:
`hs_description` (goods description -> HS headings, behind the `hs.description` check). The routing model comes
with issue 5."""
