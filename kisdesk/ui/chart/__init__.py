"""The chart dock. Only dock.py is imported at start-up; view.py and items.py (pyqtgraph, numpy)
are imported when the dock is first shown."""
