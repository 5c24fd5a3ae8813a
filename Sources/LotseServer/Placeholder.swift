// The server door; see issue 4.
