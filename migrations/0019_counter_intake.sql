-- Counter intake (issue 9): an application registered by staff at the
-- one-stop desk carries the one-time key of the staff's form, found
-- again by that key alone (the applicant may be an account the same
-- request created), so that a double submit makes one application.
ALTER TABLE applications
	ADD KEY applications_idem_key (idem_key);
