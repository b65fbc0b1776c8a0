"""Chart colours and settings that the toolbar shows without importing pyqtgraph."""

MA_PERIODS = (5, 20, 60, 120)
MA_COLORS = {5: "#e08a00", 20: "#2a9d3a", 60: "#8e44ad", 120: "#7f7f7f"}
