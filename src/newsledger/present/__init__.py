"""Presenting: turning records and rows into what a person or a program reads."""
