// server tests
