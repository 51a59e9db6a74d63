"""The desktop app: PySide6 + qasync windows, dialogs and Qt models.

The only layer that imports Qt.
"""
