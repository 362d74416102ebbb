"""Learned components: the goods-description-to-HS classifier and the routing model, trained from reviewers'
decisions, versioned and written atomically. They arrive with the issues that build them; the pipeline runs
without them (`hs.description` reports a non-blocking skip until the classifier exists)."""
