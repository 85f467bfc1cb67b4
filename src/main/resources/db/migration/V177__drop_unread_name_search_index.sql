-- Issue 17/20: the queue's search reads intake_search since V160 (ADR 15); nothing reads this full-text index of
-- names any more, yet every intake insert and every non-HOT update of an intake (a status change at booking) wrote
-- it. Its sibling for open cases went in V160.
drop index if exists intake_name_search_ix;
