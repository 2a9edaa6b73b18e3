"""Pure Python: what the atlas shows (state, views, motion) and how a card reads.

No Qt and no VTK here, so the state can be tested without a display and the
same model drives the window, the off-screen export and the command line.
"""
