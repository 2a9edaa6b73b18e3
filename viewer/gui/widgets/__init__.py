"""Thin Qt views of the AtlasState: each reads the state and writes user intentions to it."""
